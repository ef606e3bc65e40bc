/**
 * A customer's id corrected between two reviews (a typo fixed, a new numbering): its history is
 * read under the new id, so the next review compares it with its own last review, and says the
 * id changed rather than one customer added and another gone.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { message } from "../../../src/engine/i18n";
import { OutputField } from "../../../src/engine/review/fields";
import { customerChangeLines, issuesText } from "../../../src/engine/review/texts";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { CYCLE_SHEET, CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { Grid, serial } from "../../support/review-grid";
import { printedList } from "../../support/printed-report";
import { sheet, typed } from "../../support/typed-cells";

const OCT = serial("2026-10-31");
const NOV = serial("2026-11-30");

function reviewedOnce() {
  const { result: first, workbook } = reviewWorkbook({ customers: sheet(4) }, OCT);
  const column = (field: OutputField) => first.layout.outputColumns[field];
  return { first, workbook, column };
}

/** The sheet with cells of its data rows (0-based under the header) set: [row, column, value]. */
function edited(workbook: CycleWorkbook, cells: [number, number, string][]): CycleWorkbook {
  const customers: Grid = workbook.customers.map((line) => [...line]);
  for (const [row, column, value] of cells) customers[row + 1][column] = value;
  return { ...workbook, customers };
}

const ID = 0;
const NAME = 1;

describe("a customer's id corrected since the last review", () => {
  test("its history is its own: no customer added or gone, its score and limit compared, the limit typed over found; every face says the id changed", () => {
    const { first, workbook, column } = reviewedOnce();
    const before = typed(edited(workbook, [[1, ID, "C-101"]]), column, [[1, "recommendedLimit", 1234]]);
    const { result } = reviewWorkbook(before, NOV);
    const changes = result.changes!;
    expect(changes.idChanged).toEqual([{ row: 3, name: "Customer 1", from: "C101", to: "C-101" }]);
    expect(changes.added).toEqual([]);
    expect(changes.gone).toEqual([]);
    const change = changes.customers[1];
    expect(change).toMatchObject({ id: "C-101", previousId: "C101", previousScore: first.customers[1].score, scoreChange: 0 });
    expect(result.customers[1]).toMatchObject({ previousScore: first.customers[1].score, previousScoreFrom: "archive" });
    expect(result.typedOver!.cells.map((c) => [c.row, c.field, c.typed, c.written])).toEqual([
      [3, "recommendedLimit", 1234, first.customers[1].recommendedLimit],
    ]);
    expect(customerChangeLines(change, result.customers[1], "en", result.policy)).toEqual([
      "Score 2.00 → 2.00 (0.00 points), still Low since 2026-10-31",
      "Id changed since its last review (was C101): its history is read under the new one",
    ]);
    expect(customerChangeLines(change, result.customers[1], "zh", result.policy)).toContain(
      "上次审查后编号已变更（原编号 C101）：其历史记录按新编号读取",
    );
    expect(printedList(toTable(result, "en", "out.xlsx"), "Id changed since the last review", "en")).toEqual({
      count: "1",
      items: ["Customer 1: C101 → C-101"],
    });
    const json = toJson(result, "en", "out.xlsx").changes!;
    expect(json.idChanged).toEqual([{ row: 3, name: "Customer 1", from: "C101", to: "C-101" }]);
    expect(json.customers[1]).toMatchObject({ previousId: "C101" });
    const summary = buildWritePlan(result, "zh", { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
    const texts = summary.blocks.flatMap((b) => b.values.flat());
    expect(texts).toContain(message("zh", "changes.idChanged"));
    expect(texts).toContain("Customer 1：C101 → C-101");
  });

  test("the month after, its history goes on under the new id", () => {
    const { workbook } = reviewedOnce();
    const november = reviewWorkbook(edited(workbook, [[1, ID, "C-101"]]), NOV).workbook;
    const { result } = reviewWorkbook(november, serial("2026-12-31"));
    expect(result.changes!.idChanged).toEqual([]);
    expect(result.changes!.customers[1]).toMatchObject({ previousId: undefined, previousDate: NOV });
  });

  test("not when it could be two customers: two newcomers of that name, or the name changed too", () => {
    const { workbook } = reviewedOnce();
    // Customer 1's id changed, and a second row of that name with another new id.
    const twice = edited(workbook, [[1, ID, "C-101"]]);
    twice.customers.push(["C-999", "Customer 1", 2, 2, 2, 2, 2, 100000, 40000, 0]);
    const both = reviewWorkbook(twice, NOV).result.changes!;
    expect(both.idChanged).toEqual([]);
    expect(both.added.map((c) => c.id)).toEqual(["C-101", "C-999"]);
    expect(both.gone.map((c) => c.id)).toEqual(["C101"]);
    // The id and the name changed together: another customer as far as anyone can tell.
    const renamed = reviewWorkbook(
      edited(workbook, [
        [1, ID, "C-101"],
        [1, NAME, "Customer One"],
      ]),
      NOV,
    ).result.changes!;
    expect(renamed.idChanged).toEqual([]);
    expect(renamed.added.map((c) => c.id)).toEqual(["C-101"]);
    expect(renamed.gone.map((c) => c.id)).toEqual(["C101"]);
  });

  test("a customer whose id is the same but written otherwise (case, leading zeros) is not said to have changed", () => {
    const { workbook } = reviewedOnce();
    const { result } = reviewWorkbook(edited(workbook, [[1, ID, "c101"]]), NOV);
    expect(result.changes!.idChanged).toEqual([]);
    expect(result.changes!.added).toEqual([]);
  });

  test("only a customer the last review knew, by the name it gave it then", () => {
    const { workbook } = reviewedOnce();
    // Customer 3 leaves in November; in December a new customer of its name arrives: a stranger, not a correction.
    const november = reviewWorkbook({ ...workbook, customers: workbook.customers.slice(0, 4) }, NOV).workbook;
    const december = edited(november, []);
    december.customers.push(["N-1", "Customer 3", 2, 2, 2, 2, 2, 100000, 40000, 0]);
    const stranger = reviewWorkbook(december, serial("2026-12-31")).result.changes!;
    expect(stranger.idChanged).toEqual([]);
    expect(stranger.added.map((c) => c.id)).toEqual(["N-1"]);
    // Customer 1 renamed in November, its id corrected in December under its old name: another customer.
    const renamedThen = reviewWorkbook(edited(workbook, [[1, NAME, "Acme Holdings"]]), NOV).workbook;
    const oldName = reviewWorkbook(
      edited(renamedThen, [
        [1, ID, "C-101"],
        [1, NAME, "Customer 1"],
      ]),
      serial("2026-12-31"),
    );
    expect(oldName.result.changes!.idChanged).toEqual([]);
  });

  test("not when the name is a repeated newcomer's too", () => {
    const { workbook } = reviewedOnce();
    const repeated = edited(workbook, [[1, ID, "C-101"]]);
    for (let i = 0; i < 2; i++) repeated.customers.push(["C-555", "Customer 1", 2, 2, 2, 2, 2, 100000, 40000, 0]);
    expect(reviewWorkbook(repeated, NOV).result.changes!.idChanged).toEqual([]);
  });

  test("corrected twice on the same day: the re-run links the newest id to the history before that day", () => {
    const { workbook } = reviewedOnce();
    const first = reviewWorkbook(edited(workbook, [[1, ID, "C-101"]]), NOV).workbook;
    const again = reviewWorkbook(edited(first, [[1, ID, "C-1010"]]), NOV).result.changes!;
    expect(again.idChanged).toEqual([{ row: 3, name: "Customer 1", from: "C101", to: "C-1010" }]);
    expect(again.added).toEqual([]);
  });

  test("a typo fixed back the month after: the id the archive knew before takes the history on", () => {
    const { workbook } = reviewedOnce();
    const november = reviewWorkbook(edited(workbook, [[1, ID, "C-101"]]), NOV).workbook;
    const { result } = reviewWorkbook(edited(november, [[1, ID, "C101"]]), serial("2026-12-31"));
    const changes = result.changes!;
    expect(changes.idChanged).toEqual([{ row: 3, name: "Customer 1", from: "C-101", to: "C101" }]);
    expect([changes.added, changes.gone]).toEqual([[], []]);
    expect(changes.customers[1]).toMatchObject({ previousId: "C-101", previousDate: NOV });
  });

  test("not a key one review held beside the gone one: two customers of one name stay two", () => {
    const customers = sheet(3);
    customers[2][NAME] = "Customer 0";
    // October: C100 and C101 both "Customer 0"; November without C101; December C101 back and C100 gone.
    const { workbook } = reviewWorkbook({ customers }, OCT);
    const november = reviewWorkbook({ ...workbook, customers: workbook.customers.filter((_, r) => r !== 2) }, NOV).workbook;
    const december = { ...november, customers: [november.customers[0], workbook.customers[2], november.customers[2]] };
    const changes = reviewWorkbook(december, serial("2026-12-31")).result.changes!;
    expect(changes.idChanged).toEqual([]);
    expect(changes.added.map((c) => c.id)).toEqual(["C101"]);
    expect(changes.gone.map((c) => c.id)).toEqual(["C100"]);
  });

  test("an id copied onto a second row under another name is a data error on both, not a rename", () => {
    const { workbook } = reviewedOnce();
    const copied = edited(workbook, []);
    copied.customers.push(["C101", "Customer 1 (HK)", 2, 2, 2, 2, 2, 100000, 40000, 0]);
    const { result } = reviewWorkbook(copied, NOV);
    expect(result.changes!.renamed).toEqual([]);
    expect(result.changes!.customers.filter((c) => c.id === "C101").map((c) => c.previousName)).toEqual([undefined, undefined]);
    expect(result.customers.filter((c) => c.id === "C101").every((c) => c.grade === undefined)).toBe(true);
  });

  test("its invoices still under the old id on a ledger not corrected with it are read under it, and a note says so", () => {
    const ledger = [
      ["Customer ID", "Invoice", "Due date", "Amount"],
      ["C101", "INV-1", serial("2026-08-31"), 12000],
      ["C102", "INV-2", serial("2026-11-15"), 5000],
    ];
    const { workbook } = reviewWorkbook({ customers: sheet(4), ledger }, OCT);
    const { result } = reviewWorkbook(edited(workbook, [[1, ID, "C-101"]]), NOV);
    const customer = result.customers[1];
    expect(customer).toMatchObject({ id: "C-101", overdueAmount: 12000, daysPastDue: 91 });
    expect(result.portfolio.unmatchedInvoices?.customers ?? 0).toBe(0);
    const notes = customer.notes.map((n) => [n.reason.key, n.toFix]);
    expect(notes).toContainEqual(["note.ledgerPreviousId", false]);
    expect(issuesText(customer, "en", result.policy)).toContain(
      "the invoice ledger still names this customer by its earlier id, C101: its invoices are read under it (correct the ledger's id to this one)",
    );
    // Its id taken off the sheet instead: read under it all the same, the note asking for it back.
    const off = reviewWorkbook(edited(workbook, [[1, ID, ""]]), NOV).result.customers[1];
    expect(off).toMatchObject({ id: "", overdueAmount: 12000 });
    expect(issuesText(off, "en", result.policy)).toContain(
      "the invoice ledger still names this customer by its earlier id, C101, which the customer sheet no longer gives: its invoices are read under it (give the customer its id again, or name it on the ledger)",
    );
  });

  test("months after the correction, invoices still under the old id are read under it, and a branch gone under its own id is not", () => {
    const ledger = [
      ["Customer ID", "Invoice", "Due date", "Amount"],
      ["C101", "INV-1", serial("2026-08-31"), 12000],
      ["C102", "INV-2", serial("2026-11-15"), 5000],
    ];
    const { workbook } = reviewWorkbook({ customers: sheet(4), ledger }, OCT);
    const november = reviewWorkbook(edited(workbook, [[1, ID, "C-101"]]), NOV).workbook;
    for (const date of ["2026-12-31", "2027-01-31"]) {
      const { result } = reviewWorkbook(november, serial(date));
      expect(result.customers[1]).toMatchObject({ id: "C-101", overdueAmount: 12000 });
      expect(result.customers[1].notes.map((n) => n.reason.key)).toContain("note.ledgerPreviousId");
      expect(result.portfolio.unmatchedInvoices?.customers ?? 0).toBe(0);
    }
    // Two customers of one name, each under its own id in October; November without C101: its
    // invoices are its own, not the other's of that name.
    const twins = sheet(4);
    twins[2][NAME] = "Customer 0";
    const october = reviewWorkbook({ customers: twins, ledger }, OCT).workbook;
    const withoutTwin = reviewWorkbook({ ...october, customers: october.customers.filter((_, r) => r !== 2) }, NOV).workbook;
    const { result } = reviewWorkbook(withoutTwin, serial("2026-12-31"));
    expect(result.customers[0]).toMatchObject({ id: "C100", overdueAmount: 0 });
    expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 1, keys: ["C101"] });
  });

  test("a customer that left and a later one of its name are two: the old invoices stay unmatched, in its first month and after", () => {
    const ledger = [
      ["Customer ID", "Invoice", "Due date", "Amount"],
      ["C101", "INV-1", serial("2026-08-31"), 12000],
    ];
    const { workbook } = reviewWorkbook({ customers: sheet(4), ledger }, OCT);
    // November: Customer 1 (C101) is gone; its invoice is unmatched.
    const gone = reviewWorkbook({ ...workbook, customers: workbook.customers.filter((_, r) => r !== 2) }, NOV);
    expect(gone.result.portfolio.unmatchedInvoices).toMatchObject({ customers: 1, keys: ["C101"] });
    // December: a new customer of that name under its own id, C900.
    const newcomer = gone.workbook.customers.map((line) => [...line]);
    const row = [...workbook.customers[2]];
    row[ID] = "C900";
    newcomer.push(row);
    const december = reviewWorkbook({ ...gone.workbook, customers: newcomer }, serial("2026-12-31"));
    const january = reviewWorkbook(december.workbook, serial("2027-01-31"));
    for (const { result } of [december, january]) {
      const c900 = result.customers.find((c) => c.id === "C900")!;
      expect(c900).toMatchObject({ name: "Customer 1", overdueAmount: 0 });
      expect(c900.notes.map((n) => n.reason.key)).not.toContain("note.ledgerPreviousId");
      expect(result.portfolio.unmatchedInvoices).toMatchObject({ customers: 1, keys: ["C101"] });
    }
  });

  test("ids and names in Chinese and full-width forms", () => {
    const customers = sheet(2);
    customers[1][0] = "Ｃ-２０１";
    customers[1][1] = "华为　科技（深圳）";
    const { workbook } = reviewWorkbook({ customers }, OCT, "zh");
    const { result } = reviewWorkbook(
      edited(workbook, [
        [0, ID, "C-2010"],
        [0, NAME, "华为 科技(深圳)"],
      ]),
      NOV,
      "zh",
    );
    expect(result.changes!.idChanged).toEqual([{ row: 2, name: "华为 科技(深圳)", from: "Ｃ-２０１", to: "C-2010" }]);
  });
});

describe("a customer given an id, or its id taken off, since the last review", () => {
  /** The sheet with every customer's id cell set to `id(i)`. */
  function withIds(workbook: CycleWorkbook, id: (i: number) => string): CycleWorkbook {
    return edited(
      workbook,
      workbook.customers.slice(1).map((_, i): [number, number, string] => [i, ID, id(i)]),
    );
  }

  test("a sheet kept by name gains an id column: each customer's history is its own, and every face says the id was given", () => {
    const { result: first, workbook } = reviewWorkbook({ customers: sheet(3) }, OCT);
    const byName = reviewWorkbook(
      withIds(workbook, () => ""),
      serial("2026-10-31"),
    ).workbook;
    const { result } = reviewWorkbook(
      withIds(byName, (i) => `N-${i}`),
      NOV,
    );
    const changes = result.changes!;
    expect(changes.idChanged).toEqual([0, 1, 2].map((i) => ({ row: i + 2, name: `Customer ${i}`, from: "", to: `N-${i}` })));
    expect(changes.added).toEqual([]);
    expect(changes.gone).toEqual([]);
    expect(changes.customers[2]).toMatchObject({ id: "N-2", previousId: "", previousScore: first.customers[2].score });
    expect(customerChangeLines(changes.customers[2], result.customers[2], "en", result.policy)).toContain(
      "Given an id since its last review: its history, kept under its name, is read under the id",
    );
    expect(customerChangeLines(changes.customers[2], result.customers[2], "zh", result.policy)).toContain(
      "上次审查后新增编号：其按名称保存的历史记录按编号读取",
    );
    expect(printedList(toTable(result, "en", "out.xlsx"), "Id changed since the last review", "en")).toMatchObject({
      count: "3",
      items: expect.arrayContaining(["Customer 0: (no id) → N-0"]),
    });
    const summary = buildWritePlan(result, "zh", { sheetNames: [CYCLE_SHEET] }).sheets.find((s) => s.kind === "summary")!;
    expect(summary.blocks.flatMap((b) => b.values.flat())).toContain("Customer 1：（无编号） → N-1");
    // The month after, its history goes on under the id.
    const december = reviewWorkbook(
      reviewWorkbook(
        withIds(byName, (i) => `N-${i}`),
        NOV,
      ).workbook,
      serial("2026-12-31"),
    ).result;
    expect(december.changes!.idChanged).toEqual([]);
    expect(december.changes!.customers[2]).toMatchObject({ previousId: undefined, previousDate: NOV });
  });

  test("the id column emptied: each customer's history is read under its name, and the old id is named", () => {
    const { result: first, workbook } = reviewWorkbook({ customers: sheet(3) }, OCT);
    const { result } = reviewWorkbook(
      withIds(workbook, () => ""),
      NOV,
    );
    const changes = result.changes!;
    expect(changes.idChanged).toEqual([0, 1, 2].map((i) => ({ row: i + 2, name: `Customer ${i}`, from: `C${100 + i}`, to: "" })));
    expect(changes.added).toEqual([]);
    expect(changes.gone).toEqual([]);
    expect(changes.customers[0]).toMatchObject({ id: "", previousId: "C100", previousScore: first.customers[0].score });
    expect(customerChangeLines(changes.customers[0], result.customers[0], "en", result.policy)).toContain(
      "Its id (C100) has been taken off the sheet since its last review: its history is read under its name",
    );
    expect(printedList(toTable(result, "en", "out.xlsx"), "Id changed since the last review", "en").items).toContain(
      "Customer 0: C100 → (no id)",
    );
    expect(toJson(result, "en", "out.xlsx").changes!.customers[0]).toMatchObject({ previousId: "C100" });
  });

  test("ids taken off one month and put back the next: each customer's history goes on, a grade typed over between found", () => {
    const { workbook } = reviewWorkbook({ customers: sheet(3) }, OCT);
    const { result: november, workbook: byName } = reviewWorkbook(
      withIds(workbook, () => ""),
      NOV,
    );
    const grade = november.layout.outputColumns.grade;
    const put = edited(
      withIds(byName, (i) => `C${100 + i}`),
      [],
    );
    put.customers[2][grade] = "High";
    const { result } = reviewWorkbook(put, serial("2026-12-31"));
    const changes = result.changes!;
    expect(changes.idChanged).toEqual([0, 1, 2].map((i) => ({ row: i + 2, name: `Customer ${i}`, from: "", to: `C${100 + i}` })));
    expect([changes.added, changes.gone]).toEqual([[], []]);
    expect(changes.customers.map((c) => c.previousDate)).toEqual([NOV, NOV, NOV]);
    expect(result.movedRows).toBeUndefined();
    expect(result.typedOver!.cells.map((c) => [c.customer, c.field, c.typed])).toEqual([["Customer 1", "grade", "High"]]);
  });

  test("without an id then or now, a name written otherwise is another customer", () => {
    const { workbook } = reviewWorkbook({ customers: sheet(3) }, OCT);
    const byName = reviewWorkbook(
      withIds(workbook, () => ""),
      serial("2026-10-31"),
    ).workbook;
    const { result } = reviewWorkbook(edited(byName, [[1, NAME, "Customer  1"]]), NOV);
    expect(result.changes!.idChanged).toEqual([]);
    expect(result.changes!.added.map((c) => c.name)).toEqual(["Customer  1"]);
    expect(result.changes!.gone.map((c) => c.name)).toEqual(["Customer 1"]);
  });
});
