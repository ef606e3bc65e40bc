/**
 * The notices the pane shows after an operation: an error in the user's words, the write's
 * confirmation or what a failed write left behind, and one-line messages. A notice renders in the
 * current language, so it is kept as a function of the translator, not as text.
 */
import "../engine/i18n/ui";
import { CreditError, describeError } from "../engine/errors";
import { dateText, Lang, MessageKey, MessageParams, Translate } from "../engine/i18n";
import type { ExcelProblem, StaleCalculation, WriteOutcome } from "./excel";
import { movedCustomers } from "../engine/review/changes";
import { ReviewResult } from "../engine/review/review";
import {
  amountUnitsLines,
  twoCurrencyColumnsLines,
  customerTableMessages,
  FaceMessage,
  ledgerNoticeText,
  laterReviewsText,
  leftOutText,
  nearMissLines,
  replacesRunText,
  ownCellsLines,
  sameBalancesText,
  undatedArchiveText,
} from "../engine/review/texts";
import { formatCount } from "./i18n";
import { describeParts } from "./model";

/** A button on a notice: what to do next ("Open summary sheet", "Review "Customers""). */
export interface NoticeAction {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  /** A sentence the notice gains with the button (why it is offered). */
  readonly line?: { readonly key: MessageKey; readonly params?: MessageParams };
  run(): void;
}

export interface Notice {
  readonly intent: "success" | "error" | "warning" | "info";
  render(t: Translate, lang: Lang): { title?: string; lines: string[] };
  readonly actions?: readonly NoticeAction[];
}

/** The same notice with a button added (and its sentence, after the notice's own lines). */
export function withAction(notice: Notice, action: NoticeAction): Notice {
  const { line } = action;
  return {
    ...notice,
    render: line
      ? (t, lang) => {
          const shown = notice.render(t, lang);
          return { ...shown, lines: [...shown.lines, t(line.key, line.params)] };
        }
      : notice.render,
    actions: [...(notice.actions ?? []), action],
  };
}

/** A notice followed by the lines of another (its title and actions stay the first's). */
export function withLinesOf(notice: Notice, more: Notice): Notice {
  return {
    ...notice,
    render: (t, lang) => {
      const shown = notice.render(t, lang);
      return { ...shown, lines: [...shown.lines, ...more.render(t, lang).lines] };
    },
  };
}

/**
 * A notice as one text for a screen reader: the title ended as a sentence, then the lines with
 * a space between (the notice's own text runs its title and lines together).
 */
export function noticeSpeech(notice: Notice, t: Translate, lang: Lang): string {
  const { title, lines } = notice.render(t, lang);
  return (title ? `${title}${t("sep.title")}` : "") + lines.join(" ");
}

/** A one-line notice from a message of the catalogue. */
export function messageNotice(intent: Notice["intent"], key: MessageKey, params?: MessageParams): Notice {
  return { intent, render: (t) => ({ lines: [t(key, params)] }) };
}

/** The message of a thrown value: an Error's own, anything else as text. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function problemText(problem: ExcelProblem, t: Translate): string {
  return t(`ui.error.${problem.code}`, { sheet: problem.sheet ?? "", detail: problem.detail ?? "" });
}

export function isExcelProblem(error: unknown): error is ExcelProblem {
  return error instanceof Error && error.name === "ExcelProblem";
}

/** The user pressed Cancel and the work stopped (between two syncs). */
export function isCancellation(error: unknown): boolean {
  return isExcelProblem(error) && error.code === "cancelled";
}

export function errorNotice(error: unknown): Notice {
  // Cancel is the user's choice, not a failure; a cancelled write has its own notice (writeNotice).
  if (isCancellation(error)) return messageNotice("info", "ui.status.cancelled");
  return {
    intent: "error",
    render: (t, lang) => ({
      lines: [
        isExcelProblem(error)
          ? problemText(error, t)
          : error instanceof CreditError
            ? t("ui.error.review", { text: describeError(error, lang) })
            : t("ui.error.excel", { detail: reasonOf(error) }),
      ],
    }),
  };
}

/**
 * After a review: how many customers were graded and how many rows could not be (as the summary
 * counts them) and, when the archive has an earlier review, how many grades moved since (and how
 * many of those the policy change alone moved).
 */
export function reviewedNotice(result: ReviewResult): Notice {
  const { reviewed, withErrors } = result.portfolio;
  const changes = result.changes;
  // A header one typo from a column the review reads turns checks off: a warning, said first.
  const nearMiss = result.columns.unknown.some((u) => u.suggestion);
  return {
    intent: nearMiss ? "warning" : "info",
    render: (t, lang) => ({
      lines: [
        ...nearMissLines(result, lang),
        withErrors === 0
          ? t("ui.status.reviewed", { customers: formatCount(reviewed, lang), sheet: result.sheet })
          : t("ui.status.reviewedWithErrors", {
              customers: formatCount(reviewed, lang),
              errors: formatCount(withErrors, lang),
              sheet: result.sheet,
            }),
        ...result.ledgerNotices.map((n) => ledgerNoticeText(n, lang)),
        ...(changes?.previousReview === undefined
          ? []
          : [
              t("ui.status.gradesMoved", {
                date: dateText(changes.previousReview, lang),
                riskier: formatCount(movedCustomers(changes, "riskier").length, lang),
                safer: formatCount(movedCustomers(changes, "safer").length, lang),
              }),
              ...(changes.riskierFromPolicy + changes.saferFromPolicy > 0
                ? [
                    t("ui.status.gradesMovedByPolicy", {
                      riskier: formatCount(changes.riskierFromPolicy, lang),
                      safer: formatCount(changes.saferFromPolicy, lang),
                    }),
                  ]
                : []),
              // The grades' moves above mean little if the sheet holds last period's balances.
              ...[sameBalancesText(changes, lang)].filter((line) => line !== undefined),
            ]),
        ...(result.leftOutRows.length ? [leftOutText(result.leftOutRows, lang)] : []),
        ...(result.laterReviews ? [laterReviewsText(result.asOf, result.laterReviews, lang)] : []),
        ...(result.replacesRun ? [replacesRunText(result, lang)] : []),
        ...(result.undatedArchiveRows ? [undatedArchiveText(result.undatedArchiveRows, lang)] : []),
        ...ownCellsLines(result, lang),
        ...amountUnitsLines(result.amountUnits, lang),
        ...twoCurrencyColumnsLines(result, lang),
      ],
    }),
  };
}

/**
 * Why the figures read may be out of date: Excel was still calculating, or had changes not
 * calculated yet, under the calculation setting that left them so.
 */
export function calculationText(calculation: StaleCalculation, t: Translate): string {
  if (calculation.state === "Calculating") return t("ui.calc.calculating");
  return calculation.mode === "Automatic"
    ? t("ui.calc.pending")
    : t("ui.calc.pendingSetting", { mode: t(`ui.calc.mode.${calculation.mode}`) });
}

/**
 * A notice about figures read when Excel had not calculated everything: a warning, saying so
 * first (before what the review found from them), with the button that calculates as F9 does and
 * reviews again. Unchanged when Excel had calculated everything.
 */
export function withCalculationWarning(
  notice: Notice,
  calculation: StaleCalculation | undefined,
  recalculate: () => void,
): Notice {
  if (!calculation) return notice;
  return {
    intent: notice.intent === "error" ? "error" : "warning",
    render: (t, lang) => {
      const shown = notice.render(t, lang);
      return { ...shown, lines: [calculationText(calculation, t), ...shown.lines] };
    },
    actions: [{ key: "ui.calc.recalculate", run: recalculate }, ...(notice.actions ?? [])],
  };
}

/**
 * What Write back's question says above its changes when Excel had not calculated everything the
 * review read: the recommendations it would write may come from figures out of date, with the
 * button that calculates and reviews again. Undefined when Excel had calculated everything.
 */
export function calculationCaution(calculation: StaleCalculation | undefined, recalculate: () => void): Notice | undefined {
  if (!calculation) return undefined;
  return {
    intent: "warning",
    render: (t) => ({ lines: [t("ui.calc.question", { action: t("ui.calc.recalculate") })] }),
    actions: [{ key: "ui.calc.recalculate", run: recalculate }],
  };
}

export function writeNotice(outcome: WriteOutcome, headers: readonly string[]): Notice {
  const clash = outcome.tableNotExtended;
  const refused = outcome.tableNotGrown;
  const say = (t: Translate) => (m: FaceMessage) => t(m.key, m.params);
  // Excel refused the grow: the review's cells stand outside the user's table, and the notice says so.
  const refusedLines = (t: Translate) =>
    refused
      ? [t("ui.write.tableNotGrown", { table: refused.table, sheet: refused.sheet, reason: problemText(refused.problem, t) })]
      : [];
  if (outcome.ok) {
    const resizedPart = outcome.written.find((part) => part.table);
    const sheet = clash?.sheet ?? resizedPart?.sheet ?? "";
    return {
      intent: clash || refused ? "warning" : "success",
      render: (t) => ({
        title: t("ui.write.doneTitle"),
        // The table's lines as the command line's report has them (customerTableMessages), after the parts written.
        lines: [
          ...describeParts(
            outcome.written.filter((part) => part.role !== "table"),
            t,
            headers,
          ),
          ...customerTableMessages({ resized: resizedPart?.table, clash }, sheet).map(say(t)),
          ...refusedLines(t),
        ],
      }),
    };
  }
  const cancelled = outcome.problem?.code === "cancelled";
  return {
    intent: cancelled ? "warning" : "error",
    render: (t) => {
      const lines = [outcome.problem ? problemText(outcome.problem, t) : t("ui.error.excel", { detail: "" })];
      if (outcome.written.length + outcome.uncertain.length === 0) lines.push(t("ui.write.nothingWritten"));
      if (outcome.written.length) lines.push(t("ui.write.written"), ...describeParts(outcome.written, t, headers));
      if (outcome.uncertain.length) lines.push(t("ui.write.uncertain"), ...describeParts(outcome.uncertain, t, headers));
      // A resize of the table not done leaves the table as the user had it: nothing to list.
      const notWritten = outcome.notWritten.filter((part) => part.role !== "table");
      if (notWritten.length) lines.push(t("ui.write.notWritten"), ...describeParts(notWritten, t, headers));
      if (outcome.marked)
        lines.push(outcome.marked.ok ? t("ui.write.marked", { sheet: outcome.marked.sheet }) : t("ui.write.markFailed"));
      return { title: t(cancelled ? "ui.write.cancelledTitle" : "ui.write.failedTitle"), lines };
    },
  };
}
