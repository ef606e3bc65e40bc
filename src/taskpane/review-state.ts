/**
 * Where the pane's review stands, as one reducer: idle → reading → reviewed → writing → written,
 * or failed at any step. Pure (no React, no Office.js), so every transition can be tested alone.
 */
import { ReviewResult } from "../engine/review/review";
import type { ReviewRead, WriteOutcome } from "./excel";
import type { MappableHeader } from "./model";

export type ReviewPhase =
  /** Nothing read yet. */
  | "idle"
  /** Reading the sheet and reviewing it. */
  | "reading"
  /** A review is on screen. */
  | "reviewed"
  | "writing"
  /** The plan was written in full. */
  | "written"
  /** The last step failed: the read, the review (columns not recognised) or the write. */
  | "failed";

export interface ReviewState {
  readonly phase: ReviewPhase;
  /** The sheet as last read: it stays on screen while the next read runs, and after a failure. */
  readonly read?: ReviewRead;
  /** The review of the sheet; undefined when the review could not start. */
  readonly result?: ReviewResult;
  /** Headers offered for mapping when the review could not start (required columns not recognised). */
  readonly unmatchedHeaders: readonly MappableHeader[];
  /** The sheet row of the customer open in the list (undefined: none). */
  readonly selectedRow?: number;
  /**
   * The workbook was written, or may have been, since `read`: the plan was made from what the
   * workbook held before (the archive's rows among them), so Write back waits for the next read.
   */
  readonly writtenSinceRead: boolean;
}

export type ReviewAction =
  | { readonly type: "reading" }
  | { readonly type: "read"; readonly read: ReviewRead }
  /**
   * Save policy wrote the policy sheet: the read knows that sheet as written now, so the next plan
   * writes over the saved policy, not the one read before. Nothing else in the workbook changed.
   */
  | { readonly type: "policySaved"; readonly read: ReviewRead }
  | { readonly type: "reviewed"; readonly result: ReviewResult }
  | { readonly type: "notReviewed"; readonly unmatchedHeaders: readonly MappableHeader[] }
  | { readonly type: "writing" }
  | { readonly type: "wrote"; readonly outcome: WriteOutcome }
  | { readonly type: "failed" }
  /** The user cancelled the read: the review on screen (if any) stays, as it was. */
  | { readonly type: "cancelled" }
  | { readonly type: "select"; readonly row: number | undefined };

export const INITIAL_REVIEW: ReviewState = { phase: "idle", unmatchedHeaders: [], writtenSinceRead: false };

/** Whether a write left anything in the workbook, or a changed sheet makes the read stale. */
function touchedWorkbook(outcome: WriteOutcome): boolean {
  return outcome.ok || outcome.written.length + outcome.uncertain.length > 0 || outcome.problem?.code === "shapeChanged";
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case "reading":
      return { ...state, phase: "reading" };
    case "read":
      // The review of the earlier read stays on screen until this one's review replaces it.
      return { ...state, read: action.read, writtenSinceRead: false };
    case "policySaved":
      // A write since the read still makes it stale: the archive's rows it read are not the sheet's now.
      return state.read ? { ...state, read: action.read } : state;
    case "reviewed":
      return { ...state, phase: "reviewed", result: action.result, unmatchedHeaders: [], selectedRow: undefined };
    case "notReviewed":
      return { ...state, phase: "failed", result: undefined, unmatchedHeaders: action.unmatchedHeaders };
    case "writing":
      return { ...state, phase: "writing" };
    case "wrote":
      return {
        ...state,
        phase: action.outcome.ok ? "written" : "failed",
        writtenSinceRead: state.writtenSinceRead || touchedWorkbook(action.outcome),
      };
    case "failed":
      return { ...state, phase: "failed" };
    case "cancelled":
      return { ...state, phase: state.result ? "reviewed" : "idle" };
    case "select":
      return { ...state, selectedRow: action.row };
  }
}

/**
 * The policy the Policy tab shows, beside the review on screen: the one the review was made with,
 * another one (edited and not saved, or saved while the review could not run again), or none,
 * the form having an error.
 */
export type ShownPolicy = "reviewed" | "changed" | "invalid";

/**
 * Write back is open when a review of the sheet as read is on screen, made with the policy the
 * Policy tab shows, and nothing was written since.
 */
export function canWriteBack(state: ReviewState, shown: ShownPolicy = "reviewed"): boolean {
  return writeBlocker(state, false, shown) === undefined;
}

/** Why Review or Write back can't be pressed now (each has a sentence for the user). */
export type Blocker = "busy" | "noSheet" | "badDate" | "policy" | "policyChanged" | "noReview" | "written";

export function reviewBlocker(busy: boolean, sheet: string, asOfValid: boolean, policyValid: boolean): Blocker | undefined {
  if (busy) return "busy";
  if (sheet === "") return "noSheet";
  if (!asOfValid) return "badDate";
  if (!policyValid) return "policy";
  return undefined;
}

/**
 * A write writes the review's policy on the policy sheet and in its history, and grades made with
 * it: never while the Policy tab shows another one, which the user would take for the one written.
 */
export function writeBlocker(state: ReviewState, busy: boolean, shown: ShownPolicy): Blocker | undefined {
  if (busy || state.phase === "reading" || state.phase === "writing") return "busy";
  if (state.read === undefined || state.result === undefined) return "noReview";
  if (state.writtenSinceRead) return "written";
  if (shown === "invalid") return "policy";
  if (shown === "changed") return "policyChanged";
  return undefined;
}
