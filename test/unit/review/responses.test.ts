/**
 * The team's record of what it did about a review's recommendations: the customer sheet's Action
 * taken column read (its other headers, a text too long for the archive), archived with each
 * review (an archive from before the column read and rewritten), and compared a review later
 * with the actions the last one asked for: answered, unanswered, a customer gone, one renamed,
 * a response left as the last review found it, and a sheet without the column.
 */
import { Lang } from "../../../src/engine/i18n";
import { actionsOf, actionTakenOf, ARCHIVE_FIELDS, readArchive } from "../../../src/engine/review/archive";
import { ACTION_TAKEN_MAX } from "../../../src/engine/review/customer-row";
import { runReview } from "../../../src/engine/review/review";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { customerResponseLines, issuesText, responseCounts, responseLines } from "../../../src/engine/review/texts";
import { Responses } from "../../../src/engine/review/responses";
import { CycleWorkbook, reviewWorkbook } from "../../support/review-cycle";
import { customerSheet, Grid, serial } from "../../support/review-grid";

const NOV = serial("2026-11-30");
const DEC = serial("2026-12-31");
const JAN = serial("2027-01-31");
const HIGH = [4, 4, 4, 4, 4];
const LOW = [1, 1, 1, 1, 1];
const ACTION_AT = ARCHIVE_FIELDS.indexOf("actionTaken");

/**
 * November's sheet: three high-risk customers (prepayment, a restricted limit, a guarantee), one
 * known by its name alone, and a low-risk one whose terms are kept (nothing to act on).
 */
const NOVEMBER: Grid = customerSheet(
  ["Credit limit", "Outstanding balance", "Overdue amount"],
  [
    { id: "C001", name: "Alpha", factors: HIGH, extra: [1000, 500, 0] },
    { id: "C002", name: "Beta", factors: LOW, extra: [1000, 500, 0] },
    { id: "C003", name: "Gamma", factors: HIGH, extra: [1000, 500, 0] },
    { id: "C004", name: "Delta", factors: HIGH, extra: [1000, 500, 0] },
    { id: "C005", name: "Epsilon", factors: HIGH, extra: [1000, 500, 0] },
    { id: "", name: "Zeta", factors: HIGH, extra: [1000, 500, 0] },
  ],
);

/**
 * December's: an Action taken column (headed as `header`) with a response for Alpha, the renamed
 * Epsilon and Zeta, none for Gamma; Delta is gone.
 */
function december(header = "Action taken"): Grid {
  const [head, alpha, beta, gamma, , epsilon, zeta] = NOVEMBER;
  return [
    [...head, header],
    [...alpha, "Limit cut to 500; prepayment agreed 12-03"],
    [...beta, null],
    [...gamma, "   "],
    [...epsilon.slice(0, 1), "Epsilon Holdings", ...epsilon.slice(2), "担保函已收到"],
    [...zeta, "Guarantee requested"],
  ];
}

function reviewed(workbook: CycleWorkbook, asOf: number, lang: Lang = "en") {
  return reviewWorkbook(workbook, asOf, lang);
}

describe("reading the Action taken column", () => {
  test.each(["Action taken", "Actions taken", "Response", "Follow-up", "已采取措施", "处理措施", "跟进措施", "采取措施"])(
    'headed "%s": read as text per customer, trimmed, blank as nothing',
    (header) => {
      const result = runReview({ sheetName: "Customers", values: december(header), asOf: DEC, policy: DEFAULT_POLICY });
      expect(result.columns.found.find((f) => f.field === "actionTaken")?.header).toBe(header);
      expect(result.columns.unknown).toEqual([]);
      expect(result.customers.map((c) => c.actionTaken)).toEqual([
        "Limit cut to 500; prepayment agreed 12-03",
        undefined,
        undefined,
        "担保函已收到",
        "Guarantee requested",
      ]);
    },
  );

  test("a text past the bound is kept to its first characters, said at its cell, and decides nothing", () => {
    const long = "Called the CFO. ".repeat(40);
    expect(long.length).toBeGreaterThan(ACTION_TAKEN_MAX);
    const values = december();
    values[2][values[0].length - 1] = long;
    const plain = runReview({ sheetName: "Customers", values: december(), asOf: DEC, policy: DEFAULT_POLICY }).customers[1];
    const beta = runReview({ sheetName: "Customers", values, asOf: DEC, policy: DEFAULT_POLICY }, "en").customers[1];
    expect(beta.actionTaken).toBe(`${long.slice(0, ACTION_TAKEN_MAX)}…`);
    expect(beta.notes).toHaveLength(1);
    expect(beta.notes[0].toFix).toBe(false);
    expect(beta.notes[0].reason.place).toEqual({ row: 3, column: "K (Action taken)" });
    expect(beta.notes[0].reason.params).toEqual({ length: long.trimEnd().length, max: ACTION_TAKEN_MAX });
    expect(issuesText(beta, "en", DEFAULT_POLICY)).toBe(
      "Note: row 3, column K (Action taken): is 639 characters long: the archive keeps the first 500 (the cell stays as it is)",
    );
    // A long record of what the team did is no data issue: the low-risk customer's raise stands.
    expect(plain.actions.map((a) => a.code)).toEqual(["RAISE_LIMIT"]);
    expect(beta.actions).toEqual(plain.actions);
    expect(beta.recommendedLimit).toBe(plain.recommendedLimit);
  });
});

describe("archiving and comparing the responses", () => {
  const november = reviewed({ customers: NOVEMBER }, NOV);
  const decemberIn: CycleWorkbook = { ...november.workbook, customers: december() };
  const dec = reviewed(decemberIn, DEC);
  const responses = dec.result.changes!.responses!;

  test("the first review says nothing about responses; its archive has the column, blank without one on the sheet", () => {
    expect(november.result.changes).toBeUndefined();
    const archive = november.workbook.archive!;
    expect(archive[0][ACTION_AT]).toBe("Action taken");
    expect(archive.slice(1).map((line) => line[ACTION_AT] ?? null)).toEqual(Array(6).fill(null));
  });

  test("each review archives the text the sheet had at it", () => {
    const rows = dec.workbook.archive!.slice(1).filter((line) => line[0] === DEC);
    expect(rows.map((line) => [line[2] || line[3], line[ACTION_AT] ?? null])).toEqual([
      ["C001", "Limit cut to 500; prepayment agreed 12-03"],
      ["C002", null],
      ["C003", null],
      ["C005", "担保函已收到"],
      ["Zeta", "Guarantee requested"],
    ]);
    const read = readArchive(dec.workbook.archive!)!;
    expect(read.entries.filter((e) => e.date === DEC).map(actionTakenOf)).toEqual([
      "Limit cut to 500; prepayment agreed 12-03",
      undefined,
      undefined,
      "担保函已收到",
      "Guarantee requested",
    ]);
  });

  test("the archive prints a month's responses; a month without any ends its print at the customer sheet's column", () => {
    const sheetAt = ARCHIVE_FIELDS.indexOf("sheet");
    // November's rows hold no amount unit, cell typed over or response: those columns would print blank.
    expect(november.archivePrintArea).toMatchObject({ row: 1, rows: 6, columns: sheetAt + 1 });
    expect(dec.archivePrintArea).toMatchObject({ row: 7, rows: 5, columns: ACTION_AT + 1 });
  });

  test("the last review's actions to take, each customer with its response or none: renamed kept, gone left out", () => {
    expect(responses.recommendedOn).toBe(NOV);
    expect(responses.column).toBe(true);
    // Beta's kept terms ask nothing of the team; Delta is gone from the sheet (listed among the customers gone).
    expect(responses.customers).toEqual([
      {
        row: 2,
        id: "C001",
        name: "Alpha",
        recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"],
        response: "Limit cut to 500; prepayment agreed 12-03",
        unchanged: false,
      },
      { row: 4, id: "C003", name: "Gamma", recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"], unchanged: false },
      {
        row: 5,
        id: "C005",
        name: "Epsilon Holdings",
        recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"],
        response: "担保函已收到",
        unchanged: false,
      },
      {
        row: 6,
        id: "",
        name: "Zeta",
        recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"],
        response: "Guarantee requested",
        unchanged: false,
      },
    ]);
    expect(responses.responded).toBe(3);
    expect(dec.result.changes!.gone).toEqual([{ id: "C004", name: "Delta" }]);
    expect(dec.result.changes!.renamed.map((r) => r.id)).toEqual(["C005"]);
  });

  test("a customer named on two rows is asked once, by its first row, as every count counts it", () => {
    const grid = december();
    const twice = reviewed({ ...november.workbook, customers: [...grid, [...grid[1].slice(0, -1), "Second row's note"]] }, DEC);
    const asked = twice.result.changes!.responses!;
    expect(asked.customers.map((c) => [c.name, c.row, c.response ?? null])).toEqual([
      ["Alpha", 2, "Limit cut to 500; prepayment agreed 12-03"],
      ["Gamma", 4, null],
      ["Epsilon Holdings", 5, "担保函已收到"],
      ["Zeta", 6, "Guarantee requested"],
    ]);
    expect(asked.responded).toBe(3);
  });

  test.each([
    [
      "en",
      [
        ["Actions recommended on 2026-11-30", 4, []],
        [
          "Response recorded",
          3,
          [
            'Alpha (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "Limit cut to 500; prepayment agreed 12-03"',
            'Epsilon Holdings (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "担保函已收到"',
            'Zeta (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "Guarantee requested"',
          ],
        ],
        [
          "No response recorded",
          1,
          ["Gamma (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance)"],
        ],
      ],
    ],
    [
      "zh",
      [
        ["2026年11月30日建议采取措施的客户", 4, []],
        [
          "已记录处理措施",
          3,
          [
            "Alpha（要求预付款、限制信用额度、要求提供担保或投保信用保险）：“Limit cut to 500; prepayment agreed 12-03”",
            "Epsilon Holdings（要求预付款、限制信用额度、要求提供担保或投保信用保险）：“担保函已收到”",
            "Zeta（要求预付款、限制信用额度、要求提供担保或投保信用保险）：“Guarantee requested”",
          ],
        ],
        ["未记录处理措施", 1, ["Gamma（要求预付款、限制信用额度、要求提供担保或投保信用保险）"]],
      ],
    ],
  ] as const)("as every face lists them (%s)", (lang, expected) => {
    const { counts, help } = responseCounts(responses, lang);
    expect(counts.map((c) => [c.label, c.count, c.customers])).toEqual(expected);
    expect(help).toBeUndefined();
  });

  test("a month on, a response left as the last review found it is said to be; the new recommendations are asked about", () => {
    const jan = reviewed({ ...dec.workbook, customers: dec.workbook.customers }, JAN);
    const later = jan.result.changes!.responses!;
    expect(later.recommendedOn).toBe(DEC);
    expect(later.customers.map((c) => [c.name, c.response, c.unchanged])).toEqual([
      ["Alpha", "Limit cut to 500; prepayment agreed 12-03", true],
      ["Gamma", undefined, false],
      ["Epsilon Holdings", "担保函已收到", true],
      ["Zeta", "Guarantee requested", true],
    ]);
    expect(responseLines(later, true, "en")[0]).toBe(
      'Alpha (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "Limit cut to 500; prepayment agreed 12-03" (as on 2026-12-31, not changed since)',
    );
  });

  test("a response archived as its bare number before responses were read as shown is the same response, shown now as its cell shows it", () => {
    // As a review before then archived them: Alpha's date as 46371, Zeta's 50% as 0.5; the sheet's
    // cells, as the faces now read them, show 2026-12-15 and 50%.
    const archive = dec.workbook.archive!.map((line) => [...line]);
    const customers = dec.workbook.customers.map((line) => [...line]);
    const responseColumn = customers[0].indexOf("Action taken");
    for (const [name, bare, shown] of [
      ["Alpha", "46371", "2026-12-15"],
      ["Zeta", "0.5", "50%"],
    ]) {
      [...archive].reverse().find((line) => line.includes(name))![ACTION_AT] = bare;
      customers.find((line) => line.includes(name))![responseColumn] = shown;
    }
    const later = reviewed({ ...dec.workbook, archive, customers }, JAN).result.changes!.responses!;
    expect(later.customers.map((c) => [c.name, c.response, c.unchanged])).toEqual([
      ["Alpha", "2026-12-15", true],
      ["Gamma", undefined, false],
      ["Epsilon Holdings", "担保函已收到", true],
      ["Zeta", "50%", true],
    ]);
  });

  test("a response cleared from the customer sheet since the last review archived it is no response, nor taken for one typed in the archive", () => {
    const sheet = dec.workbook.customers.map((line) => [...line]);
    const actionColumn = sheet[0].indexOf("Action taken");
    for (const name of ["Alpha", "Epsilon Holdings"]) sheet.find((line) => line[1] === name)![actionColumn] = null;
    const later = reviewed({ ...dec.workbook, customers: sheet }, JAN).result.changes!.responses!;
    expect(later.customers.map((c) => [c.name, c.response, c.archiveRow, c.unchanged])).toEqual([
      ["Alpha", undefined, undefined, false],
      ["Gamma", undefined, undefined, false],
      ["Epsilon Holdings", undefined, undefined, false],
      ["Zeta", "Guarantee requested", undefined, true],
    ]);
    expect(later.responded).toBe(1);
    expect(responseCounts(later, "en").help).toBeUndefined();
    // Typed over in the archive since, the text is the team's answer there all the same.
    const archive = dec.workbook.archive!.map((line) => [...line]);
    const alphaAt = archive.findIndex((line) => line[0] === DEC && line[2] === "C001");
    archive[alphaAt][ACTION_AT] = "Prepayment received 01-10";
    const typedThere = reviewed({ ...dec.workbook, customers: sheet, archive }, JAN).result.changes!.responses!;
    expect(typedThere.customers[0]).toMatchObject({
      name: "Alpha",
      response: "Prepayment received 01-10",
      archiveRow: alphaAt + 1,
    });
  });

  test("an archive from before the column: read as before, compared all the same, rewritten with the column", () => {
    const oldArchive = november.workbook.archive!.map((line) => line.slice(0, ACTION_AT));
    expect(readArchive(oldArchive)!.current).toBe(false);
    const oldRows = readArchive(oldArchive)!.entries;
    expect(oldRows.map(actionTakenOf)).toEqual(Array(6).fill(undefined));
    expect(oldRows.map((e) => actionsOf(e).length)).toEqual([3, 1, 3, 3, 3, 3]);
    const again = reviewed({ ...decemberIn, archive: oldArchive }, DEC);
    expect(again.result.changes!.responses).toEqual(responses);
    // November's rows, from an archive without the output check either, are kept without one.
    const check = ARCHIVE_FIELDS.indexOf("outputCheck");
    const novemberUnchecked = dec.workbook.archive!.map((line, i) =>
      i > 0 && line[0] !== DEC ? line.map((v, c) => (c === check ? null : v)) : line,
    );
    expect(again.workbook.archive).toEqual(novemberUnchecked);
  });

  test("without the column on the sheet: the customers asked to act are named with their actions, none is said to be unanswered, one line says how to record responses", () => {
    const without = reviewed({ ...november.workbook }, DEC).result.changes!.responses!;
    expect(without.column).toBe(false);
    expect(without.responded).toBe(0);
    for (const [lang, label, help] of [
      ["en", "Actions recommended on 2026-11-30", /in an "Action taken" column on the customer sheet/],
      ["zh", "2026年11月30日建议采取措施的客户", /在客户表中添加“已采取措施”列/],
    ] as const) {
      const shown = responseCounts(without, lang);
      expect(shown.counts.map((c) => [c.label, c.count])).toEqual([[label, 5]]);
      expect(shown.counts[0].customers).toEqual(responseLines(without, false, lang));
      expect(shown.help).toMatch(help);
    }
    const [alpha] = responseCounts(without, "en").counts[0].customers;
    expect(alpha).toBe("Alpha (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance)");
    // A customer's own view: what it was asked, and nothing said of a response the sheet has no place for.
    expect(customerResponseLines(without.customers[0], without, "en")).toEqual([
      "Actions recommended on 2026-11-30: Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance",
    ]);
  });

  describe("a response typed in the archive's Action taken column, on the last review's row", () => {
    const typed = "Prepayment agreed 12-05; guarantee requested from parent";
    const archive = november.workbook.archive!.map((line) => [...line]);
    const gammaAt = archive.findIndex((line) => line[2] === "C003");
    const alphaAt = archive.findIndex((line) => line[2] === "C001");
    archive[gammaAt][ACTION_AT] = typed;
    archive[alphaAt][ACTION_AT] = "Typed in the archive too";
    const withSheet = reviewed({ ...decemberIn, archive }, DEC);
    const found = withSheet.result.changes!.responses!;

    test("counts as the customer's response where the customer sheet holds none, said with its archive row", () => {
      const gamma = found.customers.find((c) => c.id === "C003")!;
      expect(gamma).toEqual({
        row: 4,
        id: "C003",
        name: "Gamma",
        recommended: ["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"],
        response: typed,
        archiveRow: gammaAt + 1,
        unchanged: false,
      });
      // The customer sheet's own response wins over the archive's.
      expect(found.customers.find((c) => c.id === "C001")).toMatchObject({
        response: "Limit cut to 500; prepayment agreed 12-03",
      });
      expect(found.customers.find((c) => c.id === "C001")!.archiveRow).toBeUndefined();
      expect(found.responded).toBe(4);
      for (const [lang, line, help] of [
        [
          "en",
          `Gamma (Require prepayment, Restrict the credit limit, Ask for a guarantee or credit insurance): "${typed}" (from the archive, row ${gammaAt + 1})`,
          `1 response was typed in the archive's "Action taken" column (row ${gammaAt + 1}) and is counted above; record responses in the customer sheet's "Action taken" column: the archive keeps each review's record of it`,
        ],
        [
          "zh",
          `（取自审查档案第 ${gammaAt + 1} 行）`,
          `有 1 条处理措施填写在审查档案的“已采取措施”列（第 ${gammaAt + 1} 行），已计入上述统计；请在客户表的“已采取措施”列记录处理措施`,
        ],
      ] as const) {
        const shown = responseCounts(found, lang);
        expect(shown.counts[1].customers.some((c) => c.includes(line))).toBe(true);
        expect(shown.counts[2].customers.some((c) => c.startsWith("Gamma"))).toBe(false);
        expect(shown.help).toContain(help);
        expect(
          customerResponseLines(
            found.customers.find((c) => c.id === "C003")!,
            found,
            lang,
          )[1],
        ).toContain(
          lang === "en"
            ? `Response recorded: "${typed}" (from the archive, row ${gammaAt + 1})`
            : `（取自审查档案第 ${gammaAt + 1} 行）`,
        );
      }
    });

    test("the archive rewritten by the review keeps the typed text on its row", () => {
      const kept = withSheet.workbook.archive!.find((line) => line[0] === NOV && line[2] === "C003")!;
      expect(kept[ACTION_AT]).toBe(typed);
    });

    test("without an Action taken column on the customer sheet, it still counts, and the line says where to record them", () => {
      const without = reviewed({ ...november.workbook, archive }, DEC).result.changes!.responses!;
      expect(without.column).toBe(false);
      expect(without.responded).toBe(2);
      const shown = responseCounts(without, "en");
      expect(shown.counts.map((c) => c.count)).toEqual([5, 2, 3]);
      // A customer the list calls unanswered is called so in its details too.
      const unanswered = without.customers.find((c) => c.response === undefined)!;
      expect(customerResponseLines(unanswered, without, "en").at(-1)).toBe("No response recorded");
      expect(shown.help).toMatch(/^2 responses were typed in the archive's "Action taken" column \(rows \d+, \d+\)/);
    });
  });

  test("a last review that asked no customer on the sheet to act says nothing", () => {
    const calm = customerSheet(["Action taken"], [{ id: "C002", name: "Beta", factors: LOW, extra: ["Nothing to do"] }]);
    const first = reviewed({ customers: calm }, NOV);
    expect(reviewed({ ...first.workbook, customers: calm }, DEC).result.changes!.responses).toBeUndefined();
  });
});

describe("the lists are bounded as the other what-changed lists", () => {
  const many: Responses = {
    recommendedOn: NOV,
    column: true,
    responded: 1,
    customers: Array.from({ length: 1003 }, (_, i) => ({
      row: i + 2,
      id: `C${i}`,
      name: `Customer ${i}`,
      recommended: ["HOLD_ORDERS" as const],
      response: i === 0 ? "x".repeat(200) : undefined,
      unchanged: false,
    })),
  };

  test("five by name, then how many more; a long response quoted by its start", () => {
    const unanswered = responseLines(many, false, "en");
    expect(unanswered).toHaveLength(6);
    expect(unanswered[0]).toBe("Customer 1 (Hold new orders until the balance is back under the limit)");
    expect(unanswered[5]).toBe("and 997 more");
    expect(responseLines(many, false, "zh")[5]).toBe("另有 997 位");
    expect(responseLines(many, true, "en")).toEqual([
      `Customer 0 (Hold new orders until the balance is back under the limit): "${"x".repeat(79)}…"`,
    ]);
    const { counts } = responseCounts(many, "en");
    expect(counts.map((c) => c.count)).toEqual([1003, 1, 1002]);
  });

  test("the rows of responses typed in the archive or left behind by a move: runs as one, eight items, then how many more", () => {
    // Every other row: no runs, eight rows named and the rest counted.
    const rows = many.customers.map((c) => c.row).filter((row) => row % 2 === 0);
    const help = responseCounts({ ...many, notTheirs: rows }, "en").help!;
    expect(help).toBe(
      `The "Action taken" text on rows 2, 4, 6, 8, 10, 12, 14, 16 and ${rows.length - 8} more is another customer's response, left there when the data moved without the column: counted for no one; write each customer's own response on its row`,
    );
    // Every row: one run.
    const all = responseCounts({ ...many, notTheirs: many.customers.map((c) => c.row) }, "en").help!;
    expect(all).toMatch(/^The "Action taken" text on rows 2–1004 is another customer's response/);
    const inArchive = { ...many, customers: many.customers.map((c, i) => ({ ...c, archiveRow: i + 10 + (i % 2) * 2000 })) };
    expect(responseCounts(inArchive, "zh").help).toMatch(
      /^有 1003 条处理措施填写在审查档案的“已采取措施”列（第 10、12、14、16、18、20、22、24 行，另有 995 行）/,
    );
  });
});
