/**
 * The Credit Review task pane: choose a sheet and an as-of date, see which columns were
 * recognised, edit the policy, run the review, look through the customers and write the
 * results back. The engine decides every rule, header and layout; ../excel talks to Excel.
 */
import "../../engine/i18n/ui";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { isoFromSerial, readDate, todaySerial } from "../../engine/cells";
import { CreditError } from "../../engine/errors";
import { dateText, Lang, translator } from "../../engine/i18n";
import { Policy } from "../../engine/policy";
import { earlierReviewLang } from "../../engine/review/columns";
import { InputField } from "../../engine/review/fields";
import { CustomerResult, ReviewResult, runReview } from "../../engine/review/review";
import { asOfAheadText, asOfFarText } from "../../engine/review/texts";
import { ErrorLine } from "../customers";
import * as excel from "../excel";
import type { ReviewRead } from "../excel";
import { formatCount, LangContext } from "../i18n";
import { unavailableBecause } from "../blockers";
import { customerRowArea, formVersion, headersWhenMissing, mappableHeaders, reviewInputOf } from "../model";
import {
  errorNotice,
  isCancellation,
  isExcelProblem,
  messageNotice,
  type Notice,
  reasonOf,
  reviewedNotice,
  withAction,
  withCalculationWarning,
  withLinesOf,
} from "../notices";
import { Blocker, INITIAL_REVIEW, reviewBlocker, reviewReducer, ShownPolicy, writeBlocker } from "../review-state";
import { suggestedSheet } from "../sheets";
import { useOperation } from "../use-operation";
import { usePolicyForm } from "../use-policy-form";
import { useSheets } from "../use-sheets";
import { useWriteBack } from "../use-write-back";
import { ActionBar } from "./ActionBar";
import { LanguageSwitch } from "./LanguageSwitch";
import { NoticeBar } from "./NoticeBar";
import { PaneTabs, TabId } from "./PaneTabs";
import { SetupSection } from "./SetupSection";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "100%",
    minHeight: "100vh",
  },
});

/** Lets React paint the progress bar before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface AppProps {
  readonly initialLang: Lang;
}

export default function App({ initialLang }: AppProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);

  const sheets = useSheets();
  const { allSheets, setAllSheets, ownSheets, setOwnSheets, kinds, choices, sheet, setSheet } = sheets;
  const loadState = sheets.load;
  const [asOfText, setAsOfText] = useState(() => isoFromSerial(todaySerial()));
  const [mapping, setMapping] = useState<Record<string, InputField>>({});
  const policyForm = usePolicyForm(lang, t);
  const [tab, setTab] = useState<TabId>("columns");
  const [setupFolded, setSetupFolded] = useState(false);
  const [focusPolicyField, setFocusPolicyField] = useState<keyof Policy>();
  const [review, dispatch] = useReducer(reviewReducer, INITIAL_REVIEW);
  const { read, result } = review;
  const operation = useOperation(t);
  const { busy, cancel, notice, outcomes, showNotice, showProgress, isMounted, requestCancel, run } = operation;
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  // When an operation the user started ends, its outcome takes the focus (and comes into view).
  useEffect(() => {
    if (outcomes === 0) return;
    noticeRef.current?.focus();
    noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [outcomes]);

  const policyCheck = policyForm.check;
  const asOfRead = useMemo(() => {
    const reading = readDate(asOfText);
    return reading.kind === "date" ? reading.serial : undefined;
  }, [asOfText]);
  // A date a century off is no review's date (a year typed wrong): nothing is reviewed as of it.
  const asOfRefusal = asOfRead === undefined ? undefined : asOfFarText(asOfRead, todaySerial(), lang);
  const asOf = asOfRefusal === undefined ? asOfRead : undefined;

  const adoptPolicySheet = policyForm.adoptSheet;
  useEffect(() => {
    setMapping(excel.loadMapping());
    void run(
      { key: "ui.status.starting" },
      async () => {
        const state = await loadState();
        if (isMounted() && state.policy) adoptPolicySheet(state.policy);
      },
      { focusOutcome: false },
    );
  }, [loadState, adoptPolicySheet, run, isMounted]);

  const goToPolicyField = useCallback((field: keyof Policy) => {
    setTab("policy");
    setFocusPolicyField(field);
  }, []);

  /** The language the review on screen ran in: its labels (the aging's, a column's problem) are in it. */
  const reviewedIn = useRef(lang);

  /**
   * The latest startReview: a notice's button reviews with the form, the date and the mapping as
   * they are when it is pressed, not as they were when the notice was shown.
   */
  const startReviewRef = useRef<(target: string, options?: { calculateFirst?: boolean }) => unknown>(() => undefined);

  /** Calculate and review again: Excel's F9, then the review of the sheet `source` was read from. */
  const calculateAndReview = useCallback(
    (source: ReviewRead) => {
      setSheet(source.target.name);
      void startReviewRef.current(source.target.name, { calculateFirst: true });
    },
    [setSheet],
  );

  /**
   * A notice about a review of `source`: when Excel had not calculated everything it read, a
   * warning first, with the button that calculates and reviews the same sheet again.
   */
  const warnOfCalculation = useCallback(
    (notice: Notice, source: ReviewRead) => withCalculationWarning(notice, source.calculation, () => calculateAndReview(source)),
    [calculateAndReview],
  );
  const reviewNotice = useCallback(
    (source: ReviewRead, next: ReviewResult) => warnOfCalculation(reviewedNotice(next), source),
    [warnOfCalculation],
  );

  /** Runs the engine on values already read: no Excel call, so a mapping change re-runs at once. */
  const reviewRead = useCallback(
    (source: ReviewRead, policy: Policy, map: Readonly<Record<string, InputField>>, serial: number) => {
      reviewedIn.current = lang;
      try {
        const next = runReview(reviewInputOf(source, policy, serial, map), lang);
        dispatch({ type: "reviewed", result: next });
        return next;
      } catch (error) {
        if (!(error instanceof CreditError)) throw error;
        dispatch({ type: "notReviewed", unmatchedHeaders: headersWhenMissing(source.target.values, source.target.origin, map) });
        return error;
      }
    },
    [lang],
  );

  // A language switch before Write back runs the review again on the values read (no Excel call),
  // with the policy it was made with: what is shown and what is written are in one language.
  // The notice is replaced by this review's; switched from its own button, it takes the focus the button had.
  const phase = review.phase;
  const switchedFromNotice = useRef(false);
  useEffect(() => {
    if (reviewedIn.current === lang || phase !== "reviewed" || !read || !result || asOf === undefined) return;
    const again = reviewRead(read, result.policy, mapping, asOf);
    if (!(again instanceof CreditError)) showNotice(reviewNotice(read, again), { focus: switchedFromNotice.current });
    switchedFromNotice.current = false;
  }, [lang, phase, read, result, asOf, mapping, reviewRead, reviewNotice, showNotice]);

  const writeBack = useWriteBack({
    lang,
    t,
    review,
    dispatch,
    operation,
    ownSheets,
    reload: () => loadState(sheet),
    onPolicyWritten: policyForm.saved,
    // As a mapping change does: the values already read, no new read.
    reviewAgain: (source, policy) => {
      if (asOf === undefined) return undefined;
      const again = reviewRead(source, policy, mapping, asOf);
      return again instanceof CreditError ? undefined : again;
    },
    calculateAndReview,
  });

  // A question about saving the policy is asked on its tab only: leaving the tab answers No.
  const { dismissPolicy } = writeBack;
  useEffect(() => {
    if (tab !== "policy") dismissPolicy();
  }, [tab, dismissPolicy]);

  /** Reads `target` and reviews it; `map` is the column mapping when it has just changed (the state is not yet). */
  const startReview = (
    target: string,
    { calculateFirst = false, map = mapping }: { calculateFirst?: boolean; map?: Readonly<Record<string, InputField>> } = {},
  ) => {
    if (asOf === undefined || !policyCheck.policy) return;
    let reviewPolicy = policyCheck.policy;
    writeBack.dismiss();
    const reading = { key: "ui.status.reading", params: { sheet: target } } as const;
    // Once Excel's F9 is sent, a cancel no longer leaves the workbook as it was: its formulas are calculated.
    let calculated = false;
    return run(
      calculateFirst ? { key: "ui.status.calculating" } : reading,
      async (signal) => {
        dispatch({ type: "reading" });
        // Excel's F9 in an Excel.run of its own (one sync), then the read the Review button sends.
        if (calculateFirst) {
          await excel.recalculate(signal);
          calculated = true;
          showProgress(reading);
        }
        const source = await excel.readForReview(target, allSheets, {
          signal,
          mapping: map,
          onPageRead: (p) =>
            showProgress({
              key: "ui.status.readRows",
              params: { done: formatCount(p.rowsRead, lang), total: formatCount(p.rows, lang), sheet: p.sheet },
              value: p.cellsRead / p.totalCells,
            }),
        });
        setAllSheets(source.sheetNames);
        setOwnSheets(source.ownSheets);
        if (!policyForm.dirty && source.policy) reviewPolicy = adoptPolicySheet(source.policy) ?? reviewPolicy;
        dispatch({ type: "read", read: source });
        showProgress({ key: "ui.status.reviewing", params: { sheet: target } });
        await nextFrame();
        const next = reviewRead(source, reviewPolicy, map, asOf);
        if (next instanceof CreditError) {
          const better = suggestedSheet(target, choices, kinds);
          if (!better) setTab("columns");
          showNotice(
            better
              ? withAction(errorNotice(next), {
                  key: "ui.sheet.reviewThat",
                  params: { sheet: better },
                  line: { key: "ui.sheet.suggest", params: { sheet: better } },
                  run: () => {
                    setSheet(better);
                    void startReview(better);
                  },
                })
              : errorNotice(next),
          );
          return;
        }
        setTab("results");
        setSetupFolded(true);
        // A sheet reviewed before in the other language: written now, its review columns and sheets
        // would change language. Said, with the switch at hand; the pane's language stays the user's choice.
        const earlier = earlierReviewLang(source.target.values);
        showNotice(
          earlier !== undefined && earlier !== lang
            ? withAction(reviewNotice(source, next), {
                key: "ui.lang.switchToEarlier",
                line: { key: "ui.lang.lastReviewedIn", params: { sheet: target } },
                run: () => {
                  switchedFromNotice.current = true;
                  setLang(earlier);
                },
              })
            : reviewNotice(source, next),
        );
      },
      {
        cancellable: true,
        cancelledNotice: () => messageNotice("info", calculated ? "ui.status.cancelledCalculated" : "ui.status.cancelled"),
        onError: async (error) => {
          dispatch({ type: isCancellation(error) ? "cancelled" : "failed" });
          if (isExcelProblem(error) && error.code === "sheetMissing") await loadState().catch(() => undefined);
        },
      },
    );
  };

  startReviewRef.current = startReview;

  const onMap = (header: string, field: InputField | "") => {
    const next: Record<string, InputField> = {};
    for (const [h, f] of Object.entries(mapping)) if (h !== header) next[h] = f;
    if (field) next[header] = field;
    setMapping(next);
    // A column mapped as Action taken whose cells hold numbers (a date, 50%) is read again, with
    // their formats: the values already read hold the numbers alone.
    if (read && excel.responsesUnshown(read, next)) {
      void excel
        .saveMapping(next)
        .then(
          () => undefined,
          (error: unknown) => reasonOf(error),
        )
        .then(async (failed) => {
          await startReview(read.target.name, { map: next });
          if (failed !== undefined) showNotice(messageNotice("warning", "ui.columns.mappingFailed", { reason: failed }));
        });
      return;
    }
    const again = read && asOf !== undefined && policyCheck.policy ? reviewRead(read, policyCheck.policy, next, asOf) : undefined;
    // A write asked about before is of the old result.
    if (again) writeBack.dismiss();
    // The review ran again with the mapping: the notice says what it found, after the mapping's fate.
    const ran = (notice: Notice) =>
      read && again && !(again instanceof CreditError)
        ? warnOfCalculation(withLinesOf(notice, reviewedNotice(again)), read)
        : notice;
    excel.saveMapping(next).then(
      // A mapping that still leaves the review unable to start says why, rather than "saved".
      () =>
        showNotice(again instanceof CreditError ? errorNotice(again) : ran(messageNotice("success", "ui.columns.mappingSaved"))),
      (error: unknown) => showNotice(ran(messageNotice("warning", "ui.columns.mappingFailed", { reason: reasonOf(error) }))),
    );
  };

  const onOpen = (c: CustomerResult | undefined) => {
    dispatch({ type: "select", row: c?.row });
    if (!c || !read || !result) return;
    excel
      .selectRange(read.target.name, customerRowArea(read, result, c))
      .catch((error: unknown) => showNotice(messageNotice("warning", "ui.error.selectRow", { detail: reasonOf(error) })));
  };

  const onGoTo = (cell: NonNullable<ErrorLine["cell"]>) => {
    // Go to does nothing else: its failure is its outcome, and takes the focus from the button.
    excel
      .selectRange(cell.sheet, cell.area)
      .catch((error: unknown) =>
        showNotice(messageNotice("warning", "ui.error.selectRow", { detail: reasonOf(error) }), { focus: true }),
      );
  };

  const running = busy !== null;
  const unavailable = (blocker: Blocker | undefined) =>
    unavailableBecause(blocker, policyCheck.problem?.field, t, goToPolicyField);
  const reviewUnavailable = unavailable(reviewBlocker(running, sheet, asOf !== undefined, policyCheck.policy !== undefined));
  /*
   * Write back writes the review's policy and grades made with it, so it waits while the Policy
   * tab shows another. An edit not saved does not run the review again: the whole review at each
   * keystroke costs seconds on a large sheet, and a value half typed ("2." on the way to "2.25")
   * would regrade the list under the user. The edit is taken when the user says so: Save policy
   * runs the review again on the values read, Review reads and reviews with the form.
   */
  const reviewedVersion = useMemo(() => result && formVersion(result.policy), [result]);
  const shownPolicy: ShownPolicy = !policyCheck.policy
    ? "invalid"
    : result && policyCheck.policy.version !== reviewedVersion
      ? "changed"
      : "reviewed";

  return (
    <LangContext.Provider value={{ lang, t }}>
      <main className={styles.main} aria-busy={running}>
        <h1 className={panel.visuallyHidden}>{t("ui.app.title")}</h1>
        {/* First, where a reader who needs the other language looks, not under a list of customers. */}
        <LanguageSwitch onLang={setLang} />
        <SetupSection
          folded={setupFolded && result !== undefined}
          sheetChoices={choices}
          sheet={sheet}
          asOfText={asOfText}
          reviewedAsOf={result && dateText(result.asOf, lang)}
          asOfValid={asOf !== undefined}
          asOfRefusal={asOfRefusal}
          asOfCaution={asOf === undefined ? undefined : asOfAheadText(asOf, todaySerial(), lang)}
          busy={running}
          onUnfold={() => setSetupFolded(false)}
          onSheet={setSheet}
          onRefresh={() => loadState().catch((error: unknown) => showNotice(errorNotice(error)))}
          onAsOf={setAsOfText}
        />
        <NoticeBar ref={noticeRef} notice={notice} />

        <PaneTabs
          tab={tab}
          onTab={setTab}
          columns={{
            result,
            mappable: result ? mappableHeaders(result, mapping) : review.unmatchedHeaders,
            mapping,
            ledgerSheet: result?.ledgerSheet,
            busy: running,
            onMap,
          }}
          policy={{
            form: policyForm.form,
            problem: policyCheck.problem,
            version: policyCheck.policy?.version,
            source: policyForm.sourceText,
            busy: running,
            focusField: focusPolicyField,
            onFocused: () => setFocusPolicyField(undefined),
            // An edit makes the questions' plans stale: Save policy asks again; Write back waits (shownPolicy).
            onChange: (key, value) => {
              writeBack.dismissPolicy();
              writeBack.dismiss();
              policyForm.edit(key, value);
            },
            onSave: () => writeBack.askPolicy(policyCheck.policy, policyForm.lastSheetValues()),
            onReset: () => {
              writeBack.dismissPolicy();
              writeBack.dismiss();
              policyForm.reset();
            },
            confirm: writeBack.pendingPolicy && {
              changes: writeBack.pendingPolicy.changes,
              onWrite: () => void writeBack.savePolicy(writeBack.pendingPolicy!),
              onCancel: writeBack.dismissPolicy,
            },
          }}
          results={{ result, openRow: review.selectedRow, onOpen, onGoTo }}
        />

        <ActionBar
          busy={busy}
          cancel={cancel}
          reviewUnavailable={reviewUnavailable}
          writeUnavailable={unavailable(writeBlocker(review, running, shownPolicy))}
          confirm={
            writeBack.pending && {
              changes: writeBack.pending.changes,
              caution: writeBack.pending.caution,
              onWrite: () => void writeBack.write(writeBack.pending!.plan),
              onCancel: writeBack.dismiss,
            }
          }
          onReview={() => void startReview(sheet)}
          onWrite={writeBack.ask}
          onCancel={requestCancel}
        />
      </main>
    </LangContext.Provider>
  );
}
