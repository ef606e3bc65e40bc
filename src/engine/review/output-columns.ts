/**
 * The review's output columns on the customer sheet: a header and one value per customer
 * row for each, in blocks of adjacent columns, with the rows of an earlier, longer run
 * cleared.
 */
import { Lang } from "../i18n";
import { Policy } from "../policy";
import { OUTPUT_FIELDS, OUTPUT_HEADERS, OutputField } from "./fields";
import type { CustomerResult, ReviewResult } from "./review";
import { gradeName, issuesText, monitoringName, recommendationText, warningList, zoneName } from "./texts";
import { warningSet } from "./warnings";
import type { Area, Block, CellFormat, PlanValue } from "./write-plan";

const OUTPUT_FORMATS: Readonly<Record<OutputField, CellFormat>> = {
  score: "score",
  grade: "text",
  zScore: "ratio",
  zZone: "text",
  warnings: "text",
  recommendation: "text",
  recommendedLimit: "money",
  monitoring: "text",
  nextReview: "date",
  issues: "text",
};

/** One text per key, made the first time the key is seen. */
function cachedText<K>(keyOf: (c: CustomerResult) => K, make: (c: CustomerResult) => string): (c: CustomerResult) => string {
  const cache = new Map<K, string>();
  return (c) => {
    const key = keyOf(c);
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = make(c)));
    return text;
  };
}

/**
 * The texts a plan writes over and over (grade names, monitoring, recommendations), made once
 * per plan rather than once per cell: a 100,000-customer plan would otherwise spend its time
 * formatting the same few strings. The keys are what the text depends on and the customer
 * already holds (codes, the warning set, its shared list of actions): a key built as text
 * for every row made the plan about an eighth slower.
 */
function textCache(lang: Lang, policy: Policy) {
  return {
    grade: cachedText(
      (c) => c.grade,
      (c) => gradeName(c.grade!, lang),
    ),
    zone: cachedText(
      (c) => c.zZone,
      (c) => zoneName(c.zZone!, lang),
    ),
    warnings: cachedText(
      (c) => warningSet(c.findings),
      (c) => warningList(c.findings, lang),
    ),
    // Customers alike share one list of actions (see sharedActionsFor), so the list is the key.
    actions: cachedText(
      (c) => c.actions,
      (c) => recommendationText(c.actions, lang, policy),
    ),
    // Only custom monitoring names its months: "monthly" and "quarterly" are one text each.
    monitoring: cachedText(
      (c) => (c.monitoring === "custom" ? c.monitoringMonths : c.monitoring),
      (c) => monitoringName(c.monitoring!, c.monitoringMonths ?? 0, lang),
    ),
  };
}
type TextCache = ReturnType<typeof textCache>;

function outputValue(field: OutputField, c: CustomerResult, lang: Lang, texts: TextCache, policy: Policy): PlanValue {
  const ok = c.errors.length === 0;
  switch (field) {
    case "score":
      return c.score ?? null;
    case "grade":
      return c.grade ? texts.grade(c) : null;
    case "zScore":
      return c.zScore ?? null;
    case "zZone":
      return c.zZone ? texts.zone(c) : null;
    case "warnings":
      return ok && c.findings.length ? texts.warnings(c) : null;
    case "recommendation":
      return ok ? texts.actions(c) : null;
    case "recommendedLimit":
      return ok ? (c.recommendedLimit ?? null) : null;
    case "monitoring":
      return ok && c.monitoring ? texts.monitoring(c) : null;
    case "nextReview":
      return ok ? (c.nextReview ?? null) : null;
    case "issues":
      return c.errors.length || c.notes.length ? issuesText(c, lang, policy) : null;
  }
}

/** Groups output columns into runs of adjacent columns, one block each. */
function runsOf(columns: Readonly<Record<OutputField, number>>): OutputField[][] {
  const sorted = [...OUTPUT_FIELDS].sort((a, b) => columns[a] - columns[b]);
  const runs: OutputField[][] = [];
  for (const field of sorted) {
    const last = runs[runs.length - 1];
    if (last && columns[last[last.length - 1]] + 1 === columns[field]) last.push(field);
    else runs.push([field]);
  }
  return runs;
}

/** The last row (0-based, in the values read) the output columns cover: the last customer's, or an earlier run's last. */
export function outputEnd(result: ReviewResult): number {
  return Math.max(result.layout.lastRow, result.layout.staleOutputUntil);
}

/** The output columns' blocks, and the sheet areas they cover (the only cells of the user's sheet the plan writes). */
export function outputColumnsPlan(result: ReviewResult, lang: Lang): { blocks: Block[]; areas: Area[] } {
  const { layout, origin } = result;
  const end = outputEnd(result);
  // Customers by their offset below the header row: the plan visits every row in order.
  const byRow: (CustomerResult | undefined)[] = new Array(end - layout.firstRow + 1);
  for (const c of result.customers) byRow[c.row - 1 - origin.row - layout.firstRow] = c;
  const blocks: Block[] = [];
  const areas: Area[] = [];
  const texts = textCache(lang, result.policy);
  for (const run of runsOf(layout.outputColumns)) {
    const values: PlanValue[][] = [run.map((f) => OUTPUT_HEADERS[f][lang])];
    for (const c of byRow) {
      // Filled by index rather than by run.map: no closure and no array growth per row.
      const line: PlanValue[] = new Array(run.length);
      for (let i = 0; i < run.length; i++) line[i] = c ? outputValue(run[i], c, lang, texts, result.policy) : null;
      values.push(line);
    }
    const block = {
      row: layout.headerRow + origin.row,
      column: layout.outputColumns[run[0]] + origin.column,
      values,
      formats: run.map((f) => OUTPUT_FORMATS[f]),
    };
    blocks.push(block);
    areas.push({ row: block.row, column: block.column, rows: values.length, columns: run.length });
  }
  return { blocks, areas };
}
