/**
 * The installed command line, bin/credit-review.js over lib/ (`npm run build:cli`), as a child
 * process: its exit codes, and the permission faults while writing the reviewed workbook (a
 * read-only output folder, a read-only output file), which end in exit 2 with one plain line
 * and leave no output file and no temp file behind; an earlier output stays as it was.
 *
 * As a child process, the kernel itself refuses the write. Root ignores permission bits through the CAP_DAC_OVERRIDE
 * capability: under root the child runs without it (setpriv, util-linux), still as root, so it
 * reads the checkout wherever it lies (a clone in a private temporary folder included) and keeps
 * CAP_DAC_READ_SEARCH; only writing where the bits forbid it fails, as it does for any user.
 * The unreadable-input case drops CAP_DAC_READ_SEARCH as well, so the input's bits also hold for
 * reading; the child is still the owner of the checkout it reads its own code from.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/credit-review.js");
const COMPILED = path.join(ROOT, "lib/src/cli/main.js");
const SAMPLE = path.join(ROOT, "examples/customers.xlsx");
/** Runs a program without the capability that lets root write past permission bits. */
const WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override", "--"];
const WITHOUT_OVERRIDES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"];

const isRoot = process.geteuid?.() === 0;
let dir: string;
let input: string;

beforeAll(() => {
  if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run npm run build:cli first (npm test does)`);
  if (isRoot && spawnSync(WITHOUT_OVERRIDE[0], ["--version"]).error) {
    throw new Error("running as root: these tests need setpriv (util-linux) to drop CAP_DAC_OVERRIDE for the command line");
  }
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-permissions-"));
  input = path.join(dir, "customers.xlsx");
  fs.copyFileSync(SAMPLE, input);
});
afterEach(() => {
  for (const entry of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, entry), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

function runCli(...args: string[]) {
  return runAs(WITHOUT_OVERRIDE, args);
}

function runAs(dropping: readonly string[], args: readonly string[]) {
  const command = [...(isRoot ? dropping : []), process.execPath, CLI, ...args];
  const run = spawnSync(command[0], command.slice(1), { encoding: "utf8", timeout: 60_000 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr.replace(/\n$/, "") };
}

test("the installed command runs with the documented exit codes", () => {
  const ok = runCli(input, "--as-of", "2026-11-30", "--json");
  expect({ code: ok.code, stderr: ok.stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(ok.stdout).portfolio.customers).toBe(45);
  const bad = runCli("--nope");
  expect(bad.code).toBe(2);
  expect(bad.stderr.split("\n")[0]).toMatch(/^credit-review: unknown option --nope; (did you mean --|the options are --)/);
});

function expectPlainFailure(result: ReturnType<typeof runCli>, reason: RegExp) {
  expect(result).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(reason) });
  expect(result.stderr.split("\n")).toHaveLength(1);
}

test("a read-only output folder", () => {
  const locked = path.join(dir, "locked");
  fs.mkdirSync(locked);
  fs.chmodSync(locked, 0o555);
  const out = path.join(locked, "out.xlsx");
  const result = runCli(input, "--as-of", "2026-11-30", "--out", out);
  expectPlainFailure(result, /^credit-review: could not write .*locked\/out\.xlsx \(permission denied\); nothing was written$/);
  expect(fs.readdirSync(locked)).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(["customers.xlsx", "locked"]);
});

test("a read-only output file is refused, not replaced", () => {
  const out = path.join(dir, "out.xlsx");
  fs.writeFileSync(out, "an earlier review");
  fs.chmodSync(out, 0o444);
  const result = runCli(input, "--as-of", "2026-11-30", "--out", out);
  expectPlainFailure(result, /^credit-review: could not write .*out\.xlsx \(permission denied\); nothing was written$/);
  expect(fs.readFileSync(out, "utf8")).toBe("an earlier review");
  expect(fs.readdirSync(dir).sort()).toEqual(["customers.xlsx", "out.xlsx"]);
});

test("an input that cannot be read: exit 2 with one line, no stack trace", () => {
  fs.chmodSync(input, 0o000);
  const out = path.join(dir, "out.xlsx");
  const result = runAs(WITHOUT_OVERRIDES, [input, "--as-of", "2026-11-30", "--out", out]);
  expectPlainFailure(result, /^credit-review: .*customers\.xlsx is not a readable \.xlsx workbook \(permission denied\)$/);
  expect(fs.existsSync(out)).toBe(false);
});

test("the same command line writes when the folder and file are writable", () => {
  // The two refusals above come from the permission bits, not from something else in the run.
  const out = path.join(dir, "out.xlsx");
  fs.writeFileSync(out, "an earlier review");
  const result = runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
  expect(fs.readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
  expect(fs.readdirSync(dir).sort()).toEqual(["customers.xlsx", "out.xlsx"]);
});
