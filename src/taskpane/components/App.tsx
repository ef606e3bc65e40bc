/**
 * The Credit Review task pane: choose a sheet and an as-of date, see which columns were
 * recognised, edit the policy, run the review, look through the customers and write
 * the results back. The engine decides every rule, header and layout; ../excel talks to Excel.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isoFromSerial, readDate, todaySerial } from "../../engine/cells";
import { CreditError, describeError } from "../../engine/errors";
import { Lang, MessageKey, MessageParams, Translate, translator } from "../../engine/i18n";
import { DEFAULT_POLICY, Policy } from "../../engine/policy";
import { InputField } from "../../engine/review/fields";
import { readPolicySheet } from "../../engine/review/policy-sheet";
import { CustomerResult, ReviewResult, runReview } from "../../engine/review/review";
import { isReviewSheet } from "../../engine/review/sheets";
import { buildWritePlan } from "../../engine/review/write-plan";
import * as excel from "../excel";
import type { ExcelProblem, ReviewRead, WriteOutcome } from "../excel";
import { LangContext } from "../i18n";
import {
  customerRowArea,
  describeParts,
  formToPolicy,
  headersWhenMissing,
  MappableHeader,
  mappableHeaders,
  outputHeaders,
  policyErrorText,
  PolicyForm,
  policyOnlyPlan,
  policyToForm,
  targetCheck,
} from "../model";
import { ColumnsPanel } from "./ColumnsPanel";
import { PolicyPanel } from "./PolicyPanel";
import { ResultsPanel } from "./ResultsPanel";

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
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  langs: { display: "flex", gap: tokens.spacingHorizontalXS },
  setup: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "140px" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type TabId = "columns" | "policy" | "results";
type Busy = { key: MessageKey; params?: MessageParams; value?: number };
/** A notice renders in the current language, so it is kept as a function of the translator. */
type Notice = {
  intent: "success" | "error" | "warning" | "info";
  render: (t: Translate, lang: Lang) => { title?: string; lines: string[] };
};

function problemText(problem: ExcelProblem, t: Translate): string {
  return t(`ui.error.${problem.code}` as MessageKey, { sheet: problem.sheet ?? "", detail: problem.detail ?? "" });
}

function isExcelProblem(error: unknown): error is ExcelProblem {
  return error instanceof Error && error.name === "ExcelProblem";
}

function errorNotice(error: unknown): Notice {
  return {
    intent: "error",
    render: (t, lang) => ({
      lines: [
        isExcelProblem(error)
          ? problemText(error, t)
          : error instanceof CreditError
            ? t("ui.error.review", { text: describeError(error, lang) })
            : t("ui.error.excel", { detail: error instanceof Error ? error.message : String(error) }),
      ],
    }),
  };
}

function writeNotice(outcome: WriteOutcome, headers: readonly string[]): Notice {
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
  const [form, setForm] = useState<PolicyForm>(() => policyToForm(DEFAULT_POLICY));
  const [policySource, setPolicySource] = useState<{ sheet?: string; error?: unknown }>({});
  const [policyDirty, setPolicyDirty] = useState(false);
  const [tab, setTab] = useState<TabId>("columns");
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [read, setRead] = useState<ReviewRead>();
  const [result, setResult] = useState<ReviewResult>();
  const [fallbackHeaders, setFallbackHeaders] = useState<MappableHeader[]>([]);
  const [written, setWritten] = useState(false);
  const [selectedRow, setSelectedRow] = useState<number>();
  const mounted = useRef(true);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  const sheetChoices = useMemo(() => allSheets.filter((n) => !isReviewSheet(n)), [allSheets]);
  const policyCheck = useMemo(() => formToPolicy(form, lang), [form, lang]);
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

  useEffect(() => {
    mounted.current = true;
    setMapping(excel.loadMapping());
    setBusy({ key: "ui.status.starting" });
    loadState()
      .then((state) => {
        if (!mounted.current || !state.policy) return;
        try {
          setForm(policyToForm(readPolicySheet(state.policy.values)));
          setPolicySource({ sheet: state.policy.name });
        } catch (error) {
          setPolicySource({ sheet: state.policy.name, error });
        }
      })
      .catch((error: unknown) => mounted.current && setNotice(errorNotice(error)))
      .finally(() => mounted.current && setBusy(null));
    return () => {
      mounted.current = false;
    };
  }, [loadState]);

  /** Runs the engine on values already read: no Excel call, so a mapping change re-runs at once. */
  const review = useCallback(
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
        setResult(next);
        setFallbackHeaders([]);
        setSelectedRow(undefined);
        return next;
      } catch (error) {
        if (!(error instanceof CreditError)) throw error;
        setResult(undefined);
        setFallbackHeaders(headersWhenMissing(source.target.values, source.target.origin, map));
        setNotice(errorNotice(error));
        setTab("columns");
        return undefined;
      }
    },
    [lang],
  );

  const onReview = async () => {
    if (!sheet || asOf === undefined || !policyCheck.policy) return;
    setNotice(null);
    setBusy({ key: "ui.status.reading", params: { sheet } });
    try {
      const source = await excel.readForReview(sheet, allSheets, {
        onPageRead: (cellsRead, totalCells) =>
          setBusy({
            key: "ui.status.readingParts",
            params: { sheet, percent: Math.floor((100 * cellsRead) / totalCells) },
            value: cellsRead / totalCells,
          }),
      });
      setAllSheets(source.sheetNames);
      let policy = policyCheck.policy;
      if (!policyDirty && source.policy) {
        try {
          policy = readPolicySheet(source.policy.values);
          setForm(policyToForm(policy));
          setPolicySource({ sheet: source.policy.name });
        } catch (error) {
          setPolicySource({ sheet: source.policy.name, error });
        }
      }
      setRead(source);
      setWritten(false);
      setBusy({ key: "ui.status.reviewing", params: { rows: source.target.values.length } });
      await nextFrame();
      const next = review(source, policy, mapping, asOf);
      if (next) {
        setTab("results");
        setNotice({
          intent: "info",
          render: (tr) => ({ lines: [tr("ui.status.reviewed", { customers: next.customers.length, sheet: next.sheet })] }),
        });
      }
    } catch (error) {
      setNotice(errorNotice(error));
      if (isExcelProblem(error) && error.code === "sheetMissing") await loadState().catch(() => undefined);
    } finally {
      setBusy(null);
    }
  };

  const onWrite = async () => {
    if (!read || !result) return;
    setNotice(null);
    setBusy({ key: "ui.status.writingStart" });
    try {
      const plan = buildWritePlan(result, lang, { sheetNames: read.sheetNames, archiveValues: read.archive?.values });
      const outcome = await excel.writePlan(plan, lang, targetCheck(read, result), {
        onProgress: (done, total) => setBusy({ key: "ui.status.writing", params: { done, total }, value: done / total }),
      });
      setNotice(writeNotice(outcome, outputHeaders(plan)));
      // Anything written (or maybe written) makes the read stale: the archive would be appended twice.
      if (outcome.ok || outcome.written.length + outcome.uncertain.length > 0 || outcome.problem?.code === "shapeChanged")
        setWritten(true);
      await loadState(sheet).catch(() => undefined);
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(null);
    }
  };

  const onSavePolicy = async () => {
    if (!policyCheck.policy) return;
    setNotice(null);
    setBusy({ key: "ui.status.savingPolicy" });
    try {
      const { sheets, sheet: policySheet } = policyOnlyPlan(policyCheck.policy, lang, allSheets);
      const outcome = await excel.writePlan({ sheets }, lang, undefined);
      if (outcome.ok) {
        setNotice({ intent: "success", render: (tr) => ({ lines: [tr("ui.policy.saved", { sheet: policySheet.name })] }) });
        setPolicySource({ sheet: policySheet.name });
        setPolicyDirty(false);
        // The written policy is the one in force: later reviews read it back from the sheet.
        await loadState(sheet).catch(() => undefined);
      } else {
        setNotice(writeNotice(outcome, []));
      }
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(null);
    }
  };

  const onMap = (header: string, field: InputField | "") => {
    const next: Record<string, InputField> = {};
    for (const [h, f] of Object.entries(mapping)) if (h !== header) next[h] = f;
    if (field) next[header] = field;
    setMapping(next);
    excel.saveMapping(next).then(
      () => mounted.current && setNotice({ intent: "success", render: (tr) => ({ lines: [tr("ui.columns.mappingSaved")] }) }),
      (error: unknown) =>
        mounted.current &&
        setNotice({
          intent: "warning",
          render: (tr) => ({
            lines: [tr("ui.columns.mappingFailed", { reason: error instanceof Error ? error.message : String(error) })],
          }),
        }),
    );
    if (read && asOf !== undefined && policyCheck.policy) review(read, policyCheck.policy, next, asOf);
  };

  const onSelect = (c: CustomerResult) => {
    setSelectedRow(c.row);
    if (!read || !result) return;
    excel.selectRow(read.target.name, customerRowArea(read, result, c)).catch((error: unknown) =>
      setNotice({
        intent: "warning",
        render: (tr) => ({
          lines: [tr("ui.error.selectRow", { detail: error instanceof Error ? error.message : String(error) })],
        }),
      }),
    );
  };

  const onPolicyChange = (key: keyof Policy, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setPolicyDirty(true);
  };

  const running = busy !== null;
  const canReview = !running && sheet !== "" && asOf !== undefined && policyCheck.policy !== undefined;
  const canWrite = !running && result !== undefined && read !== undefined && !written;
  const policySourceText = policySource.error
    ? t("ui.policy.sheetError", {
        sheet: policySource.sheet ?? "",
        text: policySource.error instanceof CreditError ? policyErrorText(policySource.error, lang) : String(policySource.error),
      })
    : policySource.sheet
      ? t("ui.policy.source.sheet", { sheet: policySource.sheet })
      : t("ui.policy.source.default");
  const shownNotice = notice?.render(t, lang);
  const mappable = result ? mappableHeaders(result, mapping) : fallbackHeaders;

  return (
    <LangContext.Provider value={{ lang, t }}>
      <main className={styles.main} aria-busy={running}>
        <header className={styles.header}>
          <Title3 as="h1">{t("ui.app.title")}</Title3>
          <div role="group" aria-label={t("ui.lang.label")} className={styles.langs}>
            <ToggleButton size="small" checked={lang === "en"} lang="en" onClick={() => setLang("en")}>
              {t("ui.lang.en")}
            </ToggleButton>
            <ToggleButton size="small" checked={lang === "zh"} lang="zh-CN" onClick={() => setLang("zh")}>
              {t("ui.lang.zh")}
            </ToggleButton>
          </div>
        </header>

        <section className={styles.setup} aria-label={t("ui.sheet.label")}>
          <div className={styles.row}>
            <Field
              label={t("ui.sheet.label")}
              className={styles.grow}
              validationMessage={sheetChoices.length === 0 && !running ? t("ui.sheet.none") : undefined}
            >
              <Select value={sheet} disabled={running || sheetChoices.length === 0} onChange={(_, data) => setSheet(data.value)}>
                {sheetChoices.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={running} onClick={() => loadState().catch((error: unknown) => setNotice(errorNotice(error)))}>
              {t("ui.sheet.refresh")}
            </Button>
          </div>
          <Field
            label={t("ui.asOf.label")}
            validationState={asOf === undefined ? "error" : "none"}
            validationMessage={asOf === undefined ? t("ui.asOf.invalid") : undefined}
          >
            <Input type="date" value={asOfText} disabled={running} onChange={(_, data) => setAsOfText(data.value)} />
          </Field>
          {!policyCheck.policy && <Text role="alert">{t("ui.policy.fixFirst")}</Text>}
          <div className={styles.row}>
            <Button appearance="primary" disabled={!canReview} onClick={onReview}>
              {t("ui.action.review")}
            </Button>
            <Button disabled={!canWrite} onClick={onWrite} aria-describedby="write-hint">
              {t("ui.action.write")}
            </Button>
          </div>
          <Text id="write-hint" size={200}>
            {t("ui.action.writeHint")}
          </Text>
        </section>

        <div role="status" aria-live="polite">
          {busy && (
            <Field validationMessage={t(busy.key, busy.params)} validationState="none">
              <ProgressBar aria-label={t("ui.status.progress")} value={busy.value} max={1} />
            </Field>
          )}
        </div>

        {shownNotice && (
          <MessageBar intent={notice!.intent} layout="multiline">
            <MessageBarBody>
              {shownNotice.title && <MessageBarTitle>{shownNotice.title}</MessageBarTitle>}
              {shownNotice.lines.length === 1 ? (
                shownNotice.lines[0]
              ) : (
                <ul className={styles.lines}>
                  {shownNotice.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}

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
              mappable={mappable}
              mapping={mapping}
              ledgerSheet={result?.ledgerSheet}
              busy={running}
              onMap={onMap}
            />
          )}
          {tab === "policy" && (
            <PolicyPanel
              form={form}
              problem={policyCheck.problem}
              source={policySourceText}
              busy={running}
              onChange={onPolicyChange}
              onSave={onSavePolicy}
              onReset={() => {
                setForm(policyToForm(DEFAULT_POLICY));
                setPolicyDirty(true);
              }}
            />
          )}
          {tab === "results" && <ResultsPanel result={result} selectedRow={selectedRow} onSelect={onSelect} />}
        </div>
      </main>
    </LangContext.Provider>
  );
}
