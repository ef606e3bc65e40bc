/**
 * The review's output columns on the customer sheet: a header and one value per customer
 * row for each (the aging buckets' columns with a ledger), in blocks of adjacent columns,
 * with the rows of an earlier, longer run and an earlier run's columns this run does not
 * write cleared.
 */
import { bucketLabels } from "../aging";
import { Lang, message } from "../i18n";
import { Policy } from "../policy";
import { agingHeader, OUTPUT_FIELDS, OUTPUT_HEADERS, OutputField } from "./fields";
import type { CustomerResult, ReviewResult } from "./review";
import {
  explainFinding,
  gradeName,
  issuesText,
  monitoringName,
  recommendationText,
  rememberedFigures,
  warningList,
  zoneName,
} from "./texts";
import { warningSet } from "./warnings";
import type { Area, Block, CellFormat, PlanValue } from "./write-plan";

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
    dataError: message(lang, "ui.grade.dataError"),
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

/** One value per output field, in OUTPUT_FIELDS order (the type holds it to their number). */
type OutputLine = ValuePer<typeof OUTPUT_FIELDS>;
type ValuePer<Fields extends readonly unknown[]> = { -readonly [I in keyof Fields]: PlanValue };

/**
 * What each output field's column shows for a customer, in OUTPUT_FIELDS order. One literal per
 * customer rather than a value function per column: called for every cell, those calls took a
 * good share of a large plan.
 */
function outputLine(c: CustomerResult, lang: Lang, texts: TextCache, policy: Policy): OutputLine {
  const ok = c.errors.length === 0;
  const points = c.factorPoints;
  return [
    c.score ?? null,
    // Each factor's points, in FACTORS order as OUTPUT_FIELDS lists their columns.
    points?.[0] ?? null,
    points?.[1] ?? null,
    points?.[2] ?? null,
    points?.[3] ?? null,
    points?.[4] ?? null,
    // A row the review could not grade says so in its grade column: a filter on the grades finds
    // the rows to fix, and the next run knows the row as one of its own (see outputPlace).
    c.grade ? texts.grade(c) : c.errors.length ? texts.dataError : null,
    c.zScore ?? null,
    c.zZone ? texts.zone(c) : null,
    ok && c.findings.length ? texts.warnings(c) : null,
    // One line per warning, its figure against its threshold: the wrapped column shows each on its own line.
    ok && c.findings.length ? c.findings.map((f) => explainFinding(f, lang, texts.figure)).join("\n") : null,
    ok ? texts.actions(c) : null,
    ok ? (c.recommendedLimit ?? null) : null,
    ok && c.monitoring ? texts.monitoring(c) : null,
    ok ? (c.nextReview ?? null) : null,
    c.utilisation ?? null,
    c.availableCredit ?? null,
    c.overdueAmount ?? null,
    c.daysPastDue ?? null,
    c.errors.length || c.notes.length ? issuesText(c, lang, policy) : null,
  ];
}

/**
 * One column the plan writes on the customer sheet: its header, format and where its values come
 * from: an output field (its index in OUTPUT_FIELDS), an aging bucket (OUTPUT_FIELDS.length and
 * up) or nothing (an earlier run's column cleared, NO_VALUE).
 */
interface OutputColumn {
  readonly column: number;
  readonly header: string | null;
  readonly format: CellFormat;
  readonly source: number;
}

const NO_VALUE = -1;

/** Every column this run writes or clears, left to right. */
function outputColumnsOf(result: ReviewResult, lang: Lang): OutputColumn[] {
  const { layout, policy } = result;
  const columns: OutputColumn[] = OUTPUT_FIELDS.map((field, source) => ({
    column: layout.outputColumns[field],
    header: OUTPUT_HEADERS[field][lang],
    format: OUTPUT_FORMATS[field],
    source,
  }));
  const labels = bucketLabels(policy.agingEdges, lang);
  layout.agingColumns.forEach((column, bucket) =>
    columns.push({
      column,
      header: agingHeader(labels[bucket], lang),
      format: "money",
      source: OUTPUT_FIELDS.length + bucket,
    }),
  );
  for (const column of layout.clearedColumns) columns.push({ column, header: null, format: "general", source: NO_VALUE });
  return columns.sort((a, b) => a.column - b.column);
}

/** Groups output columns (sorted) into runs of adjacent columns, one block each. */
function runsOf(columns: readonly OutputColumn[]): OutputColumn[][] {
  const runs: OutputColumn[][] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].column + 1 === column.column) last.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** How a block's line is made from a customer's output line (and its aging buckets). */
type LineMaker = (fields: OutputLine, c: CustomerResult) => PlanValue[];

const ISSUES = OUTPUT_FIELDS.indexOf("issues");
/** The default policy's aging buckets: Current, three up to its edges, and the rest. */
const DEFAULT_BUCKETS = 5;

/**
 * How a block whose columns take the given sources makes its lines. A block of the review's columns
 * in their own order (each output field, the aging buckets before the issues: a sheet reviewed for
 * the first time, or again) takes the output line as it stands, without a ledger, or in one literal
 * with the default policy's five buckets: a line made in one literal is about twice as fast to keep,
 * as V8 then allocates a large plan's 100,000 lines where they stay rather than copying each as it
 * survives. Any other block picks its values column by column.
 */
function lineMaker(sources: readonly number[]): LineMaker {
  const inOwnOrder = (buckets: number) =>
    sources.length === OUTPUT_FIELDS.length + buckets &&
    sources.every((source, i) => source === (i < ISSUES ? i : i < ISSUES + buckets ? OUTPUT_FIELDS.length + i - ISSUES : ISSUES));
  if (ISSUES === OUTPUT_FIELDS.length - 1 && inOwnOrder(0)) return (fields) => fields;
  // The literal writes the nineteen fields before the issues, the five buckets, then the issues.
  if (OUTPUT_FIELDS.length === 20 && ISSUES === 19 && inOwnOrder(DEFAULT_BUCKETS)) {
    return (f, c) => {
      const a = c.aging;
      return [
        f[0],
        f[1],
        f[2],
        f[3],
        f[4],
        f[5],
        f[6],
        f[7],
        f[8],
        f[9],
        f[10],
        f[11],
        f[12],
        f[13],
        f[14],
        f[15],
        f[16],
        f[17],
        f[18],
        a?.[0] ?? null,
        a?.[1] ?? null,
        a?.[2] ?? null,
        a?.[3] ?? null,
        a?.[4] ?? null,
        f[19],
      ];
    };
  }
  return (fields, c) => {
    // Filled by index rather than by sources.map: no array growth per row.
    const line: PlanValue[] = new Array(sources.length);
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i];
      line[i] = source < 0 ? null : source < fields.length ? fields[source] : (c.aging?.[source - fields.length] ?? null);
    }
    return line;
  };
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
  const texts = textCache(lang, result.policy);
  // Each run of adjacent columns is a block: its header line, then one line per row below.
  const runs = runsOf(outputColumnsOf(result, lang)).map((run) => ({
    run,
    lineOf: lineMaker(run.map((o) => o.source)),
    values: [run.map((o) => o.header)] as PlanValue[][],
    // Rows between customers (blank, notes, an earlier run's rows) share one line of blanks: a
    // sheet with a few customers spread over the whole grid would otherwise hold a million lines.
    blank: Object.freeze(new Array<PlanValue>(run.length).fill(null)) as PlanValue[],
  }));
  for (let r = 0; r < byRow.length; r++) {
    const c = byRow[r];
    // Each customer's values made once, row by row, however many blocks its columns fall in.
    const fields = c && outputLine(c, lang, texts, result.policy);
    for (let b = 0; b < runs.length; b++) {
      const { lineOf, values, blank } = runs[b];
      values.push(c && fields ? lineOf(fields, c) : blank);
    }
  }
  const blocks: Block[] = [];
  const areas: Area[] = [];
  for (const { run, values } of runs) {
    const block = {
      row: layout.headerRow + origin.row,
      column: run[0].column + origin.column,
      values,
      formats: run.map((o) => o.format),
    };
    blocks.push(block);
    areas.push({ row: block.row, column: block.column, rows: values.length, columns: run.length });
  }
  return { blocks, areas };
}
