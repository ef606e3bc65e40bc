/**
 * The command line on a workbook in EUR whose amounts are partly typed as text: "12.500" (12,500 or
 * 12.5?) and "USD 30,000" are said at their cells, in the printed report, the JSON and the sheet's
 * Review issues, and left out of the figures; "1.250.000" and "€40.000,00" are read.
 */
import * as path from "node:path";
import { loadWorkbook, runCli, tempDirPerTest, writeWorkbook } from "../../support/cli";
import { CUSTOMER_HEADERS } from "../../support/review-grid";

const dir = tempDirPerTest("credit-text-amounts-");

function buildWorkbook(file: string): Promise<void> {
  return writeWorkbook(file, {
    Customers: [
      ["Amounts in EUR"],
      [...CUSTOMER_HEADERS, "Credit limit", "Outstanding balance"],
      ["C01", "Dotted Limit", 2, 2, 2, 2, 2, "12.500", 5000],
      ["C02", "Dollar Balance", 2, 2, 2, 2, 2, 100000, "USD 30,000"],
      ["C03", "European Forms", 2, 2, 2, 2, 2, "1.250.000", "€40.000,00"],
    ],
  });
}

const DOTTED =
  'row 3, column H (Credit limit): recommended limit, utilisation, available credit and Over credit limit check not computed: "12.500" could be 12,500 or 12.5; enter it as a number';
const DOLLAR =
  'row 4, column I (Outstanding balance): exposure, utilisation, available credit and Over credit limit check not computed: "USD 30,000" is in USD, but this column\'s amounts are in EUR; enter it in EUR';

test("an ambiguous text amount and one in another currency are said at their cells in every output, and not added", async () => {
  const input = path.join(dir(), "in.xlsx");
  await buildWorkbook(input);
  const out = path.join(dir(), "out.xlsx");
  const table = await runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect(table.code).toBe(0);
  const printed = table.stdout.replace(/\s+/g, " ");
  for (const sentence of [DOTTED, DOLLAR]) expect(printed).toContain(sentence.split(": ").slice(-1)[0]);

  const json = JSON.parse((await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "j.xlsx"), "--json")).stdout);
  const notes = json.customers.map((c: { notes: { text: string }[] }) => c.notes.map((n) => n.text));
  expect(notes).toEqual([[DOTTED], [DOLLAR], []]);
  expect(json.customers.map((c: { creditLimit: number | null; balance: number | null }) => [c.creditLimit, c.balance])).toEqual([
    [null, 5000],
    [100000, null],
    [1250000, 40000],
  ]);
  expect(json.portfolio.exposure).toBe(45000);

  const zh = JSON.parse(
    (await runCli(input, "--as-of", "2026-11-30", "--out", path.join(dir(), "zh.xlsx"), "--json", "--lang", "zh")).stdout,
  );
  expect(zh.customers[0].notes[0].text).toContain("“12.500”可能是 12,500，也可能是 12.5；请以数值输入");
  expect(zh.customers[1].notes[0].text).toContain("“USD 30,000”是 USD 金额，但本列金额的单位为 EUR；请按 EUR 填写");

  const sheet = (await loadWorkbook(out)).getWorksheet("Customers")!;
  const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const issues = (row: number) => sheet.getCell(row, header.indexOf("Review issues") + 1).value;
  expect([issues(3), issues(4), issues(5)]).toEqual([DOTTED, DOLLAR, null]);
});
