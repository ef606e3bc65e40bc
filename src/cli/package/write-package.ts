/**
 * Carries out the engine's write plan on the input package and writes the reviewed copy: the
 * output columns streamed into the customer sheet, the review's own sheets written whole (or
 * rewritten from a row on), the summary's chart as drawing and chart parts, and the package's bookkeeping
 * (workbook, relationships, content types, styles) edited in place. Every other part is copied
 * as it is stored, compressed bytes and all.
 */
import { Lang } from "../../engine/i18n";
import { Area, Block, ConditionalFill, SheetPlan, WritePlan } from "../../engine/review/write-plan";
import { PackageError } from "./bounds";
import { columnLetter } from "../../engine/a1";
import { referenceColumn, referenceRow } from "../../engine/a1";
import { CHART_REL, CHART_TYPE, chartXml, DRAWING_REL, DRAWING_TYPE, drawingXml, relationshipsXml } from "./chart";
import { eachElement, isRelType, relsPartOf, SheetInfo, WorkbookPackage } from "./package";
import { editChildren, newWorksheet, RowPlan, SheetPatcher } from "./sheet-writer";
import { Styles } from "./styles";
import { CellWriter, colsXml, fillsXml, REL_NS, sqrefTopLeft } from "./worksheet-xml";
import { escapeXml } from "./xml";
import { elementsOf, insertInto, removeElements, rootPrefix } from "./xml-edit";
import { ZipWriter } from "./zip-writer";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const STYLES_REL = `${REL_NS}/styles`;
const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

type Content = string | Iterable<string> | ((part: { write: (t: string) => Promise<void> }) => Promise<void>);

/** Whether a conditional format's range starts inside one of the areas the plan says a re-run clears. */
function startsIn(sqref: string, areas: readonly Area[]): boolean {
  const topLeft = sqrefTopLeft(sqref);
  const row = referenceRow(topLeft) - 1;
  const column = referenceColumn(topLeft) - 1;
  return areas.some((a) => row >= a.row && row < a.row + a.rows && column >= a.column && column < a.column + a.columns);
}

/** The dimension element widened to take in the rows and columns the plan writes. */
function widenDimension(head: string, plan: RowPlan): string {
  if (plan.lastRow < 0) return head;
  return head.replace(/(<(?:\w+:)?dimension\s+ref=")([^"]*)(")/, (whole, open: string, ref: string, close: string) => {
    const [from, to = from] = ref.split(":");
    const lastColumn = Math.max(referenceColumn(to), plan.lastColumn + 1);
    const lastRow = Math.max(referenceRow(to), plan.lastRow + 1);
    if (!referenceColumn(from) || !referenceRow(from)) return whole;
    return `${open}${from}:${columnLetter(lastColumn - 1)}${lastRow}${close}`;
  });
}

export async function writeReviewedPackage(pkg: WorkbookPackage, plan: WritePlan, lang: Lang, out: ZipWriter): Promise<void> {
  const zip = pkg.zip;
  const wbDir = pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf("/") + 1);
  const stylesEntry = pkg.workbookPartOf("styles");
  const styles = new Styles(stylesEntry ? await zip.text(stylesEntry) : undefined);

  const replaced = new Map<string, Content>(); // lower-case part name → new content
  const removed = new Set<string>();
  const added: { name: string; content: Content }[] = [];
  const overrides: { part: string; type: string }[] = [];
  const newSheets: { name: string; relId: string }[] = [];
  const newWorkbookRels: { id: string; type: string; target: string }[] = [];
  const taken = new Set([...zip.entries.keys()]);
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  const freshPart = (dir: string, stem: string) => {
    for (let n = 1; ; n++) {
      const name = `${dir}${stem}${n}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  const freshRelId = () => {
    for (let n = relIds.size + 1; ; n++) {
      if (!relIds.has(`rId${n}`)) {
        relIds.add(`rId${n}`);
        return `rId${n}`;
      }
    }
  };

  // ---- the customer sheet: output columns and their fills ----
  const target = pkg.sheets.find((s) => s.name === plan.target.sheet);
  if (!target) throw new PackageError(`sheet "${plan.target.sheet}" is gone`);
  patchSheet(target, plan.target.blocks, plan.target.fills, plan.target.clearFillsOn, undefined);

  function patchSheet(
    sheet: SheetInfo,
    blocks: readonly Block[],
    fills: readonly ConditionalFill[],
    clearFillsOn: readonly Area[],
    widths: readonly number[] | undefined,
  ) {
    const writer = new CellWriter(styles, lang, pkg.date1904);
    const rows = new RowPlan(blocks, sheet.name, writer);
    const patcher = new SheetPatcher(
      rows,
      writer,
      {
        head: (head) => {
          writer.prefix = rootPrefix(head);
          const p = writer.prefix;
          let text = widenDimension(head, rows);
          if (widths?.length && !/<(?:\w+:)?cols[\s>]/.test(text)) {
            text = editChildren(text, 1, { add: [{ local: "cols", xml: colsXml(widths, p) }] }, text.length);
          }
          return text;
        },
        tail: (tail) => {
          const p = writer.prefix;
          const { elements } = elementsOf(tail);
          const dropped = (e: { local: string; depth: number; attrs: Map<string, string> }) =>
            e.depth === 0 && e.local === "conditionalFormatting" && startsIn(e.attrs.get("sqref") ?? "", clearFillsOn);
          let priority = 0;
          let inDropped = -1;
          for (const e of elements) {
            if (e.depth === 0) inDropped = dropped(e) ? e.end : -1;
            if (e.local === "cfRule" && !(inDropped >= 0 && e.start < inDropped))
              priority = Math.max(priority, Number(e.attrs.get("priority") ?? 0));
          }
          const close = tail.lastIndexOf("</");
          return editChildren(
            tail,
            0,
            { drop: dropped, add: [{ local: "conditionalFormatting", xml: fillsXml(fills, styles, priority + 1, p) }] },
            close < 0 ? tail.length : close,
          );
        },
      },
      sheet.name,
    );
    const entry = zip.entry(sheet.part)!;
    replaced.set(sheet.part.toLowerCase(), async (part) => {
      await zip.readText(entry, (chunk) => patcher.push(chunk, part.write));
      await patcher.end(part.write);
    });
  }

  // ---- the review's own sheets ----
  const replacedSheets: SheetInfo[] = [];
  for (const sheetPlan of plan.sheets) {
    const existing = pkg.sheets.find((s) => s.name === sheetPlan.name);
    if (existing && sheetPlan.mode === "rewrite-from") {
      patchSheet(
        existing,
        sheetPlan.blocks,
        sheetPlan.fills ?? [],
        (sheetPlan.fills ?? []).map((f) => f.area),
        sheetPlan.columnWidths,
      );
      continue;
    }
    const part = existing ? existing.part : freshPart(`${wbDir}worksheets/`, "sheet");
    if (existing) replacedSheets.push(existing);
    else {
      const relId = freshRelId();
      newSheets.push({ name: sheetPlan.name, relId });
      newWorkbookRels.push({ id: relId, type: WORKSHEET_REL, target: part.slice(wbDir.length) });
      overrides.push({ part, type: WORKSHEET_TYPE });
    }
    writeOwnSheet(sheetPlan, part, existing !== undefined);
  }

  function writeOwnSheet(sheetPlan: SheetPlan, part: string, existed: boolean) {
    const writer = new CellWriter(styles, lang, pkg.date1904);
    const rows = new RowPlan(sheetPlan.blocks, sheetPlan.name, writer);
    const extra = [fillsXml(sheetPlan.fills ?? [], styles, 1), PAGE_MARGINS];
    const charts = sheetPlan.chart ? [sheetPlan.chart] : [];
    const sheetRels: { id: string; type: string; target: string }[] = [];
    if (charts.length) {
      const drawing = freshPart(`${wbDir}drawings/`, "drawing");
      const drawingRels: { id: string; type: string; target: string }[] = [];
      charts.forEach((chart, i) => {
        const chartPart = freshPart(`${wbDir}charts/`, "chart");
        added.push({ name: chartPart, content: chartXml(chart, sheetPlan.name, sheetPlan.blocks) });
        overrides.push({ part: chartPart, type: CHART_TYPE });
        drawingRels.push({
          id: `rId${i + 1}`,
          type: CHART_REL,
          target: `../charts/${chartPart.slice(chartPart.lastIndexOf("/") + 1)}`,
        });
      });
      added.push({ name: drawing, content: drawingXml(charts) });
      added.push({ name: relsPartOf(drawing), content: relationshipsXml(drawingRels) });
      overrides.push({ part: drawing, type: DRAWING_TYPE });
      sheetRels.push({ id: "rId1", type: DRAWING_REL, target: `../drawings/${drawing.slice(drawing.lastIndexOf("/") + 1)}` });
      extra.push('<drawing r:id="rId1"/>');
    }
    const content = newWorksheet(rows, writer, colsXml(sheetPlan.columnWidths), extra);
    if (existed) replaced.set(part.toLowerCase(), content);
    else added.push({ name: part, content });
    const rels = relsPartOf(part);
    if (sheetRels.length) {
      if (zip.entry(rels)) replaced.set(rels.toLowerCase(), relationshipsXml(sheetRels));
      else added.push({ name: rels, content: relationshipsXml(sheetRels) });
    } else if (zip.entry(rels)) removed.add(rels.toLowerCase());
  }

  // Parts only a replaced sheet used (its old drawing and chart, comments) go with it.
  if (replacedSheets.length) await dropOwnedParts(pkg, replacedSheets, removed, replaced);

  // ---- calculation chain: a cache Excel rebuilds; dropped when it names cells of a replaced sheet ----
  const calcChain = pkg.workbookPartOf("calcChain");
  let dropCalcChain = false;
  if (calcChain && replacedSheets.length) {
    const ids = new Set(replacedSheets.map((s) => s.sheetId));
    let current = 0;
    eachElement(await zip.text(calcChain), (local, attrs) => {
      if (local !== "c") return;
      if (attrs.has("i")) current = Number(attrs.get("i"));
      if (ids.has(current)) dropCalcChain = true;
    });
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
      const id = freshRelId();
      newWorkbookRels.push({ id, type: STYLES_REL, target: "styles.xml" });
    }
  }
  if (newSheets.length) {
    let xml = pkg.workbookXml;
    const p = rootPrefix(xml);
    const root = elementsOf(xml).elements[0];
    const relPrefix = [...root.attrs].find(([k, v]) => k.startsWith("xmlns:") && v === REL_NS)?.[0].slice(6);
    let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
    eachElement(xml, (local, attrs) => {
      if (local === "sheet") sheetId = Math.max(sheetId, Number(attrs.get("sheetId")) || 0);
    });
    const sheetsXml = newSheets
      .map((s) => {
        const id = relPrefix ? `${relPrefix}:id="${s.relId}"` : `xmlns:cr="${REL_NS}" cr:id="${s.relId}"`;
        return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${++sheetId}" ${id}/>`;
      })
      .join("");
    xml = insertInto(xml, "sheets", sheetsXml);
    replaced.set(pkg.workbookPart.toLowerCase(), xml);
  }
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
    if (typeof content === "function") {
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
