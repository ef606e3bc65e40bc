/**
 * The review's memory, bounded before the work: the installed command line in a child process
 * whose heap is held small (--max-old-space-size, as a machine with little memory sets it), on
 * dense customer sheets. One too large for that heap is refused in one line naming the sheet, its
 * rows, the memory it needs and the setting that gives it; left to run, node ran out of memory
 * there (exit 134 and a V8 trace, after seconds of collecting). One that fits is reviewed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CORPUS_AS_OF, writeDenseSheet } from "../../scripts/make-hostile-corpus";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
/** A heap of 192 MB: node ran out of it at 135,000 rows of the dense sheet and finished 120,000. */
const SMALL_HEAP = "--max-old-space-size=192";
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "lib/src/cli/main.js")))
    throw new Error("lib/src/cli/main.js is missing: run npm run build:cli first (npm test does)");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-memory-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function reviewInSmallHeap(input: string, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [SMALL_HEAP, CLI, input, "--as-of", CORPUS_AS_OF, "--out", path.join(dir, "out.xlsx"), ...args],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (run.error) throw run.error;
  return { code: run.status, stderr: run.stderr };
}

test("a sheet whose review would not fit in the heap is refused before the review, in one line", async () => {
  const input = path.join(dir, "dense-150000.xlsx");
  await writeDenseSheet(input, 150_000);
  const en = reviewInSmallHeap(input, "--lang", "en");
  expect(en.code).toBe(2);
  expect(en.stderr).toMatch(
    /^credit-review: reviewing the 150,000 rows of sheet "Customers" needs about [\d.]+ MiB of memory, more than node may use here \([\d.]+ MiB\): run it with NODE_OPTIONS=--max-old-space-size=512 on a machine with that many MB free, or review the customers in smaller sheets\n$/,
  );
  const zh = reviewInSmallHeap(input, "--lang", "zh");
  expect({ code: zh.code, lines: zh.stderr.trim().split("\n").length }).toEqual({ code: 2, lines: 1 });
  expect(zh.stderr).toContain("审查工作表“Customers”的 150,000 行约需");
  expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
});

test("a sheet whose review fits in the same heap is reviewed", async () => {
  const input = path.join(dir, "dense-20000.xlsx");
  await writeDenseSheet(input, 20_000);
  expect(reviewInSmallHeap(input, "--lang", "en")).toEqual({ code: 0, stderr: "" });
  expect(fs.statSync(path.join(dir, "out.xlsx")).size).toBeGreaterThan(fs.statSync(input).size);
});
