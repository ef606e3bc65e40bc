/**
 * The policy's response to one customer: its actions, each with the finding or rule that
 * produced it, and the limit multiplier that agrees with them. The decision table in README
 * ("Decisions") is this module written down; keep the two together.
 */
import { GRADES, Grade, Policy } from "../policy";
import { limitMultiplier, nextReview } from "../limit";
import { CUSTOMER_CHECKS, CustomerFacts, Finding, SERIOUSNESS, WARNING_CODES, WarningCode, warningSet } from "./warnings";

export const ACTIONS = [
  "PREPAYMENT",
  "RESTRICT_LIMIT",
  "GUARANTEE",
  "HOLD_ORDERS",
  "ESCALATE_COLLECTION",
  "LEGAL_ACTION",
  "REASSESS",
  "REVIEW_FINANCES",
  "RAISE_LIMIT",
  "KEEP_TERMS",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Whether an action asks the team to do something: all but keeping the terms and a raise the
 * limit may have (neither asks anything beyond the routine monitoring). Whom the team acts on,
 * and whose action the next review asks about.
 */
export function asksForAction(code: Action): boolean {
  return code !== "KEEP_TERMS" && code !== "RAISE_LIMIT";
}

/**
 * The rules that produce an action besides the warnings themselves: the grade bands, the
 * legal-action age, and why a low-risk customer's limit stays where it is.
 */
export const RULES = [
  "GRADE_HIGH",
  "GRADE_MEDIUM",
  "GRADE_LOW",
  "PAST_LEGAL_DAYS",
  "OVERDUE",
  "DATA_ISSUE",
  "UNCHECKED",
  "LOW_RISK_CLEAR",
] as const;
export type Rule = (typeof RULES)[number];

/** What an action rests on: a warning the customer has, or one of the rules above. */
export type Reason = WarningCode | Rule;

export interface Decision {
  readonly code: Action;
  readonly because: Reason;
}

/**
 * What the decisions read of one customer. A customer without a grade (its factors could not be
 * read) gets only the actions its warnings and overdue figures call for: what rests on the grade
 * (the grade's actions, a raise, keeping its terms) waits for its data fix.
 */
export interface DecisionFacts {
  readonly grade?: Grade;
  readonly findings: readonly Finding[];
  readonly overdueAmount?: number;
  readonly daysPastDue?: number;
  /** Data to fix on the customer's row (notes that only say a figure has no value do not count). */
  readonly hasNotes: boolean;
  /**
   * The customer's balance is not known or cannot be weighed against its limit (the two in two
   * currencies), or nothing shows what of it is overdue (no column for it and no ledger): "no
   * warning" would then only mean "not checked", so no raise.
   */
  readonly unchecked: boolean;
  /** Its credit limit is 0: no credit is extended, so there is none to restrict or raise (prepayment is the whole of its terms). */
  readonly noCredit?: boolean;
}

/** An amount is overdue now, or days past due are known while the amount is not. */
export function isOverdue(overdueAmount: number | undefined, daysPastDue: number | undefined): boolean {
  return (overdueAmount ?? 0) > 0 || (overdueAmount === undefined && (daysPastDue ?? 0) > 0);
}

/** Legal action needs an amount actually overdue (or unknown with days given) and older than legalActionDays. */
export function isPastLegalAction(overdueAmount: number | undefined, daysPastDue: number | undefined, policy: Policy): boolean {
  return daysPastDue !== undefined && daysPastDue > policy.legalActionDays && (overdueAmount === undefined || overdueAmount > 0);
}

/**
 * Whether the customer is clear for the low-risk limit (×limitLowNoWarning): low risk, no
 * warning (over the limit is one), nothing overdue, no data to fix (a note that only says a
 * figure has no value, as a debt-free company's Z-score, is not data to fix), and a balance and
 * an overdue figure to check; CREDIT.LIMIT's help asks for hasWarnings by the same rule. Anything
 * else keeps the limit at its grade's multiplier, so no recommended limit rises past what the
 * actions say.
 */
export function isClearForRaise(f: DecisionFacts): boolean {
  return (
    f.grade === "low" && f.findings.length === 0 && !isOverdue(f.overdueAmount, f.daysPastDue) && !f.hasNotes && !f.unchecked
  );
}

/**
 * Why a customer with no other action keeps its terms rather than getting a raise. Every warning a
 * customer carries calls for an action of its own (a high-risk customer's financial warnings: its
 * grade's), so none is a reason here.
 */
function keepTermsReason(f: DecisionFacts): Reason {
  if (isOverdue(f.overdueAmount, f.daysPastDue)) return "OVERDUE";
  if (f.hasNotes) return "DATA_ISSUE";
  if (f.unchecked && f.grade === "low") return "UNCHECKED";
  return f.grade === "high" ? "GRADE_HIGH" : f.grade === "medium" ? "GRADE_MEDIUM" : "GRADE_LOW";
}

/** The policy's responses for one customer, in the order a credit manager acts on them. */
export function decide(f: DecisionFacts, policy: Policy): Decision[] {
  const set = warningSet(f.findings);
  const has = (code: WarningCode) => (set & (1 << WARNING_CODES.indexOf(code))) !== 0;
  const decisions: Decision[] = [];
  // The limit is restricted exactly when the recommended limit is below the current one: a
  // policy keeping high-risk limits (×1) says no "restrict", one trimming medium ones (×0.8) says
  // it, and a limit of 0 is below nothing.
  const gradeRule = f.grade === "high" ? "GRADE_HIGH" : f.grade === "medium" ? "GRADE_MEDIUM" : "GRADE_LOW";
  const restrict = f.grade !== undefined && !f.noCredit && limitMultiplier(f.grade, !isClearForRaise(f), policy) < 1;
  if (f.grade === "high") decisions.push({ code: "PREPAYMENT", because: "GRADE_HIGH" });
  if (restrict) decisions.push({ code: "RESTRICT_LIMIT", because: gradeRule });
  if (f.grade === "high") decisions.push({ code: "GUARANTEE", because: "GRADE_HIGH" });
  if (has("OVER_LIMIT")) decisions.push({ code: "HOLD_ORDERS", because: "OVER_LIMIT" });
  if (has("OVERDUE_90")) decisions.push({ code: "ESCALATE_COLLECTION", because: "OVERDUE_90" });
  if (isPastLegalAction(f.overdueAmount, f.daysPastDue, policy))
    decisions.push({ code: "LEGAL_ACTION", because: "PAST_LEGAL_DAYS" });
  const reassess = REASSESS_BECAUSE.find(has);
  if (reassess) decisions.push({ code: "REASSESS", because: reassess });
  // High risk's terms (prepayment, a restricted limit, a guarantee) already answer a weak balance sheet.
  const finances = f.grade === "high" ? undefined : FINANCIAL_WARNINGS.find(has);
  if (finances) decisions.push({ code: "REVIEW_FINANCES", because: finances });
  if (decisions.length === 0 && f.grade !== undefined) {
    decisions.push(
      // A raise of a limit of 0 is 0: its terms are kept.
      isClearForRaise(f) && !f.noCredit && policy.limitLowNoWarning > policy.limitLow
        ? { code: "RAISE_LIMIT", because: "LOW_RISK_CLEAR" }
        : { code: "KEEP_TERMS", because: keepTermsReason(f) },
    );
  }
  return decisions;
}

/** The warnings that ask to re-assess the customer now, the first found named as the reason. */
const REASSESS_BECAUSE: readonly WarningCode[] = ["SCORE_RISE", "NEGATIVE_NEWS"];

/**
 * The warnings read from the customer's financial statements: a weak balance sheet is a credit
 * risk the grade's factors may not show yet (a medium-risk customer in the Z-score's distress
 * zone), so each asks the team to review the customer's financial statements, the most serious
 * found (SERIOUSNESS, as the top risks name it) as the reason, rather than leaving the terms as
 * they are. A high-risk customer's terms are already the policy's answer to them.
 */
const FINANCIAL_WARNINGS: readonly WarningCode[] = (["Z_DISTRESS", "LIQUIDITY", "LEVERAGE", "COVERAGE"] as WarningCode[]).sort(
  (a, b) => SERIOUSNESS[a] - SERIOUSNESS[b],
);

/**
 * The next review of a customer known by its figures alone (CREDIT.NEXTREVIEW): the as-of date
 * itself when a warning asks to re-assess it now, as the review decides, else the grade's interval.
 */
export function nextReviewOfFacts(facts: CustomerFacts & { readonly grade: Grade }, policy: Policy, asOf: number): number {
  for (const check of CUSTOMER_CHECKS)
    if (REASSESS_BECAUSE.includes(check.code) && check.evaluate(facts, policy, asOf)) return asOf;
  return nextReview(asOf, facts.grade, policy);
}

/** Whether the decisions bring the next review forward to the as-of date ("re-assess now"). */
export function reviewsNow(decisions: readonly Decision[]): boolean {
  // A plain loop: it runs once per customer, and a callback per call showed in the profile.
  for (let i = 0; i < decisions.length; i++) if (decisions[i].code === "REASSESS") return true;
  return false;
}

/**
 * decide over a whole review, with one frozen list per case: customers alike in everything
 * decide reads (grade, which warnings fired, overdue, past the legal-action age, notes) share
 * their list, so a portfolio holds a handful of lists rather than one per customer, and the
 * write plan formats each list's text once.
 */
export function sharedDecisions(policy: Policy): (f: DecisionFacts) => readonly Decision[] {
  const lists = new Map<number, readonly Decision[]>();
  return (f) => {
    // One number per case: a text key built for every customer made the review about an eighth slower.
    // A customer without a grade has a place of its own after the grades.
    let key = warningSet(f.findings) * (GRADES.length + 1) + (f.grade === undefined ? GRADES.length : GRADES.indexOf(f.grade));
    key = key * 2 + (isPastLegalAction(f.overdueAmount, f.daysPastDue, policy) ? 1 : 0);
    key = key * 2 + (isOverdue(f.overdueAmount, f.daysPastDue) ? 1 : 0);
    key = key * 2 + (f.hasNotes ? 1 : 0);
    key = key * 2 + (f.unchecked ? 1 : 0);
    key = key * 2 + (f.noCredit ? 1 : 0);
    let decisions = lists.get(key);
    if (decisions === undefined) lists.set(key, (decisions = Object.freeze(decide(f, policy).map((d) => Object.freeze(d)))));
    return decisions;
  };
}
