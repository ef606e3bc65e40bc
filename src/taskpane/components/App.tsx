/**
 * The Credit Review task pane: choose a sheet and an as-of date, see which columns were
 * recognised, edit the policy, run the review, look through the customers and write the
 * results back. The engine decides every rule, header and layout; ../excel talks to Excel.
 */
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { isoFromSerial, readDate, todaySerial } from "../../engine/cells";
import { CreditError } from "../../engine/errors";
import { Lang, MessageKey, translator } from "../../engine/i18n";
import { Policy, POLICY_FIELDS } from "../../engine/policy";
import { InputField } from "../../engine/review/fields";
import { CustomerResult, runReview } from "../../engine/review/review";
import { reviewSheetKind } from "../../engine/review/sheets";
import { buildWritePlan, WritePlan } from "../../engine/review/write-plan";
import { ErrorLine } from "../customers";
import * as excel from "../excel";
import type { ReviewRead } from "../excel";
import { formatCount, LangContext } from "../i18n";
import {
  customerRowArea,
  describeParts,
  headersWhenMissing,
  mappableHeaders,
  outputHeaders,
  policyOnlyPlan,
  targetCheck,
} from "../model";
import { errorNotice, isExcelProblem, messageNotice, reasonOf, reviewedNotice, withAction, writeNotice } from "../notices";
import { Blocker, INITIAL_REVIEW, reviewBlocker, reviewReducer, writeBlocker } from "../review-state";
import { suggestedSheet } from "../sheets";
import { useOperation } from "../use-operation";
import { usePolicyForm } from "../use-policy-form";
import { useSheets } from "../use-sheets";
import { ActionBar, Unavailable } from "./ActionBar";
import { ColumnsPanel } from "./ColumnsPanel";
import { LanguageSwitch } from "./LanguageSwitch";
import { NoticeBar } from "./NoticeBar";
import { PolicyPanel } from "./PolicyPanel";
import { ResultsPanel } from "./ResultsPanel";
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
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL, minWidth: 0, flexGrow: 1 },
  tabs: { flexWrap: "wrap" },
});

type TabId = "columns" | "policy" | "results";

/** Lets React paint the progress bar before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const BLOCKER_TEXT: Record<Blocker, MessageKey> = {
  busy: "ui.reason.busy",
  noSheet: "ui.reason.noSheet",
  badDate: "ui.reason.badDate",
  policy: "ui.reason.policy",
  noReview: "ui.reason.noReview",
  written: "ui.reason.written",
};

interface PendingWrite {
  readonly plan: WritePlan;
  readonly changes: readonly string[];
}

export interface AppProps {
  readonly initialLang: Lang;
}

export default function App({ initialLang }: AppProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);

  const sheets = useSheets();
  const { allSheets, setAllSheets, kinds, choices, sheet, setSheet } = sheets;
  const loadState = sheets.load;
  const [asOfText, setAsOfText] = useState(() => isoFromSerial(todaySerial()));
  const [mapping, setMapping] = useState<Record<string, InputField>>({});
  const policyForm = usePolicyForm(lang, t);
  const [tab, setTab] = useState<TabId>("columns");
  const [setupFolded, setSetupFolded] = useState(false);
  const [focusPolicyField, setFocusPolicyField] = useState<keyof Policy>();
  const [pendingWrite, setPendingWrite] = useState<PendingWrite>();
  const [review, dispatch] = useReducer(reviewReducer, INITIAL_REVIEW);
  const { read, result } = review;
  const { busy, cancel, notice, outcomes, showNotice, showProgress, isMounted, requestCancel, run } = useOperation(t);
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
  const asOf = useMemo(() => {
    const reading = readDate(asOfText);
    return reading.kind === "date" ? reading.serial : undefined;
  }, [asOfText]);

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

  /** Runs the engine on values already read: no Excel call, so a mapping change re-runs at once. */
  const reviewRead = useCallback(
    (source: ReviewRead, policy: Policy, map: Readonly<Record<string, InputField>>, serial: number) => {
      try {
        const next = runReview(
          {
            sheetName: source.target.name,
            values: source.target.values,
            origin: source.target.origin,
            asOf: serial,
            policy,
            archive: source.archive?.values,
            ledger: source.ledger,
            mapping: map,
          },
          lang,
        );
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

  const startReview = (target: string) => {
    if (asOf === undefined || !policyCheck.policy) return;
    let reviewPolicy = policyCheck.policy;
    setPendingWrite(undefined);
    return run(
      { key: "ui.status.reading", params: { sheet: target } },
      async (signal) => {
        dispatch({ type: "reading" });
        const source = await excel.readForReview(target, allSheets, {
          signal,
          onPageRead: (p) =>
            showProgress({
              key: "ui.status.readRows",
              params: { done: formatCount(p.rowsRead, lang), total: formatCount(p.rows, lang), sheet: p.sheet },
              value: p.cellsRead / p.totalCells,
            }),
        });
        setAllSheets(source.sheetNames);
        if (!policyForm.dirty && source.policy) reviewPolicy = adoptPolicySheet(source.policy) ?? reviewPolicy;
        dispatch({ type: "read", read: source });
        showProgress({ key: "ui.status.reviewing", params: { sheet: target } });
        await nextFrame();
        const next = reviewRead(source, reviewPolicy, mapping, asOf);
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
        showNotice(reviewedNotice(next));
      },
      {
        cancellable: true,
        onError: async (error) => {
          dispatch({ type: isExcelProblem(error) && error.code === "cancelled" ? "cancelled" : "failed" });
          if (isExcelProblem(error) && error.code === "sheetMissing") await loadState().catch(() => undefined);
        },
      },
    );
  };

  /** Write back, first step: what the write will change, for the user to confirm. */
  const askToWrite = () => {
    if (!read || !result) return;
    const plan = buildWritePlan(result, lang, {
      sheetNames: read.sheetNames,
      archiveValues: read.archive?.values,
      policyHistoryValues: read.policyHistory?.values,
    });
    try {
      setPendingWrite({ plan, changes: describeParts(excel.planParts(plan, lang), t, outputHeaders(plan)) });
    } catch (error) {
      showNotice(errorNotice(error));
    }
  };

  const write = (plan: WritePlan) => {
    if (!read || !result) return;
    setPendingWrite(undefined);
    return run(
      { key: "ui.status.writingStart" },
      async (signal) => {
        dispatch({ type: "writing" });
        const outcome = await excel.writePlan(plan, lang, targetCheck(read, result), {
          signal,
          onProgress: (done, total) =>
            showProgress({ key: "ui.status.writing", params: { part: Math.min(done + 1, total), total }, value: done / total }),
        });
        const summary = plan.sheets.find((s) => reviewSheetKind(s.name) === "summary")?.name;
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
        await loadState(sheet).catch(() => undefined);
      },
      { cancellable: true, onError: () => dispatch({ type: "failed" }) },
    );
  };

  const onSavePolicy = () => {
    const toSave = policyCheck.policy;
    if (!toSave) return;
    return run({ key: "ui.status.savingPolicy" }, async () => {
      const { sheets: plan, sheet: policySheet } = policyOnlyPlan(toSave, lang, allSheets);
      const outcome = await excel.writePlan({ sheets: plan }, lang, undefined);
      if (outcome.ok) {
        showNotice(messageNotice("success", "ui.policy.saved", { sheet: policySheet.name }));
        policyForm.saved(policySheet.name);
        // The written policy is the one in force: later reviews read it back from the sheet.
        await loadState(sheet).catch(() => undefined);
      } else {
        showNotice(writeNotice(outcome, []));
      }
    });
  };

  const onMap = (header: string, field: InputField | "") => {
    const next: Record<string, InputField> = {};
    for (const [h, f] of Object.entries(mapping)) if (h !== header) next[h] = f;
    if (field) next[header] = field;
    setMapping(next);
    const again = read && asOf !== undefined && policyCheck.policy ? reviewRead(read, policyCheck.policy, next, asOf) : undefined;
    excel.saveMapping(next).then(
      // A mapping that still leaves the review unable to start says why, rather than "saved".
      () => showNotice(again instanceof CreditError ? errorNotice(again) : messageNotice("success", "ui.columns.mappingSaved")),
      (error: unknown) => showNotice(messageNotice("warning", "ui.columns.mappingFailed", { reason: reasonOf(error) })),
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
    excel
      .selectRange(cell.sheet, cell.area)
      .catch((error: unknown) => showNotice(messageNotice("warning", "ui.error.selectRow", { detail: reasonOf(error) })));
  };

  const running = busy !== null;
  const policyField = policyCheck.problem?.field;
  const unavailable = (blocker: Blocker | undefined): Unavailable | undefined => {
    if (!blocker) return undefined;
    if (blocker !== "policy") return { key: BLOCKER_TEXT[blocker] };
    const label = POLICY_FIELDS.find((f) => f.key === policyField)?.label;
    return {
      key: label ? "ui.reason.policyField" : "ui.reason.policy",
      params: label ? { field: t(label) } : undefined,
      fix: policyField ? { key: "ui.reason.goToField", run: () => goToPolicyField(policyField) } : undefined,
    };
  };
  const reviewUnavailable = unavailable(reviewBlocker(running, sheet, asOf !== undefined, policyCheck.policy !== undefined));

  return (
    <LangContext.Provider value={{ lang, t }}>
      <main className={styles.main} aria-busy={running}>
        <h1 className={panel.visuallyHidden}>{t("ui.app.title")}</h1>
        <SetupSection
          folded={setupFolded && result !== undefined}
          sheetChoices={choices}
          sheet={sheet}
          asOfText={asOfText}
          asOfValid={asOf !== undefined}
          busy={running}
          onUnfold={() => setSetupFolded(false)}
          onSheet={setSheet}
          onRefresh={() => loadState().catch((error: unknown) => showNotice(errorNotice(error)))}
          onAsOf={setAsOfText}
        />
        <NoticeBar ref={noticeRef} notice={notice} />

        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          aria-label={t("ui.tab.label")}
          size="small"
        >
          <Tab value="columns" id="tab-columns" aria-controls="panel">
            {t("ui.tab.columns")}
          </Tab>
          <Tab value="policy" id="tab-policy" aria-controls="panel">
            {t("ui.tab.policy")}
          </Tab>
          <Tab value="results" id="tab-results" aria-controls="panel">
            {t("ui.tab.results")}
          </Tab>
        </TabList>

        <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
          {tab === "columns" && (
            <ColumnsPanel
              result={result}
              mappable={result ? mappableHeaders(result, mapping) : review.unmatchedHeaders}
              mapping={mapping}
              ledgerSheet={result?.ledgerSheet}
              busy={running}
              onMap={onMap}
            />
          )}
          {tab === "policy" && (
            <PolicyPanel
              form={policyForm.form}
              problem={policyCheck.problem}
              version={policyCheck.policy?.version}
              source={policyForm.sourceText}
              busy={running}
              focusField={focusPolicyField}
              onFocused={() => setFocusPolicyField(undefined)}
              onChange={policyForm.edit}
              onSave={onSavePolicy}
              onReset={policyForm.reset}
            />
          )}
          {tab === "results" && <ResultsPanel result={result} openRow={review.selectedRow} onOpen={onOpen} onGoTo={onGoTo} />}
        </div>

        <LanguageSwitch onLang={setLang} />
        <ActionBar
          busy={busy}
          cancel={cancel}
          reviewUnavailable={reviewUnavailable}
          writeUnavailable={unavailable(writeBlocker(review, running))}
          confirm={
            pendingWrite && {
              changes: pendingWrite.changes,
              onWrite: () => void write(pendingWrite.plan),
              onCancel: () => setPendingWrite(undefined),
            }
          }
          onReview={() => void startReview(sheet)}
          onWrite={askToWrite}
          onCancel={requestCancel}
        />
      </main>
    </LangContext.Provider>
  );
}
