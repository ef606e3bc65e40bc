/** A reviewed copy's window as a test reads it back: its tabs, the active one, the selected ones. */
import * as zlib from "node:zlib";
import { SaxesParser } from "saxes";
import { activeTab } from "../../src/cli/package/book-views";
import { ZipReader } from "../../src/cli/package/zip-reader";

/** Every part of a package, uncompressed, by its name. */
export async function partBytesOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await ZipReader.open(file, file);
  const out = new Map<string, Buffer>();
  try {
    for (const entry of zip.entries.values()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.rawStream(entry)) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      out.set(entry.name, entry.compressionMethod === 8 ? zlib.inflateRawSync(raw) : raw);
    }
  } finally {
    zip.close();
  }
  return out;
}

/** Every part of a package as text, by its name. */
export async function partsOf(file: string): Promise<Map<string, string>> {
  const bytes = await partBytesOf(file);
  return new Map([...bytes].map(([name, part]) => [name, part.toString("utf8")]));
}

export interface Views {
  readonly workbook: string;
  /** The <sheet> names in order. */
  readonly tabs: string[];
  readonly active: string;
  /** The tabs whose part has a view of the first window with its tab selected, each part parsed whole. */
  readonly selected: string[];
  /** Each tab's <sheetViews> as written. */
  readonly sheetViews: Map<string, string>;
}

/** What a package says about its window: the tabs, the active one, the selected ones (every sheet part parsed). */
export async function viewsOf(file: string): Promise<Views> {
  const parts = await partsOf(file);
  const workbookPart = [...parts.keys()].find((n) => /^xl\/workbook\.xml$/i.test(n))!;
  const workbook = parts.get(workbookPart)!;
  const rels = parts.get("xl/_rels/workbook.xml.rels")!;
  const tabs: string[] = [];
  const selected: string[] = [];
  const sheetViews = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])![1];
    const id = /\s\w+:id="([^"]*)"/.exec(m[0])![1];
    const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)![0];
    const part = `xl/${/Target="\/?(?:xl\/)?([^"]+)"/.exec(target)![1]}`;
    tabs.push(name);
    const xml = parts.get(part)!;
    sheetViews.set(name, /<(?:\w+:)?sheetViews>[\s\S]*?<\/(?:\w+:)?sheetViews>/.exec(xml)?.[0] ?? "");
    // Parsed whole by a real XML parser: a selected view anywhere counts, not only where a pattern would look.
    const parser = new SaxesParser({ xmlns: true });
    let isSelected = false;
    parser.on("opentag", (tag) => {
      const attr = (local: string) => Object.values(tag.attributes).find((a) => a.local === local)?.value;
      if (tag.local === "sheetView" && (attr("workbookViewId") ?? "0") === "0" && /^(1|true)$/.test(attr("tabSelected") ?? ""))
        isSelected = true;
    });
    parser.write(xml).close();
    if (isSelected) selected.push(name);
  }
  return { workbook, tabs, active: tabs[activeTab(workbook)], selected, sheetViews };
}
