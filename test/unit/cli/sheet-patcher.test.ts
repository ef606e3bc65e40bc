/**
 * The command line's sheet patcher on its own: a user's worksheet streamed through with the
 * plan's cells merged into the rows it writes on and the rows the sheet lacks inserted. Each
 * case is an input sheetData, the plan's blocks and the sheetData expected back, written out by
 * hand; the input is fed in pieces of one character, seven characters and whole, and every
 * feeding must give the same text (a tag, a cell or a row cut between two pieces changes nothing).
 */
import { Block } from "../../../src/engine/review/write-plan";
import { newWorksheet, RowPlan } from "../../../src/cli/package/row-plan";
import { SheetPatcher } from "../../../src/cli/package/sheet-writer";
import { Styles } from "../../../src/cli/package/styles";
import { CellWriter } from "../../../src/cli/package/worksheet-xml";
import { rootPrefix } from "../../../src/cli/package/xml-edit";
import { PartText } from "../../../src/cli/package/zip-writer";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:x14ac="${X14AC}"><dimension ref="A1:B6"/>`;
const TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/*
 * Cell styles the plan's formats get in a workbook with no styles part (whose one style, 0, is
 * the default) are numbered from 1 in the order the blocks first use them: in the first case
 * 1 is General and 2 text ("@"); in the wrapped case 2 is General wrapped.
 */

interface Case {
  readonly name: string;
  /** The sheet's text from <sheetData> to </sheetData>, or a whole worksheet when it starts with "<?xml". */
  readonly sheet: string;
  readonly blocks: readonly Block[];
  /** 0-based sheet columns whose plan cells wrap, and the heights (points) that makes rows need. */
  readonly wrapped?: readonly number[];
  readonly heights?: readonly { row: number; height: number }[];
  /** The rows whose height the plan decides (0-based): a height an earlier run wrote there is redone. */
  readonly fitRows?: { readonly first: number; readonly last: number };
  /** Like `sheet`: the sheetData expected back, or the whole worksheet. */
  readonly expected: string;
}

const general = (row: number, column: number, values: (string | number | null)[][]): Block => ({
  row,
  column,
  values,
  formats: values[0].map(() => "general"),
});

const CASES: readonly Case[] = [
  {
    name: "the usual rows: the user's cells left of the output columns, two plan columns on each",
    sheet:
      '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2" spans="1:2"><c r="A2"><v>10</v></c><c r="B2" s="4"><f>A2*2</f><v>20</v></c></row>' +
      '<row r="3" spans="1:2" x14ac:dyDescent="0.25"><c r="A3"><v>11</v></c><c r="B3"/></row></sheetData>',
    blocks: [
      {
        row: 0,
        column: 2,
        values: [
          ["Score", "Grade"],
          [71, "B"],
          [55.5, "C & D"],
        ],
        formats: ["general", "text"],
      },
    ],
    expected:
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
      '<c r="C1" s="1" t="inlineStr"><is><t>Score</t></is></c><c r="D1" s="2" t="inlineStr"><is><t>Grade</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>10</v></c><c r="B2" s="4"><f>A2*2</f><v>20</v></c>' +
      '<c r="C2" s="1"><v>71</v></c><c r="D2" s="2" t="inlineStr"><is><t>B</t></is></c></row>' +
      '<row r="3" x14ac:dyDescent="0.25"><c r="A3"><v>11</v></c><c r="B3"/>' +
      '<c r="C3" s="1"><v>55.5</v></c><c r="D3" s="2" t="inlineStr"><is><t>C &amp; D</t></is></c></row></sheetData>',
  },
  {
    name: "a user's cell right of the output columns is kept there, one inside them replaced, one under a blank cleared",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1" t="s"><v>7</v></c><c r="F1" s="3"><v>99</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="D2"><v>5</v></c><c r="E2" t="inlineStr"><is><t>note</t></is></c></row></sheetData>',
    blocks: [
      general(0, 2, [
        ["new", 8],
        [9, null],
      ]),
    ],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="C1" s="1" t="inlineStr"><is><t>new</t></is></c>' +
      '<c r="D1" s="1"><v>8</v></c><c r="F1" s="3"><v>99</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="C2" s="1"><v>9</v></c>' +
      '<c r="E2" t="inlineStr"><is><t>note</t></is></c></row></sheetData>',
  },
  {
    name: "a re-run: the last review's cells in the output columns are written over, one under a blank cleared",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><!-- kept --><c r="B1" t="s"><v>2</v></c>' +
      '<c r="C1" s="1"><v>70</v></c><c r="D1" s="2" t="inlineStr"><is><t>old</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c><c r="C2" s="1"><v>60</v></c><c r="D2" s="1"><v>5</v></c></row></sheetData>',
    blocks: [
      general(0, 2, [
        [71, "new"],
        [61, null],
      ]),
    ],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><!-- kept --><c r="B1" t="s"><v>2</v></c>' +
      '<c r="C1" s="1"><v>71</v></c><c r="D1" s="1" t="inlineStr"><is><t>new</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c><c r="C2" s="1"><v>61</v></c></row></sheetData>',
  },
  {
    name: "two blocks on a row with the user's cells between and right of them; a row between blocks left alone",
    sheet:
      '<sheetData><row r="1"><c r="A1"/><c r="E1" t="s"><v>0</v></c><c r="H1"/></row>' +
      '<row r="2"><c r="A2"/><c r="B2"/></row><row r="4"><c r="C4" t="s"><v>3</v></c></row></sheetData>',
    blocks: [
      general(0, 2, [
        ["c1", "d1"],
        ["c2", "d2"],
      ]),
      general(0, 5, [["f1"], ["f2"]]),
      general(4, 2, [[5]]),
    ],
    expected:
      '<sheetData><row r="1"><c r="A1"/><c r="C1" s="1" t="inlineStr"><is><t>c1</t></is></c>' +
      '<c r="D1" s="1" t="inlineStr"><is><t>d1</t></is></c><c r="E1" t="s"><v>0</v></c>' +
      '<c r="F1" s="1" t="inlineStr"><is><t>f1</t></is></c><c r="H1"/></row>' +
      '<row r="2"><c r="A2"/><c r="B2"/><c r="C2" s="1" t="inlineStr"><is><t>c2</t></is></c>' +
      '<c r="D2" s="1" t="inlineStr"><is><t>d2</t></is></c><c r="F2" s="1" t="inlineStr"><is><t>f2</t></is></c></row>' +
      '<row r="4"><c r="C4" t="s"><v>3</v></c></row><row r="5"><c r="C5" s="1"><v>5</v></c></row></sheetData>',
  },
  {
    name: "rows the sheet lacks are inserted in order among its own",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>' +
      '<row r="6"><c r="A6"><v>6</v></c></row></sheetData>',
    blocks: [general(1, 1, [[2], [3], [4], [5], [6]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2"><c r="B2" s="1"><v>2</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><v>3</v></c></row>' +
      '<row r="4"><c r="B4" s="1"><v>4</v></c></row>' +
      '<row r="5"><c r="B5" s="1"><v>5</v></c></row>' +
      '<row r="6"><c r="A6"><v>6</v></c><c r="B6" s="1"><v>6</v></c></row></sheetData>',
  },
  {
    name: "plan rows past the sheet's last row are appended before </sheetData>; a new row of blanks is left out",
    sheet: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>\n</sheetData>',
    blocks: [general(1, 1, [["b"], ["c"], [null], ["e"]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="1" t="inlineStr"><is><t>b</t></is></c></row>\n' +
      '<row r="3"><c r="B3" s="1" t="inlineStr"><is><t>c</t></is></c></row>' +
      '<row r="5"><c r="B5" s="1" t="inlineStr"><is><t>e</t></is></c></row></sheetData>',
  },
  {
    name: "rows and cells without r are numbered as Excel reads them, and so are the rows the plan writes on",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row><c><v>2</v></c><c r="C2" t="s"><v>0</v></c><c><v>4</v></c></row>' +
      '<row r="4"><c><v>40</v></c></row>' +
      '<row ht="18" customHeight="1"><c><v>50</v></c><c t="b"><v>1</v></c></row>' +
      "<row><c><v>60</v></c></row></sheetData>",
    blocks: [general(1, 5, [["x"], ["y"], [null], ["z"]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="C2" t="s"><v>0</v></c><c r="D2"><v>4</v></c>' +
      '<c r="F2" s="1" t="inlineStr"><is><t>x</t></is></c></row>' +
      '<row r="3"><c r="F3" s="1" t="inlineStr"><is><t>y</t></is></c></row>' +
      '<row r="4"><c r="A4"><v>40</v></c></row>' +
      '<row r="5" ht="18" customHeight="1"><c r="A5"><v>50</v></c><c r="B5" t="b"><v>1</v></c>' +
      '<c r="F5" s="1" t="inlineStr"><is><t>z</t></is></c></row>' +
      '<row r="6"><c><v>60</v></c></row></sheetData>',
  },
  {
    name: "a self-closing row the plan writes on is opened, its height kept",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3" ht="30" customHeight="1"/>' +
      '<row r="4" hidden="1"/></sheetData>',
    blocks: [general(2, 1, [[3]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="3" ht="30" customHeight="1"><c r="B3" s="1"><v>3</v></c></row>' +
      '<row r="4" hidden="1"/></sheetData>',
  },
  {
    name: "<sheetData/>: the plan's rows are the only ones",
    sheet: "<sheetData/>",
    blocks: [general(0, 0, [["a", 1]]), general(2, 0, [["c", 3]])],
    expected:
      '<sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>a</t></is></c><c r="B1" s="1"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" s="1" t="inlineStr"><is><t>c</t></is></c><c r="B3" s="1"><v>3</v></c></row></sheetData>',
  },
  {
    name: "an empty <sheetData></sheetData> and a plan with nothing to write",
    sheet: "<sheetData></sheetData>",
    blocks: [],
    expected: "<sheetData></sheetData>",
  },
  {
    name: "a prefixed namespace: the prefix is used for the new rows and cells",
    sheet:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>` +
      '<x:row r="2" ht="25" customHeight="1"/></x:sheetData></x:worksheet>',
    blocks: [general(0, 1, [["one"], [2], [3]])],
    expected:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<x:worksheet xmlns:x="${NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="1" t="inlineStr"><x:is><x:t>one</x:t></x:is></x:c></x:row>' +
      '<x:row r="2" ht="25" customHeight="1"><x:c r="B2" s="1"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="B3" s="1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  },
  {
    name: "a prefixed namespace with <x:sheetData/>",
    sheet:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + `<x:worksheet xmlns:x="${NS}"><x:sheetData/></x:worksheet>`,
    blocks: [general(0, 0, [[1]])],
    expected:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>1</x:v></x:c></x:row>` +
      "</x:sheetData></x:worksheet>",
  },
  {
    name: "a row's attributes in single quotes: its own r and a lower ht are not written twice",
    sheet:
      "<sheetData><row r='2' spans='1:2' ht='10' customHeight='1'><c r='A2'><v>2</v></c></row>" +
      "<row r='3' ht='50' customHeight='1'><c r='A3'><v>3</v></c></row></sheetData>",
    blocks: [general(1, 1, [["b"], ["c"]])],
    heights: [
      { row: 1, height: 40 },
      { row: 2, height: 40 },
    ],
    expected:
      "<sheetData><row r='2' ht=\"40\" customHeight=\"1\"><c r='A2'><v>2</v></c>" +
      '<c r="B2" s="1" t="inlineStr"><is><t>b</t></is></c></row>' +
      "<row r='3' ht='50' customHeight='1'><c r='A3'><v>3</v></c>" +
      '<c r="B3" s="1" t="inlineStr"><is><t>c</t></is></c></row></sheetData>',
  },
  {
    name: "cells the usual pattern does not take whole (r not first, rich text) and a row's extLst after its cells",
    sheet:
      '<sheetData><row r="1"><c s="5" r="A1"><v>1</v></c><!-- typed by hand -->' +
      '<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>' +
      '<extLst><ext uri="{x}"/></extLst></row>' +
      '<row r="2"><c r="A2"/><c r="D2" s="5"><v>4</v></c><extLst><ext uri="{y}"/></extLst></row></sheetData>',
    blocks: [general(0, 2, [[3], [null]])],
    expected:
      '<sheetData><row r="1"><c s="5" r="A1"><v>1</v></c><!-- typed by hand -->' +
      '<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>' +
      '<c r="C1" s="1"><v>3</v></c><extLst><ext uri="{x}"/></extLst></row>' +
      '<row r="2"><c r="A2"/><c r="D2" s="5"><v>4</v></c><extLst><ext uri="{y}"/></extLst></row></sheetData>',
  },
  {
    name: "an attribute value holding '>' or '/>' (legal XML) inside a self-closing cell: the cell ends at its own end",
    sheet:
      '<sheetData><row r="1"><c r="A1" x14ac:note="a/>b"/><c r="B1" x14ac:note="c>d"/><c r="C1"><v>9</v></c>' +
      '<c r="D1" x14ac:note=\'e>f\'/><c r="E1"><v>5</v></c></row></sheetData>',
    blocks: [general(0, 2, [[3]])],
    expected:
      '<sheetData><row r="1"><c r="A1" x14ac:note="a/>b"/><c r="B1" x14ac:note="c>d"/><c r="C1" s="1"><v>3</v></c>' +
      '<c r="D1" x14ac:note=\'e>f\'/><c r="E1"><v>5</v></c></row></sheetData>',
  },
  {
    name: "rows the plan does not write on are passed through as they are: a comment, CDATA and a processing instruction naming <row> in them",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><!-- <row r="2"> --></row>' +
      '<row r="3"><c r="A3" t="str"><f>A1</f><v><![CDATA[<row r="4">]]></v></c></row>' +
      '<row r="5"><c r="A5"><v>5</v></c><?note <row r="6"?></row>' +
      "<row><c><v>7</v></c></row>" +
      '<row r="8"><c r="A8"><v>8</v></c></row></sheetData>',
    blocks: [general(6, 1, [[7], [8]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><!-- <row r="2"> --></row>' +
      '<row r="3"><c r="A3" t="str"><f>A1</f><v><![CDATA[<row r="4">]]></v></c></row>' +
      '<row r="5"><c r="A5"><v>5</v></c><?note <row r="6"?></row>' +
      '<row r="6"><c><v>7</v></c></row><row r="7"><c r="B7" s="1"><v>7</v></c></row>' +
      '<row r="8"><c r="A8"><v>8</v></c><c r="B8" s="1"><v>8</v></c></row></sheetData>',
  },
  {
    name: "a row under another prefix among rows the plan does not write on is still counted",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      `<y:row xmlns:y="${NS}" r="2"><y:c r="A2"><y:v>2</y:v></y:c></y:row>` +
      '<row><c r="A3"><v>3</v></c></row></sheetData>',
    blocks: [general(2, 1, [[9]])],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      `<y:row xmlns:y="${NS}" r="2"><y:c r="A2"><y:v>2</y:v></y:c></y:row>` +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><v>9</v></c></row></sheetData>',
  },
  {
    name: "a prefixed root over unprefixed rows (both names for one namespace): rows passed over are still seen",
    sheet:
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${NS}" xmlns="${NS}"><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c></row></sheetData></x:worksheet>',
    blocks: [general(2, 1, [[9]])],
    expected:
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${NS}" xmlns="${NS}"><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><x:c r="B3" s="1"><x:v>9</x:v></x:c></row></sheetData></x:worksheet>',
  },
  {
    name: "unprefixed rows among prefixed ones: each is seen, the plan's cells go into the user's own row",
    sheet:
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>' +
      `<row xmlns="${NS}" r="2"><c r="A2"><v>2</v></c></row><row xmlns="${NS}" r="3"><c r="A3"><v>3</v></c></row>` +
      '<x:row r="4"><x:c r="A4"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    blocks: [general(2, 1, [[9]])],
    expected:
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>' +
      `<row xmlns="${NS}" r="2"><c r="A2"><v>2</v></c></row><row xmlns="${NS}" r="3"><c r="A3"><v>3</v></c>` +
      '<x:c r="B3" s="1"><x:v>9</x:v></x:c></row>' +
      '<x:row r="4"><x:c r="A4"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  },
  {
    name: "wrapped text: a row the plan makes taller gets ht and customHeight, a row already taller keeps its own",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2" spans="1:1"><c r="A2"><v>2</v></c></row>' +
      '<row r="3" ht="40" customHeight="1"><c r="A3"><v>3</v></c></row>' +
      '<row r="4" ht="20" customHeight="1" hidden="1"><c r="A4"><v>4</v></c></row>' +
      '<row r="6" ht="12.75"/></sheetData>',
    blocks: [
      {
        row: 0,
        column: 1,
        values: [
          ["Name", "Why"],
          ["a", "long reason"],
          ["b", "short"],
          ["c", "longer reason"],
          ["d", "long"],
          ["e", "x"],
        ],
        formats: ["general", "general"],
      },
    ],
    wrapped: [2],
    heights: [
      { row: 1, height: 45 },
      { row: 2, height: 30 },
      { row: 3, height: 45 },
      { row: 4, height: 30 },
      { row: 5, height: 30 },
    ],
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1" t="inlineStr"><is><t>Name</t></is></c>' +
      '<c r="C1" s="2" t="inlineStr"><is><t>Why</t></is></c></row>' +
      '<row r="2" ht="45" customHeight="1"><c r="A2"><v>2</v></c><c r="B2" s="1" t="inlineStr"><is><t>a</t></is></c>' +
      '<c r="C2" s="2" t="inlineStr"><is><t>long reason</t></is></c></row>' +
      '<row r="3" ht="40" customHeight="1"><c r="A3"><v>3</v></c><c r="B3" s="1" t="inlineStr"><is><t>b</t></is></c>' +
      '<c r="C3" s="2" t="inlineStr"><is><t>short</t></is></c></row>' +
      '<row r="4" hidden="1" ht="45" customHeight="1"><c r="A4"><v>4</v></c><c r="B4" s="1" t="inlineStr"><is><t>c</t></is></c>' +
      '<c r="C4" s="2" t="inlineStr"><is><t>longer reason</t></is></c></row>' +
      '<row r="5" ht="30" customHeight="1"><c r="B5" s="1" t="inlineStr"><is><t>d</t></is></c>' +
      '<c r="C5" s="2" t="inlineStr"><is><t>long</t></is></c></row>' +
      '<row r="6" ht="30" customHeight="1"><c r="B6" s="1" t="inlineStr"><is><t>e</t></is></c>' +
      '<c r="C6" s="2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
  },
  {
    name: "a re-run's rows: a height an earlier run wrote is redone, down to one line too; one the user set stays",
    sheet:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2" ht="45" customHeight="1"><c r="A2"><v>2</v></c></row>' +
      '<row r="3" ht="60" customHeight="1" hidden="1"><c r="A3"><v>3</v></c></row>' +
      '<row r="4" ht="40" customHeight="1"><c r="A4"><v>4</v></c></row>' +
      '<row r="5" ht="20.25" customHeight="1"><c r="A5"><v>5</v></c></row>' +
      '<row r="6" ht="30"><c r="A6"><v>6</v></c></row>' +
      '<row r="7" ht="45" customHeight="1"><c r="A7"><v>7</v></c></row></sheetData>',
    blocks: [
      {
        row: 0,
        column: 1,
        values: [["Why"], ["two lines"], ["one"], ["one"], ["two lines"], ["one"]],
        formats: ["general"],
      },
      general(6, 2, [[7]]),
    ],
    wrapped: [1],
    heights: [
      { row: 1, height: 30 },
      { row: 4, height: 30 },
    ],
    fitRows: { first: 0, last: 5 },
    expected:
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1" t="inlineStr"><is><t>Why</t></is></c></row>' +
      '<row r="2" ht="30" customHeight="1"><c r="A2"><v>2</v></c><c r="B2" s="1" t="inlineStr"><is><t>two lines</t></is></c></row>' +
      '<row r="3" hidden="1"><c r="A3"><v>3</v></c><c r="B3" s="1" t="inlineStr"><is><t>one</t></is></c></row>' +
      '<row r="4" ht="40" customHeight="1"><c r="A4"><v>4</v></c><c r="B4" s="1" t="inlineStr"><is><t>one</t></is></c></row>' +
      '<row r="5" ht="30" customHeight="1"><c r="A5"><v>5</v></c><c r="B5" s="1" t="inlineStr"><is><t>two lines</t></is></c></row>' +
      '<row r="6" ht="30"><c r="A6"><v>6</v></c><c r="B6" s="1" t="inlineStr"><is><t>one</t></is></c></row>' +
      '<row r="7" ht="45" customHeight="1"><c r="A7"><v>7</v></c><c r="C7" s="2"><v>7</v></c></row></sheetData>',
  },
];

/** The sheet run through a patcher fed `chunk` characters at a time: the text written, and each hand-over's length. */
async function patch(
  sheet: string,
  blocks: readonly Block[],
  chunk: number,
  wrapped: readonly number[] = [],
  heights: readonly { row: number; height: number }[] = [],
  fitRows?: Case["fitRows"],
): Promise<{ text: string; handOvers: number[] }> {
  const writer = new CellWriter(new Styles(), "en", false);
  const aligned = new Map(wrapped.map((c) => [c, { wrap: true, indent: false }]));
  const plan = new RowPlan(blocks, "Customers", writer, aligned, heights, fitRows);
  const edits = {
    // The writer takes the sheet's namespace prefix from its root, as the command line does.
    head: (head: string) => {
      writer.prefix = rootPrefix(head);
      return head;
    },
    tail: (tail: string) => tail,
  };
  const patcher = new SheetPatcher(plan, writer, edits, "Customers");
  const written: string[] = [];
  const out = async (text: PartText) => {
    written.push(typeof text === "string" ? text : text.join(""));
  };
  for (let at = 0; at < sheet.length; at += chunk) await patcher.push(sheet.slice(at, at + chunk), out);
  await patcher.end(out);
  return { text: written.join(""), handOvers: written.map((w) => w.length) };
}

const whole = (text: string) => (text.startsWith("<?xml") ? text : HEAD + text + TAIL);
const FEEDS = [1, 7, Infinity];

describe("SheetPatcher", () => {
  describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    test.each(FEEDS)("fed %p characters at a time", async (chunk) => {
      const { text } = await patch(whole(c.sheet), c.blocks, chunk, c.wrapped, c.heights, c.fitRows);
      expect(text).toBe(whole(c.expected));
    });
  });

  test("a sheet without <sheetData> is refused, naming the sheet", async () => {
    const sheet = `<?xml version="1.0"?>\n<worksheet xmlns="${NS}"><dimension ref="A1"/></worksheet>`;
    await expect(patch(sheet, [general(0, 0, [[1]])], 7)).rejects.toThrow('sheet "Customers" has no cell data');
  });

  /*
   * 3,000 plan rows (sheet rows 2 to 3,001, about 100 characters each) on a sheet with rows 1, 2
   * and 2,000: rows 3 to 1,999 are inserted and 2,001 to 3,001 appended, each run over 64 KB, so
   * the output is handed over in several batches, some of them in the middle of an insertion.
   */
  describe("plan rows in more than one batch, inserted and appended", () => {
    const customers = Array.from({ length: 3000 }, (_, i) => [`Customer ${i + 2}`, i + 2]);
    const blocks: Block[] = [{ row: 1, column: 1, values: customers, formats: ["text", "general"] }];
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
      '<row r="2000"><c r="A2000"><v>2000</v></c></row></sheetData>';
    const planCells = (r: number) =>
      `<c r="B${r}" s="1" t="inlineStr"><is><t>Customer ${r}</t></is></c><c r="C${r}" s="2"><v>${r}</v></c>`;
    const rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'];
    for (let r = 2; r <= 3001; r++) {
      const users = r === 2 || r === 2000 ? `<c r="A${r}"><v>${r}</v></c>` : "";
      rows.push(`<row r="${r}">${users}${planCells(r)}</row>`);
    }
    const expected = `<sheetData>${rows.join("")}</sheetData>`;

    test.each(FEEDS)("fed %p characters at a time", async (chunk) => {
      const { text, handOvers } = await patch(whole(sheet), blocks, chunk);
      expect(text.match(/<row /g)).toHaveLength(3001);
      expect(
        text.endsWith(
          `<row r="3001"><c r="B3001" s="1" t="inlineStr"><is><t>Customer 3001</t></is></c><c r="C3001" s="2"><v>3001</v></c></row></sheetData>${TAIL}`,
        ),
      ).toBe(true);
      expect(text).toBe(whole(expected));
      // Several full batches, none much over 64 KB: a batch closes at the first row that takes it past.
      expect(handOvers.filter((n) => n >= 65536).length).toBeGreaterThanOrEqual(4);
      expect(Math.max(...handOvers)).toBeLessThan(65536 + 200);
    });
  });

  /*
   * Over a megabyte of the user's rows the plan does not write on, then two it does and one it
   * adds. Fed whole, the untouched rows are copied on in a piece once they pass a megabyte.
   */
  describe("over a megabyte of untouched rows copied through", () => {
    const users = (r: number) => `<c r="A${r}" t="s"><v>${r}</v></c><c r="B${r}"><v>${r * 2}</v></c>`;
    const sheetRows: string[] = [];
    for (let r = 1; r <= 12000; r++) sheetRows.push(`<row r="${r}" spans="1:2">${users(r)}</row>`);
    const sheet = `<sheetData>${sheetRows.join("")}</sheetData>`;
    const blocks = [general(11998, 2, [["y"], ["z"], ["after"]])];
    const planCell = (r: number, text: string) => `<c r="C${r}" s="1" t="inlineStr"><is><t>${text}</t></is></c>`;
    const expected =
      `<sheetData>${sheetRows.slice(0, 11998).join("")}` +
      `<row r="11999">${users(11999)}${planCell(11999, "y")}</row>` +
      `<row r="12000">${users(12000)}${planCell(12000, "z")}</row>` +
      `<row r="12001">${planCell(12001, "after")}</row></sheetData>`;

    test.each([4096, Infinity])("fed %p characters at a time", async (chunk) => {
      expect(sheet.length).toBeGreaterThan(1 << 20);
      const { text } = await patch(whole(sheet), blocks, chunk);
      expect(text).toBe(whole(expected));
    });
  });
});

/* A sheet the review owns is written whole from the same row plan: its rows, heights and children in schema order. */
describe("newWorksheet", () => {
  const sheetOf = (blocks: readonly Block[], heights: { row: number; height: number }[] = []) => {
    const writer = new CellWriter(new Styles(), "en", false);
    const plan = new RowPlan(blocks, "Review", writer, new Map([[1, { wrap: true, indent: false }]]), heights);
    const children = [
      {
        local: "pageMargins" as const,
        xml: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      },
      { local: "cols" as const, xml: '<cols><col min="1" max="1" width="20" customWidth="1"/></cols>' },
    ];
    return [...newWorksheet(plan, writer, children)].map((part) => (typeof part === "string" ? part : part.join("")));
  };

  test("rows from the first the plan writes on, a row of blanks left out, children around sheetData", () => {
    const pieces = sheetOf(
      [
        general(1, 0, [
          ["a", "long text"],
          [null, null],
          [3, null],
        ]),
      ],
      [{ row: 1, height: 30 }],
    );
    expect(pieces.join("")).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" ` +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<dimension ref="A1:B4"/><sheetFormatPr defaultRowHeight="15"/>' +
        '<cols><col min="1" max="1" width="20" customWidth="1"/></cols><sheetData>' +
        '<row r="2" ht="30" customHeight="1"><c r="A2" s="1" t="inlineStr"><is><t>a</t></is></c>' +
        '<c r="B2" s="2" t="inlineStr"><is><t>long text</t></is></c></row>' +
        '<row r="4"><c r="A4" s="1"><v>3</v></c></row></sheetData>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    );
  });

  test("a plan of more than 64 KB comes out in several pieces that join to every row", () => {
    const values = Array.from({ length: 3000 }, (_, i) => [`Customer ${i + 1}`]);
    const pieces = sheetOf([general(0, 0, values)]);
    const text = pieces.join("");
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    expect(text.match(/<row /g)).toHaveLength(3000);
    expect(text).toContain('<dimension ref="A1:A3000"/>');
    expect(text).toContain(
      '<row r="1499"><c r="A1499" s="1" t="inlineStr"><is><t>Customer 1499</t></is></c></row>' +
        '<row r="1500"><c r="A1500" s="1" t="inlineStr"><is><t>Customer 1500</t></is></c></row>',
    );
    expect(text).toContain(
      '<row r="3000"><c r="A3000" s="1" t="inlineStr"><is><t>Customer 3000</t></is></c></row></sheetData><pageMargins',
    );
  });
});
