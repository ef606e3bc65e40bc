/**
 * The review's output columns on the customer sheet: a header and one value per customer
 * row for each (the aging buckets' columns with a ledger), in blocks of adjacent columns,
 * with the rows of an earlier, longer run and an earlier run's columns this run does not
 * write cleared.
 */
import { bucketLabels } from "../aging";
import { Lang, message } from "../i18n";
import { FACTORS, Policy } from "../policy";
import { agingColumnHeader, FACTOR_POINTS, OUTPUT_FIELDS, OUTPUT_HEADERS, OutputField } from "./fields";
import type { CustomerResult, ReviewResult } from "./review";
import {
  explainFinding,
  gradeName,
  issuesText,
  monitoringName,
  customerRecommendation,
  rememberedFigures,
  warningList,
  zoneName,
} from "./texts";
import { warningSet } from "./warnings";
import { AmountMarks, amountMarks } from "./total-currencies";
import type { Area, Block, CellFormat, PlanValue } from "./write-plan";
import { scoreFormat, zFormat } from "./formats";
import { OwnFormatCell, withOwnFormats } from "./own-format-cells";
import { GradeBands } from "../score";
import { HASHED_FIELDS, outputCheckText } from "./output-check";
import "../i18n/report";

const OUTPUT_FORMATS: Readonly<Record<OutputField, CellFormat>> = {
  score: "score",
  paymentHistoryPoints: "score",
  contractPerformancePoints: "score",
  industryRiskPoints: "score",
  marketReputationPoints: "score",
  complianceRecordPoints: "score",
  grade: "text",
  zScore: "ratio",
  zZone: "text",
  warnings: "text",
  findings: "text",
  recommendation: "text",
  recommendedLimit: "money",
  monitoring: "text",
  nextReview: "date",
  utilisation: "percent",
  availableCredit: "money",
  overdueBalance: "money",
  oldestDaysOverdue: "integer",
  issues: "text",
};

/** Which factor each points column shows: its index in FACTORS. */
const POINTS_INDEX = new Map<OutputField, number>(FACTORS.map((f, i) => [FACTOR_POINTS[f], i]));

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
    figure: rememberedFigures(lang),
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
    // Customers alike share one list of actions (see sharedDecisions), so the list is the key; a
    // customer with a data error has lists of its own (no grade), which end saying what waits for the fix.
    actions: cachedText(
      (c) => c.actions,
      (c) => customerRecommendation(c, lang, policy),
    ),
    // Only custom monitoring names its months: "monthly" and "quarterly" are one text each.
    monitoring: cachedText(
      (c) => (c.monitoring === "custom" ? c.monitoringMonths : c.monitoring),
      (c) => monitoringName(c.monitoring!, c.monitoringMonths ?? 0, lang),
    ),
  };
}
type TextCache = ReturnType<typeof textCache>;

/**
 * What a field's column shows for a customer, one function per field chosen once per plan:
 * the plan asks every field of every customer, and deciding the field cell by cell showed.
 */
function outputValue(
  field: OutputField,
  lang: Lang,
  texts: TextCache,
  policy: Policy,
  marks: AmountMarks,
): (c: CustomerResult) => PlanValue {
  const points = POINTS_INDEX.get(field);
  if (points !== undefined) return (c) => c.factorPoints?.[points] ?? null;
  const ok = (c: CustomerResult) => c.errors.length === 0;
  switch (field) {
    case "score":
      return (c) => c.score ?? null;
    case "grade": {
      // A row the review could not grade says so in its grade column: a filter on the grades finds
      // the rows to fix, and the next run knows the row as one of its own (see outputPlace).
      const dataError = message(lang, "grade.dataError");
      return (c) => (c.grade ? texts.grade(c) : c.errors.length ? dataError : null);
    }
    case "zScore":
      return (c) => c.zScore ?? null;
    case "zZone":
      return (c) => (c.zZone ? texts.zone(c) : null);
    // A customer with a data error has the warnings and actions that need no grade: shown as anyone's.
    case "warnings":
      return (c) => (c.findings.length ? texts.warnings(c) : null);
    case "findings":
      // One line per warning, its figure against its threshold (its amounts marked as the pane's and
      // the report's are): the wrapped column shows each on its own line.
      return (c) =>
        c.findings.length ? c.findings.map((f) => explainFinding(f, c, lang, marks, texts.figure)).join("\n") : null;
    case "recommendation":
      return (c) => texts.actions(c);
    case "recommendedLimit":
      return (c) => (ok(c) ? (c.recommendedLimit ?? null) : null);
    case "monitoring":
      return (c) => (ok(c) && c.monitoring ? texts.monitoring(c) : null);
    case "nextReview":
      return (c) => (ok(c) ? (c.nextReview ?? null) : null);
    case "utilisation":
      return (c) => c.utilisation ?? null;
    case "availableCredit":
      return (c) => c.availableCredit ?? null;
    case "overdueBalance":
      return (c) => c.overdueAmount ?? null;
    case "oldestDaysOverdue":
      return (c) => c.daysPastDue ?? null;
    case "issues":
      return (c) => (c.errors.length || c.notes.length ? issuesText(c, lang, policy) : null);
    default:
      return () => null;
  }
}

/** A score's cell format when it is not the column's two decimals (see scoreFormat). */
function ownScoreFormat(c: CustomerResult, bands: GradeBands): CellFormat | undefined {
  if (c.score === undefined) return undefined;
  const format = scoreFormat(c.score, bands);
  return format === "score" ? undefined : format;
}

/** A Z-score's cell format when it is not the column's two decimals (see zFormat). */
function ownZFormat(c: CustomerResult): CellFormat | undefined {
  if (c.zScore === undefined || c.zZone === undefined) return undefined;
  const format = zFormat(c.zScore, c.zZone);
  return format === "ratio" ? undefined : format;
}

/** One column the plan writes on the customer sheet: its header, format and what each customer's row shows. */
interface OutputColumn {
  readonly column: number;
  /** The field it shows, or the aging bucket's index; neither for a cleared column. */
  readonly field?: OutputField;
  readonly bucket?: number;
  readonly header: string | null;
  readonly format: CellFormat;
  readonly value: (c: CustomerResult) => PlanValue;
  /** A customer's cell whose format is not the column's: a score near a band's edge or a Z-score near a zone line, with the decimals that keep it in its band or zone. */
  readonly ownFormat?: (c: CustomerResult) => CellFormat | undefined;
}

/**
 * The unit after a money column's header when the customer sheet's own amount columns are in
 * several units: the review writes in its unit, which is then not every neighbour's ("建议额度（万元）"
 * beside "信用额度（元）"). A header's trailing bracket is not part of its name, so the next run
 * knows the column either way.
 */
function mixedUnitsSuffix(result: ReviewResult, lang: Lang): string {
  const { unit, converted } = result.amountUnits;
  if (!unit || !converted.some((c) => c.sheet === result.sheet)) return "";
  return message(lang, "review.headerUnit", { unit: unit.label });
}

/** Every column this run writes or clears, left to right. */
function outputColumnsOf(result: ReviewResult, lang: Lang): OutputColumn[] {
  const { layout, policy } = result;
  const texts = textCache(lang, policy);
  const marks = amountMarks(result);
  const unit = mixedUnitsSuffix(result, lang);
  // Only a column some of whose cells take a format of their own is cut around them (and stands
  // in a block of its own, runsOf): nearly every review has none.
  const ownScore = (c: CustomerResult) => ownScoreFormat(c, policy);
  const scoreOwnFormat = result.customers.some((c) => ownScore(c) !== undefined) ? ownScore : undefined;
  const zOwnFormat = result.customers.some((c) => ownZFormat(c) !== undefined) ? ownZFormat : undefined;
  const columns: OutputColumn[] = OUTPUT_FIELDS.map((field) => ({
    column: layout.outputColumns[field],
    field,
    header: OUTPUT_FORMATS[field] === "money" ? OUTPUT_HEADERS[field][lang] + unit : OUTPUT_HEADERS[field][lang],
    format: OUTPUT_FORMATS[field],
    value: outputValue(field, lang, texts, policy, marks),
    ...(field === "score" && scoreOwnFormat && { ownFormat: scoreOwnFormat }),
    ...(field === "zScore" && zOwnFormat && { ownFormat: zOwnFormat }),
  }));
  const labels = bucketLabels(policy.agingEdges, lang);
  layout.agingColumns.forEach((column, bucket) =>
    columns.push({
      column,
      bucket,
      header: agingColumnHeader(labels[bucket], lang) + unit,
      format: "money",
      value: (c) => c.aging?.[bucket] ?? null,
    }),
  );
  for (const column of layout.clearedColumns) columns.push({ column, header: null, format: "general", value: () => null });
  return columns.sort((a, b) => a.column - b.column);
}

/** Groups output columns (sorted) into runs of adjacent columns, one block each. */
function runsOf(columns: readonly OutputColumn[]): OutputColumn[][] {
  const runs: OutputColumn[][] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    const before = last?.[last.length - 1];
    // A column whose cells may take formats of their own (the score, the Z-score) is a run of its
    // own: cut around those cells (withOwnFormats), it alone is cut, its neighbours not copied.
    if (before && before.column + 1 === column.column && !before.ownFormat && !column.ownFormat) last.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** The last row (0-based, in the values read) the output columns cover: the last customer's, or an earlier run's last. */
export function outputEnd(result: ReviewResult): number {
  return Math.max(result.layout.lastRow, result.layout.staleOutputUntil);
}

/**
 * The output columns' blocks, the sheet areas they cover (the only cells of the user's sheet the
 * plan writes), and each customer's check of the cells written in its row (see output-check.ts),
 * in `result.customers` order, for its archive row: made from the very values written, so the
 * next review compares with what was written.
 */
export function outputColumnsPlan(result: ReviewResult, lang: Lang): { blocks: Block[]; areas: Area[]; checks: string[] } {
  const { layout, origin, customers } = result;
  const end = outputEnd(result);
  // Customers' indexes by their offset below the header row: the plan visits every row in order.
  const byRow = new Int32Array(Math.max(0, end - layout.firstRow + 1)).fill(-1);
  customers.forEach((c, i) => (byRow[c.row - 1 - origin.row - layout.firstRow] = i));
  const blocks: Block[] = [];
  const areas: Area[] = [];
  // Where each checked cell's values are: a block's values and the column in it.
  const hashed: { values: PlanValue[][]; at: number }[] = new Array(HASHED_FIELDS.length);
  const buckets: { values: PlanValue[][]; at: number }[] = new Array(layout.agingColumns.length);
  for (const run of runsOf(outputColumnsOf(result, lang))) {
    const values: PlanValue[][] = [run.map((o) => o.header)];
    run.forEach((o, at) => {
      if (o.field !== undefined && HASHED_AT.has(o.field)) hashed[HASHED_AT.get(o.field)!] = { values, at };
      if (o.bucket !== undefined) buckets[o.bucket] = { values, at };
    });
    // Rows between customers (blank, notes, an earlier run's rows) share one line of blanks: a
    // sheet with a few customers spread over the whole grid would otherwise hold a million lines.
    const blank = Object.freeze(new Array<PlanValue>(run.length).fill(null)) as PlanValue[];
    const ownFormats: OwnFormatCell[] = [];
    const withOwnFormat = run.flatMap((o, i) => (o.ownFormat ? [i] : []));
    for (const index of byRow) {
      if (index < 0) {
        values.push(blank);
        continue;
      }
      const c = customers[index];
      // Filled by index rather than by run.map: no array growth per row.
      const line: PlanValue[] = new Array(run.length);
      for (let i = 0; i < run.length; i++) line[i] = run[i].value(c);
      for (const i of withOwnFormat) {
        const format = run[i].ownFormat!(c);
        if (format) ownFormats.push({ row: values.length, column: i, format });
      }
      values.push(line);
    }
    // A header over figures stands right, over its figures: a wrapped header's last word left-aligned
    // read on into the next column's ("Available credit" | "amount" read "Available credit amount").
    const figures = run.map((o) => o.format !== "text" && o.format !== "general");
    const block = {
      row: layout.headerRow + origin.row,
      column: run[0].column + origin.column,
      values,
      formats: run.map((o) => o.format),
      ...(figures.some(Boolean) ? { rightAligned: figures } : {}),
    };
    blocks.push(...withOwnFormats(block, ownFormats));
    areas.push({ row: block.row, column: block.column, rows: values.length, columns: run.length });
  }
  const fieldValues = new Array<PlanValue>(hashed.length);
  const agingValues = new Array<PlanValue>(buckets.length);
  const checks = customers.map((c) => {
    // Its line in each block: the header, then one per row below it.
    const line = c.row - origin.row - layout.firstRow;
    for (let i = 0; i < hashed.length; i++) fieldValues[i] = hashed[i].values[line][hashed[i].at];
    for (let b = 0; b < buckets.length; b++) agingValues[b] = buckets[b].values[line][buckets[b].at];
    return outputCheckText(fieldValues, agingValues);
  });
  return { blocks, areas, checks };
}

/** Each checked field's place in a check (HASHED_FIELDS order). */
const HASHED_AT = new Map<OutputField, number>(HASHED_FIELDS.map((f, i) => [f, i]));
