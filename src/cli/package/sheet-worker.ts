/**
 * A large sheet the review owns (the archive of a large portfolio) made and compressed on a
 * worker thread, while the main thread streams the customer sheet through. On one thread the
 * two took turns, and the archive is about as much XML as the customer sheet's output columns.
 * Its cells' styles are worked out before the plan is handed over, so the styles part stays
 * the main thread's alone. A small sheet, or one written where there is no compiled script to
 * start (the sources run as they are, in the unit tests), is written in turn on the main thread
 * by the same code.
 */
import * as fs from "node:fs";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { PackageError } from "./bounds";
import { newWorksheet, RowPlan, RowPlanData, SheetChild } from "./row-plan";
import { Styles } from "./styles";
import { CellWriter } from "./worksheet-xml";
import { CompressedPart, compressText } from "./zip-writer";

/** Everything the worker needs to write the sheet, as plain data. */
export interface SheetJob {
  readonly plan: RowPlanData;
  readonly children: readonly SheetChild[];
  readonly date1904: boolean;
}

/** Sheets of fewer cells are written on the main thread: a worker takes tens of milliseconds to start. */
export const WORKER_POLICY = { minCells: 200_000 };

const JOB = "credit-review own sheet";

function compressSheet(job: SheetJob): Promise<CompressedPart> {
  // Only the styles' indexes, already in the plan, are used: this writer adds no style.
  const writer = new CellWriter(new Styles(), "en", job.date1904);
  return compressText(newWorksheet(RowPlan.fromData(job.plan), writer, job.children));
}

/** A sheet being made on a worker thread; `cancel` stops it when the write fails before it is needed. */
export interface BackgroundPart {
  readonly done: Promise<CompressedPart>;
  cancel(): void;
}

/**
 * Starts making a sheet the review owns on a worker thread, when it is large enough to be worth
 * one and a compiled worker script is at hand; undefined when it is to be written in turn.
 */
export function backgroundSheet(job: SheetJob, cells: number, sheetName: string): BackgroundPart | undefined {
  const script = __filename;
  if (cells < WORKER_POLICY.minCells || !script.endsWith(".js") || !fs.existsSync(script)) return undefined;
  const worker = new Worker(script, { workerData: { kind: JOB, job } });
  const done = new Promise<CompressedPart>((resolve, reject) => {
    worker.once("message", (part: CompressedPart) => {
      // Buffers arrive as plain byte arrays: viewed as Buffers again, not copied.
      const data = part.data.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      resolve({ crc: part.crc, size: part.size, data });
    });
    worker.once("error", (error) => reject(new PackageError(`writing sheet "${sheetName}" failed: ${error.message}`)));
    worker.once("exit", (code) => reject(new PackageError(`writing sheet "${sheetName}" stopped (exit ${code})`)));
  });
  // The outcome is read where the part is written; a failure not read because the write failed first is no unhandled one.
  done.catch(() => {});
  return { done, cancel: () => void worker.terminate() };
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === JOB) {
  compressSheet((workerData as { job: SheetJob }).job).then(
    (part) => parentPort!.postMessage(part),
    (error: Error) => {
      throw error;
    },
  );
}
