/**
 * How the sheets a review writes are laid out, worked out from what they hold: each column as
 * wide as the longest text it shows (as the number format shows it, so a date or an amount
 * never turns into ###), long texts wrapped, the header frozen, the table filterable, and a
 * print setup that fits the page. Both writers carry the result out; neither measures a cell.
 */
import { dateText, Lang, monthText } from "../i18n";
import {
  CHARACTER_WIDTH,
  characterWidth,
  CLOSING_PUNCTUATION,
  OPENING_PUNCTUATION,
  printedWidth,
  WIDE_CLASS,
} from "../text-width";
import { referenceColumn } from "../a1";
import { outputEnd } from "./output-columns";
import {
  amountInCurrencyText,
  finerFormatDecimals,
  formatCurrency,
  percentFormatDecimals,
  SETTING_PERCENT_DECIMALS,
} from "./formats";
import { bandScale } from "./page-bands";
import { LEAST_PRINT_SCALE, PRINT_SCALE } from "./page-setup";
import type { ReviewResult } from "./review";
import type {
  Area,
  Block,
  CellFormat,
  ColumnLayout,
  FilterArea,
  PlanValue,
  PrintSetup,
  ResponseColumnLayout,
  SheetLayout,
  SheetPlan,
} from "./write-plan";

/** Width bounds, in characters: no column narrower, no text column wider (longer texts wrap at it). */
export const WIDTH = { min: 8, max: 60, wrapAt: 50, padding: 2, indent: 2 } as const;
/** Excel's own cap on a column's width. */
const EXCEL_MAX_WIDTH = 255;
/** Bold text is about this much wider than regular text of the same characters. */
export const BOLD_FACTOR = 1.1;
/** Wider than this (characters, all columns) a sheet prints landscape: about what an A4 or Letter portrait page holds. */
const PORTRAIT_CHARACTERS = 95;
/**
 * What an A4 or Letter landscape page holds at full size, in characters, within the default
 * margins, as LibreOffice lays columns out (Excel fits a fifth more): the smaller, so a fit stays readable in both.
 */
const LANDSCAPE_CHARACTERS = 105;
/** The user's id and name columns' width is not the review's to know: about what a customer's name takes. */
const NAME_WIDTH = 20;
/** A header further down than this is not frozen: the frozen rows would fill the window. */
const MAX_FROZEN_ROWS = 10;

/** East Asian wide characters (CJK, Hangul, full-width forms, CJK punctuation and quotes) take two columns. */
const WIDE = new RegExp(`[\\u2018-\\u201d${WIDE_CLASS}]`, "g");

/** A wide character or a line break: without either, a text is as wide as it is long. */
const WIDE_OR_BREAK = new RegExp(`\\n|${WIDE.source}`);
/** Any wide character (tested, not counted: no global state). */
const HAS_WIDE = new RegExp(WIDE.source);

/** How many character widths a text takes: its longest line, wide characters counted double. */
export function displayWidth(text: string): number {
  // Most texts are one line of narrow characters: tested without splitting or matching anything.
  if (!WIDE_OR_BREAK.test(text)) return text.length;
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, line.length + (line.match(WIDE)?.length ?? 0));
  return widest;
}

/**
 * How wide a number shows as its format writes it: a Chinese date's 年, 月 and 日 at the full em
 * they print at (CHARACTER_WIDTH.wide), not two digits' width, so "2026年11月30日" right-aligned
 * does not run into the column after it. A number never wraps: its column must hold all of it.
 */
function numberWidth(shown: string): number {
  const wide = shown.match(WIDE)?.length ?? 0;
  return displayWidth(shown) + wide * (CHARACTER_WIDTH.wide - 2);
}

/**
 * A text's display width, remembered for the texts that take more than their length to measure
 * (wide characters, line breaks): a plan shows the same few of those row after row.
 */
function rememberedWidth(text: string, remembered: Map<string, number>): number {
  if (!WIDE_OR_BREAK.test(text)) return text.length;
  let width = remembered.get(text);
  if (width === undefined) remembered.set(text, (width = displayWidth(text)));
  return width;
}

/** Formats in which a number shows as toFixed does, grouped or with a sign or a percent sign added. */
const FIXED_FORMATS: ReadonlySet<CellFormat> = new Set([
  "money",
  "score",
  "ratio",
  "percent",
  ...SETTING_PERCENT_DECIMALS.map((d) => `percent${d}` as const),
  "integer",
]);

/** Whether a number in this format shows as toFixed does (FIXED_FORMATS), or so beside its currency. */
function isFixedFormat(format: CellFormat): boolean {
  return FIXED_FORMATS.has(format) || formatCurrency(format) !== undefined;
}

/** Below this size (a percent's hundredfold too) toFixed writes every digit, never an exponent. */
const ALL_DIGITS_BELOW = 1e15;

/**
 * Whether a number in one of the fixed formats shows no wider than the one of its column
 * furthest from zero on its side: toFixed's digits (rounded, never fewer) and the thousands
 * separators only grow with size.
 */
function shownBySize(value: number): boolean {
  return Math.abs(value) < ALL_DIGITS_BELOW;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function grouped(n: number, decimals: number): string {
  const [whole, fraction] = Math.abs(n).toFixed(decimals).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** The value the plan's blocks write at a cell of the sheet (null where none does): what a chart of that cell plots. */
export function planValueAt(blocks: readonly Block[], row: number, column: number): PlanValue {
  for (const block of blocks) {
    const line = block.values[row - block.row];
    if (line && column >= block.column && column < block.column + line.length) return line[column - block.column];
  }
  return null;
}

/** The text a cell shows for a plan value in its format (the formats of formats.ts, in each language). */
export function renderedText(value: PlanValue, format: CellFormat, lang: Lang): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  switch (format) {
    case "money":
      return grouped(value, 2);
    case "score":
    case "ratio":
      return value.toFixed(2);
    case "percent":
      return `${grouped(value * 100, 1)}%`;
    case "integer":
      return value.toFixed(0);
    case "date":
    case "month": {
      const d = new Date(EXCEL_EPOCH + Math.round(value) * 86_400_000);
      if (Number.isNaN(d.getTime())) return "#".repeat(10);
      return (format === "date" ? dateText : monthText)(Math.round(value), lang);
    }
    default: {
      const currency = formatCurrency(format);
      if (currency !== undefined) return amountInCurrencyText(grouped(value, 2), currency, lang);
      // A score near a band's edge or a Z-score near a zone line, with the decimals that keep it in its band or zone.
      const decimals = finerFormatDecimals(format);
      if (decimals !== undefined) return value.toFixed(decimals);
      const percentDecimals = percentFormatDecimals(format);
      if (percentDecimals !== undefined) return `${grouped(value * 100, percentDecimals)}%`;
      // General shows up to eleven characters of a number.
      return String(Number(value.toPrecision(10)));
    }
  }
}

/**
 * The width a bold header needs to wrap between words, never inside one: the floor for a column
 * whose header a plan does not write again (the archive's, as rows are added under it).
 */
export function headerWordWidth(header: string): number {
  return Math.ceil(headerWidest(header) * BOLD_FACTOR) + WIDTH.padding;
}

/**
 * The room a header wraps in (display width): its widest word, unless its last line would then be
 * one character alone, a closing bracket or punctuation mark or the last character of a term.
 * LibreOffice breaks a Chinese header character by character, before a "）" as readily as any,
 * and sets bold Chinese a character a line tighter than the widths here: 账龄分界（天） in the room
 * of its widest word printed its "）" alone on a second line, 合同履行加权分 its "分". Then the
 * narrowest room that wraps it on as many lines with no character alone (合同履行 over 加权分: the
 * column stays as narrow as its figures allow), else a wide character roomier at a time. Each room
 * is checked as it is and a wide character roomier.
 */
function headerWidest(text: string): number {
  let room = widestWord(text);
  if (!HAS_WIDE.test(text)) return room;
  // A header of several words or lines also breaks between them, which filling it character by
  // character does not know: there only a closing mark alone is looked for, and it is not balanced.
  const oneWord = !/\s/.test(text);
  const orphaned = (r: number) => orphanLast(text, r, oneWord) || orphanLast(text, r + 2, oneWord);
  if (!orphaned(room)) return room;
  let balanced: number | undefined;
  if (oneWord) {
    const { lines } = filled(text, room);
    for (let narrower = room - 2; narrower >= Math.max(unbreakableWidth(text), 2 * MIN_WIDE_LINE); narrower -= 2)
      if (filled(text, narrower).lines === lines && !orphaned(narrower)) balanced = narrower;
  }
  if (balanced !== undefined) return balanced;
  for (let widened = 0; widened < 3 && orphaned(room); widened++) room += 2;
  return room;
}

/** The fewest wide characters a line of a balanced header holds. */
const MIN_WIDE_LINE = 3;

/**
 * `text` filled into lines of `room` display widths character by character: how many lines, and
 * where its last line starts.
 */
function filled(text: string, room: number): { readonly lines: number; readonly lastStart: number } {
  let used = 0;
  let lines = text.length > 0 ? 1 : 0;
  let lastStart = 0;
  for (let i = 0; i < text.length; i++) {
    const width = displayWidth(text[i]);
    if (used > 0 && used + width > room) {
      lines++;
      lastStart = i;
      used = 0;
    }
    used += width;
  }
  return { lines, lastStart };
}

/** The widest part of a header no line may break: a word of Latin letters, a term of wide characters up to WIDE_WORD. */
function unbreakableWidth(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/))
    for (const piece of word.split(AFTER_WIDE_PUNCTUATION)) {
      if (!HAS_WIDE.test(piece) || displayWidth(piece) <= WIDE_WORD * 2) widest = Math.max(widest, displayWidth(piece));
      else for (const run of piece.split(WIDE)) widest = Math.max(widest, run.length);
    }
  return widest;
}

/**
 * Whether `text` filled into lines of `room` display widths character by character ends on a line
 * of one character: a closing punctuation mark, or (`anyWide`) a wide character broken off its term.
 */
function orphanLast(text: string, room: number, anyWide: boolean): boolean {
  const { lastStart } = filled(text, room);
  if (lastStart === 0 || lastStart !== text.length - 1) return false;
  return CLOSING_CODES.has(text.charCodeAt(lastStart)) || (anyWide && displayWidth(text[lastStart]) === 2);
}

/**
 * Wide characters a header keeps on one line: Chinese has no spaces, and a term broken inside
 * (付款历/史分, 最长逾/期天数) reads badly; a longer run may break, so a column stays a column.
 */
const WIDE_WORD = 6;
/** Where a run of wide characters may break: after its punctuation (账龄：|未到期, 金额（|万元）). */
const AFTER_WIDE_PUNCTUATION = /(?<=[\u3001\u3002\uff08\uff09\uff0c\uff1a\uff1b])/;

/** Shorter than this (characters), a text is one line at the wrap width, its characters however wide. */
const MAY_WRAP = Math.floor(WIDTH.wrapAt / CHARACTER_WIDTH.wide);
/** How many of a wrapped column's distinct long texts its width is chosen by: the first ones written. */
const ORPHAN_SAMPLE = 300;
/** A wrapped line this wide or narrower (one Chinese character, two Latin ones) is a lone last line. */
const LONE_LINE = CHARACTER_WIDTH.wide;
/**
 * How much more of a text a column may hold in an application than CHARACTER_WIDTH counts, from
 * none to LibreOffice's (its Chinese characters measured at 2.0 digits against 2.1): a text is
 * checked for a lone last line at each.
 */
const PACKINGS = [1, 1.02, 1.04, 1.06] as const;

/** How much wider than WIDTH.wrapAt a column of long texts is made to spare them a lone last character. */
const WRAP_WIDER = 6;

/**
 * The width a column of long texts wraps at: WIDTH.wrapAt, or the narrowest a little wider (up to
 * WRAP_WIDER more) at which none of `texts` ends on a lone character (利息保障不 / 足: Chinese breaks
 * anywhere, and four warnings come to a character more than the wrap width). A column of many
 * varied texts, some of which end so at every width, keeps WIDTH.wrapAt: widening it would cost
 * the page room and spare few.
 */
function wrapWidth(texts: ReadonlySet<string> | undefined): number {
  if (!texts) return WIDTH.wrapAt;
  const endsLone = (paragraph: string, room: number) => {
    const lines = wrappedText(paragraph, room);
    return lines.length > 1 && printedWidth(lines[lines.length - 1]) <= LONE_LINE;
  };
  const lone = (room: number) => {
    let count = 0;
    for (const text of texts)
      for (const paragraph of text.split("\n")) if (PACKINGS.some((packing) => endsLone(paragraph, room * packing))) count++;
    return count;
  };
  for (let width = WIDTH.wrapAt; width <= WIDTH.wrapAt + WRAP_WIDER; width++) if (lone(roomAt(width)) === 0) return width;
  return WIDTH.wrapAt;
}

/** The room a wrapped text has in a column this wide, less its indent (measuredRowHeights' room). */
const roomAt = (width: number) => Math.max(1, width - 1);

/** The widest word of a header: a header row that wraps needs its column only that wide. */
function widestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) {
    for (const piece of word.split(AFTER_WIDE_PUNCTUATION)) {
      const width = displayWidth(piece);
      if (!HAS_WIDE.test(piece)) widest = Math.max(widest, width);
      else {
        // Kept whole up to the cap (账龄区间 is not broken inside), and a Latin word in it whole past it.
        let latin = 0;
        for (const run of piece.split(WIDE)) latin = Math.max(latin, run.length);
        widest = Math.max(widest, Math.min(width, Math.max(WIDE_WORD * 2, latin)));
      }
    }
  }
  return widest;
}

/**
 * Every column the blocks write, as wide as its widest cell within the bounds (`least`: widths
 * from column A the sheet wants at least). A text column with a longer text wraps at the
 * wrap width; numbers and dates never wrap, so their column takes their whole width. With a
 * `headerRow` (0-based sheet row), a header there counts only its widest word and wraps when
 * longer than its column: a column of short figures under a long header stays narrow. A column
 * of texts only, past column A, is indented (and that much wider): whatever stands to its left
 * may be a right-aligned figure.
 */
export function fitColumns(
  blocks: readonly Block[],
  lang: Lang,
  least: readonly number[] = [],
  headerRow?: number,
): ColumnLayout[] {
  return measuredColumns(blocks, lang, least, headerRow).columns;
}

/**
 * What fitting the columns learned of one block's cells, column by column (unfactored by bold):
 * enough to tell, once the widths are known, that none of a column's cells can take more than
 * one line, without reading them again (allOneLine).
 */
interface BlockMeasure {
  /**
   * No text or TRUE/FALSE outside the header row is wider than this (display width); Infinity
   * where that is not known: texts past the wrap width (no longer measured), of several lines,
   * or an overflowing title's.
   */
  readonly textWidest: Float64Array;
  /** The smallest and largest number not a date, not General and finite. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Every distinct date, General or non-finite number. */
  readonly odd: readonly Set<number>[];
  /** The block's row (0-based within it) that is the header row, whose texts textWidest leaves out; -1 for none. */
  readonly headerAt: number;
}

/** fitColumns' columns, and what it measured of each block on the way. */
function measuredColumns(
  blocks: readonly Block[],
  lang: Lang,
  least: readonly number[],
  headerRow: number | undefined,
  hidden?: number,
): { columns: ColumnLayout[]; measures: Map<Block, BlockMeasure> } {
  const measures = new Map<Block, BlockMeasure>();
  const text = new Map<number, number>();
  const numbers = new Map<number, number>();
  // A text of several lines shows them only in a wrapped cell, however short each line is.
  const multiline = new Set<number>();
  const headers = new Map<number, number>();
  const widen = (map: Map<number, number>, column: number, width: number) =>
    map.set(column, Math.max(map.get(column) ?? 0, width));
  // A plan writes the same few texts over and over, and a number's shown length grows with its
  // size: a text is measured only when it could be the widest so far, and only each column's
  // smallest and largest number (every distinct date, whose length varies with its month and
  // day). Measuring every cell made a 100,000-customer plan several times slower.
  const textWidths = new Map<string, number>();
  // Per column, some of its texts long enough to wrap: a wrapped column is widened a little where
  // that spares their last lines a lone character (wrapWidth).
  const longTexts = new Map<number, Set<string>>();
  for (const block of blocks) {
    const factor = block.bold ? BOLD_FACTOR : 1;
    // Past this many characters a text column wraps at the wrap width, however long its texts.
    const wrapsFrom = (WIDTH.max - WIDTH.padding) / factor;
    const { formats, values } = block;
    // Per column, in arrays of one kind each: the widest text so far, the smallest and largest number.
    const widest = new Float64Array(formats.length);
    // The same without the header row's widest words: no text under it is wider.
    const bodyWidest = new Float64Array(formats.length);
    const low = new Float64Array(formats.length).fill(Infinity);
    const high = new Float64Array(formats.length).fill(-Infinity);
    const odd = formats.map(() => new Set<number>());
    // A date's or a General number's shown length does not follow its size: each distinct one is measured.
    const eachShown = Uint8Array.from(formats, (format) => (format === "date" || format === "general" ? 1 : 0));
    const severalLines = Uint8Array.from(formats, (_, c) => (multiline.has(block.column + c) ? 1 : 0));
    const overflowing = new Uint8Array(formats.length);
    // The cell above's value, already counted: a column repeats its grade, date or code row after row.
    const above = new Array<PlanValue>(formats.length).fill(null);
    for (let c = 0; c < formats.length; c++) if (!text.has(block.column + c)) text.set(block.column + c, 0);
    // Row by row, each row's cells together: a large block is read once, in the order it was made.
    for (let r = 0; r < values.length; r++) {
      const line = values[r];
      const header = block.row + r === headerRow;
      for (let c = 0; c < formats.length; c++) {
        const value = line[c];
        // A hidden column is laid out at its own width: its cells are not read.
        if (value === null || value === undefined || block.column + c === hidden) continue;
        if (header && typeof value === "string") {
          // A header of several lines shows them only in a wrapped cell, however wide its column.
          headers.set(block.column + c, value.includes("\n") ? Infinity : displayWidth(value));
          widest[c] = Math.max(widest[c], headerWidest(value));
          continue;
        }
        if (value === above[c]) continue;
        above[c] = value;
        if (typeof value === "string" && value.length >= MAY_WRAP && !block.overflow) {
          const column = block.column + c;
          const some = longTexts.get(column) ?? longTexts.set(column, new Set()).get(column)!;
          if (some.size < ORPHAN_SAMPLE) some.add(value);
        }
        if (typeof value === "number") {
          if (eachShown[c] || !Number.isFinite(value)) odd[c].add(value);
          else {
            if (value < low[c]) low[c] = value;
            if (value > high[c]) high[c] = value;
          }
        } else if (widest[c] > wrapsFrom) {
          // Once the column wraps, its texts' widths and lines no longer matter.
          continue;
        } else if (typeof value === "string") {
          if (block.overflow) {
            overflowing[c] = 1;
            continue;
          }
          // A text no longer than half the widest so far cannot be wider (a wide character counts
          // double), and matters only for its line breaks.
          const measure = value.length * 2 > widest[c];
          if (!measure && severalLines[c]) continue;
          if (measure) {
            const width = rememberedWidth(value, textWidths);
            if (width > widest[c]) widest[c] = width;
            if (width > bodyWidest[c]) bodyWidest[c] = width;
          } else if (value.length * 2 > bodyWidest[c]) bodyWidest[c] = value.length * 2;
          if (!severalLines[c] && value.includes("\n")) {
            severalLines[c] = 1;
            multiline.add(block.column + c);
          }
        } else {
          const shown = renderedText(value, formats[c], lang);
          const width = displayWidth(shown);
          if (width > widest[c]) widest[c] = width;
          if (width > bodyWidest[c]) bodyWidest[c] = width;
        }
      }
    }
    const textWidest = new Float64Array(formats.length);
    for (let c = 0; c < formats.length; c++) {
      const column = block.column + c;
      widen(text, column, Math.ceil(widest[c] * factor));
      for (const n of [...odd[c], ...(high[c] >= low[c] ? [low[c], high[c]] : [])])
        widen(numbers, column, Math.ceil(numberWidth(renderedText(n, formats[c], lang)) * factor));
      textWidest[c] = severalLines[c] || overflowing[c] || widest[c] > wrapsFrom ? Infinity : bodyWidest[c];
    }
    const headerAt = headerRow === undefined ? -1 : headerRow - block.row;
    measures.set(block, { textWidest, low, high, odd, headerAt: headerAt < values.length ? headerAt : -1 });
  }
  const columns = [...text.keys()]
    .sort((a, b) => a - b)
    .map((column) => {
      const longest = text.get(column)!;
      const long = longest > WIDTH.max - WIDTH.padding;
      const wrap = long || multiline.has(column);
      const indent = column > 0 && !numbers.has(column);
      const indentWidth = indent ? WIDTH.indent : 0;
      const padding = WIDTH.padding + indentWidth;
      const textWidth = long ? wrapWidth(longTexts.get(column)) + indentWidth : longest + padding;
      const numberWidth = (numbers.get(column) ?? 0) + WIDTH.padding;
      const width = Math.min(EXCEL_MAX_WIDTH, Math.max(WIDTH.min, textWidth, numberWidth, least[column] ?? 0));
      return { column, width, wrap: wrap || (headers.get(column) ?? 0) + padding > width, indent };
    });
  return { columns, measures };
}

/** The widest character's width: a text this many times its length within the room is one line. */
const WIDEST_CHARACTER = CHARACTER_WIDTH.wide;
/** One line of text at the default 11-point font, in points: Excel's default row height. */
export const LINE_HEIGHT = 15;
/** Excel's cap on a row's height, in points. */
const EXCEL_MAX_HEIGHT = 409;

/** The punctuation no line starts with, and the brackets no line ends with, by UTF-16 code. */
const CLOSING_CODES = new Set([...CLOSING_PUNCTUATION].map((c) => c.charCodeAt(0)));
const OPENING_CODES = new Set([...OPENING_PUNCTUATION].map((c) => c.charCodeAt(0)));

/**
 * One line of a text being filled with words in `room` character widths (wrappedLines): its
 * state in fields, not in variables a closure shares, which held each new width as a new number
 * on the heap (a character's worth of garbage, and a text's line count several times slower).
 */
class LineFiller {
  lines = 1;
  /** Widths taken on the line so far. */
  used = 0;
  /** The word being read: its width, and where it starts (an index into the text). */
  word = 0;
  wordStart: number;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly room: number,
    private readonly breaks: number[] | undefined,
    start: number,
  ) {
    this.wordStart = start;
  }

  /** Puts the word read on the line, or on the next when it does not fit, and broken when wider than the room. */
  place(): void {
    const { room, breaks } = this;
    if (this.used > 0 && this.used + this.word > room) {
      this.lines++;
      this.used = 0;
      breaks?.push(this.wordStart);
    }
    if (this.word > room && breaks) {
      // Broken where the room runs out, character by character.
      const { text, end } = this;
      let width = 0;
      for (let i = this.wordStart; i < end && text.charCodeAt(i) !== 32; i++) {
        const w = characterWidth(text.charCodeAt(i));
        if (width > 0 && width + w > room) {
          breaks.push(i);
          width = 0;
        }
        width += w;
      }
    }
    while (this.word > room) {
      this.lines++;
      this.word -= room;
    }
    this.used += this.word;
    this.word = 0;
  }
}

/**
 * How many lines one line of a text (`start` to `end`, no line break in it) takes wrapped in
 * `room` character widths: words go on a line while they fit, a Chinese character is a word of its
 * own, and a word wider than the room is broken across lines. With `breaks`, where each line after
 * the first starts (an index into the text) is added to it.
 */
function wrappedLines(text: string, start: number, end: number, room: number, breaks?: number[]): number {
  const line = new LineFiller(text, end, room, breaks, start);
  /** An opening bracket waits in `word` for the character after it. */
  let opening = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const width = characterWidth(code);
    if (code === 32) {
      opening = false;
      if (line.word > 0) line.place();
      // A space at a line's end takes no room on the next.
      if (line.used > 0) line.used += width;
    } else if (width === WIDEST_CHARACTER) {
      // Where lines are cut (wrappedText), an opening bracket never ends one: it goes with the
      // character after it.
      if (opening) {
        opening = false;
        line.word += width;
        line.place();
        continue;
      }
      if (line.word > 0) line.place();
      // Where lines are cut, closing punctuation never starts one: it hangs past the line's end
      // instead. Counting lines for a row's height keeps the new line, since a cell's own
      // wrapping may carry the character over and a row too short hides text.
      if (breaks && line.used > 0 && line.used + width > room && CLOSING_CODES.has(code)) {
        line.used += width;
        continue;
      }
      line.wordStart = i;
      line.word = width;
      if (breaks && OPENING_CODES.has(code)) opening = true;
      else line.place();
    } else {
      // A bracket before a Latin word is part of the word.
      opening = false;
      if (line.word === 0) line.wordStart = i;
      line.word += width;
    }
  }
  if (line.word > 0) line.place();
  return line.lines;
}

/**
 * A text as the lines it wraps to in `room` character widths, as a wrapped cell shows them
 * (wrappedLines' rule): for a text that is to read as wrapped across several columns, one line a row.
 */
export function wrappedText(text: string, room: number): string[] {
  const out: string[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    const breaks: number[] = [];
    wrappedLines(line, 0, line.length, room, breaks);
    for (const at of [...breaks, line.length]) {
      out.push(line.slice(start, at).trim());
      start = at;
    }
    start = 0;
  }
  return out;
}

/** How many distinct one-line texts a wrapped column's line counts remember: its codes and grades, not its ids. */
const REMEMBERED_ONE_LINE = 1000;
/** Below its room by more than this, a text's width summed in any order stays below it. */
const ROUNDING = 1e-6;

/**
 * Whether a text is one line in `room` character widths as lineCount counts it, without
 * counting: no line break, and all its characters together narrower than the room (then no
 * word, nor words and spaces on a line, can pass it). A text this does not settle is counted.
 */
function isOneLine(text: string, room: number): boolean {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return false;
    width += characterWidth(code);
    if (width > room - ROUNDING) return false;
  }
  return true;
}

/** How many lines a text takes wrapped in `room` character widths, each of its own lines at least one. */
function lineCount(text: string, room: number): number {
  let count = 0;
  let start = 0;
  for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
    count += wrappedLines(text, start, end, room);
    start = end + 1;
  }
  return count + wrappedLines(text, start, text.length, room);
}

/**
 * The rows the plan's wrapped cells make taller than one line, and how tall: the lines each
 * wrapped text takes at its column's width, the tallest cell of a row deciding.
 */
export function wrappedRowHeights(
  blocks: readonly Block[],
  columns: readonly ColumnLayout[],
  lang: Lang,
): SheetLayout["rowHeights"] {
  return measuredRowHeights(blocks, columns, lang, new Map());
}

/**
 * A character's printed width (CHARACTER_WIDTH) at most this many times its display width (a
 * narrow character's one, a wide one's two): a text of display width w prints at most this times w wide.
 */
const PRINTED_PER_DISPLAY_WIDTH = Math.max(
  CHARACTER_WIDTH.capital,
  CHARACTER_WIDTH.digit,
  CHARACTER_WIDTH.space,
  CHARACTER_WIDTH.other,
  CHARACTER_WIDTH.wide / 2,
);

/**
 * Whether every cell of a block's column, but the header row's texts, shows on one line in `room`
 * by what fitColumns measured of it: its texts print narrower than the room (isOneLine's rule),
 * its numbers shown by size between two that show on one line (wrappedRowHeights' rule), and its
 * other numbers each on one line.
 */
function allOneLine(measure: BlockMeasure, c: number, format: CellFormat, room: number, lang: Lang): boolean {
  if (measure.textWidest[c] * PRINTED_PER_DISPLAY_WIDTH > room - ROUNDING) return false;
  const low = measure.low[c];
  const high = measure.high[c];
  if (high >= low) {
    if (!isFixedFormat(format) || !shownBySize(low) || !shownBySize(high)) return false;
    if (lineCount(renderedText(low, format, lang), room) > 1 || lineCount(renderedText(high, format, lang), room) > 1)
      return false;
  }
  for (const n of measure.odd[c]) if (lineCount(renderedText(n, format, lang), room) > 1) return false;
  return true;
}

/**
 * wrappedRowHeights, told what fitColumns measured of some of the blocks: a column of such a
 * block whose cells all show on one line (allOneLine) is not read again, but for its header.
 */
function measuredRowHeights(
  blocks: readonly Block[],
  columns: readonly ColumnLayout[],
  lang: Lang,
  measures: ReadonlyMap<Block, BlockMeasure>,
): SheetLayout["rowHeights"] {
  // The room a wrapped text has: its column's width, less an indent's.
  const wrapped = new Map(columns.filter((c) => c.wrap).map((c) => [c.column, c.width - (c.indent ? WIDTH.indent : 0)]));
  if (!wrapped.size) return undefined;
  // Lines per sheet row from the blocks' first row to their last: indexed, kept in row order,
  // where a map of tens of thousands of taller rows had to be filled, then sorted.
  const first = Math.min(...blocks.map((b) => b.row));
  const lines = new Float64Array(Math.max(0, ...blocks.map((b) => b.row + b.values.length - first)));
  for (const block of blocks) {
    const { formats, values } = block;
    // The block's wrapped columns, each with its room, its texts' line counts (counted once per
    // distinct text: the same warnings and recommendations come back row after row) and the
    // smallest and largest of its numbers shown by size, whose widths bound all the others'.
    const columns: { c: number; room: number; fixed: boolean; counted: Map<PlanValue, number>; low: number; high: number }[] = [];
    const measure = measures.get(block);
    for (let c = 0; c < formats.length; c++) {
      const width = wrapped.get(block.column + c);
      if (width === undefined) continue;
      const room = Math.max(1, width - 1);
      if (measure && allOneLine(measure, c, formats[c], room, lang)) {
        // Only its header may take more lines.
        const header = measure.headerAt >= 0 ? values[measure.headerAt][c] : undefined;
        const at = block.row + measure.headerAt - first;
        if (typeof header === "string") lines[at] = Math.max(lines[at], lineCount(header, room));
        continue;
      }
      const fixed = isFixedFormat(formats[c]);
      columns.push({ c, room, fixed, counted: new Map(), low: Infinity, high: -Infinity });
    }
    if (!columns.length) continue;
    const linesOf = (value: PlanValue, c: number, room: number, counted: Map<PlanValue, number>) => {
      let count = counted.get(value);
      if (count !== undefined) return count;
      // A text that fits its room on one line is not counted, and is remembered only while the
      // column's distinct texts are few: a column of ids or names would fill the map for nothing.
      if (typeof value === "string" && isOneLine(value, room)) {
        if (counted.size < REMEMBERED_ONE_LINE) counted.set(value, 1);
        return 1;
      }
      counted.set(value, (count = lineCount(renderedText(value, formats[c], lang), room)));
      return count;
    };
    // The cell above's value in each wrapped column and its lines: a column repeats its code or date row after row.
    const above: PlanValue[] = columns.map(() => null);
    const aboveLines: number[] = columns.map(() => 1);
    for (let r = 0; r < values.length; r++) {
      const line = values[r];
      const at = block.row + r - first;
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k];
        const value = line[column.c];
        if (value === null || value === undefined) continue;
        if (typeof value === "number" && column.fixed && shownBySize(value)) {
          if (value < column.low) column.low = value;
          if (value > column.high) column.high = value;
          continue;
        }
        // One line that fits the room even if all its characters are the widest is one line: not counted.
        if (typeof value === "string" && value.length * WIDEST_CHARACTER <= column.room && !value.includes("\n")) continue;
        let count = aboveLines[k];
        if (value !== above[k]) {
          count = linesOf(value, column.c, column.room, column.counted);
          above[k] = value;
          aboveLines[k] = count;
        }
        if (count > lines[at]) lines[at] = count;
      }
    }
    // A column too narrow for its widest such number has each of them counted after all.
    for (const { c, room, fixed, counted, low, high } of columns) {
      const format = formats[c];
      if (
        high < low ||
        Math.max(lineCount(renderedText(low, format, lang), room), lineCount(renderedText(high, format, lang), room)) === 1
      )
        continue;
      for (let r = 0; r < values.length; r++) {
        const value = values[r][c] ?? null;
        if (typeof value === "number" && fixed && shownBySize(value)) {
          const count = linesOf(value, c, room, counted);
          if (count > lines[block.row + r - first]) lines[block.row + r - first] = count;
        }
      }
    }
  }
  const heights: { row: number; height: number }[] = [];
  for (let i = 0; i < lines.length; i++)
    if (lines[i] > 1) heights.push({ row: first + i, height: Math.min(EXCEL_MAX_HEIGHT, lines[i] * LINE_HEIGHT) });
  return heights;
}

/**
 * The rows the blocks write in a wrapped column, first to last: the rows whose height the plan
 * decides (wrappedRowHeights' rows taller than one line, the others one line).
 */
export function fittedRows(blocks: readonly Block[], columns: readonly ColumnLayout[]): SheetLayout["fitRows"] {
  const wrapped = new Set(columns.filter((c) => c.wrap).map((c) => c.column));
  let first = Infinity;
  let last = -Infinity;
  for (const block of blocks) {
    if (!block.values.length || !block.formats.some((_, c) => wrapped.has(block.column + c))) continue;
    first = Math.min(first, block.row);
    last = Math.max(last, block.row + block.values.length - 1);
  }
  return first <= last ? { first, last } : undefined;
}

/**
 * Whether a row's own height is one a run of the review writes: a whole number of lines, two or
 * more, or Excel's cap. A height set by hand is rarely that, and the rows asked about are only the
 * review's own (fitRows); one that is would be fitted to its text like the review's.
 */
export function isEarlierRunHeight(height: number): boolean {
  if (height === EXCEL_MAX_HEIGHT) return true;
  const lines = height / LINE_HEIGHT;
  return Number.isInteger(lines) && lines >= 2 && height < EXCEL_MAX_HEIGHT;
}

/**
 * The height a writer gives a row of the plan's fitRows, from the height it has (`custom`: set by
 * hand or by a run, rather than measured by Excel) and the plan's (`planned`, undefined for one
 * line). A height an earlier run wrote is redone, so a row comes back down when its texts got
 * shorter; any other stays unless the plan's text needs more. "keep": the row as it is;
 * "default": no height of its own, one line.
 */
export function rowHeightToWrite(
  row: { readonly height?: number; readonly custom: boolean },
  planned: number | undefined,
): number | "keep" | "default" {
  const { height, custom } = row;
  if (custom && height !== undefined && isEarlierRunHeight(height)) return planned === height ? "keep" : (planned ?? "default");
  if (planned === undefined || (height !== undefined && height >= planned)) return "keep";
  return planned;
}

/**
 * The rows of a layout's fitRows that a writer which has Excel measure them (autofit: the task
 * pane) fits, as runs of rows first to last; `heightOf` gives a row's height now in points,
 * undefined where it is the sheet's standard height or was not read.
 *
 * Office.js says a row's height but not who set it: the file's customHeight has no counterpart
 * there, and a height Excel measured for wrapped text reads like one dragged by hand. So every
 * height but the standard one is taken as one the user may have set, as the command line takes
 * a custom height (rowHeightToWrite): redone when it is one a run writes (a whole number of
 * 15-point lines from two, which is also what Excel measures for wrapped Calibri 11), else kept
 * unless the plan's text needs more. A row the user sized stays, as a careful user expects; the
 * cost is a row an earlier run fitted at another font's line height, which stays as tall when its
 * text gets shorter.
 */
export function rowsToFit(
  layout: Pick<SheetLayout, "fitRows" | "rowHeights">,
  heightOf: (row: number) => number | undefined,
): { first: number; last: number }[] {
  const fit = layout.fitRows;
  if (!fit) return [];
  const planned = new Map((layout.rowHeights ?? []).map((h) => [h.row, h.height]));
  const runs: { first: number; last: number }[] = [];
  for (let row = fit.first; row <= fit.last; row++) {
    const height = heightOf(row);
    if (height !== undefined && rowHeightToWrite({ height, custom: true }, planned.get(row)) === "keep") continue;
    const run = runs[runs.length - 1];
    if (run && run.last === row - 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

/**
 * Landscape when the columns are wider than a portrait page, fitted to the page width and as
 * many pages down as needed, while that keeps the print at a readable size (PRINT_SCALE); a
 * table wider than that prints at that size on pages across, its identifying columns repeated on
 * each, as a finance user prints a wide ledger: the first of `titles` (in order of preference,
 * each with its width in characters) narrow enough to leave half of each page to the rest.
 * Printed at a scale rather than fitted to so many pages: the widths of the user's own columns
 * are not the review's to know, and a fit to pages estimated from them shrank the sample's
 * customer sheet to 42%; at a fixed 70% it took nine pages across.
 */
export function printSetup(
  columns: readonly ColumnLayout[],
  repeatRows?: PrintSetup["repeatRows"],
  titles: readonly { readonly first: number; readonly last: number; readonly width: number }[] = [],
): PrintSetup {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const orientation = total > PORTRAIT_CHARACTERS ? "landscape" : "portrait";
  const page = ((orientation === "landscape" ? LANDSCAPE_CHARACTERS : PORTRAIT_CHARACTERS) * 100) / PRINT_SCALE;
  if (total <= page) return { orientation, fitToWidth: 1, fitToHeight: 0, repeatRows };
  // The repeated columns never take more than half a page.
  const fitting = titles.find((t) => t.width <= page / 2);
  const repeatColumns = fitting && { first: fitting.first, last: fitting.last };
  return {
    orientation,
    fitToWidth: 0,
    fitToHeight: 0,
    scale: PRINT_SCALE,
    overThenDown: true,
    repeatRows,
    ...(repeatColumns ? { repeatColumns } : {}),
  };
}

/**
 * Whether a print setup a sheet has is the user's, and stays: fitted to a number of pages tall
 * (the review always lets a table run down as many pages as it takes, so a fit N pages wide by
 * any number tall is an earlier run's, redone), or printed at a scale of their own (not 100%,
 * not one the review prints at: PRINT_SCALE, or down to LEAST_PRINT_SCALE to spare a last band
 * of pages a few stray rows).
 */
export function isUsersPrintSetup(setup: {
  readonly fitToPage: boolean;
  readonly fitToHeight?: number;
  readonly scale?: number;
}): boolean {
  if (setup.fitToPage) return setup.fitToHeight !== 0;
  return setup.scale !== undefined && setup.scale !== 100 && (setup.scale < LEAST_PRINT_SCALE || setup.scale > PRINT_SCALE);
}

/** How wide some columns are together, in characters (a column not laid out at the narrowest width). */
function widthOf(columns: readonly ColumnLayout[], span: { readonly first: number; readonly last: number }): number {
  let width = 0;
  for (let c = span.first; c <= span.last; c++) width += columns.find((l) => l.column === c)?.width ?? WIDTH.min;
  return width;
}

/**
 * One of the review's own sheets with its layout: a "table" (archive, policy history: header in
 * its first written row, frozen, repeated on each printed page), a "page" (the policy: a table
 * of a fixed length with the legend of codes under it, laid out as a table but printed on one
 * page, so neither the legend's last rows nor the settings' meanings go to a page of their own)
 * or the "dashboard" summary, printed on one landscape page, its charts where its plan puts them
 * (summarySheet prints a longer one as a report on pages down instead: summary-pages.ts).
 */
export function laidOut(plan: SheetPlan, lang: Lang, kind: "table" | "page" | "dashboard"): SheetPlan {
  // A table's header (its first bold block) counts only its widest word and wraps, as the
  // customer sheet's does: a long header over short figures (the policy history's settings)
  // would otherwise make a table too wide to print legibly on one page.
  const fitted = plan.measured ? [...plan.blocks, ...plan.measured] : plan.blocks;
  const written = kind !== "dashboard" ? fitted.find((b) => b.bold)?.row : undefined;
  const measured = measuredColumns(fitted, lang, plan.columnWidths ?? [], written, plan.hiddenColumn);
  const { measures } = measured;
  const columns = measured.columns.map((c) =>
    c.column === plan.hiddenColumn
      ? { column: c.column, width: plan.columnWidths?.[c.column] ?? c.width, wrap: false, indent: false, hidden: true as const }
      : c,
  );
  const shown = columns.filter((c) => !c.hidden);
  const rowHeights = measuredRowHeights(plan.blocks, columns, lang, measures);
  const fitRows = fittedRows(plan.blocks, columns);
  const laid = { ...plan, columns, rowHeights, fitRows, topAligned: true };
  // The dashboard places its charts itself, in cells its tables leave free.
  if (kind === "dashboard") return { ...laid, print: { orientation: "landscape", fitToWidth: 1, fitToHeight: 1 } };
  // The header is the first bold block's row; an archive rewritten from a row on has it further up, at the top.
  const header = written ?? (plan.mode === "rewrite-from" ? 0 : undefined);
  const repeat = header === 0 ? { first: 0, last: 0 } : undefined;
  const print = printSetup(
    shown,
    repeat,
    (plan.titleColumns ?? []).map((titles) => ({ ...titles, width: widthOf(shown, titles) })),
  );
  // Only under a header that prints on every page: an area without it would print bare rows.
  const area = repeat && plan.printArea;
  const headerHeight = () => (written === 0 ? heightOf(rowHeights, 0) : keptHeaderHeight(plan.keptHeader ?? [], columns, lang));
  return {
    ...laid,
    freezeRows: header === 0 ? 1 : undefined,
    // A page's rows are few and fixed, and its columns read together: one page, whatever its width.
    print:
      kind === "page"
        ? { orientation: print.orientation, fitToWidth: 1, fitToHeight: 1, repeatRows: repeat }
        : area
          ? { ...shrunkToBands(print, area, headerHeight(), rowHeights), area }
          : print,
  };
}

/** A row's height in points as the plan makes it: one line unless its wrapped text takes more. */
function heightOf(rowHeights: SheetLayout["rowHeights"], row: number): number {
  return rowHeights?.find((h) => h.row === row)?.height ?? LINE_HEIGHT;
}

/**
 * How tall a header row the plan leaves on the sheet prints: as tall as its longest header's
 * lines at its column's width (a header wrapped where it is wider than its column, as written).
 */
function keptHeaderHeight(header: readonly string[], columns: readonly ColumnLayout[], lang: Lang): number {
  if (!header.length) return LINE_HEIGHT;
  const block: Block = { row: 0, column: 0, values: [[...header]], formats: header.map(() => "text"), bold: true };
  const wrapped = columns.map((c) => ({ ...c, wrap: true }));
  return wrappedRowHeights([block], wrapped, lang)?.[0]?.height ?? LINE_HEIGHT;
}

/**
 * A table printed at PRINT_SCALE on pages across and down, printed instead at a scale down to
 * LEAST_PRINT_SCALE that leaves its last band of pages fuller (bandScale), when its printed rows
 * (`area`, under a header `header` points tall) would leave a few to a last band at PRINT_SCALE:
 * those rows go up into the bands above. Marked as shrinking to its bands either way, so a later
 * run knows any scale in that range as the review's (isUsersPageSetup).
 */
function shrunkToBands(print: PrintSetup, area: Area, header: number, rowHeights: SheetLayout["rowHeights"]): PrintSetup {
  if (print.scale === undefined) return print;
  const heights = new Float64Array(area.rows).fill(LINE_HEIGHT);
  for (const { row, height } of rowHeights ?? [])
    if (row >= area.row && row < area.row + area.rows) heights[row - area.row] = height;
  const scale = print.orientation === "landscape" ? bandScale(heights, header, print.scale, LEAST_PRINT_SCALE) : print.scale;
  return { ...print, scale, shrinksToBands: true };
}

/**
 * How wide a response shows in a cell that does not wrap, in character widths: on one line, its
 * line breaks as spaces.
 */
export function responseWidth(response: string): number {
  return displayWidth(response.replace(/\r?\n/g, " "));
}

/**
 * The widest the review makes the user's Action taken column, in characters: a response is
 * quoted by as many (the summary's and the report's 80, with the padding); a longer one runs
 * over into the next column, as any long text of the user's does.
 */
const RESPONSE_MAX_WIDTH = 82;

/**
 * The width the review gives the Action taken column under `header` for responses whose widest
 * is `widest` character widths (one line each: the review does not restyle the user's cells to
 * wrap them): as wide as both, within the bounds.
 */
export function responseColumnWidth(header: string, widest: number): number {
  const headerWidth = Math.ceil(displayWidth(header) * BOLD_FACTOR) + WIDTH.padding;
  return Math.min(RESPONSE_MAX_WIDTH, Math.max(WIDTH.min, headerWidth, widest + WIDTH.padding));
}

/** How near two widths in characters are one width: half a pixel, as a writer reads a width back in points. */
const SAME_WIDTH = 0.5 / 7;

/**
 * Whether a writer gives the response column the plan's width, from the width it has now in
 * characters (undefined: the sheet's default, no width of its own): a default width, or one an
 * earlier run gave it, is the review's to set; any other is the user's and stays.
 */
export function setsResponseWidth(now: number | undefined, column: ResponseColumnLayout): boolean {
  return now === undefined || column.earlier.some((width) => Math.abs(width - now) < SAME_WIDTH);
}

/**
 * The user's Action taken column laid out: as wide as its header and its longest response, and
 * the widths earlier runs gave it worked out the same way; none without the column or a response.
 */
function responseColumnLayout(result: ReviewResult): ResponseColumnLayout | undefined {
  const found = result.columns.found.find((f) => f.field === "actionTaken");
  let widest = 0;
  for (const c of result.customers) if (c.actionTaken !== undefined) widest = Math.max(widest, responseWidth(c.actionTaken));
  if (!found || widest === 0) return undefined;
  return {
    column: referenceColumn(found.column) - 1,
    width: responseColumnWidth(found.header, widest),
    earlier: result.layout.archivedResponseWidths.map((w) => responseColumnWidth(found.header, w)),
  };
}

/**
 * The customer sheet's layout: the output columns fitted, the header row frozen (when it is
 * near the top) and repeated on every printed page, and a filter over the whole table, the
 * user's columns and the review's, from the header down to the last customer.
 */
export function customerSheetLayout(result: ReviewResult, outputBlocks: readonly Block[], lang: Lang): SheetLayout {
  const { layout, origin, columns: report } = result;
  const headerRow = layout.headerRow + origin.row;
  // The sheet is as wide as the user's table and ours together: long headers over short figures wrap.
  const { columns, measures } = measuredColumns(outputBlocks, lang, [], headerRow);
  const userColumns = [...report.found, ...report.unknown, ...report.duplicates].map((c) => referenceColumn(c.column) - 1);
  const ours = outputBlocks.flatMap((b) => [b.column, b.column + b.formats.length - 1]);
  const first = Math.min(...userColumns, ...ours);
  const last = Math.max(...userColumns, ...ours);
  const end = outputEnd(result) + origin.row;
  const responseColumn = responseColumnLayout(result);
  const responseExtra =
    responseColumn && responseColumn.column >= first && responseColumn.column <= last ? responseColumn.width - WIDTH.min : 0;
  const tableWidth =
    columns.reduce((sum, c) => sum + c.width, 0) + (last - first + 1 - columns.length) * WIDTH.min + responseExtra;
  // The columns naming a customer (its id and name, and any between them) print on every page across.
  const named = report.found.filter((f) => f.field === "id" || f.field === "name").map((f) => referenceColumn(f.column) - 1);
  const titles = named.length
    ? [{ first: Math.min(...named), last: Math.max(...named), width: (Math.max(...named) - Math.min(...named) + 1) * NAME_WIDTH }]
    : [];
  const rowHeights = measuredRowHeights(outputBlocks, columns, lang, measures);
  return {
    columns,
    rowHeights,
    fitRows: fittedRows(outputBlocks, columns),
    freezeRows: headerRow < MAX_FROZEN_ROWS ? headerRow + 1 : undefined,
    autoFilter: {
      row: headerRow,
      column: first,
      rows: end - headerRow + 1,
      columns: last - first + 1,
      reviewFrom: Math.min(...ours),
    },
    // A few customers left to a last band of pages go up into the bands above, as the archive's rows do.
    print: shrunkToBands(
      printSetup([{ column: 0, width: tableWidth, wrap: false, indent: false }], { first: headerRow, last: headerRow }, titles),
      { row: headerRow + 1, column: first, rows: Math.max(0, end - headerRow), columns: last - first + 1 },
      heightOf(rowHeights, headerRow),
      rowHeights,
    ),
    ...(responseColumn ? { responseColumn } : {}),
  };
}

/** Whether print titles a sheet has are an earlier run's (over the plan's header row): a writer redoes them; any other are the user's. */
export function isEarlierRunTitles(rows: { first: number; last: number } | undefined, ours: PrintSetup): boolean {
  return (
    rows !== undefined &&
    ours.repeatRows !== undefined &&
    rows.first === ours.repeatRows.first &&
    rows.last === ours.repeatRows.last
  );
}

/**
 * Whether a filter a sheet has is an earlier run's (from the same header cell as the plan's; its
 * last row and column may differ, as customers come and go and the aging edges change the
 * review's columns): a writer replaces it, when it filters nothing, so it takes in every customer
 * and column. A filter that filters something, or starts elsewhere, is the user's and stays.
 */
export function isEarlierRunFilter(filter: Area, ours: FilterArea | undefined): boolean {
  // A filter the user set over their own table before any review ends before the review's columns.
  return (
    ours !== undefined &&
    filter.row === ours.row &&
    filter.column === ours.column &&
    filter.column + filter.columns > ours.reviewFrom
  );
}
