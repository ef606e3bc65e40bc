/**
 * A workbook held as plain grids (the customer sheet and the archive sheet) and one review of
 * it the way a front end runs one: read, runReview, buildWritePlan, and the plan's blocks
 * applied back to the grids. For tests of the review cycle over several reviews.
 */
import type { Area } from "../../src/engine/a1";
import { Lang } from "../../src/engine/i18n";
import { DEFAULT_POLICY, Policy } from "../../src/engine/policy";
import { ReviewResult, runReview } from "../../src/engine/review/review";
import { buildWritePlan, ColumnLayout } from "../../src/engine/review/write-plan";
import { applyBlocks, copyGrid, Grid } from "./review-grid";

export interface CycleWorkbook {
  readonly customers: Grid;
  /** Undefined until the first review creates the archive sheet. */
  readonly archive?: Grid;
  /** Undefined until the first review creates the policy history sheet. */
  readonly policyHistory?: Grid;
  /** An invoice ledger (its sheet named "Invoices"), for the aging columns; none when undefined. */
  readonly ledger?: Grid;
}

export const CYCLE_SHEET = "Customers";

export function reviewWorkbook(
  workbook: CycleWorkbook,
  asOf: number,
  lang: Lang = "en",
  policy: Policy = DEFAULT_POLICY,
  sheetName = CYCLE_SHEET,
): {
  result: ReviewResult;
  workbook: CycleWorkbook;
  archivePrintArea?: Area;
  archiveColumns?: readonly ColumnLayout[];
  archiveHeader?: string;
} {
  const { archive, policyHistory } = workbook;
  const ledger = workbook.ledger && { sheetName: "Invoices", values: workbook.ledger };
  const result = runReview({ sheetName, values: workbook.customers, asOf, policy, archive, policyHistory, ledger }, lang);
  const plan = buildWritePlan(result, lang, {
    sheetNames: [sheetName],
    archiveValues: archive,
    policyHistoryValues: policyHistory,
  });
  const sheet = (kind: "archive" | "policyHistory") => plan.sheets.find((s) => s.kind === kind);
  const historyPlan = sheet("policyHistory");
  return {
    result,
    archivePrintArea: sheet("archive")!.print?.area,
    archiveColumns: sheet("archive")!.columns,
    archiveHeader: sheet("archive")!.headerFooter?.header,
    workbook: {
      ledger: workbook.ledger,
      customers: applyBlocks(workbook.customers, plan.target.blocks),
      archive: trimBlankRows(applyBlocks(archive ?? [], sheet("archive")!.blocks)),
      policyHistory: historyPlan ? trimBlankRows(applyBlocks(policyHistory ?? [], historyPlan.blocks)) : policyHistory,
    },
  };
}

/** The grid without blank rows at its end (what a writer's cleared rows leave), so grids compare by content. */
export function trimBlankRows(grid: Grid): Grid {
  const out = copyGrid(grid);
  while (out.length && out[out.length - 1].every((v) => v === null || v === undefined || v === "")) out.pop();
  return out;
}

/** A customer sheet edited by hand: the rows whose first cell (the id) is in `edits` get those cells replaced. */
export function editRows(grid: Grid, edits: Readonly<Record<string, Readonly<Record<number, unknown>>>>): Grid {
  return grid.map((line) => {
    const edit = edits[String(line[0])];
    if (!edit) return [...line];
    const next = [...line];
    for (const [column, value] of Object.entries(edit)) next[Number(column)] = value;
    return next;
  });
}
