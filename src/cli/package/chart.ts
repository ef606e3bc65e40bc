/**
 * The summary's native charts as DrawingML parts: a drawing anchoring each chart over the
 * cells the plan gives it, and one chart part per chart (clustered columns or bars of the
 * plan's values by its categories, labelled in the plan's number format, or a line, with the values
 * cached so a viewer that does not recalculate still draws it). Several charts on one sheet
 * are several anchors in the one drawing.
 */
import { sheetReference } from "../../engine/a1";
import { Lang } from "../../engine/i18n";
import { chartNumberFormat, numberFormat } from "../../engine/review/formats";
import { planValueAt, renderedText } from "../../engine/review/sheet-layout";
import { Block, ChartPlan } from "../../engine/review/write-plan";
import { areaRef } from "./worksheet-xml";
import { escapeXml } from "./xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL = `${R_NS}/chart`;
export const DRAWING_REL = `${R_NS}/drawing`;

function absolute(sheet: string, area: ChartPlan["values"]): string {
  const ref = areaRef(area).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${sheetReference(sheet)}!${ref}`;
}

export function chartXml(chart: ChartPlan, sheet: string, blocks: readonly Block[], lang: Lang): string {
  const format = escapeXml(chartNumberFormat(chart.format, lang));
  // Dates on the category axis as the cells show them, not as serial numbers; one label per review, not a calendar scale.
  const categoryFormat = chart.categoryFormat ? escapeXml(numberFormat(chart.categoryFormat, lang)) : "General";
  const points = (area: ChartPlan["values"], text: boolean) => {
    const pts: string[] = [];
    for (let i = 0; i < area.rows; i++) {
      const value = planValueAt(blocks, area.row + i, area.column);
      if (value === null) continue;
      const shown = text
        ? escapeXml(chart.categoryFormat ? renderedText(value, chart.categoryFormat, lang) : String(value))
        : typeof value === "number" && Number.isFinite(value)
          ? String(value)
          : "";
      if (shown !== "") pts.push(`<c:pt idx="${i}"><c:v>${shown}</c:v></c:pt>`);
    }
    return `<c:ptCount val="${area.rows}"/>${pts.join("")}`;
  };
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  const line = chart.kind === "line";
  // A line's points are read off its value axis: labels on every month would crowd it.
  const look = line
    ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="5B9BD5"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="5B9BD5"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>${look}` +
    `<c:dLbls><c:numFmt formatCode="${format}" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="${line ? 0 : 1}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(absolute(sheet, chart.categories))}</c:f><c:strCache>${points(chart.categories, true)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absolute(sheet, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(chart.values, false)}</c:numCache></c:numRef></c:val>${line ? `<c:smooth val="0"/>` : ""}</c:ser>`;
  // The value axis as the plan has it, in CT_ValAx's order: scaling, delete, axPos,
  // majorGridlines, numFmt, the tick marks (no minor ones: a viewer's default draws them crowded),
  // tickLblPos, crossAx, crosses, crossBetween, majorUnit.
  const axis = chart.valueAxis;
  // CT_Scaling: orientation, max, min; the step (majorUnit) after crossBetween.
  const maximum = axis.maximum === undefined ? "" : `<c:max val="${axis.maximum}"/>`;
  const minimum = axis.minimum === undefined ? "" : `<c:min val="${axis.minimum}"/>`;
  const majorUnit = axis.majorUnit === undefined ? "" : `<c:majorUnit val="${axis.majorUnit}"/>`;
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === "bar" ? "l" : "b"}"/><c:numFmt formatCode="${categoryFormat}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="${line ? 0 : 1}"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${maximum}${minimum}</c:scaling><c:delete val="${axis.labels ? 0 : 1}"/><c:axPos val="${chart.kind === "bar" ? "b" : "l"}"/>${axis.gridlines ? "<c:majorGridlines/>" : ""}` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="${axis.labels ? "nextTo" : "none"}"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>${majorUnit}</c:valAx>`;
  const axisIds = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>`
    : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="150"/>${axisIds}</c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:plotArea><c:layout/>${plot}${axes}</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing holding the charts: chart i is the drawing's relationship `rId${i + 1}`. */
export function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts.map((chart, i) => {
    const { row, column, rows, columns } = chart.place;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${column + columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join("")}</xdr:wsDr>`;
}

export function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}
