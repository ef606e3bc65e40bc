/**
 * The report's way out: standard output may close early (`| head`) or fail (a full disk under
 * `>`). Both used to end a review that had succeeded with node's stack trace and exit 1, which a
 * script reads as an internal error.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
const SAMPLE = path.join(ROOT, "examples/customers.xlsx");
let dir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "lib/src/cli/main.js")))
    throw new Error("lib/src/cli/main.js is missing: run npm run build:cli first (npm test does)");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-stdout-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a reader that stops early (| head): the rest of the report is dropped, the review ends as it would have", () => {
  const out = path.join(dir, "piped.xlsx");
  // The sample's JSON (over 80 KB) is more than a pipe holds, so most of it meets the closed pipe.
  const run = spawnSync(
    "bash",
    [
      "-c",
      `"${process.execPath}" "${CLI}" "${SAMPLE}" --as-of 2026-11-30 --json --out "${out}" | head -c 10; echo " exit \${PIPESTATUS[0]}"`,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  expect(run.stdout).toBe('{\n  "asOf" exit 0\n');
  expect(run.stderr).toBe("");
  expect(fs.statSync(out).size).toBeGreaterThan(10_000);
});

test.each([
  ["en", "credit-review: the report could not be written to standard output (ENOSPC); the exit status is 2"],
  ["zh", "credit-review: 报告无法写入标准输出（ENOSPC）；退出状态为 2"],
])("a report standard output cannot take (a full disk) is one line on stderr and exit 2 (%s)", (lang, line) => {
  const full = fs.openSync("/dev/full", "w");
  try {
    const run = spawnSync(
      process.execPath,
      [CLI, SAMPLE, "--as-of", "2026-11-30", "--lang", lang, "--out", path.join(dir, `full-${lang}.xlsx`)],
      { stdio: ["ignore", full, "pipe"], encoding: "utf8", timeout: 120_000 },
    );
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.status).toBe(2);
  } finally {
    fs.closeSync(full);
  }
});
