/**
 * Reviews that came due and were missed: each customer on the sheet against its latest archived
 * review before the as-of date that graded it. That review set the next one at its date plus its grade's
 * monitoring interval; a customer whose due review's month ended before this review's as-of date
 * went unreviewed past it. Counted by months, as a credit team schedules them: reviews on month
 * ends (11-30 → due 12-30) are on time on 12-31, and a review due on the 5th and done on the 20th
 * is in its month. A customer a review asked to re-assess now is held to its grade's interval
 * too: the re-assessment is the analyst's, out of cycle, and the archive cannot see it.
 * Pure: it reads the review's customers, this sheet's archive rows and the policy history.
 */
import { CellValue, endOfMonth } from "../cells";
import { CreditError } from "../errors";
import { nextReview } from "../limit";
import { Grade, Policy } from "../policy";
import { ArchiveContents, archiveKey, ArchiveEntry, versionOf } from "./archive";
import { previousPolicy } from "./changes";

/** One customer whose review came due before the as-of date. */
export interface PastDueCustomer {
  /** 1-based sheet row, as on CustomerResult. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The grade its last review gave: the one whose interval set the review that was due. */
  readonly grade: Grade;
  /** Date of its latest archived review before the as-of date that graded it. */
  readonly lastReview: number;
  /** The review that review asked for. */
  readonly due: number;
  /** The as-of date minus the due date, in days (past the due date's month, so at least 1). */
  readonly daysLate: number;
}

export interface ReviewsPastDue {
  /** Every customer on the sheet whose review was past due. */
  readonly count: number;
  /** The first SHOWN_PAST_DUE of them, in sheet order. */
  readonly customers: readonly PastDueCustomer[];
  /**
   * The policy versions of last reviews whose intervals the policy history does not hold as
   * those reviews used them (not there, or its row edited since): this review's intervals set
   * those customers' due dates, and every face says so. Absent when there are none.
   */
  readonly intervalsAssumed?: readonly string[];
}

/** The customers a result lists by name; the count counts them all. */
export const SHOWN_PAST_DUE = 20;

/**
 * Each customer's latest archived review before `asOf` that graded it: a review that could not
 * (a data error) set no interval, and did not review the customer, so the one before it counts.
 */
function latestReviews(contents: ArchiveContents | undefined, asOf: number): Map<string, ArchiveEntry> {
  const latest = new Map<string, ArchiveEntry>();
  for (const e of contents?.entries ?? []) {
    if (e.date === undefined || e.date >= asOf || e.key === "" || e.grade === undefined) continue;
    const known = latest.get(e.key);
    if (!known || e.date >= known.date!) latest.set(e.key, e);
  }
  return latest;
}

/**
 * The customers on the sheet whose review fell due before `asOf`. The interval is the one of the
 * policy in force at their last review, read from the policy history by the version that review
 * archived; when the history does not hold that version (or its row was edited since, so its
 * settings are no longer that review's), this review's policy stands in for it, and the result
 * names the version (intervalsAssumed). The last review
 * is the last that graded the customer: one that could not (a data error) set no interval, and
 * a customer never graded is not asked.
 */
export function reviewsPastDue(
  customers: readonly { readonly row: number; readonly id: string; readonly name: string }[],
  archive: ArchiveContents | undefined,
  asOf: number,
  policy: Policy,
  history: readonly (readonly CellValue[])[] | undefined,
  repeatedKeys?: ReadonlySet<string>,
): ReviewsPastDue {
  const latest = latestReviews(archive, asOf);
  // A first review (no archive, or none before this date) has nothing to go by: no pass over the customers.
  if (latest.size === 0) return { count: 0, customers: [] };
  const policies = new Map<string, Policy>();
  const assumed = new Set<string>();
  const policyOf = (entry: ArchiveEntry): Policy => {
    const version = versionOf(entry);
    if (version === undefined || version === policy.version) return policy;
    let then = policies.get(version);
    if (then === undefined) {
      const found = history && previousPolicy(history, version);
      policies.set(version, (then = found && !found.edited ? found.policy : policy));
    }
    if (then === policy) assumed.add(version);
    return then;
  };
  // Customers last reviewed the same day, graded alike under the same policy, fall due the same
  // day: worked out once (a review's date arithmetic made a long archive's check slow).
  const dueDates = new Map<Policy, Map<string, { due: number | undefined; pastDue: boolean }>>();
  const dueOf = (date: number, grade: Grade, then: Policy) => {
    let byDay = dueDates.get(then);
    if (!byDay) dueDates.set(then, (byDay = new Map()));
    const key = `${date} ${grade}`;
    let found = byDay.get(key);
    if (!found) {
      const due = dueAfter(date, grade, then);
      byDay.set(key, (found = { due, pastDue: due !== undefined && asOf > endOfMonth(due) }));
    }
    return found;
  };
  const listed: PastDueCustomer[] = [];
  let count = 0;
  for (const c of customers) {
    const key = archiveKey(c.id, c.name);
    // A key on several rows is one customer the sheet holds twice: not counted once per row.
    if (repeatedKeys?.has(key)) continue;
    const last = latest.get(key);
    if (last?.grade === undefined) continue;
    const { due, pastDue } = dueOf(last.date!, last.grade, policyOf(last));
    if (due === undefined || !pastDue) continue;
    count++;
    if (listed.length < SHOWN_PAST_DUE)
      listed.push({ row: c.row, id: c.id, name: c.name, grade: last.grade, lastReview: last.date!, due, daysLate: asOf - due });
  }
  return { count, customers: listed, ...(assumed.size ? { intervalsAssumed: [...assumed] } : {}) };
}

/** The review a grade's interval sets after `date`, as the review writes it; undefined past the last date Excel holds. */
function dueAfter(date: number, grade: Grade, policy: Policy): number | undefined {
  try {
    return nextReview(date, grade, policy);
  } catch (error) {
    if (error instanceof CreditError) return undefined;
    throw error;
  }
}
