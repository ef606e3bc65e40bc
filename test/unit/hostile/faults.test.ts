/**
 * Faults while writing the reviewed workbook: a path under a regular file, a path that is a
 * folder, and a disk that fills up half way. Each ends in exit 2 with one plain line, and
 * leaves no output file and no temp file behind (the folder listing is checked); an earlier
 * output stays as it was. The permission faults (a read-only folder or file) need the kernel
 * to refuse the write, so they run the built command line as a child process:
 * test/built/cli-permissions.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { review, WorkbookWriter, writeToFile } from "../../../src/cli/main";

const SAMPLE = path.resolve(__dirname, "../../../examples/customers.xlsx");
let dir: string;
let input: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-faults-"));
  input = path.join(dir, "customers.xlsx");
  fs.copyFileSync(SAMPLE, input);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type Writer = WorkbookWriter;

async function run(argv: readonly string[], writeWorkbook?: Writer) {
  const out: string[] = [];
  const err: string[] = [];
  const { code } = await review(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress: false,
    writeWorkbook,
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

function expectPlainFailure(result: { code: number; stderr: string; stdout: string }, reason: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(reason);
}

const errno = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}`), { code });

test("a path under a regular file (ENOTDIR)", async () => {
  const blocker = path.join(dir, "blocker");
  fs.writeFileSync(blocker, "");
  const result = await run([input, "--as-of", "2026-11-30", "--out", path.join(blocker, "out.xlsx")]);
  expectPlainFailure(
    result,
    /^credit-review: could not write .*blocker\/out\.xlsx \(a folder on its path is a file\); nothing was written$/,
  );
  expect(fs.readdirSync(dir).sort()).toEqual(["blocker", "customers.xlsx"]);
  expect(fs.readFileSync(blocker, "utf8")).toBe("");
});

test("an output path that is a folder", async () => {
  const folder = path.join(dir, "out.xlsx");
  fs.mkdirSync(folder);
  const result = await run([input, "--as-of", "2026-11-30", "--out", folder]);
  expectPlainFailure(result, /could not write .*out\.xlsx \(not a regular file\); nothing was written$/);
  expect(fs.readdirSync(folder)).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(["customers.xlsx", "out.xlsx"]);
});

test("a folder that does not exist is named before the review, not reported as no such file after it", async () => {
  const missing = path.join(dir, "reports", "2026");
  const result = await run([input, "--as-of", "2026-11-30", "--out", path.join(missing, "out.xlsx")]);
  expectPlainFailure(
    result,
    new RegExp(`^credit-review: --out .*out\\.xlsx: the folder ${missing} does not exist; create it first or name another$`),
  );
  expect(fs.readdirSync(dir)).toEqual(["customers.xlsx"]);
});

test.each(["report.csv", "report.xlsm", "report"])(
  "--out %s: a name other than .xlsx for an .xlsx workbook is refused",
  async (name) => {
    const result = await run([input, "--as-of", "2026-11-30", "--out", path.join(dir, name)]);
    expectPlainFailure(result, /: the reviewed copy is an Excel workbook, so its name must end in \.xlsx$/);
    expect(fs.readdirSync(dir)).toEqual(["customers.xlsx"]);
  },
);

describe("the disk fills up half way through the write", () => {
  /** Writes the first half of the real workbook to the temp file, then fails as a full disk does. */
  const diskFull: Writer = async (file, mode, produce) => {
    const whole = `${file}.whole`;
    await writeToFile(whole, mode, produce);
    const bytes = fs.readFileSync(whole);
    fs.rmSync(whole);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    throw errno("ENOSPC", "no space left on device, write");
  };
  let temps: string[];
  const spy: Writer = (file, mode, produce) => {
    temps.push(file);
    return diskFull(file, mode, produce);
  };
  beforeEach(() => (temps = []));

  test("no output file and no temp file", async () => {
    const out = path.join(dir, "out.xlsx");
    const result = await run([input, "--as-of", "2026-11-30", "--out", out], spy);
    expectPlainFailure(result, /^credit-review: could not write .*out\.xlsx \(no space left on the disk\); nothing was written$/);
    // The writer was handed a temp file next to the output, never the output itself.
    expect(temps).toHaveLength(1);
    expect(path.dirname(temps[0])).toBe(dir);
    expect(temps[0]).not.toBe(out);
    expect(fs.readdirSync(dir)).toEqual(["customers.xlsx"]);
  });

  test("an earlier output stays as it was", async () => {
    // Named with --out: a copy the default name would find taken is never the one replaced.
    const out = path.join(dir, "customers.reviewed.xlsx");
    expect((await run([input, "--as-of", "2026-10-31", "--out", out])).code).toBe(0);
    const earlier = fs.readFileSync(out);
    const result = await run([input, "--as-of", "2026-11-30", "--out", out], spy);
    expectPlainFailure(result, /could not write .*customers\.reviewed\.xlsx \(no space left on the disk\)/);
    expect(fs.readFileSync(out).equals(earlier)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["customers.reviewed.xlsx", "customers.xlsx"]);
  });

  test("a writer that fails without an errno code is reported by its message", async () => {
    const out = path.join(dir, "out.xlsx");
    const result = await run([input, "--as-of", "2026-11-30", "--out", out], async (file) => {
      fs.writeFileSync(file, "PK");
      throw new Error("Invalid string length");
    });
    expectPlainFailure(result, /could not write .*out\.xlsx \(Invalid string length\); nothing was written$/);
    expect(fs.readdirSync(dir)).toEqual(["customers.xlsx"]);
  });
});

test("the default writer's file opens in exceljs", async () => {
  const out = path.join(dir, "out.xlsx");
  expect((await run([input, "--as-of", "2026-11-30", "--out", out])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet("Credit Review Summary")).toBeDefined();
  expect(fs.readdirSync(dir).sort()).toEqual(["customers.xlsx", "out.xlsx"]);
});
