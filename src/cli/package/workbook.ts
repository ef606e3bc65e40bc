/**
 * The command line's view of an input workbook: its sheets in tab order, any sheet's cells
 * (whole, or only its top rows to recognise it), and the reviewed copy written from the
 * engine's plan. Opening reads only the zip's directory and the few small parts that say what
 * is where; sheets are streamed when asked for.
 */
import { CellValue } from "../../engine/cells";
import { shownNumber } from "../../engine/shown-text";
import { Lang } from "../../engine/i18n";
import { HEADER_SCAN_ROWS } from "../../engine/review/headers";
import { WritePlan } from "../../engine/review/write-plan";
import { activeTab } from "./book-views";
import { CellBudget } from "./bounds";
import { inPart } from "./package-error";
import { SheetInfo, WorkbookPackage } from "./package";
import { readSharedStrings } from "./shared-strings";
import { ReadContext, readSheet } from "./sheet-reader";
import { Styles } from "./styles";
import { AddinPart, addinParts } from "./web-extensions";
import { writeReviewedPackage, WriteNotes } from "./write-package";
import { ZipReader } from "./zip-reader";
import { ZipWriter } from "./zip-writer";

export class Workbook {
  private readonly full = new Map<string, CellValue[][]>();
  /** Top rows already read: finding our own sheets, the customer sheet and the ledger look at the same ones. */
  private readonly tops = new Map<string, CellValue[][]>();

  private constructor(
    private readonly pkg: WorkbookPackage,
    private readonly context: ReadContext,
  ) {}

  static async open(file: string, label: string, lang: Lang): Promise<Workbook> {
    const zip = await ZipReader.open(file, label);
    try {
      const pkg = await WorkbookPackage.open(zip);
      const strings = await readSharedStrings(zip, pkg.workbookPartOf("sharedStrings"));
      let dates1904: ReadonlySet<number> = new Set();
      const stylesEntry = pkg.workbookPartOf("styles");
      if (pkg.date1904 && stylesEntry) {
        const xml = await zip.text(stylesEntry);
        dates1904 = inPart(stylesEntry.name, () => new Styles(xml).dateStyles());
      }
      return new Workbook(pkg, {
        zip,
        strings,
        dates1904,
        lang,
        budget: new CellBudget(),
        noValue: [],
        formulasUncalculated: pkg.calculatesOnOpen,
        formulas: { read: 0 },
        texts: new Map(),
        surroundings: pkg.surroundings,
      });
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.pkg.zip.close();
  }

  /** Worksheets in tab order (chart sheets have no cells and are not listed). */
  get sheets(): readonly SheetInfo[] {
    return this.pkg.sheets;
  }

  get date1904(): boolean {
    return this.pkg.date1904;
  }

  /** The sheet the workbook opens on (its first window's active tab), when that is a worksheet. */
  get activeSheet(): string | undefined {
    const tab = this.pkg.tabs[activeTab(this.pkg.workbookXml)];
    return tab && this.sheet(tab.name) ? tab.name : undefined;
  }

  sheet(name: string): SheetInfo | undefined {
    return this.pkg.sheets.find((s) => s.name === name);
  }

  /** "Sheet!A1" of every formula read that had no saved value, or one not calculated (see calculatesOnOpen). */
  get formulasWithoutValue(): readonly string[] {
    return this.context.noValue;
  }

  /** Cells read from the sheets read whole: what the review's memory grows with besides its rows. */
  get cellsRead(): number {
    return this.context.budget.used;
  }

  /** The workbook asks to be calculated when opened: no value saved with a formula is read. */
  get calculatesOnOpen(): boolean {
    return this.pkg.calculatesOnOpen;
  }

  /**
   * How many formula results were read from a workbook set to Manual calculation and not to
   * calculate before saving: results that may predate its last edits (0 for any other workbook).
   */
  get formulasMaybeStale(): number {
    return this.pkg.savesUncalculated ? this.context.formulas.read : 0;
  }

  /** The sheet's top rows, as far down as a header row is looked for. */
  async top(sheet: SheetInfo): Promise<CellValue[][]> {
    const known = this.full.get(sheet.name);
    if (known) return known.slice(0, HEADER_SCAN_ROWS);
    const top = this.tops.get(sheet.name);
    if (top) return top;
    // The top rows' cells are not kept against the budget: only the sheets read whole count.
    const budget = this.context.budget;
    const noValue = this.context.noValue.length;
    const formulas = this.context.formulas.read;
    this.context.budget = new CellBudget();
    try {
      const read = await readSheet(this.context, sheet, HEADER_SCAN_ROWS);
      this.tops.set(sheet.name, read);
      return read;
    } finally {
      this.context.budget = budget;
      this.context.noValue.length = noValue;
      this.context.formulas.read = formulas;
    }
  }

  /**
   * The sheet's cells. `rewrite`: the sheet is the one the review writes into, so its text is
   * kept for the writer rather than inflated a second time. `shownColumn` (0-based): a column of
   * texts whose numbers are read as their cells show them (a response typed 2026-12-15, which
   * Excel keeps as a date's number), by their number formats.
   */
  async values(sheet: SheetInfo, rewrite = false, shownColumn?: number): Promise<CellValue[][]> {
    let values = this.full.get(sheet.name);
    const entry = this.pkg.zip.entry(sheet.part);
    if (rewrite && !values && entry) this.pkg.zip.keepText(entry);
    if (!values) {
      const styled = shownColumn === undefined ? undefined : { column: shownColumn + 1, styles: new Map<number, number>() };
      this.context.styledColumn = styled;
      try {
        values = await readSheet(this.context, sheet);
      } finally {
        this.context.styledColumn = undefined;
      }
      if (styled && styled.styles.size > 0) await this.showNumbers(values, shownColumn!, styled.styles);
      this.full.set(sheet.name, values);
    }
    return values;
  }

  /** The numbers of one column as their cells show them, by each cell's style (see values). */
  private async showNumbers(values: CellValue[][], column: number, styles: ReadonlyMap<number, number>): Promise<void> {
    const entry = this.pkg.workbookPartOf("styles");
    const xml = entry && (await this.pkg.zip.text(entry));
    const parsed = entry && xml !== undefined ? inPart(entry.name, () => new Styles(xml)) : undefined;
    for (const [row, style] of styles) {
      const line = values[row];
      const value = line?.[column];
      if (typeof value === "number") line[column] = shownNumber(value, parsed?.formatCode(style));
    }
  }

  /** This add-in's web extension parts, with the document settings the task pane kept in them. */
  addinParts(): Promise<AddinPart[]> {
    return addinParts(this.pkg);
  }

  /** Writes the reviewed copy to an open file. */
  async write(plan: WritePlan, lang: Lang, fd: number): Promise<WriteNotes> {
    return writeReviewedPackage(this.pkg, plan, lang, new ZipWriter(fd));
  }
}
