/**
 * The reviewed customers as the pane lists them: filtered, in the chosen order, each with one
 * line of what stands out, its actions one per line and its data errors with the cell to go to.
 * Pure (no React, no Office.js). The texts come from the engine's catalogues and texts module.
 */
import "../engine/i18n/ui";
import { Area, parseAddress } from "../engine/a1";
import { CreditError, describeError, placeCell } from "../engine/errors";
import { Lang, message, Translate } from "../engine/i18n";
import { DEFAULT_POLICY, Grade, Policy } from "../engine/policy";
import { Action } from "../engine/review/decisions";
import { moreAtRisk, riskRank, riskReason } from "../engine/review/portfolio";
import { CustomerResult } from "../engine/review/review";
import { findingTitle, problemText, reasonDetail } from "../engine/review/texts";
import { AmountMarks, NO_MARKS } from "../engine/review/total-currencies";
import "../engine/i18n/report";

export type GradeFilter = "all" | Grade | "errors";

function searchKey(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function filterCustomers(customers: readonly CustomerResult[], grade: GradeFilter, search: string): CustomerResult[] {
  const needle = searchKey(search.trim());
  return customers.filter((c) => {
    if (grade === "errors" ? !hasDataProblem(c) : grade !== "all" && (hasDataError(c) || c.grade !== grade)) return false;
    return needle === "" || searchKey(c.name).includes(needle) || searchKey(c.id).includes(needle);
  });
}

/** A row the review could not grade: its data errors say why. */
export function hasDataError(c: CustomerResult): boolean {
  return c.errors.length > 0 || c.grade === undefined;
}

/** A row with data to fix: an error, or a note on a figure or check it could not work out (it keeps its grade). */
export function hasDataProblem(c: CustomerResult): boolean {
  return hasDataError(c) || c.notes.some((n) => n.toFix);
}

/** A customer's grade as the list and the details show it: "Data error" when its row could not be graded. */
export function gradeLabel(c: CustomerResult, t: Translate): string {
  return hasDataError(c) ? t("grade.dataError") : t(`grade.${c.grade!}`);
}

export type CustomerOrder = "attention" | "row" | "name" | "score";
export const CUSTOMER_ORDERS: readonly CustomerOrder[] = ["attention", "score", "name", "row"];

/**
 * "Needs attention first": the customers at risk (a warning, an amount overdue now, or High
 * risk: what the summary counts as exposure at risk, a row that could not be graded by its
 * warnings and actions), then
 * the other rows that could not be graded (their risk is unknown), then the rest.
 */
export function attentionGroup(c: CustomerResult): number {
  if (riskReason(c) !== undefined) return 0;
  return hasDataError(c) ? 1 : 2;
}

const byRisk = (a: CustomerResult, b: CustomerResult) =>
  (b.score ?? -Infinity) - (a.score ?? -Infinity) || b.findings.length - a.findings.length || a.row - b.row;

/**
 * The customers in an order. `balances`: the larger balance at risk comes first (the portfolio's
 * balances are in one currency: see byBalance).
 */
export function sortCustomers(
  customers: readonly CustomerResult[],
  order: CustomerOrder,
  lang: Lang,
  balances: boolean,
): CustomerResult[] {
  const list = [...customers];
  switch (order) {
    case "attention": {
      // At risk, those needing action first, then the larger balance: the summary's top risks lead the list, in their order.
      const groups = new Map(list.map((c) => [c, attentionGroup(c)]));
      const ranks = new Map(list.map((c) => [c, riskRank(c)]));
      return list.sort(
        (a, b) =>
          groups.get(a)! - groups.get(b)! ||
          (groups.get(a) === 0 ? moreAtRisk(ranks.get(a)!, ranks.get(b)!, balances) : byRisk(a, b)),
      );
    }
    case "score":
      return list.sort(byRisk);
    case "name": {
      const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en");
      return list.sort((a, b) => collator.compare(a.name || a.id, b.name || b.id) || a.row - b.row);
    }
    case "row":
      return list.sort((a, b) => a.row - b.row);
  }
}

/**
 * The line under a customer's name: its first warning and how many more (a row with a data error
 * has those that need no grade, its badge says "Data error"); else its first data error; else the
 * data it could not use (it keeps its grade); else why it is at risk without a warning (an amount
 * overdue now, High risk); else none.
 */
export function standOutLine(
  c: CustomerResult,
  lang: Lang,
  t: Translate,
  policy: Policy = DEFAULT_POLICY,
  marks: AmountMarks = NO_MARKS,
): string {
  if (c.findings.length > 0) {
    const first = findingTitle(c.findings[0], lang);
    return c.findings.length === 1 ? first : t("ui.list.more", { text: first, count: c.findings.length - 1 });
  }
  if (c.errors.length > 0) {
    const text = describeError(c.errors[0], lang);
    return c.errors.length === 1 ? t("ui.list.error", { text }) : t("ui.list.errors", { count: c.errors.length, text });
  }
  const toFix = c.notes.find((n) => n.toFix);
  if (toFix) return t("ui.list.dataToFix", { text: problemText(toFix, lang, policy) });
  const reason = riskReason(c);
  return reason === undefined ? t("ui.list.noWarnings") : reasonDetail(reason, c, lang, policy, marks);
}

/**
 * Actions of a customer's recommendation that one rule or finding produced, each on its own line,
 * with `reason` that rule or finding, with the customer's figures against the review's policy,
 * said once under them: a high-risk customer's three grade actions share one reason.
 */
export interface ActionGroup {
  readonly actions: readonly { readonly code: Action; readonly text: string }[];
  readonly reason: string;
}

/**
 * The customer's actions in the review's order, those in a row with the same reason grouped under
 * it; its amounts with their currency as `marks` says.
 */
export function actionGroups(c: CustomerResult, lang: Lang, policy: Policy, marks: AmountMarks = NO_MARKS): ActionGroup[] {
  const groups: { actions: { code: Action; text: string }[]; reason: string }[] = [];
  for (const d of c.actions) {
    const reason = reasonDetail(d.because, c, lang, policy, marks);
    const action = { code: d.code, text: message(lang, `action.${d.code}`) };
    const last = groups[groups.length - 1];
    if (last && last.reason === reason) last.actions.push(action);
    else groups.push({ actions: [action], reason });
  }
  return groups;
}

/** A data error, and the cell it is about when the error names one. */
export interface ErrorLine {
  readonly text: string;
  readonly cell?: {
    readonly sheet: string;
    readonly area: Area;
    /** "E24", as the Go-to button names it. */
    readonly address: string;
    /** True when the cell is on another sheet than the customer's (an invoice ledger). */
    readonly elsewhere: boolean;
  };
}

function cellOf(error: CreditError, sheet: string): ErrorLine["cell"] {
  const cell = placeCell(error.place);
  if (cell === undefined) return undefined;
  const { address } = cell;
  const at = parseAddress(address);
  return {
    sheet: error.place.sheet ?? sheet,
    area: { row: at.row, column: at.column, rows: 1, columns: 1 },
    address,
    elsewhere: error.place.sheet !== undefined,
  };
}

/** The customer's errors, then its notes (what was not computed, and why), each with its cell. */
export function errorLines(
  c: CustomerResult,
  sheet: string,
  lang: Lang,
  policy: Pick<Policy, "overdueDays"> = DEFAULT_POLICY,
): ErrorLine[] {
  return [
    ...c.errors.map((e) => ({ text: describeError(e, lang), cell: cellOf(e, sheet) })),
    ...c.notes.map((n) => ({ text: problemText(n, lang, policy), cell: cellOf(n.reason, sheet) })),
  ];
}
