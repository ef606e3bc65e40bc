/**
 * What writing the reviewed copy changes in the package, gathered before anything is written:
 * parts replaced, removed and added, content types, new sheets and workbook relationships,
 * the built-in names of the sheets' print titles and filters. Fresh part names and
 * relationship ids never collide with what the package has.
 */
import type { SheetName } from "./defined-names";
import { WorkbookPackage } from "./package";
import type { BackgroundPart } from "./sheet-worker";
import type { CompressedPart, PartText } from "./zip-writer";

export type Content =
  | string
  | Iterable<PartText>
  | ((part: { write: (t: PartText) => Promise<void> }) => Promise<void>)
  | { readonly compressed: Promise<CompressedPart> };

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export class PackageEdit {
  /** Lower-case part name → new content. */
  readonly replaced = new Map<string, Content>();
  readonly removed = new Set<string>();
  readonly added: { name: string; content: Content }[] = [];
  readonly overrides: { part: string; type: string }[] = [];
  readonly newSheets: { name: string; relId: string }[] = [];
  readonly newWorkbookRels: Rel[] = [];
  /** Built-in names by sheet name; resolved to sheet positions once every new sheet is known. */
  readonly sheetNames: (Omit<SheetName, "sheetIndex"> & { sheet: string })[] = [];
  /** Parts being made on worker threads, stopped if the write fails before they are written. */
  readonly background: BackgroundPart[] = [];
  private readonly taken: Set<string>;
  private readonly relIds: Set<string>;
  readonly wbDir: string;

  constructor(readonly pkg: WorkbookPackage) {
    this.taken = new Set([...pkg.zip.entries.keys()]);
    this.relIds = new Set(pkg.workbookRels.map((r) => r.id));
    this.wbDir = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf("/") + 1);
  }

  freshPart(dir: string, stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${dir}${stem}${n}.xml`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  freshRelId(): string {
    for (let n = this.relIds.size + 1; ; n++) {
      if (!this.relIds.has(`rId${n}`)) {
        this.relIds.add(`rId${n}`);
        return `rId${n}`;
      }
    }
  }

  /** Replaces a part when the package has it, else adds it. */
  put(part: string, content: Content): void {
    if (this.pkg.zip.entry(part)) this.replaced.set(part.toLowerCase(), content);
    else this.added.push({ name: part, content });
  }
}
