/**
 * What the team did about the last review's recommendations: each customer on the sheet whose
 * last review recommended an action that asks the team to act (asksForAction: not keeping the
 * terms, nor a raise the limit may have), with what the sheet's Action taken column says now.
 * The review archives that column at every review, so the next one also tells a response
 * typed since from one left as the last review found it; a response typed in the archive's own
 * Action taken column, on the last review's row, counts where the sheet holds none (not the text
 * that review archived, cleared from the sheet since). Pure: it
 * reads the review's customers and the archive's rows of the last review.
 */
import { sameResponse } from "../shown-text";
import { ARCHIVE_FIELDS, actionsOf, actionTakenOf, ArchiveContents, ArchiveEntry, archiveKey, EarlierReviews } from "./archive";
import { Action, asksForAction } from "./decisions";
import { FOREIGN_RESPONSE, holdsCheck, readChecks, readOutputCheck } from "./output-check";
import { responseWidth } from "./sheet-layout";

/**
 * The widest Action taken text of the archived reviews on `dates` (the last review before this
 * one, this date's own for a re-run), one figure per review that archived any: the widths those
 * runs gave the column are worked out from them again.
 */
export function archivedResponseWidths(contents: ArchiveContents | undefined, ...dates: (number | undefined)[]): number[] {
  const widest = new Map<number, number>();
  for (const e of contents?.entries ?? []) {
    if (e.date === undefined || !dates.includes(e.date)) continue;
    const response = actionTakenOf(e);
    if (response !== undefined) widest.set(e.date, Math.max(widest.get(e.date) ?? 0, responseWidth(response)));
  }
  return [...widest.values()];
}

/** One customer the last review asked the team to act on. */
export interface ActionResponse {
  /** 1-based sheet row, as on CustomerResult. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The last review's actions that ask the team to act, in its order. */
  readonly recommended: readonly Action[];
  /**
   * What the sheet's Action taken column says now, else what the last review's archive row for
   * the customer holds there (see archiveRow); undefined when both are blank (no response recorded).
   */
  readonly response?: string;
  /**
   * The 1-based row of the archive sheet the response was read from: the customer sheet holds
   * none for the customer, and the last review's archive row does (typed there, in the column
   * that shares the customer sheet's header). Undefined when the response is the sheet's.
   */
  readonly archiveRow?: number;
  /**
   * The response is the text the last review archived for the customer: typed before that
   * review, and not changed since (it may not answer that review's recommendation).
   */
  readonly unchanged: boolean;
}

export interface Responses {
  /** The date of the last review, whose recommendations these are. */
  readonly recommendedOn: number;
  /**
   * Whether the customer sheet has an Action taken column. Without one nothing was recorded,
   * and no customer is said to have gone unanswered: the faces say, once, how to record them.
   */
  readonly column: boolean;
  /** Every customer on the sheet the last review asked the team to act on, in sheet order. */
  readonly customers: readonly ActionResponse[];
  /** How many of them have a response recorded. */
  readonly responded: number;
  /** The rows of those of them whose Action taken text is another customer's response (see responsesNotTheirs); absent when none. */
  readonly notTheirs?: readonly number[];
}

/**
 * The last review's actions for each customer that ask the team to act (empty when none, or the
 * archive does not say), worked out once per text of its codes cell: a review's rows share a few.
 */
function actionsAsked(): (entry: ArchiveEntry) => readonly Action[] {
  const byCodes = new Map<unknown, readonly Action[]>();
  const at = ARCHIVE_FIELDS.indexOf("actions");
  return (entry) => {
    const codes = entry.line[at];
    let actions = byCodes.get(codes);
    if (actions === undefined) byCodes.set(codes, (actions = actionsOf(entry).filter(asksForAction)));
    return actions;
  };
}

const ACTION_TAKEN_AT = ARCHIVE_FIELDS.indexOf("actionTaken");
const OUTPUT_CHECK_AT = ARCHIVE_FIELDS.indexOf("outputCheck");

/**
 * The 1-based sheet rows whose Action taken text is another customer's response: `leftBehind`
 * (this review found the column left where it was while the data moved), and the rows whose text
 * the last review found so and archived as such, still the same; and so for `sameDay`, the rows of
 * an earlier run of this review (on its as-of date), which wrote the sheet this run checks: the
 * move it found is not there to find again. Undefined when there is none.
 */
export function responsesNotTheirs(
  customers: readonly ResponseSubject[],
  earlier: EarlierReviews | undefined,
  leftBehind: readonly number[] | undefined,
  sameDay: readonly ArchiveEntry[] = [],
): number[] | undefined {
  const rows = new Set(leftBehind);
  const last = earlier?.last?.date;
  const rerun = new Map(sameDay.map((e) => [e.key, e]));
  if (last !== undefined || rerun.size > 0)
    for (const c of customers) {
      if (c.actionTaken === undefined) continue;
      const key = archiveKey(c.id, c.name);
      const latest = earlier?.latest.get(key);
      for (const entry of [latest?.date === last ? latest : undefined, rerun.get(key)])
        if (
          entry &&
          sameResponse(actionTakenOf(entry), c.actionTaken) &&
          readOutputCheck(entry.line[OUTPUT_CHECK_AT])?.response === FOREIGN_RESPONSE
        )
          rows.add(c.row);
    }
  return rows.size > 0 ? [...rows].sort((a, b) => a - b) : undefined;
}

/**
 * Whether an archive row's Action taken text was typed in the archive since its review: not the
 * text its review archived from the customer sheet (the row's check says which that was). A row
 * whose check does not say (an archive of an earlier version) is taken as typed there.
 */
function typedInArchive(entry: ArchiveEntry): boolean {
  const archivedAs = readOutputCheck(entry.line[OUTPUT_CHECK_AT])?.response;
  if (archivedAs === FOREIGN_RESPONSE) return false;
  return archivedAs === undefined || !holdsCheck(readChecks(entry.line[ACTION_TAKEN_AT] ?? null), archivedAs);
}

/** What the last review asked, gathered once; then each customer of the sheet in turn, and the responses. */
export interface ResponseTally {
  /** The next customer of the sheet, in sheet order, with its key (archiveKey): what changed works it out once for both. */
  add(customer: ResponseSubject, key: string): void;
  /** The customers the last review asked to act on, with their responses; undefined when it asked none of those on the sheet. */
  result(): Responses | undefined;
}

export interface ResponseSubject {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly actionTaken?: string;
}

/**
 * The customers on the sheet whose last review (the latest before this one, of this sheet)
 * recommended an action to take, each with the response recorded; undefined with no last
 * review, or when it asked no customer to act. A customer is matched as what changed matches it
 * (its id, else its name), so a renamed one keeps its recommendation; one gone from the sheet is
 * listed among the customers gone, not here. `column`: the sheet has an Action taken column.
 * `leftBehind`: the rows whose Action taken text is another customer's, left there by a move.
 */
export function responseTally(
  earlier: EarlierReviews,
  column: boolean,
  leftBehind?: ReadonlySet<number>,
): ResponseTally | undefined {
  const last = earlier.last;
  if (!last) return undefined;
  const asked = new Map<string, { readonly entry: ArchiveEntry; readonly actions: readonly Action[] }>();
  const askedOf = actionsAsked();
  for (const entry of last.entries) {
    // Most customers are asked nothing: found by their cell's text before their key is looked up.
    const actions = askedOf(entry);
    if (actions.length > 0 && !asked.has(entry.key)) asked.set(entry.key, { entry, actions });
  }
  if (asked.size === 0) return undefined;
  const listed: ActionResponse[] = [];
  const answered = new Set<string>();
  const notTheirs: number[] = [];
  let responded = 0;
  return {
    add(c, key) {
      const found = asked.get(key);
      // A customer named on several rows is asked once, by its first row, as every count counts it.
      if (!found || answered.has(key)) return;
      answered.add(key);
      const archived = actionTakenOf(found.entry);
      // Another customer's response, left beside this one when the data moved without the column
      // (see MovedRows): no response of this one's, on the sheet or in the archive.
      const foreign = leftBehind?.has(c.row) === true;
      const actionTaken = foreign ? undefined : c.actionTaken;
      // A response typed in the archive's Action taken column, on the last review's row, where the
      // customer sheet holds none: the team's answer all the same, said with where it was read.
      // The text that review archived from the customer sheet, cleared there since, is no answer.
      const fromArchive = !foreign && actionTaken === undefined && archived !== undefined && typedInArchive(found.entry);
      const response = fromArchive ? archived : actionTaken;
      if (response !== undefined) responded++;
      if (foreign && c.actionTaken !== undefined) notTheirs.push(c.row);
      listed.push({
        row: c.row,
        id: c.id,
        name: c.name,
        recommended: found.actions,
        response,
        ...(fromArchive ? { archiveRow: found.entry.row + 1 } : {}),
        unchanged: !fromArchive && response !== undefined && sameResponse(archived, response),
      });
    },
    result: () =>
      listed.length
        ? { recommendedOn: last.date, column, customers: listed, responded, ...(notTheirs.length > 0 && { notTheirs }) }
        : undefined,
  };
}
