/**
 * What a review writes, described once as data: the output columns beside the input
 * table, the managers' summary sheet with its chart, the archive rows and the policy
 * sheet. The task pane and the command line each carry out this plan with their own
 * writer; neither decides a cell, a header or a colour.
 */
import { Area, cellA1 } from "../a1";
import { CellValue } from "../cells";
import { describeError } from "../errors";
import { Lang, message, MessageKey } from "../i18n";
import { GRADES, Policy } from "../policy";
import { archiveHeader, hasArchiveHeader } from "./archive";
import { OUTPUT_ALIASES, OUTPUT_FIELDS, OutputField } from "./fields";
import { policyHeader, policyPercentRows, policyRows } from "./policy-sheet";
import { CustomerResult, ReviewResult } from "./review";
import { reviewSheetName } from "./sheets";
import { recommendationText, warningTitle } from "./texts";
import { Action, ACTIONS, codeMask, findingCode, WARNING_CODES } from "./warnings";

export type PlanValue = string | number | boolean | null;
/** "text" cells hold data people typed (names, messages): writers must store them literally, never as formulas. */
export type CellFormat = "general" | "text" | "score" | "money" | "date" | "percent" | "ratio" | "integer";

export interface Block {
  /** 0-based sheet row and column of values[0][0]. */
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly PlanValue[])[];
  /** One format per column of the block. */
  readonly formats: readonly CellFormat[];
  readonly bold?: boolean;
}

export type { Area };

/** A fill that follows the cell's value (a conditional format), so it stays right when the value changes. */
export interface ConditionalFill {
  readonly area: Area;
  readonly when: { readonly equals: string } | { readonly notBlank: true };
  readonly color: string;
}

export interface ChartPlan {
  readonly title: string;
  readonly categories: Area;
  readonly values: Area;
  readonly seriesName: string;
  readonly anchor: { readonly row: number; readonly column: number };
}

export interface SheetPlan {
  readonly name: string;
  /** "replace": the sheet is ours, clear it and write; "append": add rows below what is there. */
  readonly mode: "replace" | "append";
  readonly blocks: readonly Block[];
  readonly columnWidths?: readonly number[];
  readonly fills?: readonly ConditionalFill[];
  readonly chart?: ChartPlan;
}

export interface WritePlan {
  readonly target: { readonly sheet: string; readonly blocks: readonly Block[]; readonly fills: readonly ConditionalFill[] };
  readonly sheets: readonly SheetPlan[];
  /** Every cell of the input sheet the plan writes, for the "never over the user's cells" check. */
  readonly outputArea: readonly Area[];
}

export const COLORS = {
  low: "#C6EFCE",
  medium: "#FFEB9C",
  high: "#FFC7CE",
  warning: "#FFEB9C",
  issue: "#FFC7CE",
  header: "#DDEBF7",
} as const;

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

export function outputHeader(field: OutputField, lang: Lang): string {
  return OUTPUT_ALIASES[field][lang === "zh" ? 1 : 0];
}

/** An action is its own code. */
const actionCode = (action: Action) => action;

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
 * formatting the same few strings. The keys are the customer's own codes or numbers, never
 * strings built per row.
 */
function textCache(lang: Lang) {
  return {
    grade: cachedText(
      (c) => c.grade,
      (c) => message(lang, `grade.${c.grade}` as MessageKey),
    ),
    zone: cachedText(
      (c) => c.zZone,
      (c) => message(lang, `zone.${c.zZone}` as MessageKey),
    ),
    warnings: cachedText(
      (c) => codeMask(c.findings, findingCode, WARNING_CODES),
      (c) => c.findings.map((f) => warningTitle(f.code, lang)).join("; "),
    ),
    actions: cachedText(
      (c) => codeMask(c.actions, actionCode, ACTIONS),
      (c) => recommendationText(c.actions, lang),
    ),
    // Only custom monitoring names its months: "monthly" and "quarterly" are one text each.
    monitoring: cachedText(
      (c) => (c.monitoring === "custom" ? c.monitoringMonths : c.monitoring),
      (c) =>
        c.monitoring === "custom"
          ? message(lang, "monitoring.custom", { months: c.monitoringMonths ?? 0 })
          : message(lang, `monitoring.${c.monitoring}` as MessageKey),
    ),
  };
}
type TextCache = ReturnType<typeof textCache>;

function outputValue(field: OutputField, c: CustomerResult, lang: Lang, texts: TextCache): PlanValue {
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
      return c.errors.length ? c.errors.map((e) => describeError(e, lang)).join("; ") : null;
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

function targetPlan(result: ReviewResult, lang: Lang): WritePlan["target"] & { areas: Area[] } {
  const { layout, origin } = result;
  const end = Math.max(layout.lastRow, layout.staleOutputUntil);
  // Customers by their offset below the header row: the plan visits every row in order.
  const byRow: (CustomerResult | undefined)[] = new Array(end - layout.firstRow + 1);
  for (const c of result.customers) byRow[c.row - 1 - origin.row - layout.firstRow] = c;
  const blocks: Block[] = [];
  const areas: Area[] = [];
  const texts = textCache(lang);
  for (const run of runsOf(layout.outputColumns)) {
    const values: PlanValue[][] = [run.map((f) => outputHeader(f, lang))];
    for (const c of byRow) {
      // Filled by index rather than by run.map: no closure and no array growth per row.
      const line: PlanValue[] = new Array(run.length);
      for (let i = 0; i < run.length; i++) line[i] = c ? outputValue(run[i], c, lang, texts) : null;
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
  const dataArea = (field: OutputField): Area => ({
    row: layout.firstRow + origin.row,
    column: layout.outputColumns[field] + origin.column,
    rows: Math.max(1, end - layout.firstRow + 1),
    columns: 1,
  });
  const fills: ConditionalFill[] =
    end < layout.firstRow
      ? []
      : [
          ...GRADES.map((g) => ({
            area: dataArea("grade"),
            when: { equals: message(lang, `grade.${g}` as MessageKey) },
            color: COLORS[g],
          })),
          { area: dataArea("warnings"), when: { notBlank: true }, color: COLORS.warning },
          { area: dataArea("issues"), when: { notBlank: true }, color: COLORS.issue },
        ];
  return { sheet: result.sheet, blocks, fills, areas };
}

function summaryPlan(result: ReviewResult, name: string, lang: Lang): SheetPlan {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(lang, key, params);
  const p = result.portfolio;
  const blocks: Block[] = [];
  let row = 0;
  const add = (values: PlanValue[][], formats: CellFormat[], bold = false) => {
    blocks.push({ row, column: 0, values, formats, bold });
    row += values.length;
  };
  add([[t("summary.title")]], ["text"], true);
  const pair = (label: string, value: PlanValue, format: CellFormat) => add([[label, value]], ["text", format]);
  pair(t("summary.asOf"), result.asOf, "date");
  pair(t("summary.sheet"), result.sheet, "text");
  pair(t("summary.policyVersion"), result.policy.version, "text");
  pair(t("summary.customers"), p.reviewed, "integer");
  pair(t("summary.withErrors"), p.withErrors, "integer");
  pair(t("summary.exposure"), p.exposure, "money");
  if (p.overdueShare === undefined) pair(t("summary.overdueShare"), t("summary.notAvailable"), "text");
  else pair(t("summary.overdueShare"), p.overdueShare, "percent");
  pair(
    t("summary.portfolioWarnings"),
    p.warnings.length ? p.warnings.map((w) => warningTitle(w, lang)).join("; ") : t("summary.none"),
    "text",
  );
  row++;
  add(
    [[t("summary.grade"), t("summary.gradeCustomers"), t("summary.gradeExposure"), t("summary.gradeShare")]],
    ["text", "text", "text", "text"],
    true,
  );
  add(
    GRADES.map((g) => [
      t(`grade.${g}` as MessageKey),
      p.byGrade[g],
      p.exposureByGrade[g],
      p.exposure > 0 ? p.exposureByGrade[g] / p.exposure : 0,
    ]),
    ["text", "integer", "money", "percent"],
  );
  const gradeRows = { row: row - GRADES.length };
  row++;
  add([[t("summary.warning"), t("summary.code"), t("summary.warningCustomers")]], ["text", "text", "text"], true);
  add(
    WARNING_CODES.map((code) => [warningTitle(code, lang), code, p.warningCounts[code]]),
    ["text", "text", "integer"],
  );
  row++;
  let chart: ChartPlan;
  if (p.aging) {
    add([[t("summary.agingBucket"), t("summary.amount")]], ["text", "text"], true);
    const start = row;
    add(
      p.aging.labels.map((label, i) => [label, p.aging!.totals[i]]),
      ["text", "money"],
    );
    chart = {
      title: t("summary.agingChart"),
      seriesName: t("summary.amount"),
      categories: { row: start, column: 0, rows: p.aging.labels.length, columns: 1 },
      values: { row: start, column: 1, rows: p.aging.labels.length, columns: 1 },
      anchor: { row: 0, column: 6 },
    };
  } else {
    chart = {
      title: t("summary.exposureChart"),
      seriesName: t("summary.gradeExposure"),
      categories: { row: gradeRows.row, column: 0, rows: GRADES.length, columns: 1 },
      values: { row: gradeRows.row, column: 2, rows: GRADES.length, columns: 1 },
      anchor: { row: 0, column: 6 },
    };
  }
  row++;
  const top = topRisks(result.customers, 10);
  add(
    [
      [
        t("summary.topRisks"),
        t("summary.row"),
        outputHeader("score", lang),
        outputHeader("grade", lang),
        outputHeader("warnings", lang),
      ],
    ],
    ["text", "text", "text", "text", "text"],
    true,
  );
  if (top.length) {
    add(
      top.map((c) => [
        c.name || c.id,
        c.row,
        c.score!,
        t(`grade.${c.grade}` as MessageKey),
        c.findings.map((f) => warningTitle(f.code, lang)).join("; "),
      ]),
      ["text", "integer", "score", "text", "text"],
    );
  }
  return { name, mode: "replace", blocks, columnWidths: [34, 14, 16, 14, 40], chart };
}

const riskier = (a: CustomerResult, b: CustomerResult) =>
  b.score! - a.score! || b.findings.length - a.findings.length || a.row - b.row;

/** The `count` riskiest customers, in one pass: sorting a whole portfolio for ten names is wasted work. */
function topRisks(customers: readonly CustomerResult[], count: number): CustomerResult[] {
  const top: CustomerResult[] = [];
  for (const c of customers) {
    if (c.errors.length > 0 || c.score === undefined) continue;
    if (top.length === count && riskier(c, top[count - 1]) >= 0) continue;
    let i = top.length === count ? count - 1 : top.length;
    while (i > 0 && riskier(c, top[i - 1]) < 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = c;
  }
  return top;
}

/** The policy sheet alone: what "save policy" writes, and part of every review's plan. */
export function policySheetPlan(policy: Policy, lang: Lang, sheetNames: readonly string[]): SheetPlan {
  const policyValues = policyRows(policy, lang);
  const percentRows = new Set(policyPercentRows());
  const policyBlocks: Block[] = [
    { row: 0, column: 0, values: [policyHeader(lang)], formats: ["text", "text", "text"], bold: true },
  ];
  policyValues.forEach((line, i) => {
    policyBlocks.push({
      row: i + 1,
      column: 0,
      values: [line],
      formats: ["text", percentRows.has(i) ? "percent" : typeof line[1] === "number" ? "general" : "text", "text"],
    });
  });

  return { name: reviewSheetName("policy", sheetNames, lang), mode: "replace", blocks: policyBlocks, columnWidths: [22, 24, 70] };
}

/**
 * A fill's condition as a spreadsheet formula relative to the fill's top-left cell (without
 * the leading "="), the same for every writer: Office.js conditional formats and exceljs.
 */
export function fillCondition(fill: ConditionalFill): string {
  const topLeft = cellA1(fill.area.row, fill.area.column);
  if ("equals" in fill.when) return `EXACT(${topLeft},"${fill.when.equals.replace(/"/g, '""')}")`;
  return `LEN(TRIM(${topLeft}))>0`;
}

export interface PlanOptions {
  /** Names of the sheets the workbook has now, so our sheets are found in either language. */
  readonly sheetNames: readonly string[];
  /** The archive sheet's current values, to append below them. */
  readonly archiveValues?: readonly (readonly CellValue[])[];
}

export function buildWritePlan(result: ReviewResult, lang: Lang, options: PlanOptions): WritePlan {
  const target = targetPlan(result, lang);
  const summaryName = reviewSheetName("summary", options.sheetNames, lang);
  const archiveName = reviewSheetName("archive", options.sheetNames, lang);

  const gradeNames = Object.fromEntries(GRADES.map((g) => [g, message(lang, `grade.${g}` as MessageKey)])) as Record<
    string,
    string
  >;
  const existing = options.archiveValues ?? [];
  let lastArchiveRow = -1;
  existing.forEach((line, r) => {
    if (line.some((v) => v !== null && v !== undefined && v !== "")) lastArchiveRow = r;
  });
  const needsHeader = lastArchiveRow < 0 || !hasArchiveHeader(existing);
  const archiveLines: PlanValue[][] = result.customers
    .filter((c) => c.errors.length === 0 && c.score !== undefined)
    .map((c) => [result.asOf, result.policy.version, c.id, c.name, c.score!, gradeNames[c.grade!]]);
  const archiveBlocks: Block[] = [];
  let archiveRow = lastArchiveRow + 1;
  const archiveFormats: CellFormat[] = ["date", "text", "text", "text", "score", "text"];
  if (needsHeader) {
    archiveBlocks.push({
      row: archiveRow,
      column: 0,
      values: [archiveHeader(lang)],
      formats: archiveFormats.map(() => "text" as const),
      bold: true,
    });
    archiveRow++;
  }
  if (archiveLines.length) archiveBlocks.push({ row: archiveRow, column: 0, values: archiveLines, formats: archiveFormats });

  return {
    target: { sheet: target.sheet, blocks: target.blocks, fills: target.fills },
    outputArea: target.areas,
    sheets: [
      summaryPlan(result, summaryName, lang),
      { name: archiveName, mode: "append", blocks: archiveBlocks, columnWidths: [14, 14, 14, 30, 12, 12] },
      policySheetPlan(result.policy, lang, options.sheetNames),
    ],
  };
}
