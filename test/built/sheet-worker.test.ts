/**
 * The command line as built (lib/): a large sheet the review owns is made on a worker thread
 * (the compiled worker script exists only there). The reviewed copy must hold the same parts,
 * byte for byte once inflated, whether its sheets were made on worker threads or in turn; and a
 * write that fails while a worker runs ends with exit 2 and leaves no worker running.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const LIB = path.join(ROOT, "lib/src/cli");
const SAMPLE = path.join(ROOT, "examples/customers.xlsx");

/* eslint-disable @typescript-eslint/no-require-imports */
// The module object itself (an import's namespace cannot be spied on): the code under test reads Worker from it.
const workerThreads = require("node:worker_threads") as typeof import("node:worker_threads");
const { review, writeToFile } = require(path.join(LIB, "main.js")) as typeof import("../../src/cli/main");
const { WORKER_POLICY } = require(
  path.join(LIB, "package/sheet-worker.js"),
) as typeof import("../../src/cli/package/sheet-worker");
const { ZipReader } = require(path.join(LIB, "package/zip-reader.js")) as typeof import("../../src/cli/package/zip-reader");
/* eslint-enable @typescript-eslint/no-require-imports */

const quiet = { stdout: () => {}, stderr: () => {}, progress: false };
let dir: string;
const minCells = WORKER_POLICY.minCells;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-worker-"));
});
afterEach(() => {
  WORKER_POLICY.minCells = minCells;
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await ZipReader.open(file, file);
  try {
    const texts = new Map<string, string>();
    for (const entry of zip.entries.values()) texts.set(entry.name, await zip.text(entry));
    return texts;
  } finally {
    zip.close();
  }
}

/** Watches the workers started: each one's exit, as a promise, and what it was given to make. */
function watchWorkers() {
  const exits: Promise<number>[] = [];
  const kinds: string[] = [];
  const Worker = workerThreads.Worker;
  const start = jest.spyOn(workerThreads, "Worker").mockImplementation(function (...args) {
    const worker = new Worker(...args);
    kinds.push((args[1]?.workerData as { kind: string }).kind);
    exits.push(new Promise((resolve) => worker.once("exit", resolve)));
    return worker;
  });
  return { start, exits, kinds };
}

async function reviewed(
  name: string,
  workerCells: number,
  input = SAMPLE,
  asOf = "2026-11-30",
): Promise<{ code: number; started: number; kinds: string[] }> {
  WORKER_POLICY.minCells = workerCells;
  const { start, exits, kinds } = watchWorkers();
  const { code } = await review([input, "--as-of", asOf, "--out", path.join(dir, name)], quiet);
  await Promise.all(exits);
  const started = start.mock.calls.length;
  start.mockRestore();
  return { code, started, kinds };
}

test("the sheets the review owns made on worker threads are the same parts as made in turn", async () => {
  expect(await reviewed("in-turn.xlsx", Infinity)).toEqual({ code: 0, started: 0, kinds: [] });
  // Archive, summary and policy sheets: each on its own worker.
  const onWorkers = await reviewed("on-workers.xlsx", 0);
  expect(onWorkers.code).toBe(0);
  expect(onWorkers.started).toBeGreaterThanOrEqual(3);
  const [inTurn, fromWorkers] = [await parts(path.join(dir, "in-turn.xlsx")), await parts(path.join(dir, "on-workers.xlsx"))];
  expect([...fromWorkers.keys()].sort()).toEqual([...inTurn.keys()].sort());
  for (const [name, text] of inTurn) expect({ name, text: fromWorkers.get(name) }).toEqual({ name, text });
  const archive = [...inTurn.values()].find((t) => t.includes("<t>Action codes</t>"));
  expect(archive).toContain("<t>Harbor Lights Retail</t>");
});

test("an archive a month longer, patched on a worker thread, is the same part as patched in turn", async () => {
  expect((await reviewed("november.xlsx", Infinity)).code).toBe(0);
  const november = path.join(dir, "november.xlsx");
  expect(await reviewed("in-turn.xlsx", Infinity, november, "2026-12-31")).toEqual({ code: 0, started: 0, kinds: [] });
  const onWorkers = await reviewed("on-workers.xlsx", 0, november, "2026-12-31");
  expect(onWorkers.code).toBe(0);
  // The archive and the policy sheet are the review's own sheets patched; the summary is written whole.
  expect(onWorkers.kinds.filter((k) => k.endsWith("patched")).length).toBeGreaterThanOrEqual(2);
  const [inTurn, fromWorkers] = [await parts(path.join(dir, "in-turn.xlsx")), await parts(path.join(dir, "on-workers.xlsx"))];
  expect([...fromWorkers.keys()].sort()).toEqual([...inTurn.keys()].sort());
  for (const [name, text] of inTurn) expect({ name, text: fromWorkers.get(name) }).toEqual({ name, text });
  const archive = [...inTurn.values()].find((t) => t.includes("<t>Action codes</t>"))!;
  // Both reviews' rows: November's copied through, December's added.
  expect(archive).toMatch(/<v>46356<\/v>[\s\S]*<v>46387<\/v>/);
});

test("a write that fails while workers run: exit 2, one line, no file, the workers stopped", async () => {
  WORKER_POLICY.minCells = 0;
  const out = path.join(dir, "out.xlsx");
  const lines: string[] = [];
  const { start, exits } = watchWorkers();
  const { code } = await review([SAMPLE, "--as-of", "2026-11-30", "--out", out], {
    ...quiet,
    stderr: (line) => lines.push(line),
    // A descriptor open for reading only: the first byte written to it fails.
    writeWorkbook: async (_file, _mode, produce) => {
      const fd = fs.openSync(SAMPLE, "r");
      try {
        await produce(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
  });
  expect(start).toHaveBeenCalled();
  expect(code).toBe(2);
  expect(lines).toEqual([
    expect.stringMatching(/^credit-review: could not write .*out\.xlsx \(the system says EBADF\); nothing was written$/),
  ]);
  expect(fs.existsSync(out)).toBe(false);
  // Every worker ends (terminated, or done): none is left running behind the failed write.
  await expect(Promise.all(exits)).resolves.toHaveLength(start.mock.calls.length);
});

test("the input replaced by a cut-off copy while a worker patches it (a job copying a file still being written): the worker's refusal is said in the run's language", async () => {
  expect((await reviewed("november.xlsx", Infinity)).code).toBe(0);
  const november = path.join(dir, "november.xlsx");
  WORKER_POLICY.minCells = 0;
  const out = path.join(dir, "out.xlsx");
  const lines: string[] = [];
  const { start, exits, kinds } = watchWorkers();
  const { code } = await review([november, "--as-of", "2026-12-31", "--lang", "zh", "--out", out], {
    ...quiet,
    stderr: (line) => lines.push(line),
    // The main thread holds the file it opened; a worker patching one of our sheets opens the path again.
    writeWorkbook: async (file, mode, produce) => {
      const cut = path.join(dir, "cut.xlsx");
      fs.writeFileSync(cut, fs.readFileSync(november).subarray(0, 4000));
      fs.renameSync(cut, november);
      await writeToFile(file, mode, produce);
    },
  });
  await Promise.all(exits);
  expect(kinds.some((k) => k.endsWith("patched"))).toBe(true);
  start.mockRestore();
  expect(code).toBe(2);
  expect(lines).toEqual([
    `credit-review: ${november} 不完整或已损坏：无法读取其部件列表（End of central directory record signature not found. Either not a zip file, or file is truncated.）。文件在写完或下载完之前被复制就会这样：请重新复制或保存该文件，再运行审查`,
  ]);
  expect(fs.existsSync(out)).toBe(false);
});
