/**
 * Large sheets the review owns made and compressed on worker threads while the main thread
 * streams the customer sheet through: a new archive written whole, or an archive a month
 * longer patched (its earlier reviews copied, this review's rows added). On one thread they
 * took turns, and the archive is about as much XML as the customer sheet's output columns.
 * Cells' styles are worked out before a job is handed over, so the styles part stays the main
 * thread's alone. A small sheet, or one written where there is no compiled script to start
 * (the sources run as they are, in the unit tests), is written in turn on the main thread by
 * the same code.
 */
import * as fs from "node:fs";
import type { MessageKey, MessageParams } from "../../engine/i18n";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { BoundError } from "./bounds";
import { PackageError, PackageProblem } from "./package-error";
import { newWorksheet, RowPlan, RowPlanData, SheetChild } from "./row-plan";
import { PatchJob, patchPart } from "./sheet-patch";
import { Styles } from "./styles";
import { CellWriter } from "./worksheet-xml";
import { CompressedPart, compressing, compressText } from "./zip-writer";
import { ZipEntry, ZipReader } from "./zip-reader";

/** Everything the worker needs to write a sheet whole, as plain data. */
export interface SheetJob {
  readonly plan: RowPlanData;
  readonly children: readonly SheetChild[];
  readonly date1904: boolean;
}

/** Sheets of fewer cells are written on the main thread: a worker takes tens of milliseconds to start. */
export const WORKER_POLICY = { minCells: 200_000 };

/** About as many bytes of a sheet's XML as one cell takes: a sheet patched weighs its cells and its text. */
const BYTES_PER_CELL = 40;

/** The worker runs this very module, compiled: nothing else is ever started on a thread. */
const script = __filename;

/**
 * What a worker hands back: the part, or the input it was refused for (a damaged part of the
 * input, a bound), as data, so that its line is said in the run's language like the main thread's.
 */
type WorkerReply = CompressedPart | { refused: { kind: "package" | "bound"; key: MessageKey; params: MessageParams } };

type Job = { kind: typeof WHOLE; job: SheetJob } | { kind: typeof PATCH; job: PatchJob; file: string };
const WHOLE = "credit-review own sheet";
const PATCH = "credit-review own sheet patched";

function compressSheet(job: SheetJob): Promise<CompressedPart> {
  // Only the styles' indexes, already in the plan, are used: this writer adds no style.
  const writer = new CellWriter(new Styles(), "en", job.date1904);
  return compressText(newWorksheet(RowPlan.fromData(job.plan), writer, job.children));
}

async function compressPatch(job: PatchJob, file: string): Promise<CompressedPart> {
  const zip = await ZipReader.open(file, file);
  try {
    const part = compressing();
    await patchPart(zip, job, part.write);
    return await part.end();
  } finally {
    zip.close();
  }
}

/** A sheet being made on a worker thread; `cancel` stops it when the write fails before it is needed. */
export interface BackgroundPart {
  readonly done: Promise<CompressedPart>;
  cancel(): void;
}

function startWorker(job: Job, sheetName: string): BackgroundPart {
  const worker = new Worker(script, { workerData: job });
  const done = new Promise<CompressedPart>((resolve, reject) => {
    worker.once("message", (reply: WorkerReply) => {
      if ("refused" in reply) {
        const { kind, key, params } = reply.refused;
        reject(kind === "package" ? new PackageError(key as PackageProblem, params) : new BoundError(key, params));
        return;
      }
      // Buffers arrive as plain byte arrays: viewed as Buffers again, not copied.
      const data = reply.data.map((chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      resolve({ crc: reply.crc, size: reply.size, data });
    });
    worker.once("error", (error) =>
      reject(new PackageError("cli.package.workerFailed", { sheet: sheetName, detail: error.message })),
    );
    worker.once("exit", (code) => reject(new PackageError("cli.package.workerStopped", { sheet: sheetName, code })));
  });
  // The outcome is read where the part is written; a failure not read because the write failed first is no unhandled one.
  done.catch(() => {});
  return { done, cancel: () => void worker.terminate() };
}

/** Whether a sheet of `weight` cells is made on a worker: large enough, and a compiled worker script at hand. */
function onWorker(weight: number): boolean {
  return weight >= WORKER_POLICY.minCells && script.endsWith(".js") && fs.existsSync(script);
}

/**
 * Starts making a sheet the review owns on a worker thread, when it is large enough to be worth
 * one and a compiled worker script is at hand; undefined when it is to be written in turn.
 */
export function backgroundSheet(job: SheetJob, cells: number, sheetName: string): BackgroundPart | undefined {
  return onWorker(cells) ? startWorker({ kind: WHOLE, job }, sheetName) : undefined;
}

/** What patching a sheet weighs, in cells: the plan's, and the sheet's text streamed through. */
export function patchWeight(plan: RowPlan, entry: ZipEntry): number {
  return plan.cellCount + entry.uncompressedSize / BYTES_PER_CELL;
}

/**
 * Starts patching a sheet the review owns on a worker thread, which reads it from the input
 * file itself, when it weighs enough; undefined when it is to be patched in turn.
 */
export function backgroundPatch(job: PatchJob, zip: ZipReader, weight: number): BackgroundPart | undefined {
  return onWorker(weight) ? startWorker({ kind: PATCH, job, file: zip.file }, job.sheetName) : undefined;
}

if (!isMainThread) {
  const job = workerData as Job | null;
  const made = job?.kind === WHOLE ? compressSheet(job.job) : job?.kind === PATCH ? compressPatch(job.job, job.file) : undefined;
  made?.then(
    (part) => parentPort!.postMessage(part),
    (error: Error) => {
      const refused: WorkerReply | undefined =
        error instanceof PackageError
          ? { refused: { kind: "package", key: error.problem, params: error.params } }
          : error instanceof BoundError
            ? { refused: { kind: "bound", key: error.key, params: error.params } }
            : undefined;
      if (!refused) throw error;
      parentPort!.postMessage(refused);
    },
  );
}
