/**
 * The layout the plan carries: column widths from what the cells show (CJK counted double,
 * dates and amounts as formatted, within bounds), long texts wrapped with the rows they make
 * taller, the print setup, and the customer sheet's frozen header and filter.
 */
import fc from "fast-check";
import { serialFromYMD } from "../../../src/engine/cells";
import {
  displayWidth,
  fitColumns,
  fittedRows,
  isEarlierRunHeight,
  isEarlierRunTitles,
  isUsersPrintSetup,
  laidOut,
  LINE_HEIGHT,
  printSetup,
  renderedText,
  rowHeightToWrite,
  rowsToFit,
  WIDTH,
  wrappedRowHeights,
  wrappedText,
} from "../../../src/engine/review/sheet-layout";
import { PRINT_SCALE } from "../../../src/engine/review/page-setup";
import type { Block, CellFormat, PlanValue } from "../../../src/engine/review/write-plan";
import { printedWidth } from "../../../src/engine/text-width";

const block = (values: PlanValue[][], formats: CellFormat[], extra: Partial<Block> = {}): Block => ({
  row: 0,
  column: 0,
  values,
  formats,
  ...extra,
});

test.each([
  ["Low", 3],
  ["低风险", 6],
  ["逾期超过 90 天", 14],
  ["a\nlonger line", 11],
  ["", 0],
])("displayWidth(%j) = %d", (text, width) => {
  expect(displayWidth(text)).toBe(width);
});

test.each<[PlanValue, CellFormat, "en" | "zh", string]>([
  [1234567.5, "money", "en", "1,234,567.50"],
  [-999.999, "money", "en", "-1,000.00"],
  [0.1234, "percent", "en", "12.3%"],
  [3.14159, "score", "en", "3.14"],
  [serialFromYMD(2027, 2, 28), "date", "en", "2027-02-28"],
  [serialFromYMD(2027, 2, 8), "date", "zh", "2027年2月8日"],
  [42, "integer", "en", "42"],
  [true, "general", "en", "TRUE"],
  [Infinity, "money", "en", "#NUM!"],
  [null, "text", "en", ""],
  // An amount in a currency as its number format shows it, as the sentences write it.
  [963000, "money USD", "en", "USD 963,000.00"],
  [963000, "money USD", "zh", "USD 963,000.00"],
  [-1234.5, "money dollar", "en", "$ -1,234.50"],
  [1500, "money yen", "zh", "¥ 1,500.00"],
])("renderedText(%j, %s, %s) = %j", (value, format, lang, shown) => {
  expect(renderedText(value, format, lang)).toBe(shown);
});

describe("fitColumns", () => {
  test("a column is as wide as its widest shown text plus padding, never narrower than the minimum", () => {
    const columns = fitColumns(
      [
        block(
          [
            ["Customer", "Limit", "X"],
            ["Northwind Traders", 1234567.5, "y"],
          ],
          ["text", "money", "text"],
        ),
      ],
      "en",
    );
    expect(columns).toEqual([
      { column: 0, width: "Northwind Traders".length + WIDTH.padding, wrap: false, indent: false },
      { column: 1, width: "1,234,567.50".length + WIDTH.padding, wrap: false, indent: false },
      { column: 2, width: WIDTH.min, wrap: false, indent: true },
    ]);
  });

  test("a column of texts past column A starts one indent in, and is that much wider: a figure to its left never runs into it", () => {
    const columns = fitColumns(
      [
        block(
          [
            ["Setting", "Value", "Meaning"],
            ["Weight: payment history", 0.3, "How much payment history counts in the risk score"],
            ["Aging bucket edges (days)", "30, 60, 90", "Where the aging buckets end"],
          ],
          ["text", "general", "text"],
        ),
      ],
      "en",
    );
    expect(columns.map((c) => c.indent)).toEqual([false, false, true]);
    const meaning = "How much payment history counts in the risk score".length;
    expect(columns[2].width).toBe(meaning + WIDTH.padding + WIDTH.indent);
    // Wrapped, it wraps at the wrap width and keeps the indent's room.
    const long = "Overdue over 90 days; Z-score in distress zone; Low liquidity; High leverage";
    expect(fitColumns([block([[long]], ["text"], { column: 4 })], "en")).toEqual([
      { column: 4, width: WIDTH.wrapAt + WIDTH.indent, wrap: true, indent: true },
    ]);
  });

  test("a longer text wraps at the wrap width; numbers in the same column never wrap below their width", () => {
    const long = "Overdue over 90 days; Z-score in distress zone; Low liquidity; High leverage";
    const [column] = fitColumns([block([[long]], ["text"])], "en");
    expect(column).toEqual({ column: 0, width: WIDTH.wrapAt, wrap: true, indent: false });
    const [wide] = fitColumns([block([[long], [1e60]], ["text", "general"])], "en");
    expect(wide.width).toBeGreaterThanOrEqual(renderedText(1e60, "general", "en").length);
  });

  test("Chinese text counts double; a bold header a little more; a title that overflows does not widen its column", () => {
    const [zh] = fitColumns([block([["应收账款账龄"]], ["text"])], "zh");
    expect(zh.width).toBe(12 + WIDTH.padding);
    const [bold] = fitColumns([block([["Customers reviewed"]], ["text"], { bold: true })], "en");
    expect(bold.width).toBe(Math.ceil(18 * 1.1) + WIDTH.padding);
    const [title] = fitColumns(
      [block([["A very long title that runs across the empty cells"]], ["text"], { overflow: true })],
      "en",
    );
    expect(title).toEqual({ column: 0, width: WIDTH.min, wrap: false, indent: false });
  });

  test("widths a sheet asks for are kept as a minimum", () => {
    expect(fitColumns([block([["a", "b"]], ["text", "text"])], "en", [30]).map((c) => c.width)).toEqual([30, WIDTH.min]);
  });

  test("a text shorter than the widest so far still widens its column when its wide characters make it wider", () => {
    const [column] = fitColumns([block([["abcdef"], ["abc"], ["应收账款账"], ["abcd"]], ["text"])], "zh");
    expect(column.width).toBe(10 + WIDTH.padding);
    // A line break anywhere below a text past the wrap width changes nothing: the column wraps already.
    const long = "x".repeat(70);
    expect(fitColumns([block([[long], ["a\nb"], ["应".repeat(40)]], ["text"])], "en")).toEqual([
      { column: 0, width: WIDTH.wrapAt, wrap: true, indent: false },
    ]);
    expect(fitColumns([block([["abc"], ["a\nb"]], ["text"])], "en")).toEqual([
      { column: 0, width: WIDTH.min, wrap: true, indent: false },
    ]);
  });

  test("a header's text repeated in the cell below counts there whole, not only its widest word", () => {
    const values = [["Risk grade"], ["Risk grade"], ["Risk grade"], ["Low"]];
    expect(fitColumns([block(values, ["text"])], "en", [], 0)).toEqual([{ column: 0, width: 12, wrap: false, indent: false }]);
    expect(fitColumns([block([values[0], values[3]], ["text"])], "en", [], 0)).toEqual([
      { column: 0, width: 8, wrap: true, indent: false },
    ]);
  });

  test("a Chinese date's column counts 年月日 at the full em they print at, with a number's margin", () => {
    const date = serialFromYMD(2027, 12, 28);
    const margin = (lang: "en" | "zh") =>
      fitColumns([block([[date]], ["date"])], lang)[0].width - Math.ceil(printedWidth(renderedText(date, "date", lang)));
    expect(renderedText(date, "date", "zh")).toBe("2027年12月28日");
    expect(margin("zh")).toBeGreaterThanOrEqual(margin("en"));
  });

  test("property: no number or date ever shows ### (its column is wider than its formatted text prints)", () => {
    const formats: CellFormat[] = ["money", "score", "percent", "ratio", "integer", "date", "general"];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...formats),
        fc.constantFrom("en" as const, "zh" as const),
        (numbers, format, lang) => {
          const values = numbers.map((n) => [format === "date" ? Math.abs(n) % 2958465 : n]);
          const [column] = fitColumns([block(values, [format])], lang);
          // Printed width: a Chinese date's 年月日 at the full em they print at.
          for (const [n] of values) expect(column.width).toBeGreaterThan(printedWidth(renderedText(n, format, lang)));
          expect(column.wrap).toBe(false);
        },
      ),
    );
  });
});

test("wrapped rows are made as tall as their longest text's lines; one-line rows are left alone", () => {
  const long = "word ".repeat(40).trim();
  const blocks = [block([["Header"], ["short"], [long], [`${long}\n${long}`]], ["text"], { row: 2 })];
  const columns = fitColumns(blocks, "en");
  const heights = wrappedRowHeights(blocks, columns, "en")!;
  expect(heights.map((h) => h.row)).toEqual([4, 5]);
  expect(heights[0].height % LINE_HEIGHT).toBe(0);
  expect(heights[0].height).toBeGreaterThanOrEqual(LINE_HEIGHT * 4);
  expect(heights[1].height).toBe(heights[0].height * 2);
  expect(
    wrappedRowHeights([block([["a"]], ["text"])], [{ column: 0, width: 10, wrap: false, indent: false }], "en"),
  ).toBeUndefined();
});

test("property: a wrapped column's rows are as tall as each of its cells measured on its own", () => {
  const formats: CellFormat[] = ["money", "score", "percent", "integer", "date", "general", "text"];
  const cell = fc.oneof(
    fc.constant(null),
    fc.double({ min: -1e17, max: 1e17, noNaN: true }),
    fc.constantFrom(Infinity, 0, -0, 9.995, -9.995, 999_999.995),
    fc.string({ unit: fc.constantFrom("a", " ", "应", "\n", "1"), maxLength: 30 }),
  );
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(...formats),
      fc.integer({ min: 2, max: 14 }),
      fc.constantFrom("en" as const, "zh" as const),
      (values, format, width, lang) => {
        const columns = [
          { column: 3, width, wrap: true, indent: false },
          { column: 4, width: width + 3, wrap: true, indent: false },
        ];
        const heights = wrappedRowHeights([block(values, [format, "money"], { row: 1, column: 3 })], columns, lang) ?? [];
        const alone = values.flatMap((line, r) => {
          const tallest = Math.max(
            ...line.map((value, c) => {
              const one = block([[value]], [[format, "money" as const][c]], { row: 1 + r, column: 3 + c });
              return wrappedRowHeights([one], [columns[c]], lang)?.[0]?.height ?? LINE_HEIGHT;
            }),
          );
          return tallest > LINE_HEIGHT ? [{ row: 1 + r, height: tallest }] : [];
        });
        expect(heights).toEqual(alone);
      },
    ),
  );
});

/*
 * Recommendations of the reviewed samples in their 52-wide indented column, and the lines
 * LibreOffice printed each on (rendered with rows tall enough for all): the row is as tall as
 * those, never shorter (the last line would be cut), and the one-line advice of most customers
 * one line tall. The third prints on one line in LibreOffice, its 24 full-width characters just
 * within the room; Excel's full-width character (a whole em of 14.7 px) leaves the 24th on the
 * edge, so it is given two.
 */
test.each([
  ["en", "Keep terms; the limit may rise (low risk, no warning)", 1],
  [
    "en",
    "Require prepayment (high risk); Restrict the credit limit (high risk); Ask for a guarantee or credit insurance (high risk); Escalate collection and stop shipments (Overdue over 90 days)",
    4,
  ],
  ["zh", "暂停新订单，直至余额回到额度以内（超出信用额度）", 2],
  [
    "zh",
    "要求预付款（高风险）；限制信用额度（高风险）；要求提供担保或投保信用保险（高风险）；加强催收并停止供货（逾期超过 90 天）；立即重新评估该客户（负面新闻）",
    4,
  ],
] as const)("%s: a recommendation takes the lines it prints on: %s", (lang, text, lines) => {
  const column = [{ column: 0, width: WIDTH.wrapAt + WIDTH.indent, wrap: true, indent: true }];
  const heights = wrappedRowHeights([block([[text]], ["text"])], column, lang) ?? [];
  expect(heights[0]?.height ?? LINE_HEIGHT).toBe(lines * LINE_HEIGHT);
});

test("the rows a plan fits are those its wrapped columns write on, first to last", () => {
  const columns = [
    { column: 0, width: 10, wrap: false, indent: false },
    { column: 1, width: 10, wrap: true, indent: false },
  ];
  const blocks = [block([["a"], ["b"]], ["text"], { row: 9 }), block([["c"], ["d"], ["e"]], ["text"], { row: 2, column: 1 })];
  expect(fittedRows(blocks, columns)).toEqual({ first: 2, last: 4 });
  expect(fittedRows([blocks[0]], columns)).toBeUndefined();
});

test.each([
  // An earlier run's heights: redone, to one line (no height of its own) or to the plan's.
  [{ height: 45, custom: true }, undefined, "default"],
  [{ height: 45, custom: true }, 30, 30],
  [{ height: 30, custom: true }, 60, 60],
  [{ height: 409, custom: true }, 30, 30],
  [{ height: 45, custom: true }, 45, "keep"],
  // The user's heights: kept unless the plan's text needs more.
  [{ height: 40, custom: true }, undefined, "keep"],
  [{ height: 40, custom: true }, 30, "keep"],
  [{ height: 20.25, custom: true }, 30, 30],
  [{ height: 15, custom: true }, undefined, "keep"],
  // Heights Excel measured (no customHeight), or none: grown to the plan's, never cut.
  [{ height: 45, custom: false }, undefined, "keep"],
  [{ height: 45, custom: false }, 30, "keep"],
  [{ custom: false }, 30, 30],
  [{ custom: false }, undefined, "keep"],
] as const)("a row of height %j where the plan wants %p gets %p", (row, planned, expected) => {
  expect(rowHeightToWrite(row, planned)).toBe(expected);
});

test("the rows a writer that has Excel measure them fits: all but the heights that may be the user's", () => {
  const layout = {
    fitRows: { first: 3, last: 10 },
    rowHeights: [
      { row: 4, height: 45 },
      { row: 6, height: 30 },
    ],
  };
  // Heights as Office.js reads them (undefined: the standard height): no customHeight to go by.
  const heights = new Map([
    [3, 50], // the user's taller header: kept
    [4, 45], // an earlier run's, as tall as the plan's: kept as it is
    [5, 8], // the user's short one-line row: kept
    [6, 20], // shorter than the plan's text needs: measured
    [8, 30], // an earlier run's two lines, one line now: measured
  ]);
  expect(rowsToFit(layout, (row) => heights.get(row))).toEqual([{ first: 6, last: 10 }]);
  expect(rowsToFit(layout, () => undefined)).toEqual([{ first: 3, last: 10 }]);
  expect(rowsToFit({ rowHeights: layout.rowHeights }, () => undefined)).toEqual([]);
  expect(rowsToFit(layout, (row) => (row === 7 ? 40 : undefined))).toEqual([
    { first: 3, last: 6 },
    { first: 8, last: 10 },
  ]);
});

test("a height an earlier run wrote is a whole number of lines from two, or Excel's cap", () => {
  expect([30, 45, 405, 409].map(isEarlierRunHeight)).toEqual([true, true, true, true]);
  expect([15, 20, 40, 44.25, 420].map(isEarlierRunHeight)).toEqual([false, false, false, false, false]);
});

test("a short text of wide characters can still take two lines", () => {
  const column = [{ column: 0, width: 10, wrap: true, indent: false }];
  // Six characters, twelve widths: more than the nine the column's room holds.
  expect(wrappedRowHeights([block([["应收账款账款"], ["abcdefgh"]], ["text"])], column, "zh")).toEqual([
    { row: 0, height: 2 * LINE_HEIGHT },
  ]);
});

test("a column too narrow for its amounts has each amount's row as tall as its lines", () => {
  const values = [[1], [1234567.5], [-12], [98765.25]];
  const heights = wrappedRowHeights([block(values, ["money"])], [{ column: 0, width: 6, wrap: true, indent: false }], "en");
  // room 5: "1,234,567.50" is 12 widths, "98,765.25" 9 (at 0.95 of a digit each), "-12.00" 6.
  expect(heights).toEqual([
    { row: 1, height: 3 * LINE_HEIGHT },
    { row: 2, height: 2 * LINE_HEIGHT },
    { row: 3, height: 2 * LINE_HEIGHT },
  ]);
});

/** A varied table: an overflowing title, a header, and rows of texts (English, Chinese, quotes, line breaks), codes and figures, some repeated. */
function variedTable(): Block[] {
  const words = [
    "Keep",
    "terms",
    "Require",
    "prepayment",
    "(high risk);",
    "OVERDUE",
    "limit",
    "140,000.00",
    "“quoted”",
    "暂停新订单，",
    "直至余额回到额度以内",
    "（超出信用额度）",
    "逾期超过",
    "90",
    "天",
    "Z-score",
    "in",
    "distress",
    "zone;",
    "ÉCHÉANCE",
  ];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const text = (most: number) =>
    Array.from({ length: 1 + next(most) }, () => words[next(words.length)]).join(next(9) === 0 ? "\n" : " ");
  const header = [
    "Customer",
    "Risk grade",
    "Outstanding balance",
    "Share overdue",
    "Score",
    "Next review",
    "What changed since the last review",
    "Recommendation",
    "Flag",
    "Count",
    "Action code of the last review",
  ];
  const formats: CellFormat[] = [
    "text",
    "text",
    "money",
    "percent",
    "score",
    "date",
    "text",
    "text",
    "general",
    "integer",
    "text",
  ];
  const rows: PlanValue[][] = [];
  for (let r = 0; r < 60; r++) {
    const above = rows[r - 1];
    if (above && next(4) === 0) {
      rows.push([...above]);
      continue;
    }
    rows.push([
      `C${1000 + r}`,
      ["Low", "Medium", "High", "低风险"][next(4)],
      next(10) === 0 ? null : next(3_000_000) / 4,
      next(1000) / 999,
      next(500) / 100,
      46_000 + next(400),
      next(3) === 0 ? null : text(12),
      text(4),
      next(2) === 0,
      next(8) === 0 ? 1e15 + next(10) : next(100),
      // A code of capitals, its column as wide as its display width: it prints wider, on two lines.
      ["KEEP_TERMS", "REQUIREPREPAYMENT", "复核"][next(3)],
    ]);
  }
  return [
    block([["Portfolio review — a title longer than its column"]], ["text"], { overflow: true }),
    block(
      [header],
      header.map(() => "text"),
      { row: 2, bold: true },
    ),
    block(rows, formats, { row: 3 }),
  ];
}

/*
 * Pinned: what a writer writes. Fitting the columns and the rows' heights skip the cells that
 * cannot change them; what they skip must never change the layout.
 */
test.each([
  // English and Chinese dates differ in width (年月日 at a full em).
  ["en" as const, 12],
  ["zh" as const, 17],
])("a varied table (%s) is laid out: each column's width, wrapping and indent, and each taller row", (lang, dateWidth) => {
  const out = laidOut({ name: "Archive", kind: "archive", mode: "replace", blocks: variedTable() }, lang, "table");
  const dateWraps = lang === "en" ? 1 : 0;
  // [width, wraps, indented] per column.
  expect(out.columns!.map((c) => [c.width, Number(c.wrap), Number(c.indent)])).toEqual([
    [11, 0, 0],
    [10, 1, 1],
    [15, 1, 0],
    [10, 1, 0],
    [8, 0, 0],
    [dateWidth, dateWraps, 0],
    [52, 1, 1],
    [54, 1, 1],
    [9, 0, 1],
    [18, 0, 0],
    [21, 1, 1],
  ]);
  expect(out.rowHeights!.map((h) => [h.row, h.height / LINE_HEIGHT])).toEqual([
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, 9],
    [7, 3],
    [9, 2],
    [10, 2],
    [11, 2],
    [13, 2],
    [20, 2],
    [21, 2],
    [24, 6],
    [25, 4],
    [26, 2],
    [27, 2],
    [30, 2],
    [35, 2],
    [36, 2],
    [39, 2],
    [41, 3],
    [42, 3],
    [43, 3],
    [45, 2],
    [49, 2],
    [51, 2],
    [52, 2],
    [53, 2],
    [55, 2],
    [57, 2],
    [62, 2],
  ]);
});

test("property: a laid-out sheet's rows are as tall as wrappedRowHeights counts them cell by cell", () => {
  // laidOut reads again only the columns whose cells can take more than one line, by what fitting
  // the columns measured: it must find every row those cells make taller.
  const formats: CellFormat[] = ["general", "text", "score", "decimals3", "money", "date", "percent", "percent2", "integer"];
  const cell = fc.oneof(
    fc.constant(null),
    fc.double({ min: -1e17, max: 1e17 }),
    fc.constantFrom(Infinity, NaN, 0, 9.995, 999_999.995, 1e15, 46_356),
    fc.boolean(),
    fc.string({ unit: fc.constantFrom("W", "a", " ", "1", "应", "，", "“", "\n"), maxLength: 70 }),
    // Capitals and wide characters print wider than their display width: near a column's room, on two lines.
    fc.string({ unit: fc.constantFrom("W", "应"), minLength: 8, maxLength: 24 }),
  );
  // A header of words wraps over a column of narrower figures and codes.
  const header = fc.array(fc.constantFrom("Share", "of", "customers", "overdue", "应收账款", "W"), {
    minLength: 1,
    maxLength: 6,
  });
  const blockOf = (columns: number) =>
    fc.record({
      row: fc.integer({ min: 0, max: 4 }),
      column: fc.integer({ min: 0, max: 3 }),
      formats: fc.array(fc.constantFrom(...formats), { minLength: columns, maxLength: columns }),
      // Rows repeated: a column's runs of one value are read once.
      values: fc
        .array(fc.array(cell, { maxLength: columns }), { maxLength: 6 })
        .map((rows) => rows.flatMap((row, r) => (r % 2 ? [row, row] : [row]))),
      bold: fc.boolean(),
      overflow: fc.boolean(),
    });
  const blocks = fc.integer({ min: 1, max: 4 }).chain((columns) =>
    fc
      .tuple(
        fc.array(header, { minLength: columns, maxLength: columns }),
        fc.array(blockOf(columns), { minLength: 1, maxLength: 3 }),
      )
      .map(([words, body]) => [
        block(
          [words.map((w) => w.join(" "))],
          words.map(() => "text"),
          { row: 0, bold: true },
        ),
        ...body.map((b) => ({ ...b, row: b.row + 1 })),
      ]),
  );
  fc.assert(
    fc.property(
      blocks,
      fc.constantFrom("en" as const, "zh" as const),
      fc.constantFrom("table" as const, "dashboard" as const),
      (blocks, lang, kind) => {
        const out = laidOut({ name: "S", kind: "archive", mode: "replace", blocks }, lang, kind);
        const header = kind === "table" ? blocks.find((b) => b.bold)?.row : undefined;
        expect(out.columns).toEqual(fitColumns(blocks, lang, [], header));
        expect(out.rowHeights).toEqual(wrappedRowHeights(blocks, out.columns!, lang));
      },
    ),
    { numRuns: 500 },
  );
});

test.each([
  [[60], "portrait"],
  [[60, 40], "landscape"],
])("printSetup of columns %j: %s, fitted to the page width, as many pages down as needed", (widths, orientation) => {
  const setup = printSetup(widths.map((width, column) => ({ column, width, wrap: false, indent: false })));
  expect(setup).toEqual({ orientation, fitToWidth: 1, fitToHeight: 0, repeatRows: undefined });
});

test.each([
  // Up to 175 characters (105 a landscape page holds at full size, at 60%): fitted one page across.
  [175, undefined, undefined],
  // Wider: at 60% on as many pages across as it takes, the name columns (30 characters) on each.
  [176, [{ first: 0, last: 1, width: 30 }], { first: 0, last: 1 }],
  // Up to half the page (87.5 characters) are repeated; columns wider than that are not.
  [600, [{ first: 0, last: 3, width: 87 }], { first: 0, last: 3 }],
  [600, [{ first: 0, last: 5, width: 88 }], undefined],
  // The first of the titles narrow enough is repeated.
  [
    600,
    [
      { first: 0, last: 5, width: 90 },
      { first: 2, last: 3, width: 40 },
    ],
    { first: 2, last: 3 },
  ],
])("a table %i characters wide with titles %j: repeating %j", (width, titles, repeated) => {
  const setup = printSetup([{ column: 0, width, wrap: false, indent: false }], { first: 2, last: 2 }, titles);
  const fit = width <= 175;
  expect(setup).toEqual({
    orientation: "landscape",
    fitToWidth: fit ? 1 : 0,
    fitToHeight: 0,
    ...(fit ? {} : { scale: PRINT_SCALE, overThenDown: true }),
    repeatRows: { first: 2, last: 2 },
    ...(repeated ? { repeatColumns: repeated } : {}),
  });
  expect(PRINT_SCALE).toBe(60);
});

test.each([
  [{ fitToPage: false }, false],
  [{ fitToPage: false, scale: 100 }, false],
  [{ fitToPage: false, scale: 85 }, true],
  // The review's own scale, or one it shrinks to for a last band of pages: an earlier run's.
  [{ fitToPage: false, scale: 60 }, false],
  [{ fitToPage: false, scale: 55 }, false],
  [{ fitToPage: false, scale: 50 }, false],
  [{ fitToPage: false, scale: 49 }, true],
  // N pages wide by as many tall as it takes is what the review writes: an earlier run's.
  [{ fitToPage: true, fitToHeight: 0 }, false],
  [{ fitToPage: true, fitToHeight: 1 }, true],
  [{ fitToPage: true, fitToHeight: 3 }, true],
])("print setup %j is the user's: %s", (setup, users) => {
  expect(isUsersPrintSetup(setup)).toBe(users);
});

test("print titles over the plan's header row are an earlier run's; others the user's", () => {
  const ours = printSetup([{ column: 0, width: 300, wrap: false, indent: false }], { first: 2, last: 2 });
  expect(isEarlierRunTitles({ first: 2, last: 2 }, ours)).toBe(true);
  expect(isEarlierRunTitles({ first: 0, last: 2 }, ours)).toBe(false);
  expect(isEarlierRunTitles(undefined, ours)).toBe(false);
});

test("a table sheet freezes and repeats its header; the dashboard prints on one landscape page", () => {
  const plan = {
    name: "S",
    kind: "policy" as const,
    mode: "replace" as const,
    blocks: [block([["Setting", "Value"]], ["text", "text"], { bold: true })],
  };
  expect(laidOut(plan, "en", "table")).toMatchObject({ freezeRows: 1, print: { repeatRows: { first: 0, last: 0 } } });
  const chart = {
    kind: "column" as const,
    title: "t",
    seriesName: "s",
    format: "money" as const,
    valueAxis: { minimum: 0, labels: true, gridlines: true },
    categories: { row: 1, column: 0, rows: 3, columns: 1 },
    values: { row: 1, column: 1, rows: 3, columns: 1 },
    place: { row: 0, column: 3, rows: 16, columns: 7 },
  };
  const dashboard = laidOut({ ...plan, charts: [chart] }, "en", "dashboard");
  // Where the plan put it, beside the tables.
  expect(dashboard.charts![0].place).toEqual({ row: 0, column: 3, rows: 16, columns: 7 });
  expect(dashboard.freezeRows).toBeUndefined();
  expect(dashboard.print).toEqual({ orientation: "landscape", fitToWidth: 1, fitToHeight: 1 });
});

test.each<["en" | "zh", string, number, number]>([
  // Widest word "customers" (9, bold 10) and padding, wider than the figure "10.0%": the header wrapped over five lines.
  ["en", "Share of customers overdue that triggers a warning", 12, 5],
  // No spaces: up to six Chinese characters stay on one line (a term is not cut in two), a longer run
  // breaks, never leaving one character alone on its last line (触发组合预警/的逾期客户占/比 at six a line).
  ["zh", "触发组合预警的逾期客户占比", 18, 2],
  // Seven: at six a line its 分 would stand alone under 合同履行加权; balanced instead, 合同履行 over
  // 加权分, the column as narrow as four (4 × 2, bold, and padding). Thirteen cannot balance on two
  // lines without one alone at a character more a line: a character wider, as above.
  ["zh", "合同履行加权分", 11, 2],
  // Lines of its own break where they do: no character there is taken for alone, nothing balanced
  // (履行分 on its line, as wide as its three).
  ["zh", "合同\n履行分", 9, 2],
  // A term of five: one line, its column as wide as the term (5 × 2, bold, and padding), not 付款历 over 史分.
  ["zh", "付款历史分", 13, 1],
  // After Chinese punctuation a line may break: 账龄： over 未到期, the column as wide as the wider part.
  ["zh", "账龄：未到期", 9, 2],
  // A Latin word beside Chinese stays whole (16, bold and padding), where the Chinese run alone would be capped.
  ["zh", "Creditworthiness（信用评级）", 20, 2],
])("a table's long header over a short figure wraps instead of widening its column (%s: %s)", (lang, header, width, lines) => {
  const plan = {
    name: "History",
    kind: "policyHistory" as const,
    mode: "replace" as const,
    blocks: [block([[header]], ["text"], { bold: true }), block([[0.1]], ["percent"], { row: 1 })],
  };
  const out = laidOut(plan, lang, "table");
  expect(out.columns).toEqual([{ column: 0, width, wrap: lines > 1, indent: false }]);
  expect(out.rowHeights ?? []).toEqual(lines > 1 ? [{ row: 0, height: lines * LINE_HEIGHT }] : []);
});

test("wrappedText: a long line as the lines a wrapped cell shows, by words in English, by characters in Chinese", () => {
  const english = wrappedText("Litware Components (Escalate collection and stop shipments, Re-assess the customer now)", 40);
  expect(english).toEqual(["Litware Components (Escalate collection and", "stop shipments, Re-assess the customer now)"]);
  expect(english.every((line) => printedWidth(line) <= 40)).toBe(true);
  // As many lines as the row heights count for the same text and room.
  const [block] = [{ row: 0, column: 0, values: [[english.join(" ")]], formats: ["text" as const] }];
  expect(wrappedRowHeights([block], [{ column: 0, width: 41, wrap: true, indent: false }], "en")).toEqual([
    { row: 0, height: english.length * 15 },
  ]);
  const chinese = wrappedText("已与客户财务总监会面，对方承诺在十二月中旬前提交付款计划", 20);
  expect(chinese).toEqual(["已与客户财务总监会", "面，对方承诺在十二", "月中旬前提交付款计", "划"]);
  expect(chinese.every((line) => printedWidth(line) <= 20)).toBe(true);
  // Closing punctuation does not start a line: it hangs past the end of the line before.
  expect(wrappedText("已与客户财务总监会，对方承诺", 20)).toEqual(["已与客户财务总监会，", "对方承诺"]);
  expect(wrappedText("客户十二月到期款项）已逾期", 20)).toEqual(["客户十二月到期款项）", "已逾期"]);
  // An opening bracket does not end one: it goes down with the character after it.
  expect(wrappedText("客户十二月到期款（高）", 20)).toEqual(["客户十二月到期款", "（高）"]);
  expect(wrappedText("客户十二月到期款项（A公司）", 20)).toEqual(["客户十二月到期款项", "（A公司）"]);
  expect(wrappedText("一（高）二", 20)).toEqual(["一（高）二"]);
  // A line that fits stays whole; a line break starts a line; a word wider than the room is broken.
  expect(wrappedText("Short\nlines", 40)).toEqual(["Short", "lines"]);
  expect(wrappedText("x".repeat(30), 10).map((line) => line.length)).toEqual([11, 11, 8]);
});

describe("a wrapped column is made a little wider where that spares its texts a lone last character", () => {
  const column = (texts: readonly string[]) =>
    fitColumns([{ row: 0, column: 1, values: texts.map((text) => [text]), formats: ["text"] }], "zh")[0];
  // Four warnings come to a character more than the wrap width: 利息保障不 / 足 at 50.
  const four = "逾期超过 90 天；流动性不足；负债率过高；利息保障不足";
  const five = "逾期超过 90 天；Z 值处于困境区；流动性不足；负债率过高；利息保障不足";

  test("four warnings fit one line at the narrowest such width; five wrap with more than a character on their last line", () => {
    expect(wrappedText(four, WIDTH.wrapAt - 1).length).toBe(2);
    const { width, wrap, indent } = column([four, five, "超出信用额度"]);
    expect([wrap, indent]).toEqual([true, true]);
    const room = width - WIDTH.indent - 1;
    expect(width).toBeGreaterThan(WIDTH.wrapAt + WIDTH.indent);
    expect(width).toBeLessThanOrEqual(WIDTH.wrapAt + 6 + WIDTH.indent);
    expect(wrappedText(four, room)).toEqual([four]);
    expect(wrappedText(five, room).at(-1)!.length).toBeGreaterThan(1);
    // One narrower, some application's wrapping (up to LibreOffice's) leaves one character alone.
    const narrower = room - 1;
    expect(
      [1, 1.02, 1.04, 1.06].some(
        (k) => wrappedText(four, narrower * k).at(-1)!.length === 1 && wrappedText(four, narrower * k).length > 1,
      ),
    ).toBe(true);
  });

  test("a column whose texts end on no lone character keeps the wrap width, as does one whose texts end so at every width a little wider (the varied table above)", () => {
    expect(column([five, "超出信用额度"]).width).toBe(WIDTH.wrapAt + WIDTH.indent);
  });
});
