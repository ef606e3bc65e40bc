/**
 * The layout's worksheet and workbook XML merged into what a sheet of the user's has: column
 * ranges split around the review's columns, a frozen pane added only where there is none, the
 * print fit set with the user's paper and printer kept, built-in names replaced or kept.
 */
import { withSheetNames } from "../../../src/cli/package/defined-names";
import {
  fittedPageSetup,
  fittedSheetPr,
  frozenViews,
  mergedCols,
  printTitlesRef,
  sheetCols,
  titleRowsOf,
} from "../../../src/cli/package/layout-xml";

const col = (column: number, width: number) => ({ column, width, wrap: false, indent: false });

test.each([
  ["no <cols> yet", "", [col(2, 20)], '<cols><col min="3" max="3" width="20" customWidth="1"/></cols>'],
  [
    "a range of the user's split around the review's column, its attributes kept",
    '<cols><col min="1" max="5" width="14" style="3" customWidth="1"/></cols>',
    [col(2, 20)],
    '<cols><col min="1" max="2" width="14" style="3" customWidth="1"/><col min="3" max="3" width="20" customWidth="1"/><col min="4" max="5" width="14" style="3" customWidth="1"/></cols>',
  ],
  [
    "the user's columns left of ours kept byte for byte; an earlier run's width replaced",
    '<cols><col min="1" max="1" width="9.5" bestFit="1"/><col min="3" max="3" width="11" customWidth="1"/></cols>',
    [col(2, 20)],
    '<cols><col min="1" max="1" width="9.5" bestFit="1"/><col min="3" max="3" width="20" customWidth="1"/></cols>',
  ],
  ["prefixed", "<x:cols></x:cols>", [col(0, 10)], '<x:cols><x:col min="1" max="1" width="10" customWidth="1"/></x:cols>'],
])("mergedCols: %s", (_name, existing, columns, expected) => {
  const p = existing.startsWith("<x:") ? "x:" : "";
  expect(mergedCols(existing, columns, p)).toBe(expected);
});

const response = { column: 4, width: 38, earlier: [30] };
test.each([
  [
    "no width of its own: widened",
    "",
    '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="5" max="5" width="38" customWidth="1"/></cols>',
  ],
  [
    "a default width in a range with a style, hidden: widened alone, its style and hidden flag kept",
    '<cols><col min="4" max="6" width="8.43" style="7" hidden="1"/></cols>',
    '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="4" max="4" width="8.43" style="7" hidden="1"/><col min="5" max="5" style="7" hidden="1" width="38" customWidth="1"/><col min="6" max="6" width="8.43" style="7" hidden="1"/></cols>',
  ],
  [
    "the width an earlier run gave it: widened",
    '<cols><col min="5" max="5" width="30" customWidth="1"/></cols>',
    '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="5" max="5" width="38" customWidth="1"/></cols>',
  ],
  [
    "a width of the user's: kept",
    '<cols><col min="5" max="5" width="20" customWidth="1"/></cols>',
    '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="5" max="5" width="20" customWidth="1"/></cols>',
  ],
])("sheetCols, the user's Action taken column: %s", (_name, existing, expected) => {
  expect(sheetCols(existing, { columns: [col(0, 12)], responseColumn: response }, "")).toBe(expected);
});

test.each([
  [
    "a view without a pane gets the frozen rows, its other settings kept",
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>',
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>',
  ],
  [
    "a self-closing view is opened up",
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/></sheetView></sheetViews>',
  ],
  [
    "the user's own freeze or split stays as it is",
    '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" topLeftCell="C1" state="frozen"/></sheetView></sheetViews>',
    '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" topLeftCell="C1" state="frozen"/></sheetView></sheetViews>',
  ],
])("frozenViews: %s", (_name, existing, expected) => {
  expect(frozenViews(existing, 3, "")).toBe(expected);
});

test("print fit: sheetPr and pageSetup gain the fit, the user's other settings stay", () => {
  expect(fittedSheetPr("", "")).toBe('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(fittedSheetPr('<sheetPr codeName="Sheet1"/>', "")).toBe(
    '<sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr>',
  );
  expect(fittedSheetPr('<sheetPr><tabColor rgb="FF00FF00"/><pageSetUpPr autoPageBreaks="0"/></sheetPr>', "")).toBe(
    '<sheetPr><tabColor rgb="FF00FF00"/><pageSetUpPr autoPageBreaks="0" fitToPage="1"/></sheetPr>',
  );
  const print = { orientation: "landscape" as const, fitToWidth: 1, fitToHeight: 0 };
  expect(fittedPageSetup('<pageSetup paperSize="9" orientation="portrait" r:id="rId2"/>', print, "")).toBe(
    '<pageSetup paperSize="9" orientation="landscape" r:id="rId2" fitToWidth="1" fitToHeight="0"/>',
  );
});

describe("withSheetNames", () => {
  const workbook = (names: string) =>
    `<workbook><bookViews/><sheets><sheet name="A" sheetId="1"/><sheet name="B" sheetId="2"/></sheets>${names}<calcPr/></workbook>`;
  const titles = (sheetIndex: number, ref: string, keepExisting?: (existing: string) => boolean) => ({
    name: "_xlnm.Print_Titles" as const,
    sheetIndex,
    ref,
    keepExisting,
  });

  test("added in a new <definedNames> after <sheets>, before <calcPr>", () => {
    expect(withSheetNames(workbook(""), [titles(1, "'B'!$1:$1")])).toBe(
      workbook(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'B'!$1:$1</definedName></definedNames>`),
    );
  });

  test("the same name of the same sheet replaced; of another sheet, and other names, kept; the user's kept when asked", () => {
    const before = workbook(
      `<definedNames><definedName name="Rates">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'A'!$2:$2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'B'!$5:$5</definedName></definedNames>`,
    );
    const seen: string[] = [];
    const keep = (existing: string) => seen.push(existing) > 0;
    expect(withSheetNames(before, [titles(1, "'B'!$1:$1"), titles(0, "'A'!$3:$3", keep)])).toBe(
      workbook(
        `<definedNames><definedName name="Rates">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">'A'!$2:$2</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'B'!$1:$1</definedName></definedNames>`,
      ),
    );
    // The question is asked with the name's reference as the sheet reads it.
    expect(seen).toEqual(["'A'!$2:$2"]);
  });

  test("print titles of columns and rows: one reference each, rows read back from either form", () => {
    const print = { repeatColumns: { first: 0, last: 1 }, repeatRows: { first: 2, last: 2 } };
    expect(printTitlesRef("Cust's", print)).toBe("'Cust''s'!$A:$B,'Cust''s'!$3:$3");
    expect(printTitlesRef("A", { repeatRows: { first: 0, last: 0 } })).toBe("'A'!$1:$1");
    expect(titleRowsOf("'Cust''s'!$A:$B,'Cust''s'!$3:$3")).toEqual({ first: 2, last: 2 });
    expect(titleRowsOf("Customers!$3:$4")).toEqual({ first: 2, last: 3 });
    expect(titleRowsOf("'A'!$A:$B")).toBeUndefined();
  });
});
