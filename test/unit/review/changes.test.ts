/**
 * What changed since the last review, in its corners: an archive from before the audit trail
 * (no warning codes), a customer whose row has an error, customers matched by name, the
 * previous review's date when customers were last seen at different dates; and how the
 * summary sheet and the printed report show it.
 */
import { toJson, toTable } from "../../../src/cli/report";
import { CellValue } from "../../../src/engine/cells";
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { CustomerChange } from "../../../src/engine/review/changes";
import { runReview } from "../../../src/engine/review/review";
import { changedCustomersText, customerChangeLines, renamedLines } from "../../../src/engine/review/texts";
import { printedList } from "../../support/printed-report";
import { buildWritePlan } from "../../../src/engine/review/write-plan";
import { customerSheet, serial } from "../../support/review-grid";

const OLD_HEADER = ["Review date", "Policy version", "Customer ID", "Customer", "Risk score", "Risk grade"];
const asOf = serial("2026-06-30");

function review(values: CellValue[][], archive: CellValue[][], lang: Lang = "en") {
  return runReview({ sheetName: "Customers", values, asOf, policy: DEFAULT_POLICY, archive }, lang);
}

describe("what changed", () => {
  const sheet = customerSheet(
    [],
    [
      { id: "C1", name: "One", factors: [3, 3, 3, 3, 3] },
      { id: "C2", name: "Two", factors: [3, "x", 3, 3, 3] },
      { id: "", name: "Named Only", factors: [1, 1, 1, 1, 1] },
      { id: "C4", name: "Four", factors: [4, 4, 4, 4, 4] },
    ],
  );
  const archive = [
    OLD_HEADER,
    [serial("2026-01-31"), "v", "C4", "Four", 2, "Low"],
    [serial("2026-03-31"), "v", "C1", "One", 2, "Low"],
    [serial("2026-03-31"), "v", "C2", "Two", 2, "Low"],
    [serial("2026-03-31"), "v", "", "named only", 1, "低"],
    [serial("2026-03-31"), "v", "C9", "Nine", 1, "Low"],
    [serial("2026-03-31"), "v", "C9", "Nine", 1, "Low"],
    [serial("2026-06-30"), "v", "C8", "Eight", 1, "Low"],
    [serial("2026-07-31"), "v", "C1", "One", 5, "High"],
  ];
  const result = review(sheet, archive);
  const changes = result.changes!;

  test("the previous review is the latest date before the as-of date; each customer against its own latest", () => {
    expect(changes.previousReview).toBe(serial("2026-03-31"));
    expect(changes.customers.map((c) => [c.id || c.name, c.previousDate, c.scoreChange])).toEqual([
      ["C1", serial("2026-03-31"), 1],
      ["C2", serial("2026-03-31"), undefined],
      ["Named Only", serial("2026-03-31"), 0],
      ["C4", serial("2026-01-31"), 2],
    ]);
  });

  test("added and gone are against the previous review; a customer listed twice is gone once", () => {
    expect(changes.added.map((a) => a.id)).toEqual(["C4"]);
    expect(changes.gone).toEqual([{ id: "C9", name: "Nine" }]);
  });

  test("an archive without warning codes gives no new or cleared warnings; a row in error no grade move", () => {
    expect(changes.newWarnings).toBe(0);
    expect(changes.clearedWarnings).toBe(0);
    expect(changes.customers[1]).toMatchObject({ previousGrade: "low", gradeMove: undefined, newWarnings: [] });
    expect(changes.migration).toEqual({
      low: { low: 1, medium: 1, high: 1 },
      medium: { low: 0, medium: 0, high: 0 },
      high: { low: 0, medium: 0, high: 0 },
    });
  });

  test("without an archive there is nothing to compare; with an empty one, no previous review", () => {
    expect(runReview({ sheetName: "Customers", values: sheet, asOf, policy: DEFAULT_POLICY }).changes).toBeUndefined();
    expect(review(sheet, []).changes).toMatchObject({ previousReview: undefined, added: [], gone: [] });
  });

  test.each(["en", "zh"] as const)("the summary sheet and the printed report show the migration and counts (%s)", (lang) => {
    const r = review(sheet, archive, lang);
    const summary = buildWritePlan(r, lang, { sheetNames: [] }).sheets[0];
    const cells = summary.blocks.flatMap((b) => b.values.map((line) => line.join("|")));
    const title = lang === "en" ? "Changes since the last review (2026-03-31)" : "与上次审查（2026年3月31日）相比的变化";
    const at = cells.indexOf(title);
    expect(at).toBeGreaterThan(0);
    const [low, medium, high] = lang === "en" ? ["Low", "Medium", "High"] : ["低", "中", "高"];
    // Customers added and gone by name: each text runs on right of its label, in the same row.
    expect(cells.slice(at + 1, at + 11)).toEqual(
      lang === "en"
        ? [
            `Last review \\ now|${low}|${medium}|${high}`,
            `${low}|1|1|1`,
            `${medium}|0|0|0`,
            `${high}|0|0|0`,
            "New warnings|0",
            "Cleared warnings|0",
            "1 (Four)",
            "Customers added",
            "1 (Nine)",
            "Customers gone",
          ]
        : [
            `上次审查 \\ 本次|${low}|${medium}|${high}`,
            `${low}|1|1|1`,
            `${medium}|0|0|0`,
            `${high}|0|0|0`,
            "新增预警|0",
            "解除预警|0",
            "1（Four）",
            "新增客户",
            "1（Nine）",
            "移除客户",
          ],
    );
    // An empty row ends the grid: the counts under it stand in its first grade column, and are
    // not read as that grade's figures.
    const rowOf = (text: string) =>
      summary.blocks
        .flatMap((b) => b.values.map((line, i) => [line.join("|"), b.row + i] as const))
        .find(([c]) => c === text)![1];
    expect(rowOf(`${lang === "en" ? "New warnings" : "新增预警"}|0`) - rowOf(`${high}|0|0|0`)).toBe(2);
    const printed = toTable(r, lang, "out.xlsx");
    expect(printed).toContain(title);
    expect(printed).toContain(lang === "en" ? "Customers gone: 1 (Nine)" : "移除客户：1（Nine）");
    // The customers whose grade got riskier: counted beside the label as every count is, then by
    // name one a line, on the sheet and in the printed report.
    const [label, one, four] =
      lang === "en"
        ? ["Moved to a riskier grade", "One (Low → Medium)", "Four (Low → High)"]
        : ["风险等级变差的客户", "One（低 → 中）", "Four（低 → 高）"];
    const counted = `${label}|2`;
    expect(cells.slice(cells.indexOf(counted), cells.indexOf(counted) + 3)).toEqual([counted, one, four]);
    // None the other way: its count, 0, beside its label, as the riskier ones' is.
    expect(cells).toContain(`${message(lang, "changes.safer")}|0`);
    expect(printedList(printed, label, lang)).toEqual({ count: "2", items: [one, four] });
    expect(printedList(printed, message(lang, "changes.safer"), lang)).toEqual({ count: "0", items: [] });
  });

  test.each(["en", "zh"] as const)(
    "customers moved to a safer grade are named too, on the summary and in the printed report (%s)",
    (lang) => {
      // One was High in March and is Medium now; Four was Medium and is High.
      const recovering = [
        OLD_HEADER,
        [serial("2026-03-31"), "v", "C1", "One", 4.5, "High"],
        [serial("2026-03-31"), "v", "C4", "Four", 3, "Medium"],
      ];
      const r = review(sheet, recovering, lang);
      const cells = buildWritePlan(r, lang, { sheetNames: [] }).sheets[0].blocks.flatMap((b) => b.values.map((l) => l[0]));
      const [riskier, safer, four, one] =
        lang === "en"
          ? ["Moved to a riskier grade", "Moved to a safer grade", "Four (Medium → High)", "One (High → Medium)"]
          : ["风险等级变差的客户", "风险等级改善的客户", "Four（中 → 高）", "One（高 → 中）"];
      expect(cells.slice(cells.indexOf(safer), cells.indexOf(safer) + 2)).toEqual([safer, one]);
      const printed = toTable(r, lang, "out.xlsx");
      expect(printedList(printed, safer, lang)).toEqual({ count: "1", items: [one] });
      expect(printedList(printed, riskier, lang)).toEqual({ count: "1", items: [four] });
    },
  );

  test("the summary says when there is no earlier review to compare with", () => {
    const first = runReview({ sheetName: "Customers", values: sheet, asOf, policy: DEFAULT_POLICY });
    const cells = buildWritePlan(first, "en", { sheetNames: [] }).sheets[0].blocks.flatMap((b) => b.values.map((l) => l[0]));
    expect(cells).toContain("No earlier review in the archive to compare with");
  });
});

describe("a customer renamed since its last review", () => {
  const sheet = customerSheet(
    [],
    [
      { id: "C-104", name: "Acme Holdings Ltd" },
      { id: "C-105", name: "  BETA   trading " },
      { id: "C-106", name: "Ｇａｍｍａ Co" },
      { id: "", name: "Delta New" },
      { id: "C-108", name: "Epsilon" },
      { id: "C-109", name: "Zeta Group" },
    ],
  );
  const archive = [
    OLD_HEADER,
    // Zeta's name is the one it had at its latest review, scored or not (the latest could not be).
    [serial("2026-02-28"), "v", "C-109", "Zeta Ltd", 2, "Low"],
    [serial("2026-03-31"), "v", "C-104", "Acme Ltd", 2, "Low"],
    [serial("2026-03-31"), "v", "C-105", "Beta Trading", 2, "Low"],
    [serial("2026-03-31"), "v", "C-106", "Gamma Co", 2, "Low"],
    [serial("2026-03-31"), "v", "", "Delta Old", 2, "Low"],
    [serial("2026-03-31"), "v", "C-108", "", 2, "Low"],
    [serial("2026-03-31"), "v", "C-109", "Zeta Group Ltd", "", ""],
  ];

  test("the id's last archived name against today's: case, width and spaces are no rename; no id or no name, none either", () => {
    const changes = review(sheet, archive).changes!;
    expect(changes.renamed).toEqual([
      { row: 2, id: "C-104", from: "Acme Ltd", to: "Acme Holdings Ltd" },
      { row: 7, id: "C-109", from: "Zeta Group Ltd", to: "Zeta Group" },
    ]);
    expect(changes.customers.map((c) => c.previousName)).toEqual([
      "Acme Ltd",
      undefined,
      undefined,
      undefined,
      undefined,
      "Zeta Group Ltd",
    ]);
    // A customer without an id is known by its name: the new name is a customer added, the old one gone.
    expect(changes.added.map((a) => a.name)).toEqual(["Delta New"]);
    expect(changes.gone.map((g) => g.name)).toEqual(["Delta Old"]);
  });

  test.each([
    ["en", "Renamed since the last review", "C-104 Acme Ltd → Acme Holdings Ltd", "C-109 Zeta Group Ltd → Zeta Group"],
    ["zh", "上次审查后更名的客户", "C-104 Acme Ltd → Acme Holdings Ltd", "C-109 Zeta Group Ltd → Zeta Group"],
  ] as const)("the summary sheet and the printed report name them one a line (%s)", (lang, label, acme, zeta) => {
    const r = review(sheet, archive, lang);
    const cells = buildWritePlan(r, lang, { sheetNames: [] }).sheets[0].blocks.flatMap((b) => b.values.map((l) => l.join("|")));
    const at = cells.indexOf(`${label}|2`);
    expect(at).toBeGreaterThan(0);
    expect(cells.slice(at + 1, at + 3)).toEqual([acme, zeta]);
    expect(printedList(toTable(r, lang, "out.xlsx"), label, lang)).toEqual({ count: "2", items: [acme, zeta] });
    const json = toJson(r, lang, "out.xlsx").changes!;
    expect(json.renamed).toEqual(r.changes!.renamed);
    expect(json.customers.map((c) => c.previousName)).toEqual(["Acme Ltd", null, null, null, null, "Zeta Group Ltd"]);
    // The customer's own lines (the task pane's details) say what it was called.
    const acmeChange = r.changes!.customers[0];
    expect(customerChangeLines(acmeChange, r.customers[0], lang, r.policy).at(-1)).toBe(
      lang === "en" ? "Renamed since its last review (was Acme Ltd)" : "上次审查后已更名（原名 Acme Ltd）",
    );
  });

  test("with no customer renamed, no line says so", () => {
    const same = archive.map((line) =>
      line[2] === "C-104" ? [...line.slice(0, 3), "Acme Holdings Ltd", ...line.slice(4)] : line,
    );
    const r = review(sheet.slice(0, 4), same);
    expect(r.changes!.renamed).toEqual([]);
    expect(toTable(r, "en", "out.xlsx")).not.toContain("Renamed");
    const cells = buildWritePlan(r, "en", { sheetNames: [] }).sheets[0].blocks.flatMap((b) => b.values.map((l) => l[0]));
    expect(cells.filter((c) => String(c).startsWith("Renamed"))).toEqual([]);
  });

  test("the first five by name, then how many more, counted in the language", () => {
    const many = Array.from({ length: 1007 }, (_, i) => ({ row: i + 2, id: `C${i}`, from: `Old ${i}`, to: `New ${i}` }));
    const lines = renamedLines(many, "en");
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe("C4 Old 4 → New 4");
    expect(lines[5]).toBe("and 1,002 more");
    expect(renamedLines(many, "zh")[5]).toBe("另有 1,002 位");
  });
});

describe("how a change reads (the task pane's details and the printed report)", () => {
  const before = serial("2026-03-31");
  const base: CustomerChange = {
    row: 2,
    id: "C1",
    name: "One",
    neverScored: false,
    newWarnings: [],
    clearedWarnings: [],
    notCheckedWarnings: [],
    newFromPolicy: [],
    clearedFromPolicy: [],
    gradeMoveFromPolicy: false,
    limitMoveFromPolicy: false,
  };
  const lines = (change: Partial<CustomerChange>, now: Parameters<typeof customerChangeLines>[1], lang: Lang = "en") =>
    customerChangeLines({ ...base, ...change }, now, lang, DEFAULT_POLICY);

  test("a customer the archive has not seen, one whose grade held, one that could not be scored today", () => {
    expect(lines({}, { score: 2, grade: "low" })).toEqual(["Not in any earlier review"]);
    expect(
      lines(
        { previousDate: before, previousScore: 2.4, scoreChange: -0.2, previousGrade: "low", gradeMove: "same" },
        { score: 2.2, grade: "low" },
      ),
    ).toEqual(["Score 2.40 → 2.20 (-0.20 points), still Low since 2026-03-31"]);
    expect(lines({ previousDate: before, previousScore: 2.4, previousGrade: "low" }, {})).toEqual(["Last reviewed 2026-03-31"]);
    expect(
      lines(
        { previousDate: before, previousScore: 2.4, scoreChange: 0, previousGrade: "low", gradeMove: "same" },
        { score: 2.4, grade: "low" },
        "zh",
      ),
    ).toEqual(["自 2026年3月31日起，评分 2.40 → 2.40（0.00 分），风险等级仍为低"]);
  });

  test("a limit that did not move is not mentioned; one that rose is signed", () => {
    const change = { previousDate: before, previousLimit: 100000 };
    expect(lines({ ...change, limitChange: 0 }, { recommendedLimit: 100000 })).toEqual(["Last reviewed 2026-03-31"]);
    expect(lines({ ...change, limitChange: 10000 }, { recommendedLimit: 110000 })).toEqual([
      "Last reviewed 2026-03-31",
      "Recommended limit 100,000.00 → 110,000.00 (+10,000.00)",
    ]);
  });

  test("customers added or gone: the count and the first five names", () => {
    const named = ["A", "B", "C", "D", "E", "F"].map((name) => ({ id: "", name }));
    expect(changedCustomersText([], "en")).toBe("0");
    expect(changedCustomersText(named.slice(0, 2), "zh")).toBe("2（A、B）");
    expect(changedCustomersText(named, "en")).toBe("6 (A, B, C, D, E, …)");
  });
});
