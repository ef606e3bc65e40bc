/**
 * Writing the review into the workbook, as the pane offers it: first what the write will change
 * (for the user to confirm once), then the write itself with its progress and outcome. The policy
 * form saved on its own to the policy sheet is asked the same way.
 */
import "../engine/i18n/ui";
import { CellValue } from "../engine/cells";
import { Dispatch, useCallback, useState } from "react";
import { Lang, Translate } from "../engine/i18n";
import { Policy } from "../engine/policy";
import { ReviewResult } from "../engine/review/review";
import { OwnSheets } from "../engine/review/sheets";
import { buildWritePlan, WritePlan } from "../engine/review/write-plan";
import { ownCellsLines } from "../engine/review/texts";
import * as excel from "./excel";
import type { PlanToWrite, ReviewRead } from "./excel";
import {
  customerTableLines,
  describeParts,
  outputHeaders,
  planOptionsOf,
  policyOnlyPlan,
  readWithPolicySheet,
  targetCheck,
  valuesAfter,
} from "./model";
import {
  calculationCaution,
  errorNotice,
  messageNotice,
  Notice,
  reviewedNotice,
  withAction,
  withCalculationWarning,
  withLinesOf,
  writeNotice,
} from "./notices";
import { ReviewAction, ReviewState } from "./review-state";
import { Operation } from "./use-operation";
import type { WrittenPolicy } from "./use-policy-form";

export interface PendingWrite {
  readonly plan: WritePlan;
  readonly changes: readonly string[];
  /** Said above the changes, not among them: the recommendations may come from figures out of date. */
  readonly caution?: Notice;
}

/** The policy sheet alone, waiting to be confirmed. */
export interface PendingPolicy {
  readonly plan: PlanToWrite;
  readonly changes: readonly string[];
  /** What the sheet will hold once written. */
  readonly written: WrittenPolicy;
}

export interface WriteBackDeps {
  readonly lang: Lang;
  readonly t: Translate;
  readonly review: ReviewState;
  readonly dispatch: Dispatch<ReviewAction>;
  readonly operation: Operation;
  /** Our own sheets in the workbook as last read: Save policy writes the policy sheet under its name there. */
  readonly ownSheets: OwnSheets;
  /** Reads the sheet list (and the policy sheet) again after the workbook changed. */
  readonly reload: () => Promise<unknown>;
  /** The policy sheet holds this policy now: Save policy or Write back wrote it. */
  readonly onPolicyWritten: (written: WrittenPolicy) => void;
  /**
   * Runs the review on screen again on the values already read, with the policy Save policy
   * wrote: its result, or undefined when it could not run.
   */
  readonly reviewAgain: (read: ReviewRead, policy: Policy) => ReviewResult | undefined;
  /** Calculate and review again: Excel's F9, then the review of `read`'s sheet as Review runs it. */
  readonly calculateAndReview: (read: ReviewRead) => void;
}

export function useWriteBack(deps: WriteBackDeps) {
  const { lang, t, review, dispatch, operation, ownSheets, reload, onPolicyWritten, reviewAgain, calculateAndReview } = deps;
  const [pending, setPending] = useState<PendingWrite>();
  const [pendingPolicy, setPendingPolicy] = useState<PendingPolicy>();
  const dismissPolicy = useCallback(() => setPendingPolicy(undefined), []);
  const { read, result } = review;
  const { run, showNotice, showProgress } = operation;
  /** A notice about a review of `source`, warned when Excel had not calculated what it read. */
  const warnOfCalculation = (notice: Notice, source: ReviewRead) =>
    withCalculationWarning(notice, source.calculation, () => calculateAndReview(source));

  /** First step: what the write will change, for the user to confirm. */
  const ask = () => {
    if (!read || !result) return;
    const plan = buildWritePlan(result, lang, planOptionsOf(read));
    try {
      const parts = describeParts(excel.planParts(plan, lang), t, outputHeaders(plan));
      // The user's own table resized (or not, for a clash of names) is said before the answer too, not only after.
      const table = customerTableLines(read, plan, t);
      // Cells of the review's own typed over by hand are the one thing of the user's a write replaces: said before the answer,
      // and so are rows whose data moved under those cells and columns emptied whole, which change for that reason and not for typing.
      const ownCells = ownCellsLines(result, lang);
      // Recommendations made from formulas Excel had not calculated: said before they are written, not only after the review.
      const caution = calculationCaution(read.calculation, () => calculateAndReview(read));
      setPending({ plan, changes: [...parts, ...table, ...ownCells], ...(caution && { caution }) });
    } catch (error) {
      showNotice(errorNotice(error));
    }
  };

  const write = (plan: WritePlan) => {
    if (!read || !result) return;
    setPending(undefined);
    return run(
      { key: "ui.status.writingStart" },
      async (signal) => {
        dispatch({ type: "writing" });
        const outcome = await excel.writePlan(plan, lang, targetCheck(read, result), {
          signal,
          onProgress: (done, total) =>
            showProgress({ key: "ui.status.writing", params: { part: Math.min(done + 1, total), total }, value: done / total }),
        });
        const summary = plan.sheets.find((s) => s.kind === "summary")?.name;
        const shown = writeNotice(outcome, outputHeaders(plan));
        showNotice(
          outcome.ok && summary
            ? withAction(shown, {
                key: "ui.write.openSummary",
                run: () => excel.activateSheet(summary).catch((error: unknown) => showNotice(errorNotice(error))),
              })
            : shown,
        );
        dispatch({ type: "wrote", outcome });
        const policySheet = plan.sheets.find((s) => s.kind === "policy");
        if (outcome.ok && policySheet)
          onPolicyWritten({
            sheet: policySheet.name,
            policy: result.policy,
            values: valuesAfter(policySheet, read.policy?.values),
          });
        await reload().catch(() => undefined);
      },
      { cancellable: true, onError: () => dispatch({ type: "failed" }) },
    );
  };

  /** First step of Save policy: what it will change, for the user to confirm. */
  const askPolicy = (policy: Policy | undefined, existing?: readonly (readonly CellValue[])[]) => {
    if (!policy) return;
    const { sheets, sheet } = policyOnlyPlan(policy, lang, ownSheets, existing);
    const plan = { sheets };
    setPendingPolicy({
      plan,
      changes: describeParts(excel.planParts(plan, lang), t),
      written: { sheet: sheet.name, policy, values: valuesAfter(sheet, existing) },
    });
  };

  const savePolicy = ({ plan, written }: PendingPolicy) => {
    setPendingPolicy(undefined);
    // A write asked about before is of the review made with the policy before this one.
    setPending(undefined);
    return run({ key: "ui.status.savingPolicy" }, async () => {
      const outcome = await excel.writePlan(plan, lang, undefined);
      if (outcome.ok) {
        onPolicyWritten(written);
        // The saved policy is the one in force: the review on screen is made with it again, and
        // its write plan writes over the sheet as saved, so Write back keeps the saved policy.
        let again: { read: ReviewRead; result: ReviewResult } | undefined;
        if (read) {
          const known = readWithPolicySheet(read, written.sheet, written.values);
          dispatch({ type: "policySaved", read: known });
          const reviewed = reviewAgain(known, written.policy);
          if (reviewed) again = { read: known, result: reviewed };
        }
        const saved = messageNotice("success", "ui.policy.saved", { sheet: written.sheet });
        // Reviewed again on the values read: figures Excel had not calculated are still the ones it used.
        showNotice(again ? warnOfCalculation(withLinesOf(saved, reviewedNotice(again.result)), again.read) : saved);
        // Later reviews read it back from the sheet.
        await reload().catch(() => undefined);
      } else {
        showNotice(writeNotice(outcome, []));
      }
    });
  };

  return {
    pending,
    ask,
    write,
    dismiss: () => setPending(undefined),
    pendingPolicy,
    askPolicy,
    savePolicy,
    dismissPolicy,
  };
}
