/**
 * The add-in's document settings as Office keeps them in a package: a relationship
 * of the package (type …/webextensiontaskpanes) names the task panes part, whose relationships
 * (…/webextension) name each pane's web extension part, xl/webextensions/webextension1.xml. There
 * <we:reference id> (and any <we:alternateReferences>) name the add-in, by its manifest's Id
 * for one deployed from a catalog or sideloaded, and each <we:property name value> is one
 * setting, its value JSON text. A workbook may carry other add-ins' parts: only this one's are
 * read whole; the others are looked at only as far as their reference.
 */
import { BoundError, LIMITS, mib } from "./bounds";
import { PackageError } from "./package-error";
import { eachElement, isRelType, WorkbookPackage } from "./package";
import { XmlError } from "./xml";
import { ZipEntry, ZipReader } from "./zip-reader";

/** The add-in's <Id> in manifest.xml: the id Office writes in the reference of its web extension parts. */
export const ADDIN_ID = "24235245-fc45-4b0a-9fd4-c19990ddf5a4";

/** How much of another add-in's part is inflated to find its reference, which comes first in the part. */
const REFERENCE_LOOK_LIMIT = 64 * 1024;

/** One web extension part of this add-in: its settings as stored (name → JSON text), or why it could not be read. */
export type AddinPart =
  { readonly part: string; readonly settings: ReadonlyMap<string, string> } | { readonly part: string; readonly problem: string };

/** An add-in id as written in a reference or a manifest: "{24235245-…}" and "24235245-…" are one. */
function idKey(id: string): string {
  return id
    .trim()
    .replace(/^\{(.*)\}$/, "$1")
    .toLowerCase();
}

/** The add-in ids a web extension part's references name, from its head; none when the head is not a web extension. */
async function referencedIds(zip: ZipReader, entry: ZipEntry): Promise<string[]> {
  let head = "";
  try {
    await zip.peekHead(entry, REFERENCE_LOOK_LIMIT, (chunk) => {
      head += chunk;
      return !/<(?:[\w.-]+:)?properties[\s/>]/.test(head);
    });
  } catch (error) {
    // Another add-in's part this reader cannot inflate (encrypted, another compression) is left as it is.
    if (error instanceof PackageError) return [];
    throw error;
  }
  const properties = /<(?:[\w.-]+:)?properties[\s/>]/.exec(head);
  head = properties ? head.slice(0, properties.index) : head.slice(0, head.lastIndexOf(">") + 1);
  const ids: string[] = [];
  let root: string | undefined;
  try {
    eachElement(head, (local, attrs) => {
      root ??= local;
      if (local === "reference" && attrs.has("id")) ids.push(idKey(attrs.get("id")!));
    });
  } catch (error) {
    // A part whose head is no XML names no add-in: it is not read as this one's.
    if (error instanceof XmlError) return [];
    throw error;
  }
  return root === "webextension" ? ids : [];
}

/** The settings of a part of this add-in, read whole: each <property>'s name and value. */
async function settingsOf(zip: ZipReader, entry: ZipEntry): Promise<AddinPart> {
  const size = entry.uncompressedSize;
  if (size > LIMITS.webExtensionBytes)
    throw new BoundError("cli.partTooLarge", { part: entry.name, size: mib(size), limit: mib(LIMITS.webExtensionBytes) });
  const xml = await zip.text(entry);
  const settings = new Map<string, string>();
  try {
    eachElement(xml, (local, attrs) => {
      const name = attrs.get("name");
      if (local === "property" && name !== undefined) settings.set(name, attrs.get("value") ?? "");
    });
  } catch (error) {
    if (error instanceof XmlError) return { part: entry.name, problem: error.message };
    throw error;
  }
  return { part: entry.name, settings };
}

/** This add-in's web extension parts in the package, in the task panes' order (most workbooks have none, or one). */
export async function addinParts(pkg: WorkbookPackage, addinId: string = ADDIN_ID): Promise<AddinPart[]> {
  const zip = pkg.zip;
  const wanted = idKey(addinId);
  const parts: AddinPart[] = [];
  const seen = new Set<string>();
  for (const panes of await pkg.relationships("")) {
    if (panes.external || !panes.part || !isRelType(panes, "webextensiontaskpanes") || !zip.entry(panes.part)) continue;
    for (const rel of await pkg.relationships(zip.entry(panes.part)!.name)) {
      const entry = !rel.external && rel.part && isRelType(rel, "webextension") ? zip.entry(rel.part) : undefined;
      if (!entry || seen.has(entry.name)) continue;
      seen.add(entry.name);
      if ((await referencedIds(zip, entry)).includes(wanted)) parts.push(await settingsOf(zip, entry));
    }
  }
  return parts;
}
