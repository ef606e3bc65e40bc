/**
 * The input workbook as an Open Packaging Conventions package: which part is the workbook, its
 * sheets (name, visibility, part) in tab order, the date system, the shared strings and styles
 * parts, and every part's relationships. Nothing is inflated here but these few small parts.
 */
import { inPart, PackageError } from "./package-error";
import { Token, XmlScanner } from "./xml";
import { ZipEntry, ZipReader } from "./zip-reader";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly state: SheetState;
  /** The sheet's part name in the zip ("xl/worksheets/sheet1.xml"). */
  readonly part: string;
}

/** A tab of the workbook, of whatever kind (worksheet, chart sheet, dialog or macro sheet), as <sheets> lists it. */
export interface Tab {
  readonly name: string;
  readonly state: SheetState;
  /** Its part, when its relationship names one the package has. */
  readonly part?: string;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part it points at, resolved against its source (internal targets only). */
  readonly part?: string;
}

/**
 * A worksheet's text around its cells: before <sheetData> (with the root's opening tag) and
 * after it, as a whole read of the sheet met it.
 */
export interface SheetSurroundings {
  readonly head: string;
  readonly tail: string;
}

/** Relationship types by their last segment, the same in transitional and strict packages. */
export function isRelType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** Every opening tag of a small XML document, with its attributes. */
export function eachElement(xml: string, visit: (local: string, attrs: Map<string, string>, name: string) => void): void {
  const scanner = new XmlScanner();
  scanner.feed(xml);
  scanner.finish();
  for (;;) {
    const token = scanner.next();
    if (token === Token.End) return;
    if (token === Token.Open) visit(scanner.local(), scanner.attributes(), scanner.name);
  }
}

/** The part a relationship target names, from the part that holds the relationship. */
export function resolvePart(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // A target with a stray '%' is taken as written.
  }
  const path = decoded.startsWith("/") ? decoded.slice(1) : `${source.slice(0, source.lastIndexOf("/") + 1)}${decoded}`;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export class WorkbookPackage {
  private readonly relsCache = new Map<string, Relationship[]>();
  /**
   * The text around the cells of each sheet read whole, by part name in lower case: what the
   * user set up there (a filter, a print setup) is found in it without inflating the sheet again.
   */
  readonly surroundings = new Map<string, SheetSurroundings>();

  private constructor(
    readonly zip: ZipReader,
    readonly workbookPart: string,
    readonly workbookXml: string,
    readonly sheets: readonly SheetInfo[],
    /** Every <sheet> of the workbook in tab order: the positions workbook views and names count in. */
    readonly tabs: readonly Tab[],
    readonly date1904: boolean,
    /**
     * The workbook asks to be calculated in full when opened (calcPr fullCalcOnLoad): written by a
     * program that does not calculate, its formulas' saved values are placeholders (XlsxWriter, the
     * usual engine of pandas, saves 0 for every formula) or none at all.
     */
    readonly calculatesOnOpen: boolean,
    /**
     * Set to Manual calculation and not to calculate before saving (calcPr calcMode="manual",
     * calcOnSave="0"): the values saved with its formulas may predate the last edits.
     */
    readonly savesUncalculated: boolean,
    readonly workbookRels: readonly Relationship[],
  ) {}

  static async open(zip: ZipReader): Promise<WorkbookPackage> {
    if (!zip.entry("[Content_Types].xml")) throw new PackageError("cli.package.noContentTypes");
    const root = await readRels(zip, "_rels/.rels");
    const office = root.find((r) => isRelType(r, "officeDocument") && !r.external);
    if (!office?.part || !zip.entry(office.part)) throw new PackageError("cli.package.noWorkbookPart");
    const workbookPart = zip.entry(office.part)!.name;
    const workbookXml = await zip.text(zip.entry(workbookPart)!);
    const rels = await readRels(zip, relsPartOf(workbookPart));
    const sheets: SheetInfo[] = [];
    const tabs: Tab[] = [];
    let date1904 = false;
    let calculatesOnOpen = false;
    let savesUncalculated = false;
    const isTrue = (value: string | undefined) => value === "1" || value === "true";
    inPart(workbookPart, () =>
      eachElement(workbookXml, (local, attrs) => {
        if (local === "workbookPr") date1904 = isTrue(attrs.get("date1904"));
        else if (local === "calcPr") {
          calculatesOnOpen = isTrue(attrs.get("fullCalcOnLoad"));
          const onSave = attrs.get("calcOnSave");
          savesUncalculated = attrs.get("calcMode") === "manual" && (onSave === "0" || onSave === "false");
        } else if (local === "sheet") {
          const relId = [...attrs].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
          const rel = rels.find((r) => r.id === relId);
          const name = attrs.get("name") ?? "";
          const stateValue = attrs.get("state");
          const state = stateValue === "hidden" || stateValue === "veryHidden" ? stateValue : "visible";
          const entry = rel?.part ? zip.entry(rel.part) : undefined;
          tabs.push({ name, state, part: entry?.name });
          // Chart sheets and dialog sheets have no cells: only worksheets are candidates.
          if (!rel?.part || !isRelType(rel, "worksheet")) return;
          if (!entry) throw new PackageError("cli.package.sheetPartMissing", { sheet: name, part: rel.part });
          sheets.push({ name, sheetId: Number(attrs.get("sheetId")), relId, state, part: entry.name });
        }
      }),
    );
    const pkg = new WorkbookPackage(
      zip,
      workbookPart,
      workbookXml,
      sheets,
      tabs,
      date1904,
      calculatesOnOpen,
      savesUncalculated,
      rels,
    );
    pkg.relsCache.set(workbookPart, rels);
    return pkg;
  }

  /** The workbook's part of a kind ("sharedStrings", "styles"), if it has one. */
  workbookPartOf(kind: string): ZipEntry | undefined {
    const rel = this.workbookRels.find((r) => isRelType(r, kind) && !r.external);
    return rel?.part ? this.zip.entry(rel.part) : undefined;
  }

  async relationships(part: string): Promise<Relationship[]> {
    let rels = this.relsCache.get(part);
    if (!rels) this.relsCache.set(part, (rels = await readRels(this.zip, relsPartOf(part))));
    return rels;
  }
}

async function readRels(zip: ZipReader, relsPart: string): Promise<Relationship[]> {
  const entry = zip.entry(relsPart);
  if (!entry) return [];
  const source = relsPart.replace(/_rels\/([^/]*)\.rels$/i, "$1");
  const rels: Relationship[] = [];
  const xml = await zip.text(entry);
  inPart(entry.name, () =>
    eachElement(xml, (local, attrs) => {
      if (local !== "Relationship") return;
      const target = attrs.get("Target") ?? "";
      const external = attrs.get("TargetMode") === "External";
      rels.push({
        id: attrs.get("Id") ?? "",
        type: attrs.get("Type") ?? "",
        target,
        external,
        part: external ? undefined : resolvePart(source, target),
      });
    }),
  );
  return rels;
}
