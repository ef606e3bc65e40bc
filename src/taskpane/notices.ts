/**
 * The notices the pane shows after an operation: an error in the user's words, the write's
 * confirmation or what a failed write left behind, and one-line messages. A notice renders in the
 * current language, so it is kept as a function of the translator, not as text.
 */
import { CreditError, describeError } from "../engine/errors";
import { Lang, MessageKey, MessageParams, Translate } from "../engine/i18n";
import type { ExcelProblem, WriteOutcome } from "./excel";
import { describeParts } from "./model";

export interface Notice {
  readonly intent: "success" | "error" | "warning" | "info";
  render(t: Translate, lang: Lang): { title?: string; lines: string[] };
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
  return t(`ui.error.${problem.code}` as MessageKey, { sheet: problem.sheet ?? "", detail: problem.detail ?? "" });
}

export function isExcelProblem(error: unknown): error is ExcelProblem {
  return error instanceof Error && error.name === "ExcelProblem";
}

export function errorNotice(error: unknown): Notice {
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

export function writeNotice(outcome: WriteOutcome, headers: readonly string[]): Notice {
  if (outcome.ok) {
    return {
      intent: "success",
      render: (t) => ({ title: t("ui.write.doneTitle"), lines: describeParts(outcome.written, t, headers) }),
    };
  }
  return {
    intent: "error",
    render: (t) => {
      const lines = [outcome.problem ? problemText(outcome.problem, t) : t("ui.error.excel", { detail: "" })];
      if (outcome.written.length + outcome.uncertain.length === 0) lines.push(t("ui.write.nothingWritten"));
      if (outcome.written.length) lines.push(t("ui.write.written"), ...describeParts(outcome.written, t, headers));
      if (outcome.uncertain.length) lines.push(t("ui.write.uncertain"), ...describeParts(outcome.uncertain, t, headers));
      if (outcome.notWritten.length) lines.push(t("ui.write.notWritten"), ...describeParts(outcome.notWritten, t, headers));
      if (outcome.marked)
        lines.push(outcome.marked.ok ? t("ui.write.marked", { sheet: outcome.marked.sheet }) : t("ui.write.markFailed"));
      return { title: t("ui.write.failedTitle"), lines };
    },
  };
}
