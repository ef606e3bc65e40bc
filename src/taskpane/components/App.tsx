/**
 * The Credit Review task pane: choose a sheet and an as-of date, see which columns were
 * recognised, edit the policy, run the review, look through the customers and write
 * the results back. The engine decides every rule, header and layout; ../excel talks to Excel.
 */
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { isoFromSerial, readDate, todaySerial } from "../../engine/cells";
import { CreditError } from "../../engine/errors";
import { Lang, translator } from "../../engine/i18n";
import { Policy } from "../../engine/policy";
import { InputField } from "../../engine/review/fields";
import { CustomerResult, runReview } from "../../engine/review/review";
import { isReviewSheet } from "../../engine/review/sheets";
import { buildWritePlan } from "../../engine/review/write-plan";
import * as excel from "../excel";
import type { ReviewRead } from "../excel";
import { LangContext } from "../i18n";
import { customerRowArea, headersWhenMissing, mappableHeaders, outputHeaders, policyOnlyPlan, targetCheck } from "../model";
import { errorNotice, isExcelProblem, messageNotice, reasonOf, writeNotice } from "../notices";
import { canWriteBack, INITIAL_REVIEW, reviewReducer } from "../review-state";
import { useOperation } from "../use-operation";
import { usePolicyForm } from "../use-policy-form";
import { BusyStatus } from "./BusyStatus";
import { ColumnsPanel } from "./ColumnsPanel";
import { NoticeBar } from "./NoticeBar";
import { PaneHeader } from "./PaneHeader";
import { PolicyPanel } from "./PolicyPanel";
import { ResultsPanel } from "./ResultsPanel";
import { SetupSection } from "./SetupSection";

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "100%",
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
});

type TabId = "columns" | "policy" | "results";

/** Lets React paint the progress bar before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface AppProps {
  readonly initialLang: Lang;
}

export default function App({ initialLang }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);

  const [allSheets, setAllSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [asOfText, setAsOfText] = useState(() => isoFromSerial(todaySerial()));
  const [mapping, setMapping] = useState<Record<string, InputField>>({});
  const policyForm = usePolicyForm(lang, t);
  const [tab, setTab] = useState<TabId>("columns");
  const [review, dispatch] = useReducer(reviewReducer, INITIAL_REVIEW);
  const { read, result } = review;
  const { busy, notice, showNotice, showProgress, isMounted, run } = useOperation();

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  const sheetChoices = useMemo(() => allSheets.filter((n) => !isReviewSheet(n)), [allSheets]);
  const policyCheck = policyForm.check;
  const asOf = useMemo(() => {
    const reading = readDate(asOfText);
    return reading.kind === "date" ? reading.serial : undefined;
  }, [asOfText]);

  const loadState = useCallback(async (keepSheet?: string) => {
    const state = await excel.readWorkbookState();
    setAllSheets(state.sheetNames);
    const choices = state.sheetNames.filter((n) => !isReviewSheet(n));
    setSheet((current) => {
      const wanted = keepSheet ?? current;
      if (wanted && choices.includes(wanted)) return wanted;
      return choices.includes(state.activeSheet) ? state.activeSheet : (choices[0] ?? "");
    });
    return state;
  }, []);

  const adoptPolicySheet = policyForm.adoptSheet;
  useEffect(() => {
    setMapping(excel.loadMapping());
    void run({ key: "ui.status.starting" }, async () => {
      const state = await loadState();
      if (isMounted() && state.policy) adoptPolicySheet(state.policy);
    });
  }, [loadState, adoptPolicySheet, run, isMounted]);

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
        showNotice(errorNotice(error));
        setTab("columns");
        return undefined;
      }
    },
    [lang, showNotice],
  );

  const onReview = () => {
    if (!sheet || asOf === undefined || !policyCheck.policy) return;
    let reviewPolicy = policyCheck.policy;
    return run(
      { key: "ui.status.reading", params: { sheet } },
      async () => {
        dispatch({ type: "reading" });
        const source = await excel.readForReview(sheet, allSheets, {
          onPageRead: (cellsRead, totalCells) =>
            showProgress({
              key: "ui.status.readingParts",
              params: { sheet, percent: Math.floor((100 * cellsRead) / totalCells) },
              value: cellsRead / totalCells,
            }),
        });
        setAllSheets(source.sheetNames);
        if (!policyForm.dirty && source.policy) reviewPolicy = adoptPolicySheet(source.policy) ?? reviewPolicy;
        dispatch({ type: "read", read: source });
        showProgress({ key: "ui.status.reviewing", params: { rows: source.target.values.length } });
        await nextFrame();
        const next = reviewRead(source, reviewPolicy, mapping, asOf);
        if (next) {
          setTab("results");
          showNotice(messageNotice("info", "ui.status.reviewed", { customers: next.customers.length, sheet: next.sheet }));
        }
      },
      async (error) => {
        dispatch({ type: "failed" });
        if (isExcelProblem(error) && error.code === "sheetMissing") await loadState().catch(() => undefined);
      },
    );
  };

  const onWrite = () => {
    if (!read || !result) return;
    return run(
      { key: "ui.status.writingStart" },
      async () => {
        dispatch({ type: "writing" });
        const plan = buildWritePlan(result, lang, { sheetNames: read.sheetNames, archiveValues: read.archive?.values });
        const outcome = await excel.writePlan(plan, lang, targetCheck(read, result), {
          onProgress: (done, total) => showProgress({ key: "ui.status.writing", params: { done, total }, value: done / total }),
        });
        showNotice(writeNotice(outcome, outputHeaders(plan)));
        dispatch({ type: "wrote", outcome });
        await loadState(sheet).catch(() => undefined);
      },
      () => dispatch({ type: "failed" }),
    );
  };

  const onSavePolicy = () => {
    const toSave = policyCheck.policy;
    if (!toSave) return;
    return run({ key: "ui.status.savingPolicy" }, async () => {
      const { sheets, sheet: policySheet } = policyOnlyPlan(toSave, lang, allSheets);
      const outcome = await excel.writePlan({ sheets }, lang, undefined);
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
    excel.saveMapping(next).then(
      () => showNotice(messageNotice("success", "ui.columns.mappingSaved")),
      (error: unknown) => showNotice(messageNotice("warning", "ui.columns.mappingFailed", { reason: reasonOf(error) })),
    );
    if (read && asOf !== undefined && policyCheck.policy) reviewRead(read, policyCheck.policy, next, asOf);
  };

  const onSelect = (c: CustomerResult) => {
    dispatch({ type: "select", row: c.row });
    if (!read || !result) return;
    excel
      .selectRow(read.target.name, customerRowArea(read, result, c))
      .catch((error: unknown) => showNotice(messageNotice("warning", "ui.error.selectRow", { detail: reasonOf(error) })));
  };

  const running = busy !== null;

  return (
    <LangContext.Provider value={{ lang, t }}>
      <main className={styles.main} aria-busy={running}>
        <PaneHeader onLang={setLang} />
        <SetupSection
          sheetChoices={sheetChoices}
          sheet={sheet}
          asOfText={asOfText}
          asOfValid={asOf !== undefined}
          policyValid={policyCheck.policy !== undefined}
          busy={running}
          canReview={!running && sheet !== "" && asOf !== undefined && policyCheck.policy !== undefined}
          canWrite={!running && canWriteBack(review)}
          onSheet={setSheet}
          onRefresh={() => loadState().catch((error: unknown) => showNotice(errorNotice(error)))}
          onAsOf={setAsOfText}
          onReview={onReview}
          onWrite={onWrite}
        />
        <BusyStatus busy={busy} />
        <NoticeBar notice={notice} />

        <TabList
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
              source={policyForm.sourceText}
              busy={running}
              onChange={policyForm.edit}
              onSave={onSavePolicy}
              onReset={policyForm.reset}
            />
          )}
          {tab === "results" && <ResultsPanel result={result} selectedRow={review.selectedRow} onSelect={onSelect} />}
        </div>
      </main>
    </LangContext.Provider>
  );
}
