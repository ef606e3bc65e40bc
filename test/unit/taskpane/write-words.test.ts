/** What the write question and the write's notice say of each part: a row as a row, a sheet only laid out as that. */
import "../../../src/engine/i18n/ui";
import { translator } from "../../../src/engine/i18n";
import type { WritePart } from "../../../src/taskpane/excel";
import { describeParts } from "../../../src/taskpane/model";

const history = (area?: WritePart["area"]): WritePart[] => [
  { sheet: "Credit Policy History", role: "policyHistory" },
  ...(area ? [{ sheet: "Credit Policy History", role: "policyHistory" as const, area }] : []),
];

test.each([
  ["en", 'Sheet "Credit Policy History": the new policy version, row 3 added.'],
  ["zh", "工作表“Credit Policy History”：新增政策版本，第 3 行。"],
] as const)("one row added is said as one row (%s)", (lang, line) => {
  expect(describeParts(history({ row: 2, column: 0, rows: 1, columns: 22 }), translator(lang))).toEqual([line]);
});

test.each([
  ["en", 'Sheet "Credit Policy History": the new policy version, column D added.'],
  ["zh", "工作表“Credit Policy History”：新增政策版本，D 列。"],
] as const)("a version added beside the others is its column (%s)", (lang, line) => {
  expect(describeParts(history({ row: 0, column: 3, rows: 25, columns: 1 }), translator(lang))).toEqual([line]);
});

test("a version added with a label for a new setting is still its column", () => {
  const parts: WritePart[] = [
    ...history({ row: 0, column: 3, rows: 9, columns: 1 }),
    { sheet: "Credit Policy History", role: "policyHistory", area: { row: 9, column: 3, rows: 16, columns: 1 } },
    { sheet: "Credit Policy History", role: "policyHistory", area: { row: 25, column: 0, rows: 1, columns: 1 } },
    { sheet: "Credit Policy History", role: "policyHistory", area: { row: 25, column: 3, rows: 1, columns: 1 } },
  ];
  expect(describeParts(parts, translator("en"))).toEqual([
    'Sheet "Credit Policy History": the new policy version, column D added.',
  ]);
});

test("a first history, its labels down column A and the version beside them, is its rows", () => {
  const parts: WritePart[] = [
    ...history({ row: 0, column: 0, rows: 1, columns: 2 }),
    { sheet: "Credit Policy History", role: "policyHistory", area: { row: 1, column: 0, rows: 24, columns: 1 } },
    { sheet: "Credit Policy History", role: "policyHistory", area: { row: 1, column: 1, rows: 9, columns: 1 } },
  ];
  expect(describeParts(parts, translator("en"))).toEqual([
    'Sheet "Credit Policy History": the new policy version, rows 1–25 added.',
  ]);
});

test("a header and a row added are rows 1–2", () => {
  expect(describeParts(history({ row: 0, column: 0, rows: 2, columns: 22 }), translator("en"))).toEqual([
    'Sheet "Credit Policy History": the new policy version, rows 1–2 added.',
  ]);
});

test.each([
  [
    "en",
    'Sheet "Credit Policy History": this policy version is recorded there already, so nothing is added; its printed pages take this review\'s date.',
  ],
  ["zh", "工作表“Credit Policy History”：该政策版本已有记录，无需新增；其打印页改用本次审查的日期。"],
] as const)("a history that has the version already gains no row, and says so (%s)", (lang, line) => {
  expect(describeParts(history(), translator(lang))).toEqual([line]);
});

test("any other sheet with no cells written says it is only laid out again", () => {
  expect(describeParts([{ sheet: "Credit Review Archive", role: "archive" }], translator("en"))).toEqual([
    'Sheet "Credit Review Archive": no cell changes; only its layout for printing is set again.',
  ]);
});

test("the output columns over one row: row 5", () => {
  const parts: WritePart[] = [{ sheet: "Customers", role: "output", area: { row: 4, column: 11, rows: 1, columns: 2 } }];
  expect(describeParts(parts, translator("en"), ["Risk score", "Payment points"])).toEqual([
    'Sheet "Customers": columns L–M (Risk score, Payment points), row 5.',
  ]);
});

test.each([
  [
    "en",
    [
      'Sheet "Credit Review Summary": summary, rows 1–40.',
      'Sheet "Credit Review Summary": 2 charts (Exposure by risk grade, Aging).',
    ],
  ],
  [
    "zh",
    [
      "工作表“Credit Review Summary”：汇总，第 1–40 行。",
      "工作表“Credit Review Summary”：2 个图表（Exposure by risk grade、Aging）。",
    ],
  ],
] as const)("the summary's charts are counted and named by their titles (%s)", (lang, lines) => {
  const parts: WritePart[] = [
    { sheet: "Credit Review Summary", role: "summary", area: { row: 0, column: 0, rows: 40, columns: 6 } },
    { sheet: "Credit Review Summary", role: "summary", chart: "Exposure by risk grade" },
    { sheet: "Credit Review Summary", role: "summary", chart: "Aging" },
  ];
  expect(describeParts(parts, translator(lang))).toEqual(lines);
});
