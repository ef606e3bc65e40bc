/**
 * Carries out the engine's write plan on the input package and writes the reviewed copy: the
 * output columns streamed into the customer sheet, the review's own sheets written whole (or
 * rewritten from a row on), the summary's chart as drawing and chart parts, and the package's bookkeeping
 * (workbook, relationships, content types, styles) edited in place. Every other part is copied
 * as it is stored, compressed bytes and all.
 */
import { Lang } from "../../engine/i18n";
import { SheetPlan, WritePlan } from "../../engine/review/write-plan";
import { canOpenOnSummary, withActiveTab } from "./book-views";
import { sheetIndexes, withSheetNames } from "./defined-names";
import { eachElement, isRelType, relsPartOf, SheetInfo, WorkbookPackage } from "./package";
import { Content, PackageEdit } from "./package-edit";
import { ownSheetSetup, patchSheet, userSetup, writeOwnSheet } from "./sheet-parts";
import { Styles } from "./styles";
import { growCustomerTable, TableOutcome } from "./table-part";
import { REL_NS } from "./worksheet-xml";
import { escapeXml } from "./xml";
import { elementsOf, insertInto, removeElements, rootPrefix } from "./xml-edit";
import { ZipWriter } from "./zip-writer";
import { inPart } from "./package-error";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;

/** What writing the copy did that the report says: the customer sheet's Excel table resized, or not grown for a clash of names. */
export interface WriteNotes {
  readonly table?: TableOutcome;
}

export async function writeReviewedPackage(
  pkg: WorkbookPackage,
  plan: WritePlan,
  lang: Lang,
  out: ZipWriter,
): Promise<WriteNotes> {
  const edit = new PackageEdit(pkg);
  try {
    return await writeEdited(edit, plan, lang, out);
  } finally {
    // Parts still being made on worker threads when the write failed are not waited for.
    for (const part of edit.background) part.cancel();
  }
}

async function writeEdited(edit: PackageEdit, plan: WritePlan, lang: Lang, out: ZipWriter): Promise<WriteNotes> {
  const pkg = edit.pkg;
  const zip = pkg.zip;
  const stylesEntry = pkg.workbookPartOf("styles");
  const stylesXml = stylesEntry ? await zip.text(stylesEntry) : undefined;
  const styles = inPart(stylesEntry?.name ?? "", () => new Styles(stylesXml));
  const { replaced, removed, added, overrides, newSheets, newWorkbookRels, wbDir } = edit;

  const { sheet: targetName, blocks, fills, clearFillsOn, reviewColumns, ...layout } = plan.target;
  const target = pkg.sheets.find((s) => s.name === targetName);
  // The plan is made from this package's sheets: a target not among them is a bug, not the input's.
  if (!target) throw new Error(`the plan's sheet "${targetName}" is not in the package`);

  // ---- the tab the copy opens on: the summary, when switching to it groups no sheets ----
  const summary = plan.sheets.find((s) => s.kind === "summary");
  const writtenWhole = new Set(
    plan.sheets
      .filter((s) => s.mode === "replace")
      .flatMap((s) => pkg.sheets.filter((existing) => existing.name === s.name).map((existing) => existing.part.toLowerCase())),
  );
  const openOnSummary =
    summary !== undefined && (await canOpenOnSummary(pkg, { customerSheet: targetName, summary: summary.name, writtenWhole }));
  const selected = (sheetPlan: SheetPlan) => (openOnSummary ? sheetPlan === summary : undefined);

  // ---- the customer sheet: output columns, their fills, its layout ----
  patchSheet(edit, styles, lang, {
    sheet: target,
    blocks,
    fills,
    clearFillsOn,
    layout,
    user: await userSetup(edit, target, layout.autoFilter),
    tabSelected: openOnSummary ? false : undefined,
  });
  // Its Excel table over the review's columns: sorting the table moves each row's review with its customer.
  const table = reviewColumns && (await growCustomerTable(edit, target, reviewColumns));

  // ---- the review's own sheets ----
  const replacedSheets: SheetInfo[] = [];
  for (const sheetPlan of plan.sheets) {
    const existing = pkg.sheets.find((s) => s.name === sheetPlan.name);
    if (existing && sheetPlan.mode === "rewrite-from") {
      const fills = sheetPlan.fills ?? [];
      const user = await ownSheetSetup(edit, existing, sheetPlan);
      patchSheet(edit, styles, lang, {
        sheet: existing,
        blocks: sheetPlan.blocks,
        fills,
        clearFillsOn: fills.map((f) => f.area),
        layout: sheetPlan,
        user,
        ownSheet: true,
        tabSelected: selected(sheetPlan),
      });
      continue;
    }
    const part = existing ? existing.part : edit.freshPart(`${wbDir}worksheets/`, "sheet");
    // What the user set up on the sheet replaced: the sections of its header and footer the review does not write stay.
    const replaced = existing && (await userSetup(edit, existing, undefined));
    if (existing) replacedSheets.push(existing);
    else {
      const relId = edit.freshRelId();
      newSheets.push({ name: sheetPlan.name, relId });
      newWorkbookRels.push({ id: relId, type: WORKSHEET_REL, target: part.slice(wbDir.length) });
      overrides.push({ part, type: WORKSHEET_TYPE });
    }
    writeOwnSheet(edit, styles, lang, sheetPlan, part, selected(sheetPlan), replaced);
  }

  // Parts only a replaced sheet used (its old drawing and chart, comments) go with it.
  if (replacedSheets.length) await dropOwnedParts(pkg, replacedSheets, removed, replaced);

  // ---- calculation chain: a cache Excel rebuilds; dropped when it names cells of a replaced sheet ----
  const calcChain = pkg.workbookPartOf("calcChain");
  let dropCalcChain = false;
  if (calcChain && replacedSheets.length) {
    const ids = new Set(replacedSheets.map((s) => s.sheetId));
    let current = 0;
    const xml = await zip.text(calcChain);
    inPart(calcChain.name, () =>
      eachElement(xml, (local, attrs) => {
        if (local !== "c") return;
        if (attrs.has("i")) current = Number(attrs.get("i"));
        if (ids.has(current)) dropCalcChain = true;
      }),
    );
    if (dropCalcChain) removed.add(calcChain.name.toLowerCase());
  }

  // ---- bookkeeping ----
  // Every style is added by now (the row plans add their cells' styles, the fills theirs below):
  // the styles part may come before the sheets in the zip.
  for (const fill of [...plan.target.fills, ...plan.sheets.flatMap((s) => s.fills ?? [])]) styles.fill(fill.color);
  if (styles.isChanged) {
    if (stylesEntry) replaced.set(stylesEntry.name.toLowerCase(), styles.toXml());
    else {
      const part = `${wbDir}styles.xml`;
      added.push({ name: part, content: styles.toXml() });
      overrides.push({ part, type: STYLES_TYPE });
      const id = edit.freshRelId();
      newWorkbookRels.push({ id, type: STYLES_REL, target: "styles.xml" });
    }
  }
  let workbookXml = pkg.workbookXml;
  if (newSheets.length) {
    const p = rootPrefix(workbookXml);
    const root = elementsOf(workbookXml).elements[0];
    // Written r:id, as readers that match the attribute's name rather than its namespace (exceljs
    // among them) need: bound to the relationships namespace on the element itself unless the
    // root already binds r to it (openpyxl binds it on each sheet element, not the root).
    const bindR = root.attrs.get("xmlns:r") === REL_NS ? "" : `xmlns:r="${REL_NS}" `;
    let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
    eachElement(workbookXml, (local, attrs) => {
      if (local === "sheet") sheetId = Math.max(sheetId, Number(attrs.get("sheetId")) || 0);
    });
    const sheetsXml = newSheets
      .map((s) => {
        return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${++sheetId}" ${bindR}r:id="${s.relId}"/>`;
      })
      .join("");
    workbookXml = insertInto(workbookXml, "sheets", sheetsXml);
  }
  if (edit.sheetNames.length) {
    const indexes = sheetIndexes(workbookXml);
    const names = edit.sheetNames.flatMap(({ sheet, ...name }) => {
      const sheetIndex = indexes.get(sheet);
      return sheetIndex === undefined ? [] : [{ ...name, sheetIndex }];
    });
    workbookXml = withSheetNames(workbookXml, names);
  }
  if (openOnSummary) {
    const index = sheetIndexes(workbookXml).get(summary.name);
    if (index !== undefined) workbookXml = withActiveTab(workbookXml, index);
  }
  if (workbookXml !== pkg.workbookXml) replaced.set(pkg.workbookPart.toLowerCase(), workbookXml);
  if (newWorkbookRels.length || dropCalcChain) {
    const relsPart = relsPartOf(pkg.workbookPart);
    let xml = await zip.text(zip.entry(relsPart)!);
    if (dropCalcChain)
      xml = removeElements(xml, (e) => e.local === "Relationship" && (e.attrs.get("Type") ?? "").endsWith("/calcChain"));
    const p = rootPrefix(xml);
    if (newWorkbookRels.length)
      xml = insertInto(
        xml,
        "Relationships",
        newWorkbookRels.map((r) => `<${p}Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join(""),
      );
    replaced.set(relsPart.toLowerCase(), xml);
  }
  if (overrides.length || removed.size) {
    const entry = zip.entry("[Content_Types].xml")!;
    let xml = await zip.text(entry);
    const p = rootPrefix(xml);
    xml = removeElements(
      xml,
      (e) => e.local === "Override" && removed.has((e.attrs.get("PartName") ?? "").replace(/^\//, "").toLowerCase()),
    );
    const hasRelsDefault = /Extension="rels"/i.test(xml);
    const adds = overrides.map((o) => `<${p}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`);
    if (!hasRelsDefault)
      adds.unshift(`<${p}Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`);
    if (adds.length) xml = insertInto(xml, "Types", adds.join(""));
    replaced.set(entry.name.toLowerCase(), xml);
  }

  // ---- the zip: every part in its place, then the new ones ----
  const write = async (name: string, content: Content) => {
    if (typeof content === "object" && "compressed" in content) out.addCompressed(name, await content.compressed);
    else if (typeof content === "function") {
      const part = out.begin(name);
      await content(part);
      await part.end();
    } else await out.add(name, content);
  };
  for (const [key, entry] of zip.entries) {
    if (removed.has(key)) continue;
    const content = replaced.get(key);
    if (content !== undefined) await write(entry.name, content);
    else await out.copy(entry, await zip.rawStream(entry));
  }
  for (const part of added) await write(part.name, part.content);
  out.finish();
  return table ? { table } : {};
}

/** Removes the relationships part of each replaced sheet and the parts nothing else points at, recursively. */
async function dropOwnedParts(
  pkg: WorkbookPackage,
  sheets: readonly SheetInfo[],
  removed: Set<string>,
  replaced: Map<string, Content>,
) {
  const zip = pkg.zip;
  const referrers = new Map<string, Set<string>>(); // part → parts whose relationships point at it
  for (const entry of zip.entries.values()) {
    if (!entry.name.toLowerCase().endsWith(".rels")) continue;
    const source = entry.name.replace(/_rels\/([^/]*)\.rels$/i, "$1");
    for (const rel of await pkg.relationships(source)) {
      if (!rel.part) continue;
      const key = rel.part.toLowerCase();
      if (!referrers.has(key)) referrers.set(key, new Set());
      referrers.get(key)!.add(source.toLowerCase());
    }
  }
  const drop = async (part: string) => {
    for (const rel of await pkg.relationships(part)) {
      if (!rel.part || rel.external || isRelType(rel, "worksheet")) continue;
      const key = rel.part.toLowerCase();
      const others = [...(referrers.get(key) ?? [])].filter((r) => r !== part.toLowerCase() && !removed.has(r));
      if (others.length || removed.has(key) || !zip.entry(rel.part)) continue;
      removed.add(key);
      await drop(rel.part);
    }
    const rels = relsPartOf(part).toLowerCase();
    if (zip.entry(rels) && !replaced.has(rels)) removed.add(rels);
  };
  for (const sheet of sheets) await drop(sheet.part);
}
