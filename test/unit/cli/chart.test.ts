/**
 * The chart part's value axis as the plan describes it: from 0 for amounts (a fall of 4% looks
 * like 4%), shown with its labels in whole amounts and gridded, in the order CT_ValAx gives its
 * children (a viewer may drop an axis whose children are out of order).
 */
import { chartXml } from "../../../src/cli/package/chart";
import { Element, elementsOf } from "../../../src/cli/package/xml-edit";
import { amountAxis, amountScale } from "../../../src/engine/review/summary-sheet";
import type { Block, ChartPlan, PlanValue } from "../../../src/engine/review/write-plan";

/** A line of exposure at risk over two reviews, falling by 4%, its table at A2:B3. */
function trend(amounts: readonly PlanValue[], valueAxis = amountAxis(amounts)): { chart: ChartPlan; blocks: Block[] } {
  const blocks: Block[] = [
    {
      row: 1,
      column: 0,
      values: amounts.map((amount, i) => [46_326 + 31 * i, amount]),
      formats: ["date", "money"],
    },
  ];
  const chart: ChartPlan = {
    kind: "line",
    title: "Exposure at risk over time",
    seriesName: "At risk",
    categories: { row: 1, column: 0, rows: amounts.length, columns: 1 },
    values: { row: 1, column: 1, rows: amounts.length, columns: 1 },
    place: { row: 5, column: 0, rows: 15, columns: 2 },
    format: "money",
    valueAxis,
    categoryFormat: "month",
  };
  return { chart, blocks };
}

/** The value axis' children, in the order written. */
function valueAxisOf(xml: string): { children: Element[]; inside: (parent: Element) => Element[] } {
  const { elements } = elementsOf(xml);
  const within = (parent: Element) =>
    elements.filter((e) => e.depth === parent.depth + 1 && e.start > parent.start && e.end <= parent.end);
  const axes = elements.filter((e) => e.name === "c:valAx");
  expect(axes).toHaveLength(1);
  return { children: within(axes[0]), inside: within };
}

test.each(["en", "zh"] as const)("a line of amounts (%s): its value axis from 0, labelled in whole amounts, gridded", (lang) => {
  const { chart, blocks } = trend([2_500_000, 2_400_000]);
  const xml = chartXml(chart, "Credit Review Summary", blocks, lang);
  const { children, inside } = valueAxisOf(xml);
  // CT_ValAx: EG_AxShared (axId, scaling, delete, axPos, majorGridlines, numFmt, majorTickMark,
  // minorTickMark, tickLblPos, crossAx, crosses), then crossBetween, majorUnit.
  expect(children.map((e) => e.name)).toEqual([
    "c:axId",
    "c:scaling",
    "c:delete",
    "c:axPos",
    "c:majorGridlines",
    "c:numFmt",
    "c:majorTickMark",
    "c:minorTickMark",
    "c:tickLblPos",
    "c:crossAx",
    "c:crosses",
    "c:crossBetween",
    "c:majorUnit",
  ]);
  const child = (name: string) => children.find((e) => e.name === name)!;
  // CT_Scaling: orientation, max, min. The top, 3,000,000 in steps of 1,000,000, is a round step
  // above 2,500,000 with room for a label.
  expect(inside(child("c:scaling")).map((e) => [e.name, e.attrs.get("val")])).toEqual([
    ["c:orientation", "minMax"],
    ["c:max", "3000000"],
    ["c:min", "0"],
  ]);
  expect(child("c:majorUnit").attrs.get("val")).toBe("1000000");
  expect(child("c:delete").attrs.get("val")).toBe("0");
  expect(child("c:axPos").attrs.get("val")).toBe("l");
  expect(Object.fromEntries(child("c:numFmt").attrs)).toEqual({ formatCode: "#,##0", sourceLinked: "0" });
  expect(child("c:majorTickMark").attrs.get("val")).toBe("out");
  expect(child("c:minorTickMark").attrs.get("val")).toBe("none");
  expect(child("c:tickLblPos").attrs.get("val")).toBe("nextTo");
  // The cached points are the table's amounts.
  expect([...xml.matchAll(/<c:numCache>.*?<\/c:numCache>/g)][0][0]).toContain(
    '<c:pt idx="0"><c:v>2500000</c:v></c:pt><c:pt idx="1"><c:v>2400000</c:v></c:pt>',
  );
});

test("an amount below 0 (a customer in credit): no floor, for the viewer to scale down to it", () => {
  const { chart, blocks } = trend([-5_000, 6_000]);
  expect(chart.valueAxis).toEqual({ maximum: 8000, majorUnit: 2000, labels: true, gridlines: true });
  const { children, inside } = valueAxisOf(chartXml(chart, "S", blocks, "en"));
  expect(inside(children.find((e) => e.name === "c:scaling")!).map((e) => e.name)).toEqual(["c:orientation", "c:max"]);
  expect(children.find((e) => e.name === "c:delete")!.attrs.get("val")).toBe("0");
});

test("nothing above 0 (a portfolio all paid, or all in credit): no top, for the viewer to scale", () => {
  for (const amounts of [[0, 0], [-5_000, 0], [null, null]]) {
    const { chart, blocks } = trend(amounts);
    expect(chart.valueAxis.maximum).toBeUndefined();
    const { children, inside } = valueAxisOf(chartXml(chart, "S", blocks, "en"));
    expect(children.map((e) => e.name)).not.toContain("c:majorUnit");
    expect(inside(children.find((e) => e.name === "c:scaling")!).map((e) => e.name)).not.toContain("c:max");
  }
});

// The tallest bar's label needs room under the top (15% of its height), in at most 5 round steps.
test.each([
  [1_693_000, 2_000_000, 500_000],
  [2_643_500, 4_000_000, 1_000_000],
  [3_769_500, 5_000_000, 1_000_000],
  [500, 600, 200],
  [100, 125, 25],
  [7, 10, 2],
  // A step under 1 keeps its multiples round (0.25 × 5, not 1.2500000000000002).
  [1, 1.25, 0.25],
  [14_780_000, 20_000_000, 5_000_000],
])("amounts up to %d: an axis to %d in steps of %d", (highest, maximum, majorUnit) => {
  expect(amountScale(highest)).toEqual({ maximum, majorUnit });
  expect(maximum).toBeGreaterThanOrEqual(highest * 1.15);
  expect(maximum / majorUnit).toBeLessThanOrEqual(5);
});

test("the writer follows the plan: an axis without labels or gridlines is deleted and ungridded", () => {
  const { chart, blocks } = trend([100, 200], { minimum: 0, labels: false, gridlines: false });
  const { children } = valueAxisOf(chartXml(chart, "S", blocks, "en"));
  expect(children.find((e) => e.name === "c:delete")!.attrs.get("val")).toBe("1");
  expect(children.find((e) => e.name === "c:tickLblPos")!.attrs.get("val")).toBe("none");
  expect(children.map((e) => e.name)).not.toContain("c:majorGridlines");
});
