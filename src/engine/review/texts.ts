/**
 * How the review's results read in each language: names of grades, zones and monitoring,
 * warning titles and lists, actions and their reasons, figures, what a customer is called, and
 * what changed since the last review. The write plan, the command line's report and the task
 * pane all say these through the functions here, so a customer reads the same in every face.
 *
 * Keys are built as template literals over the engine's own unions (`grade.${Grade}`), so
 * the compiler checks that every grade, zone, warning and action has its message.
 */
import { CurrencyMark, isMoreThanACentury, showValue } from "../cells";
import { columnText, describeError, errorText } from "../errors";
import { dateText, Lang, LANGUAGES, message, MessageKey, MessageParams } from "../i18n";
import { limitMultiplier, Monitoring } from "../limit";
import { Grade, Policy } from "../policy";
import { withoutFloatDust } from "../precision";
import { GradeBands, SCORE_DECIMALS, scoreDecimals } from "../score";
import { Z_DECIMALS, zDecimals, ZZone } from "../zscore";
import { CreditLimitMove, LIMIT_MOVES, LimitMove, LimitMoveKind, moneyMoves, OverdueMove } from "./money-moves";
import { sameCents } from "../money";
import { amountInCurrencyText } from "./formats";
import type {
  ClearedWarning,
  CustomerChange,
  GradedCustomer,
  NotCheckedWarning,
  MovedCustomer,
  PolicyChange,
  RenamedCustomer,
  IdChangedCustomer,
  ReviewChanges,
  SettingChange,
} from "./changes";
import { Action, Decision, Reason, reviewsNow, RULES, Rule } from "./decisions";
import { FIELD_LABELS, fieldNames, headerOnOneLine, InputField, LEDGER_LABELS, LedgerField, OUTPUT_HEADERS } from "./fields";
import { MAX_CURRENCIES_SHOWN } from "./ledger";
import type { LedgerNotice, UnmatchedInvoices } from "./ledger";
import type { ColumnReport, CustomerResult, LeftOutRow, PortfolioResult, ReviewResult, UndatedRows } from "./review";
import { CheckNeed, checkInTwoCurrencies, missingNeeds } from "./columns";
import { TwoCurrencies, twoCurrenciesReason } from "./row-currencies";
import type { ReviewsPastDue } from "./review-due";
import type { ClearedColumns, MovedRows, ResponsesLeftBehind, TypedOver, TypedOverCell } from "./typed-over";
import type { PlanValue } from "./write-plan";
import type { AmountUnits, UnitChange } from "./units";
import {
  amountMark,
  AmountMarks,
  AmountTotal,
  byBalance,
  NO_MARKS,
  PlacedCurrency,
  PortfolioTotal,
  ReceivableCurrencies,
  ReceivableField,
  TotalInTwoCurrencies,
} from "./total-currencies";
import { a1, Area, columnLetter, sheetReference } from "../a1";
import { NOTE_FIGURES, NoteFigure, NoteTarget } from "./notes";
import type { ActionResponse, Responses } from "./responses";
import { settingLabel } from "./policy-sheet";
import { percentDecimals, percentFormatDecimals } from "./formats";
import { FigureFormat, Finding, WARNING_SIDE, WarningCode } from "./warnings";
import "../i18n/report";

export function gradeName(grade: Grade, lang: Lang): string {
  return message(lang, `grade.${grade}`);
}

/** What the grade column says of a row the review could not grade, in each language it writes. */
export const DATA_ERROR_GRADES: ReadonlySet<string> = new Set(LANGUAGES.map((lang) => message(lang, "grade.dataError")));

export function zoneName(zone: ZZone, lang: Lang): string {
  return message(lang, `zone.${zone}`);
}

/** How often a customer is reviewed: "Monthly", "Quarterly", or every so many months. */
export function monitoringName(monitoring: Monitoring, months: number, lang: Lang): string {
  return monitoring === "custom" ? message(lang, "monitoring.custom", { months }) : message(lang, `monitoring.${monitoring}`);
}

/** A warning's title; the overdue warning's names its day count, which is a policy setting. */
export function warningTitle(code: WarningCode, lang: Lang, policy: Pick<Policy, "overdueDays">): string {
  return message(lang, `warning.${code}`, { days: policy.overdueDays });
}

/**
 * What a check switched off for want of a column lacks, in a few words: "no Credit limit and
 * Outstanding balance columns", "no Previous score column or archive of earlier reviews"; or, one
 * switched off with every column it needs, the two of them in two currencies.
 */
export function checkMissingText(code: WarningCode, columns: ColumnsSaid, lang: Lang): string {
  const found = columns.found.map((f) => f.field);
  const inTwoCurrencies = checkInTwoCurrencies(code, found, columns.twoCurrencies ?? []);
  return inTwoCurrencies ? twoCurrenciesText(inTwoCurrencies, lang) : missingNeedsText(missingNeeds(code, found), lang);
}

/** What the texts of the sheet's columns read: those found, and those whose currencies refuse a figure (see row-currencies.ts). */
type ColumnsSaid = Pick<ColumnReport, "found"> & Partial<Pick<ColumnReport, "twoCurrencies">>;

/** Why figures combining two columns are not worked out: "Current assets is in USD and Current liabilities in EUR, …". */
export function twoCurrenciesText(refusal: Pick<TwoCurrencies, "first" | "second">, lang: Lang): string {
  return errorText(twoCurrenciesReason(refusal), lang, fieldNames(lang));
}

/**
 * The figures (and checks) the customer sheet's columns refuse for every customer, their two
 * currencies named, a line each: said once for the sheet, where each face says the amounts' units.
 */
export function twoCurrencyColumnsLines(result: Pick<ReviewResult, "sheet" | "columns" | "policy">, lang: Lang): string[] {
  return result.columns.twoCurrencies.map((refusal) =>
    message(lang, refusal.withSales ? "review.twoCurrencyColumnsSales" : "review.twoCurrencyColumns", {
      sheet: result.sheet,
      what: listText(
        refusal.affects.map((a) => targetName(a, lang, result.policy)),
        lang,
      ),
      why: twoCurrenciesText(refusal, lang),
    }),
  );
}

/** Fields by their labels, as the column report names them: "Credit limit and Outstanding balance". */
function fieldsListed(fields: readonly InputField[], lang: Lang): string {
  const names = fields.map((field) => message(lang, "check.field", { field: FIELD_LABELS[field][lang] }));
  return names.length < 2
    ? names.join("")
    : names.slice(0, -1).join(message(lang, "check.and")) + message(lang, "check.lastAnd") + names[names.length - 1];
}

/** What a check lacks, each way it could run (missingNeeds), in a few words (see checkMissingText). */
function missingNeedsText(ways: readonly (readonly CheckNeed[])[], lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string>) => message(lang, key, params);
  const name = (field: InputField) => t("check.field", { field: FIELD_LABELS[field][lang] });
  const isField = (need: CheckNeed): need is InputField => need !== "archive" && need !== "ledger";
  const listed = (fields: readonly InputField[]) => fieldsListed(fields, lang);
  // Ways of one column each read as one phrase ("Overdue amount or Days past due column"), before the others.
  const single = ways.filter((way) => way.length === 1 && isField(way[0])).map((way) => name(way[0] as InputField));
  const parts = single.length ? [t("check.column", { fields: single.join(t("check.or")) })] : [];
  for (const way of ways) {
    const fields = way.filter(isField);
    if (fields.length > 1 || (fields.length === 1 && way.length > 1))
      parts.push(t(fields.length > 1 ? "check.columns" : "check.column", { fields: listed(fields) }));
    for (const other of way.filter((need) => !isField(need))) parts.push(t(`check.${other as "archive" | "ledger"}`));
  }
  return t("check.missing", { needs: parts.join(t("check.or")) });
}

/**
 * The headers not recognised that look like one the review reads (a typo: "Credt limit"), each
 * with the checks it would have switched on: a near miss silently turns a check off, so every
 * face says it up front, not only among the columns at the end.
 */
export function nearMissLines(result: Pick<ReviewResult, "columns" | "policy">, lang: Lang): string[] {
  const { unknown, skippedChecks, found } = result.columns;
  const fields = found.map((f) => f.field);
  return unknown.flatMap((u) => {
    if (!u.suggestion) return [];
    const field = u.suggestion.field;
    const checks = skippedChecks.filter((code) => missingNeeds(code, fields).some((way) => way.includes(field)));
    const params = { column: u.column, header: u.header, meant: u.suggestion.header };
    return [
      checks.length
        ? message(lang, "columns.nearMissChecks", {
            ...params,
            checks: checks.map((code) => warningTitle(code, lang, result.policy)).join(message(lang, "sep.list")),
          })
        : message(lang, "columns.nearMiss", params),
    ];
  });
}

/** What a switched-off check shows in place of its count: "not checked (no Previous score column or archive of earlier reviews)". */
export function notCheckedText(code: WarningCode, columns: ColumnsSaid, lang: Lang): string {
  return message(lang, "check.notCheckedFor", { missing: checkMissingText(code, columns, lang) });
}

/** The portfolio totals that are sums of a column: without it they are unknown, not 0. */
const TOTAL_COLUMNS: Readonly<Record<ShownTotal, readonly InputField[]>> = {
  exposure: ["balance"],
  exposureAtRisk: ["balance"],
  creditLimits: ["creditLimit"],
  utilisation: ["creditLimit", "balance"],
  overdueAmount: [],
  aging: [],
  unmatchedInvoices: [],
};

/** The portfolio totals each face shows in its place, or says why not (totalNotAddedText). */
type ShownTotal = Exclude<PortfolioTotal, "overdueAmountShare" | "withoutLimit">;

/**
 * What a portfolio total shows when the sheet has no column it adds up, "n/a (no Outstanding
 * balance column)", when its columns are in two currencies, "n/a (Credit limit in USD,
 * Outstanding balance in EUR)", or when the amounts it adds are, "n/a (balances in USD, e.g. row
 * 2, and EUR, e.g. row 5; no rate is known to add them)"; undefined when it can be worked out.
 */
export function totalNotAddedText(
  total: ShownTotal,
  result: { readonly columns: ColumnsSaid; readonly portfolio: Pick<PortfolioResult, "twoCurrencies"> },
  lang: Lang,
): string | undefined {
  const { columns } = result;
  const missing = TOTAL_COLUMNS[total].find((field) => !columns.found.some((f) => f.field === field));
  if (missing) return message(lang, "summary.noColumn", { column: FIELD_LABELS[missing][lang] });
  // Balances over limits in another currency: no customer's utilisation, and none for them all.
  const refusal = total === "utilisation" ? columns.twoCurrencies?.find((t) => t.affects.includes("utilisation")) : undefined;
  if (refusal) {
    const { params } = twoCurrenciesReason(refusal);
    return errorText({ key: "summary.twoCurrencies", params, place: {} }, lang, fieldNames(lang));
  }
  const amounts = result.portfolio.twoCurrencies?.[total];
  return amounts && message(lang, "summary.notAdded", { why: totalInTwoCurrenciesText(amounts, lang) });
}

/**
 * Why a total's amounts are not added up, a row of each currency named: "balances in USD, e.g. row
 * 2, and EUR, e.g. row 5; no rate is known to add them"; "overdue amounts in EUR, e.g. row 3, and
 * balances in USD, e.g. row 2; …" for two totals set against each other.
 */
export function totalInTwoCurrenciesText(amounts: TotalInTwoCurrencies, lang: Lang): string {
  const { first, second } = amounts;
  // The ledger's sheet named once, at the first of its rows.
  const place = (at: PlacedCurrency, sheet: string | undefined) => amountPlaceText({ ...at, sheet }, lang);
  return message(lang, first.amounts === second.amounts ? "total.twoCurrencies" : "total.twoKinds", {
    amounts: first.amounts,
    mark: first.currency,
    place: place(first, first.sheet),
    otherAmounts: second.amounts,
    otherMark: second.currency,
    otherPlace: place(second, second.sheet === first.sheet ? undefined : second.sheet),
  });
}

/** Where an amount of a total is: "row 2", 'row 5 of sheet "Invoices"', or an earlier review's 'customer "Acme"'. */
export function amountPlaceText(at: Pick<PlacedCurrency, "row" | "sheet" | "customer">, lang: Lang): string {
  if (at.customer !== undefined) return message(lang, "total.customer", { name: at.customer });
  return at.sheet === undefined
    ? message(lang, "total.row", { row: at.row })
    : message(lang, "total.sheetRow", { row: at.row, sheet: at.sheet });
}

/**
 * An amount the summary gives with its share of the exposure (the overdue amount, the exposure at
 * risk): "963,000.00 (24.0%)"; with why there is no share when the two are in two currencies
 * (shareOfExposureNotAdded).
 */
export function amountOfExposureText(
  amount: number,
  total: "overdueAmount" | "exposureAtRisk",
  p: PortfolioResult,
  lang: Lang,
): string {
  const why = shareOfExposureNotAdded(total, p, lang);
  const shown = totalAmountText(amount, total, p, lang);
  if (why === undefined) return amountWithShare(amount, p.exposure ?? 0, lang, shown);
  return message(lang, "sep.aside", { main: shown, aside: why });
}

/**
 * Why an amount's share of the exposure is not worked out: the exposure's balances are in two
 * currencies, or the overdue amounts are in another than the balances. Undefined when it is, and
 * when the amount itself is not added up (totalNotAddedText says why).
 */
export function shareOfExposureNotAdded(
  total: "overdueAmount" | "exposureAtRisk",
  p: Pick<PortfolioResult, "twoCurrencies">,
  lang: Lang,
): string | undefined {
  if (p.twoCurrencies?.[total]) return undefined;
  const amounts = p.twoCurrencies?.exposure ?? (total === "overdueAmount" ? p.twoCurrencies?.overdueAmountShare : undefined);
  return amounts && message(lang, "summary.shareNotAdded", { why: totalInTwoCurrenciesText(amounts, lang) });
}

/** What a sheet without a Sales column leaves out (see ColumnReport.zWithoutSales), in every face's words. */
export function zWithoutSalesText(policy: Pick<Policy, "overdueDays" | "defaultZModel">, lang: Lang): string {
  return message(lang, "review.noSalesColumn", {
    column: FIELD_LABELS.sales[lang],
    check: warningTitle("Z_DISTRESS", lang, policy),
    model: policy.defaultZModel,
  });
}

/**
 * What the score-rise check measured against, said once for the sheet: the archive's scores
 * rather than the sheet's Previous score column, as every review after the first does for a
 * customer the archive scored (the column is left as the user keeps it and its figures may be
 * months old; a customer whose column would have decided otherwise has a note of its own,
 * customer.ts); or, before the archive scored any, the column, so that a rise read beside "no
 * earlier review in the archive" is not taken for a slip. Undefined without the column, or when
 * no customer had a score to compare with. Said under the check's row on the summary, after its
 * title elsewhere.
 */
export function previousScoreSourceText(result: Pick<ReviewResult, "columns" | "customers">, lang: Lang): string | undefined {
  if (!result.columns.found.some((f) => f.field === "previousScore")) return undefined;
  const column = FIELD_LABELS.previousScore[lang];
  if (result.customers.some((c) => c.previousScoreFrom === "archive"))
    return message(lang, "review.previousScoreFromArchive", { column });
  if (result.customers.some((c) => c.previousScoreFrom === "sheet"))
    return message(lang, "review.previousScoreFromSheet", { column });
  return undefined;
}

/** The same after the check's title, as the printed report's columns and the pane's Columns tab give it. */
export function previousScoreSourceLine(
  result: Pick<ReviewResult, "columns" | "customers" | "policy">,
  lang: Lang,
): string | undefined {
  const source = previousScoreSourceText(result, lang);
  return source && labelled(warningTitle("SCORE_RISE", lang, result.policy), source, lang);
}

/**
 * A customer's next review as the pane shows it: its date, and why when a re-assessment now
 * brought it forward to the review's own date ("2026-11-30 (re-assess now)"), which would
 * otherwise read as a slip. The sheet's cell holds the date alone.
 */
export function nextReviewText(c: Pick<CustomerResult, "nextReview" | "actions">, lang: Lang): string | undefined {
  if (c.nextReview === undefined) return undefined;
  const date = dateText(c.nextReview, lang);
  return reviewsNow(c.actions) ? message(lang, "sep.aside", { main: date, aside: message(lang, "summary.do.REASSESS") }) : date;
}

/** A finding's title: its threshold is the policy's figure, so the overdue finding names its own day count. */
export function findingTitle(finding: Finding, lang: Lang): string {
  return message(lang, `warning.${finding.code}`, { days: finding.threshold });
}

/** A customer's warnings as one line, in the order the checks found them. */
export function warningList(findings: readonly Finding[], lang: Lang): string {
  return findings.map((f) => findingTitle(f, lang)).join(message(lang, "sep.items"));
}

/**
 * A finding titled with its figure against its threshold, the side it fired on between them:
 * "Many customers overdue (18.6% > 10%)", "Low liquidity (0.85 < 1.00)", "Overdue over 90 days
 * (107 days > 90 days)", "Score rose (+1.95 points > 1.00 points)": short enough for a line of the
 * dashboard or a column of the terminal's table. Its amounts are its customer's (`c`), with their
 * currency as `marks` says: "Over credit limit (USD 276,000.00 > USD 20,000.00)".
 */
export function findingWithFigure(finding: Finding, c: FindingOwner, lang: Lang, marks: AmountMarks): string {
  const shown = figureAgainstThreshold(finding, lang, undefined, c, marks);
  // A date against the look-back's first day: "(2026-11-16, on or after 2026-10-30)", not a comparison sign.
  if (finding.format === "date")
    return message(lang, "warning.withDate", {
      title: findingTitle(finding, lang),
      value: shown.value,
      lookBack: newsLookBackText(shown.threshold, lang),
    });
  // A count of days or a score's rise in points says so: "(107 days > 90 days)", not two bare
  // numbers. Shares carry their %, amounts read as money, ratios and Z-scores have no unit.
  const unit = (figure: string) =>
    finding.format === "days"
      ? message(lang, "warning.days", { days: figure })
      : finding.code === "SCORE_RISE"
        ? message(lang, "warning.points", { points: figure })
        : figure;
  return message(lang, "warning.withFigure", {
    title: findingTitle(finding, lang),
    // A score's rise is signed: "(+1.95 points > 1.00 points)" is not read as a score of 1.95.
    value: unit(finding.code === "SCORE_RISE" ? `+${shown.value}` : shown.value),
    threshold: unit(shown.threshold),
    side: WARNING_SIDE[finding.code],
  });
}

/** A customer's warnings as one line, each with its figure against its threshold, its amounts marked as `marks` says. */
export function warningListWithFigures(
  c: FindingOwner & { readonly findings: readonly Finding[] },
  lang: Lang,
  marks: AmountMarks,
): string {
  return c.findings.map((f) => findingWithFigure(f, c, lang, marks)).join(message(lang, "sep.items"));
}

/** The portfolio's warnings as one line, each with its figure against its threshold, or "none". */
export function portfolioWarningList(findings: readonly Finding[], lang: Lang): string {
  // Its warnings weigh shares of customers, no customer's amounts: nothing to mark.
  return findings.length ? warningListWithFigures({ findings }, lang, NO_MARKS) : message(lang, "summary.none");
}

/**
 * The portfolio's share of customers overdue against the share that warns, raised or not: "31.1%
 * (warning above 10%)"; without overdue data, that it is not known.
 */
export function overdueShareText(
  p: Pick<PortfolioResult, "overdueShare">,
  policy: Pick<Policy, "overdueShare">,
  lang: Lang,
): string {
  if (p.overdueShare === undefined) return message(lang, "summary.notAvailable");
  return message(lang, "summary.shareAgainstThreshold", {
    value: formatShare(p.overdueShare, lang),
    threshold: formatSetting(policy.overdueShare, lang),
  });
}

/** "Label: value" in the language's own punctuation ("标签：值" in Chinese). */
export function labelled(label: string, value: string | number, lang: Lang): string {
  return `${label}${message(lang, "sep.label")}${value}`;
}

/** What a customer is called: its name, or its id when the sheet gives no name. */
export function customerName(c: { readonly name: string; readonly id: string }): string {
  return c.name || c.id;
}

/**
 * A score as every face shows it: two decimals, or the fewest more that keep its figure in its
 * band (scoreDecimals), as the sheet's cell shows it: 3.497 under High from 3.50, never "3.50".
 */
export function formatScore(score: number, bands: GradeBands, lang: Lang): string {
  return formatFigure(score, "score", lang, scoreDecimals(score, bands) - SCORE_DECIMALS);
}

/** A Z-score as every face shows it: two decimals, or the fewest more that keep it in its zone (zDecimals): 2.90004 beside Safe, never "2.90". */
export function formatZ(z: number, zone: ZZone, lang: Lang): string {
  return formatFigure(z, "z", lang, zDecimals(z, zone) - Z_DECIMALS);
}

/**
 * A score as a message made before its language is known quotes it (see moneyText): as
 * formatScore shows it, a form English and Chinese read alike.
 */
export function scoreText(score: number, bands: GradeBands): string {
  return formatScore(score, bands, "en");
}

/** `moreDigits`: decimals beyond the format's usual ones, to tell apart two figures that would read alike. */
export function formatFigure(value: number, format: FigureFormat, lang: Lang, moreDigits = 0): string {
  if (format === "date") return dateText(value, lang);
  // An amount that is not nothing never reads as 0.00 (40 元 in 万元 is 0.004): it gets the decimals that show it.
  // (Down to a millionth of the unit, 0.01 元 in 万元: below that is float dust, and reads as nothing.)
  if (format === "money" && moreDigits === 0 && Math.abs(value) < 0.005 && Math.abs(value) >= 1e-6)
    moreDigits = Math.ceil(-Math.log10(Math.abs(value))) - 2;
  return numberFormat(lang, format, moreDigits).format(value);
}

const NUMBER_OPTIONS: Readonly<Record<Exclude<FigureFormat, "date"> | "count", Intl.NumberFormatOptions>> = {
  // A customer's or the portfolio's percentage as every cell shows it ("#,##0.0%"): 92.0%, 1,380.0%.
  percent: { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 },
  money: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  days: { maximumFractionDigits: 0 },
  count: { maximumFractionDigits: 0 },
  ratio: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  score: { minimumFractionDigits: SCORE_DECIMALS, maximumFractionDigits: SCORE_DECIMALS },
  z: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

/**
 * One formatter per language and format, made once: a plan formats a figure in every finding of
 * every customer, and building an Intl.NumberFormat each time made a 100,000-customer plan ~8×
 * slower.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, format: keyof typeof NUMBER_OPTIONS, moreDigits = 0): Intl.NumberFormat {
  const key = `${lang} ${format} ${moreDigits}`;
  let f = formatters.get(key);
  if (!f) {
    const options = NUMBER_OPTIONS[format];
    const digits = (options.maximumFractionDigits ?? 0) + moreDigits;
    const finer = moreDigits === 0 ? options : { ...options, minimumFractionDigits: digits, maximumFractionDigits: digits };
    formatters.set(key, (f = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", finer)));
  }
  return f;
}

/**
 * A share or a utilisation, as its cell shows it (the "#,##0.0%" format: 1,380.0%), in a table
 * of figures as in a sentence: 20.0% under 32.8%.
 */
export function formatShare(value: number, lang: Lang): string {
  return numberFormat(lang, "percent").format(value);
}

/**
 * A share the policy holds (a threshold, a setting), as the policy sheets show it: with its own
 * decimals (75%, 70.5%; percentDecimals), or `decimals` when more are needed to tell it from a
 * figure beside it.
 */
export function formatSetting(share: number, lang: Lang, decimals = percentDecimals(share)): string {
  return numberFormat(lang, "percent", decimals - 1).format(share);
}

function endsSentence(text: string | undefined): boolean {
  return text !== undefined && /[.。!！?？]$/.test(text);
}

/** Items as a list in a sentence: "a, b and c" (zh "a、b、c"). */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(message(lang, "sep.list"))}${message(lang, "sep.lastItem")}${items[items.length - 1]}`;
}

/**
 * Items one after another on one line: "; " between them (zh "；"), but after an item that ends
 * a sentence only the space between sentences, so a list of explained findings never reads ".;".
 */
export function itemsText(items: readonly string[], lang: Lang): string {
  let text = "";
  items.forEach((item, i) => {
    if (i > 0) text += message(lang, endsSentence(items[i - 1]) ? "sep.sentences" : "sep.items");
    text += item;
  });
  return text;
}

/** A count as the language writes it: 1,200 (and the same in Chinese). */
export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, "count").format(n);
}

/**
 * The ledger's invoices that no customer of the sheet matched, as one line: how many, their open
 * amount (or why it is not added up: they are in two currencies) and the first customers named,
 * with "…" when there are more than the ledger kept, and where the first invoice naming no customer is.
 */
export function unmatchedText(
  u: UnmatchedInvoices,
  p: Pick<PortfolioResult, "twoCurrencies" | "totalCurrencies">,
  lang: Lang,
): string {
  const named = u.customers - (u.unnamedAt ? 1 : 0);
  const shown = u.keys.map((key, i) => {
    const name = u.names?.[i];
    return name ? message(lang, "summary.unmatchedNamed", { key, name }) : key;
  });
  const keys = named > u.keys.length ? [...shown, "…"] : shown;
  const counts = {
    customers: formatCount(u.customers, lang),
    invoices: formatCount(u.invoices, lang),
    keys: keys.join(message(lang, "sep.list")),
  };
  // Their amount is not added up only for its two currencies, which the portfolio names.
  const line =
    u.amount === undefined
      ? message(lang, "summary.unmatchedTextNotAdded", {
          ...counts,
          why: totalInTwoCurrenciesText(p.twoCurrencies!.unmatchedInvoices!, lang),
        })
      : message(lang, "summary.unmatchedText", { ...counts, amount: totalAmountText(u.amount, "unmatchedInvoices", p, lang) });
  if (!u.unnamedAt) return line;
  // Invoices naming no customer have no key to list: the first one's cell is named instead.
  const unnamed = describeError({ key: "review.ledgerNoCustomer", params: {}, place: u.unnamedAt }, lang);
  return `${line}${message(lang, "sep.items")}${unnamed}`;
}

const LEFT_OUT_KEYS: Readonly<Record<LeftOutRow["kind"], MessageKey>> = {
  totals: "review.leftOutTotals",
  heading: "review.leftOutHeading",
  units: "review.leftOutUnits",
};

/** The rows a review left out as not customers, each by its sheet, row, label and kind, as one line; "" when none. */
export function leftOutText(rows: readonly LeftOutRow[], lang: Lang): string {
  if (rows.length === 0) return "";
  // A ledger with a subtotal under every customer has hundreds: the first few say what they are.
  const places = rows.slice(0, SHOWN_LEFT_OUT).map((r) =>
    message(lang, LEFT_OUT_KEYS[r.kind], {
      sheet: r.sheet,
      row: r.row,
      label: r.label,
    }),
  );
  return message(lang, "review.leftOut", { rows: rowsListed(places, rows.length, lang) });
}

/**
 * Rows of a sheet named in a line: the first few `shown` (their places), then how many more of
 * `count` there are, so a line over a sheet of 100,000 customers stays a line.
 */
function rowsListed(shown: readonly string[], count: number, lang: Lang): string {
  const listed = shown.join(message(lang, "sep.list"));
  const more = count - shown.length;
  return more > 0 ? message(lang, "review.leftOutMore", { rows: listed, count: formatCount(more, lang) }) : listed;
}

/**
 * Row numbers in a line, in order, three or more consecutive ones as a run: the first SHOWN_ROWS
 * items, then how many more rows ("6, 7, 9–40 and 12 more"; "第 6、7、9–40 行，另有 12 行"), so
 * the rows of a sheet sorted whole are one run, not 100,000 numbers.
 */
export function rowNumbersText(rows: readonly number[], lang: Lang): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const items: string[] = [];
  let listed = 0;
  for (let i = 0; i < sorted.length && items.length < SHOWN_ROWS;) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    if (end - i >= 2) {
      items.push(message(lang, "sep.range", { from: sorted[i], to: sorted[end] }));
      listed += end - i + 1;
      i = end + 1;
    } else {
      items.push(String(sorted[i]));
      listed++;
      i++;
    }
  }
  const text = items.join(message(lang, "sep.list"));
  const more = sorted.length - listed;
  return more > 0
    ? message(lang, "review.rowNumbersMore", { rows: text, count: formatCount(more, lang) })
    : message(lang, "review.rowNumbers", { rows: text });
}

/** How many row numbers or runs of them a line names before counting the rest (rowNumbersText). */
const SHOWN_ROWS = 8;

/** How a figure typed in each output column is shown (a text column's figure as a plain number, two decimals). */
const TYPED_OVER_FORMATS: Readonly<Record<TypedOverCell["field"], FigureFormat>> = {
  score: "score",
  paymentHistoryPoints: "score",
  contractPerformancePoints: "score",
  industryRiskPoints: "score",
  marketReputationPoints: "score",
  complianceRecordPoints: "score",
  grade: "score",
  zScore: "z",
  zZone: "score",
  warnings: "score",
  findings: "score",
  recommendation: "score",
  recommendedLimit: "money",
  monitoring: "score",
  nextReview: "date",
  utilisation: "percent",
  availableCredit: "money",
  overdueBalance: "money",
  oldestDaysOverdue: "days",
  issues: "score",
  aging: "money",
};

/** A review run again on its date: what writing it does to the archive's review of that date. */
export function replacesRunText(result: Pick<ReviewResult, "sheet" | "asOf">, lang: Lang): string {
  return message(lang, "review.replacesRun", { sheet: result.sheet, date: dateText(result.asOf, lang) });
}

/**
 * How many days after today an as-of date may be before it is cautioned against: a month-end
 * review run a few weeks early is common; a year typed wrong (2062 for 2026) is not.
 */
export const AS_OF_AHEAD_DAYS = 31;

/**
 * The caution for an as-of date more than AS_OF_AHEAD_DAYS after `today`, or undefined: every
 * invoice would be aged to that day, and the archive would keep the review under it, ahead of
 * every review run until then.
 */
export function asOfAheadText(asOf: number, today: number, lang: Lang): string | undefined {
  const days = asOf - today;
  if (days <= AS_OF_AHEAD_DAYS) return undefined;
  return message(lang, "review.asOfAhead", {
    date: dateText(asOf, lang),
    days: formatCount(days, lang),
    today: dateText(today, lang),
  });
}

/**
 * Why an as-of date more than a century from `today` is refused, or undefined: every due date,
 * news date and archived review would be read against a day no review of this sheet can mean
 * (a year typed wrong, 1926 for 2026), the rule the functions hold their dates to.
 */
export function asOfFarText(asOf: number, today: number, lang: Lang): string | undefined {
  if (!isMoreThanACentury(asOf - today)) return undefined;
  return message(lang, "review.asOfFar", { date: dateText(asOf, lang), today: dateText(today, lang) });
}

/**
 * A back-dated review, run after later ones: its rows go in their date's place in the archive,
 * and the customer sheet and the summary now show it, not the latest review.
 */
export function laterReviewsText(asOf: number, later: readonly number[], lang: Lang): string {
  return message(lang, "review.laterReviews", {
    date: dateText(asOf, lang),
    count: later.length,
    dates: later.map((d) => dateText(d, lang)).join(message(lang, "sep.list")),
    latest: dateText(later[later.length - 1], lang),
  });
}

/** Archive rows whose review date cannot be read: kept where they are, never compared with, until the date is typed again. */
export function undatedArchiveText(undated: UndatedRows, lang: Lang): string {
  const rows = undated.rows.map((r) =>
    message(lang, "review.undatedRow", { row: r.row, shown: r.shown === "" ? message(lang, "review.typedOverBlank") : r.shown }),
  );
  const more = undated.count - rows.length;
  return message(lang, "review.undatedArchive", {
    count: undated.count,
    rows: rows.join(message(lang, "sep.list")) + (more > 0 ? message(lang, "review.undatedMore", { count: more }) : ""),
  });
}

/**
 * The longest text typed over that the archive keeps whole: a row's every output column typed
 * over with such texts stays within a cell's 32,767 characters.
 */
const ARCHIVED_TEXT = 1000;

/** What a cell changed by hand holds and what the review wrote there: '"Medium" (the review wrote High)'. */
function typedOverChange(cell: TypedOverCell, lang: Lang, reviewDate?: number): string {
  // The archive's record (dated) keeps a text typed in whole, up to ARCHIVED_TEXT: a note the
  // review writes over is kept there and nowhere else. The other faces list it shortened.
  const shown = (value: string | boolean) =>
    reviewDate !== undefined && typeof value === "string" && value.trim() !== ""
      ? value.length > ARCHIVED_TEXT
        ? `${value.slice(0, ARCHIVED_TEXT - 3)}...`
        : value
      : showValue(value);
  const format = TYPED_OVER_FORMATS[cell.field];
  // A score typed over one that reads alike (3.5 over 3.497) is shown with the decimals that tell them apart.
  const more =
    typeof cell.typed === "number" && typeof cell.written === "number"
      ? decimalsApart(cell.written, [cell.typed], format, lang)
      : 0;
  const figure = (value: PlanValue): string => {
    if (value === null || value === "") return message(lang, "review.typedOverBlank");
    if (typeof value === "number") return formatFigure(value, format, lang, more);
    // Shortened on the faces that list cells; the archive keeps a text whole (see ARCHIVED_TEXT).
    return message(lang, "review.typedOverText", { text: shown(value) });
  };
  // A column the archive keeps only a check of: what the review wrote there is not known, only that it was not this.
  if (cell.written === undefined) {
    const typed = figure(cell.typed);
    return reviewDate === undefined
      ? message(lang, "review.typedOverChanged", { typed })
      : message(lang, "review.typedOverChangedOn", { typed, date: dateText(reviewDate, lang) });
  }
  const params = {
    typed: figure(cell.typed),
    // A grade or a zone is written as its code, named in this run's language; a text (the issues) as it was.
    written:
      typeof cell.written === "string" && cell.field === "grade"
        ? gradeName(cell.written as Grade, lang)
        : typeof cell.written === "string" && cell.field === "zZone"
          ? zoneName(cell.written as ZZone, lang)
          : figure(cell.written),
  };
  return reviewDate === undefined
    ? message(lang, "review.typedOverChange", params)
    : message(lang, "review.typedOverChangeOn", { ...params, date: dateText(reviewDate, lang) });
}

/** Each listed cell changed by hand: its cell, its column, its customer, what it holds and what the review wrote. */
export function typedOverCellTexts(over: TypedOver, sheet: string, lang: Lang, shown = over.cells.length): string[] {
  return over.cells.slice(0, shown).map((c) =>
    message(lang, "review.typedOverCell", {
      cell: `${sheetReference(sheet, "whenNeeded")}!${columnLetter(c.column)}${c.row}`,
      // In the run's language (a sheet an earlier run wrote in the other has its headers in that one); an aging bucket's as the sheet heads it.
      header: c.field === "aging" ? c.header : OUTPUT_HEADERS[c.field][lang],
      customer: c.customer,
      change: typedOverChange(c, lang),
    }),
  );
}

/**
 * One customer's cells changed by hand as its archive row keeps them, each by the archive's own
 * header for its column (the row names the customer and the sheet), with the date of the review
 * whose value was typed over, which a back-dated row's own date is not: 'Risk grade: "Medium"
 * (the review of 2026-11-30 wrote High)'.
 */
export function typedOverOfCustomer(cells: readonly TypedOverCell[], reviewDate: number, lang: Lang): string {
  return cells
    .map((c) =>
      labelled(c.field === "aging" ? c.header : OUTPUT_HEADERS[c.field][lang], typedOverChange(c, lang, reviewDate), lang),
    )
    .join(message(lang, "sep.items"));
}

/**
 * The review's own cells changed by hand since the review that wrote them, as one line: each by
 * its cell, its column, what it holds and what that review wrote, the first few of them.
 */
export function typedOverText(over: TypedOver, sheet: string, lang: Lang): string {
  const cells = typedOverCellTexts(over, sheet, lang, SHOWN_TYPED_OVER);
  const listed = cells.join(message(lang, "sep.items"));
  const more = over.count - cells.length;
  return message(lang, "review.typedOver", {
    count: formatCount(over.count, lang),
    date: checkedReviewText(over, lang),
    cells:
      more > 0
        ? message(lang, "review.typedOverMore", {
            cells: listed,
            count: formatCount(more, lang),
            column: message(lang, "archive.typedOver"),
          })
        : listed,
  });
}

/** The review whose cells were checked, as the texts date it: with its sheet when it is another's (the sheet renamed since). */
export function checkedReviewText(of: { readonly reviewDate: number; readonly historySheet?: string }, lang: Lang): string {
  const date = dateText(of.reviewDate, lang);
  return of.historySheet === undefined ? date : message(lang, "review.reviewOfSheet", { date, sheet: of.historySheet });
}

/**
 * The review's columns emptied whole since it wrote them, as one line: all of them, or the
 * first few by letter and header.
 */
export function clearedColumnsText(cleared: ClearedColumns, lang: Lang): string {
  const date = checkedReviewText(cleared, lang);
  if (cleared.all) return message(lang, "review.clearedAll", { date });
  return message(lang, "review.clearedColumns", {
    count: formatCount(cleared.columns.length, lang),
    date,
    columns: clearedColumnList(cleared, lang),
  });
}

/** The emptied columns by letter and header, the first few of them: "AH Recommendation; AK Next review". */
export function clearedColumnList(cleared: ClearedColumns, lang: Lang): string {
  const shown = cleared.columns
    .slice(0, SHOWN_CLEARED)
    .map(({ column, header }) => message(lang, "review.clearedColumn", { column: columnLetter(column), header }))
    .join(message(lang, "sep.items"));
  const more = cleared.columns.length - SHOWN_CLEARED;
  return more > 0 ? message(lang, "review.clearedMore", { columns: shown, count: formatCount(more, lang) }) : shown;
}

/** How many emptied columns a line names before counting the rest. */
const SHOWN_CLEARED = 5;

/**
 * What the review found of its own cells since the review that wrote them, a line each: cells
 * typed over, rows moved under them, responses the rows left behind, columns emptied. Every face says them, in this order, after
 * the review and before a write.
 */
export function ownCellsLines(
  result: Pick<ReviewResult, "sheet" | "typedOver" | "movedRows" | "responsesLeftBehind" | "clearedColumns">,
  lang: Lang,
): string[] {
  return [
    ...(result.typedOver ? [typedOverText(result.typedOver, result.sheet, lang)] : []),
    ...(result.movedRows ? [movedRowsText(result.movedRows, lang)] : []),
    ...(result.responsesLeftBehind ? [responsesLeftBehindText(result.responsesLeftBehind, lang)] : []),
    ...(result.clearedColumns ? [clearedColumnsText(result.clearedColumns, lang)] : []),
  ];
}

/** The rows whose data moved under the review's columns, as one line: why their cells changed, and that nobody typed there. */
export function movedRowsText(moved: MovedRows, lang: Lang): string {
  const text = message(lang, "review.movedRows", {
    count: formatCount(moved.count, lang),
    rows: rowNumbersText(moved.rows, lang),
    date: checkedReviewText(moved, lang),
    why: message(lang, "review.movedRowsWhy"),
  });
  return text;
}

/** The rows whose Action taken text stayed behind when they moved, another customer's response, as one line naming them. */
export function responsesLeftBehindText(left: ResponsesLeftBehind, lang: Lang): string {
  return message(lang, "review.responsesLeftBehind", {
    count: left.rows.length,
    rows: rowNumbersText(left.rows, lang),
    date: checkedReviewText(left, lang),
    column: FIELD_LABELS.actionTaken[lang],
  });
}

/** How many changed cells a line names before counting the rest. */
const SHOWN_TYPED_OVER = 5;

/**
 * The amount columns converted into the customer sheet's unit, and those in another currency
 * (compared as they stand), as lines; none when there are neither.
 */
export function amountUnitsLines(units: AmountUnits, lang: Lang): string[] {
  if (!units.unit) return [];
  const columns = (list: AmountUnits["converted"]) =>
    list
      .map((c) => message(lang, "review.unitColumn", { sheet: c.sheet, header: c.header, from: c.from.label }))
      .join(message(lang, "sep.list"));
  const lines: string[] = [];
  if (units.converted.length)
    lines.push(message(lang, "review.unitsConverted", { unit: units.unit.label, columns: columns(units.converted) }));
  if (units.otherCurrency.length)
    lines.push(message(lang, "review.unitsOtherCurrency", { unit: units.unit.label, columns: columns(units.otherCurrency) }));
  return lines;
}

/** How many left-out rows a report names before counting the rest. */
const SHOWN_LEFT_OUT = 5;

/**
 * A customer's amount as the customers' lists and details show it: with its currency, "USD
 * 120,000.00", where the portfolio's amounts of its kind are in two (amountMarks), so that two
 * customers' amounts side by side never read as one currency; "120,000.00" otherwise. `field`:
 * the receivable it is, or whose currency it is in (a recommended limit is in its credit limit's).
 */
export function customerAmountText(
  value: number,
  c: Parameters<typeof amountMark>[0],
  field: ReceivableField,
  marks: AmountMarks,
  lang: Lang,
): string {
  return withAmountMark(formatFigure(value, "money", lang), c, field, marks, lang);
}

/**
 * A customer's credit limit, or a limit the review recommends against it, as customerAmountText
 * shows it: a recommended limit is in its credit limit's currency.
 */
function limitAmountText(value: number, c: Parameters<typeof amountMark>[0], marks: AmountMarks, lang: Lang): string {
  return customerAmountText(value, c, "creditLimit", marks, lang);
}

/**
 * A customer's overdue amount in the currency it is known to be in (a move's, or a cleared
 * warning's: CustomerChange.overdueCurrency, the one it owed in then for a customer paid off
 * since), marked as `marks` marks overdue amounts.
 */
function overdueAmountText(value: number, currency: CurrencyMark | undefined, marks: AmountMarks, lang: Lang): string {
  return inCurrencyText(formatFigure(value, "money", lang), marks.marked.has("overdueAmount") ? currency : undefined, lang);
}

/**
 * A portfolio total as every face shows it: with its currency, "USD 963,000.00", where the
 * portfolio says its totals' currencies (PortfolioResult.totalCurrencies: some other total is in
 * two), so it is not read as in either of those; "963,000.00" otherwise.
 */
export function totalAmountText(
  value: number,
  total: AmountTotal,
  p: Pick<PortfolioResult, "totalCurrencies">,
  lang: Lang,
): string {
  return inCurrencyText(formatFigure(value, "money", lang), p.totalCurrencies?.[total], lang);
}

/** An amount as written (`amount`), with its currency as customerAmountText gives it, or as it is. */
function withAmountMark(
  amount: string,
  c: Parameters<typeof amountMark>[0],
  field: ReceivableField,
  marks: AmountMarks,
  lang: Lang,
): string {
  return inCurrencyText(amount, amountMark(c, field, marks), lang);
}

/** An amount as written, with its currency ("USD 120,000.00"), or as it is when `currency` is undefined. */
function inCurrencyText(amount: string, currency: CurrencyMark | undefined, lang: Lang): string {
  return currency === undefined ? amount : amountInCurrencyText(amount, currency, lang);
}

/** A change in a figure with its sign: +0.55, -20,000.00, 0.00. */
export function formatChange(value: number, format: FigureFormat, lang: Lang): string {
  const shown = formatFigure(value, format, lang);
  return value > 0 && /[1-9]/.test(shown) ? `+${shown}` : shown;
}

/** A message, its key and parameters, for a face to say in its language (the pane's `t`, the command line's `message`). */
export interface FaceMessage {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/** The customer sheet's Excel table resized: its name, its cells before and after. */
export interface TableResized {
  readonly table: string;
  readonly from: Area;
  readonly to: Area;
}

/** The customer sheet's Excel table left to the user's columns: its name and the review's headers that are already its columns' names. */
export interface TableClash {
  readonly table: string;
  readonly names: readonly string[];
}

/**
 * When a face speaks of the customer table: "done" after the write (the pane's notice, the
 * command line's report), "asked" in the question before it, of what the write will do.
 */
export type TableTime = "done" | "asked";

const TABLE_KEYS = {
  done: { grown: "review.tableGrown", shrunk: "review.tableShrunk", clash: "review.tableNotExtended" },
  asked: { grown: "review.tableWillGrow", shrunk: "review.tableWillShrink", clash: "review.tableWillNotExtend" },
} as const satisfies Record<TableTime, Record<string, MessageKey>>;

/** The customer table resized by the review: grown over the review's columns, or shrunk off the columns it clears. */
export function tableResizedMessage(resized: TableResized, sheet: string, time: TableTime = "done"): FaceMessage {
  const grown = resized.to.columns > resized.from.columns;
  return {
    key: TABLE_KEYS[time][grown ? "grown" : "shrunk"],
    params: { sheet, table: resized.table, range: a1(resized.to), was: a1(resized.from) },
  };
}

/** The customer table not extended over the review's columns for a clash of names. */
export function tableClashMessage(clash: TableClash, sheet: string, time: TableTime = "done"): FaceMessage {
  return {
    key: TABLE_KEYS[time].clash,
    params: { table: clash.table, sheet, names: clash.names.map((name) => `"${headerOnOneLine(name)}"`) },
  };
}

/**
 * What the faces say of the customer table, after a write (the pane's notice, the command
 * line's report) or before it (the pane's question): the clash when there is one (a table taken
 * back to the user's columns on a clash is there for the clash, which the resize's own line
 * would not say), else the resize.
 */
export function customerTableMessages(
  table: { readonly resized?: TableResized; readonly clash?: TableClash },
  sheet: string,
  time: TableTime = "done",
): FaceMessage[] {
  if (table.clash) return [tableClashMessage(table.clash, sheet, time)];
  return table.resized ? [tableResizedMessage(table.resized, sheet, time)] : [];
}

/**
 * What the portfolio's utilisation leaves out, said beside it in every face: the balances owed by
 * customers without a credit limit, which no limit weighs. Undefined when every balance has one,
 * or when there is no utilisation to speak of.
 */
export function utilisationLeavesOutText(
  p: Pick<PortfolioResult, "utilisation" | "withoutLimit" | "twoCurrencies" | "totalCurrencies">,
  lang: Lang,
): string | undefined {
  const { amount, customers } = p.withoutLimit;
  // No utilisation (no limit known, no such column): nothing it could leave out.
  if (p.utilisation === undefined || customers === 0) return undefined;
  // Owed in two currencies: who, and why no amount.
  const amounts = p.twoCurrencies?.withoutLimit;
  if (amounts)
    return message(lang, "summary.utilisationLeavesOutCustomers", {
      count: customers,
      why: totalInTwoCurrenciesText(amounts, lang),
    });
  if (!(amount! > 0)) return undefined;
  return message(lang, "summary.utilisationLeavesOut", {
    amount: totalAmountText(amount!, "withoutLimit", p, lang),
    count: customers,
  });
}

/**
 * The base of the share of customers overdue, said beside it in every face when it is not every
 * customer: those whose overdue figures could not be worked out count neither way (40 of 44).
 * Undefined when every customer counts, or when there is no share.
 */
export function overdueShareBaseText(
  p: Pick<PortfolioResult, "overdueShare" | "overdueCustomers" | "overdueCounted" | "reviewed" | "withErrors">,
  lang: Lang,
): string | undefined {
  if (p.overdueShare === undefined || p.overdueCounted >= p.reviewed + p.withErrors) return undefined;
  return message(lang, "summary.overdueShareBase", {
    overdue: formatCount(p.overdueCustomers, lang),
    counted: formatCount(p.overdueCounted, lang),
  });
}

/** The share of customers overdue as a percentage, with its base beside it when that is not every customer (the command line's summary). */
export function overdueShareWithBaseText(
  p: Pick<PortfolioResult, "overdueShare" | "overdueCustomers" | "overdueCounted" | "reviewed" | "withErrors">,
  lang: Lang,
): string {
  const shown = formatShare(p.overdueShare ?? 0, lang);
  const base = overdueShareBaseText(p, lang);
  return base ? message(lang, "sep.aside", { main: shown, aside: base }) : shown;
}

/** The utilisation as a percentage, with what it leaves out beside it when it does (the command line's and the pane's summaries). */
export function utilisationText(
  p: Pick<PortfolioResult, "utilisation" | "withoutLimit" | "twoCurrencies" | "totalCurrencies">,
  lang: Lang,
): string {
  const shown = formatShare(p.utilisation ?? 0, lang);
  const leftOut = utilisationLeavesOutText(p, lang);
  return leftOut ? message(lang, "sep.aside", { main: shown, aside: leftOut }) : shown;
}

/** The top risks' title: what ranks them, their balances unless those are in two currencies (see byBalance). */
export function topRisksTitle(p: Pick<PortfolioResult, "twoCurrencies">, lang: Lang): string {
  return message(lang, byBalance(p) ? "summary.topRisks" : "summary.topRisksByScore");
}

/** An amount with its share of a whole, "963,000.00 (24.0%)"; the amount alone when the whole is 0. */
export function amountWithShare(amount: number, whole: number, lang: Lang, shown = formatFigure(amount, "money", lang)): string {
  if (!(whole > 0)) return shown;
  return message(lang, "figure.withShare", { amount: shown, share: formatShare(amount / whole, lang) });
}

/**
 * A notice about the invoice ledger (a sheet not used for a missing column or for numbers of days
 * as its due dates, invoices taken as unpaid, currencies mixed), as one line.
 */
export function ledgerNoticeText(notice: LedgerNotice, lang: Lang): string {
  const field = (f: LedgerField) => message(lang, "review.quotedField", { field: LEDGER_LABELS[f][lang] });
  const fallback = message(lang, "review.ledgerFallback");
  if (notice.kind === "daysForDueDates") {
    const { sheet, row, value, date, far, notDates } = notice;
    // "Every due date" only when no other was unreadable rather than far: else both counted.
    return message(lang, notDates === 0 ? "review.ledgerDaysForDueDates" : "review.ledgerDaysForSomeDueDates", {
      sheet,
      column: columnText(notice.column, lang),
      row,
      value,
      date,
      far: formatCount(far, lang),
      notDates: formatCount(notDates, lang),
      fallback,
    });
  }
  if (notice.kind === "mixedCurrencies") {
    const shown = notice.currencies.slice(0, MAX_CURRENCIES_SHOWN);
    if (notice.currencies.length > shown.length) shown.push("…");
    return message(lang, "review.ledgerMixedCurrencies", {
      sheet: notice.sheet,
      currencies: shown.join(message(lang, "sep.list")),
    });
  }
  if (notice.kind === "takenAsUnpaid") {
    return message(lang, "review.ledgerTakenAsUnpaid", { sheet: notice.sheet, paid: field("paid"), open: field("openAmount") });
  }
  const fields = notice.missing.map(field).join(message(lang, "sep.list"));
  return message(lang, "review.ledgerNotUsed", { sheet: notice.sheet, fields, fallback });
}

/** How a figure is written, in one language. */
export type FigureText = (value: number, format: FigureFormat) => string;

/**
 * formatFigure, each figure written once: a plan explains tens of thousands of findings whose
 * thresholds, and many of whose figures (days, amounts over a limit), repeat, and the number
 * formatter is slow. Zero is written each time: a cache would not tell 0 from -0.
 */
export function rememberedFigures(lang: Lang): FigureText {
  const written: Partial<Record<FigureFormat, Map<number, string>>> = {};
  return (value, format) => {
    if (value === 0) return formatFigure(value, format, lang);
    const byValue = (written[format] ??= new Map());
    let text = byValue.get(value);
    if (text === undefined) byValue.set(value, (text = formatFigure(value, format, lang)));
    return text;
  };
}

/**
 * One finding as a sentence with its figure against its threshold, its amounts its customer's
 * (`c`) with their currency as `marks` says: "Outstanding balance USD 276,000.00 is above the
 * credit limit USD 20,000.00."
 */
export function explainFinding(
  finding: Finding,
  c: FindingOwner,
  lang: Lang,
  marks: AmountMarks,
  figure: FigureText = (value, format) => formatFigure(value, format, lang),
): string {
  const shown = figureAgainstThreshold(finding, lang, figure, c, marks);
  // A score's rise says from what, to what and since when: a bare "rose by 2.05" leaves the reader to look both up.
  if (finding.from !== undefined && finding.to !== undefined)
    return message(lang, finding.since === undefined ? "warning.SCORE_RISE.sinceSheet" : "warning.SCORE_RISE.since", {
      ...shown,
      from: figure(finding.from, finding.format),
      to: figure(finding.to, finding.format),
      date: finding.since === undefined ? "" : dateText(finding.since, lang),
      column: FIELD_LABELS.previousScore[lang],
    });
  return message(
    lang,
    `warning.${finding.code}.detail`,
    finding.format === "date" ? { ...shown, lookBack: newsLookBackText(shown.threshold, lang) } : shown,
  );
}

/**
 * The negative-news look-back from its first day as written (`since`): "on or after 2026-10-30",
 * "不早于 2026年10月30日". The warning, its explanation and the text saying it cleared all name it so.
 */
function newsLookBackText(since: string, lang: Lang): string {
  return message(lang, "warning.newsLookBack", { since });
}

/** Whose amounts a finding quotes: its customer's, each in the currency its row names for it. */
export type FindingOwner = Parameters<typeof amountMark>[0];

/**
 * Which of its customer's receivables a finding's amounts are, figure and threshold: the balance
 * over the credit limit. Ratios, days, scores and dates are no amounts and carry no currency.
 */
const FINDING_AMOUNTS: Readonly<Partial<Record<WarningCode, { value: ReceivableField; threshold: ReceivableField }>>> = {
  OVER_LIMIT: { value: "balance", threshold: "creditLimit" },
};

/**
 * A finding's figure and threshold as written side by side, its amounts with their currency as
 * `marks` says for its customer `c` (customerAmountText's marks).
 */
function figureAgainstThreshold(
  finding: Finding,
  lang: Lang,
  figure: FigureText | undefined,
  c: FindingOwner,
  marks: AmountMarks,
): { value: string; threshold: string } {
  const shown = figureBesideThreshold(finding, lang, figure);
  // One currency (nearly every review) marks nothing: no look-up per finding.
  const amounts = marks.marked.size === 0 ? undefined : FINDING_AMOUNTS[finding.code];
  if (amounts === undefined) return shown;
  return {
    value: withAmountMark(shown.value, c, amounts.value, marks, lang),
    threshold: withAmountMark(shown.threshold, c, amounts.threshold, marks, lang),
  };
}

/**
 * A finding's figure and threshold as written side by side. A figure that fired is never equal to
 * its threshold, so where the usual decimals make them read alike ("Debt ratio 70% is above 70%"
 * for 70.001%) more are shown, up to four more, until they differ.
 */
function figureBesideThreshold(
  finding: Finding,
  lang: Lang,
  figure: FigureText = (value, format) => formatFigure(value, format, lang),
): { value: string; threshold: string } {
  const value = figure(finding.value, finding.format);
  const threshold = figure(finding.threshold, finding.format);
  // A share's threshold is the policy's, shown as the policy sheets show it (75%), beside a figure of one decimal (92.0%).
  const policyShare = finding.format === "percent" ? formatSetting(finding.threshold, lang) : threshold;
  if (value !== threshold || finding.format === "date") return { value, threshold: policyShare };
  const more = decimalsApart(finding.value, [finding.threshold], finding.format, lang);
  return {
    value: formatFigure(finding.value, finding.format, lang, more),
    threshold:
      finding.format === "percent"
        ? formatSetting(finding.threshold, lang, Math.max(1 + more, percentDecimals(finding.threshold)))
        : formatFigure(finding.threshold, finding.format, lang, more),
  };
}

/**
 * How many decimals beyond a format's usual ones a figure needs not to read as any of `edges`
 * it differs from (up to four more): 0 for nearly every figure.
 */
function decimalsApart(value: number, edges: readonly number[], format: FigureFormat, lang: Lang): number {
  if (format === "date") return 0;
  // Figures a whole last shown digit apart never read alike: nearly every call ends here, unformatted.
  const unit = (format === "percent" ? 0.01 : 1) * 10 ** -(NUMBER_OPTIONS[format].maximumFractionDigits ?? 0);
  if (edges.every((e) => e === value || Math.abs(e - value) >= unit)) return 0;
  for (let more = 0; more < MOST_MORE_DECIMALS; more++) {
    const shown = formatFigure(value, format, lang, more);
    if (edges.every((e) => e === value || formatFigure(e, format, lang, more) !== shown)) return more;
  }
  return MOST_MORE_DECIMALS;
}

/** Up to ten decimals in all, where a figure is its own (withoutFloatDust): 1.8099999 is never "1.810000" beside its line. */
const MOST_MORE_DECIMALS = 8;

/** How many decimals a figure has once its float dust is gone: 3 for 3.505. */
function decimalsOf(value: number): number {
  return String(withoutFloatDust(value)).split(".")[1]?.length ?? 0;
}

function isRule(reason: Reason): reason is Rule {
  return (RULES as readonly string[]).includes(reason);
}

/** What an action rests on, in a few words: the warning's title or the rule's. */
export function reasonTitle(reason: Reason, lang: Lang, policy: Pick<Policy, "overdueDays" | "legalActionDays">): string {
  return isRule(reason) ? message(lang, `rule.${reason}`, { days: policy.legalActionDays }) : warningTitle(reason, lang, policy);
}

/**
 * A customer's actions as one line, each with its reason: the Recommendation column and the
 * printed table. `waitsForFix`: the customer has a data error, and the line ends by saying what
 * waits for its fix (its actions are those that need no grade).
 */
export function recommendationText(
  actions: readonly Decision[],
  lang: Lang,
  policy: Pick<Policy, "overdueDays" | "legalActionDays">,
  waitsForFix = false,
): string {
  const lines = actions.map((d) =>
    message(lang, "decision.line", { action: message(lang, `action.${d.code}`), reason: reasonTitle(d.because, lang, policy) }),
  );
  if (waitsForFix) lines.push(message(lang, "decision.waitsForFix"));
  return lines.join(message(lang, "sep.items"));
}

/**
 * What of a customer's recommendation waits for its data fix (its grade's actions, its limit, its
 * next review): said when its row has a data error, whose actions are those that need no grade.
 */
export function waitingText(c: Pick<CustomerResult, "errors">, lang: Lang): string | undefined {
  return c.errors.length > 0 ? message(lang, "decision.waitsForFix") : undefined;
}

/** A customer's Recommendation, as every face writes it: its actions, then what waits for a data fix. */
export function customerRecommendation(
  c: Pick<CustomerResult, "actions" | "errors">,
  lang: Lang,
  policy: Pick<Policy, "overdueDays" | "legalActionDays">,
): string {
  return recommendationText(c.actions, lang, policy, waitingText(c, lang) !== undefined);
}

/** What a decision's reason says about one customer: its figures against the policy's. */
export interface DecisionSubject {
  readonly score?: number;
  readonly balance?: number;
  readonly overdueAmount?: number;
  readonly daysPastDue?: number;
  /** With a ledger: the amount more than the legal-action days past due, which the legal-action reason quotes. */
  readonly overduePastLegalAction?: number;
  readonly findings: readonly Finding[];
  /** The currency each of its amounts is in, as its row names them: an amount it states is marked as the lists mark it. */
  readonly currencies?: ReceivableCurrencies;
  /** With a ledger: its invoices' currency, the one its overdue amount is in (overdueCurrency). */
  readonly ledgerCurrency?: CurrencyMark;
}

/**
 * A top risk's reason with what to do about it, as every face lists it: "… To do: prepayment;
 * limit 540,000.00 → 270,000.00", its amounts with their currency as `marks` says (customerAmountText).
 */
export function topRiskText(
  reason: Reason,
  c: DecisionSubject & Pick<CustomerResult, "actions" | "creditLimit" | "recommendedLimit">,
  lang: Lang,
  policy: Policy,
  marks: AmountMarks,
): string {
  const why = reasonDetail(reason, c, lang, policy, marks);
  const todo = shortDecisionsText(c, lang, marks);
  return todo ? message(lang, "summary.reasonTodo", { reason: why, actions: todo }) : why;
}

/** The customers needing action a list leaves unnamed, pointing to the column that names them all. */
export function moreDecisionsText(count: number, sheet: string, lang: Lang): string {
  return message(lang, "summary.moreDecisions", {
    count: formatCount(count, lang),
    column: OUTPUT_HEADERS.recommendation[lang],
    sheet,
  });
}

/**
 * Why one action, with the customer's figures: "Hold new orders — Outstanding balance 1,380,000.00
 * is above …"; its amounts (the overdue amount a rule quotes, a finding's figures) with their
 * currency as `marks` says (customerAmountText).
 */
export function reasonDetail(reason: Reason, c: DecisionSubject, lang: Lang, policy: Policy, marks: AmountMarks): string {
  if (!isRule(reason)) {
    const finding = c.findings.find((f) => f.code === reason);
    return finding ? explainFinding(finding, c, lang, marks) : reasonTitle(reason, lang, policy);
  }
  // A score just under a band's edge (3.497 under 3.5) is shown with the decimals that keep it under,
  // and the edge with as many, or all of its own (3.505).
  const more = scoreDecimals(c.score ?? 0, policy) - SCORE_DECIMALS;
  const score = formatFigure(c.score ?? 0, "score", lang, more);
  const edge = (value: number) => formatFigure(value, "score", lang, Math.max(more, decimalsOf(value) - SCORE_DECIMALS));
  const amount = c.overdueAmount === undefined ? undefined : customerAmountText(c.overdueAmount, c, "overdueAmount", marks, lang);
  const days = formatFigure(c.daysPastDue ?? 0, "days", lang);
  switch (reason) {
    case "GRADE_HIGH":
      return message(lang, "rule.GRADE_HIGH.detail", { score, threshold: edge(policy.highFrom) });
    case "GRADE_MEDIUM":
      return message(lang, "rule.GRADE_MEDIUM.detail", { score, threshold: edge(policy.mediumFrom) });
    case "GRADE_LOW":
      return message(lang, "rule.GRADE_LOW.detail", { score });
    case "LOW_RISK_CLEAR":
      return message(lang, "rule.LOW_RISK_CLEAR.detail", { score, multiplier: limitMultiplier("low", false, policy) });
    case "PAST_LEGAL_DAYS":
      if (c.overduePastLegalAction !== undefined) {
        // Part of the overdue amount, in its currency.
        const pastAmount = customerAmountText(c.overduePastLegalAction, c, "overdueAmount", marks, lang);
        return message(lang, "rule.PAST_LEGAL_DAYS.pastAmount", { amount: pastAmount, days, threshold: policy.legalActionDays });
      }
      return message(lang, amount === undefined ? "rule.PAST_LEGAL_DAYS.noAmount" : "rule.PAST_LEGAL_DAYS.detail", {
        amount: amount ?? "",
        days,
        threshold: policy.legalActionDays,
      });
    case "OVERDUE":
      return amount === undefined || c.overdueAmount === 0
        ? message(lang, "rule.OVERDUE.noAmount", { days })
        : message(lang, "rule.OVERDUE.detail", { amount });
    case "DATA_ISSUE":
      return message(lang, "rule.DATA_ISSUE.detail");
    case "UNCHECKED":
      // Unchecked with its balance and overdue known: the balance is in another currency than the limit.
      return message(
        lang,
        c.balance === undefined
          ? "rule.UNCHECKED.noBalance"
          : c.overdueAmount === undefined && c.daysPastDue === undefined
            ? "rule.UNCHECKED.noOverdue"
            : "rule.UNCHECKED.twoCurrencies",
      );
  }
}

/** One action and why, as a line of its own: the JSON's and the task pane's reason lines. */
export function decisionLine(d: Decision, c: DecisionSubject, lang: Lang, policy: Policy, marks: AmountMarks): string {
  return message(lang, "decision.detail", {
    action: message(lang, `action.${d.code}`),
    reason: reasonDetail(d.because, c, lang, policy, marks),
  });
}

function targetName(target: NoteTarget, lang: Lang, policy: Pick<Policy, "overdueDays">): string {
  return (NOTE_FIGURES as readonly string[]).includes(target)
    ? message(lang, `figure.${target as NoteFigure}`)
    : message(lang, "note.check", { title: warningTitle(target as WarningCode, lang, policy) });
}

/**
 * A note or an error as the user reads it, placed at its cell: "row 3, column K (Total
 * liabilities): Z-score and Z-score in distress zone check not computed: total liabilities is 0 …".
 */
export function problemText(
  problem: { readonly affects: readonly NoteTarget[]; readonly reason: Parameters<typeof describeError>[0] },
  lang: Lang,
  policy: Pick<Policy, "overdueDays">,
): string {
  const { reason, affects } = problem;
  if (affects.length === 0) return describeError(reason, lang);
  const what = listText(
    affects.map((a) => targetName(a, lang, policy)),
    lang,
  );
  const why = errorText(reason, lang, fieldNames(lang));
  return describeError({ key: "note.notComputed", params: { what, why }, place: reason.place }, lang);
}

/**
 * What begins a customer's "Review issues" text when nothing in it is to fix (which of two figures
 * the review used, what a figure is): the reader, and the cell's fill, tell it from a data error.
 */
export function informationPrefix(lang: Lang): string {
  return message(lang, "review.informationOnly");
}

/**
 * Every problem of a customer, errors first, as one text: the "Review issues" column. When each
 * is a note with nothing to fix (`toFix` false), the text begins with informationPrefix.
 */
export function issuesText(
  c: {
    readonly errors: readonly Parameters<typeof describeError>[0][];
    readonly notes: readonly (Parameters<typeof problemText>[0] & { readonly toFix?: boolean })[];
  },
  lang: Lang,
  policy: Pick<Policy, "overdueDays">,
): string {
  const text = itemsText(
    [...c.errors.map((e) => describeError(e, lang)), ...c.notes.map((n) => problemText(n, lang, policy))],
    lang,
  );
  const informationOnly = c.errors.length === 0 && c.notes.length > 0 && c.notes.every((n) => n.toFix === false);
  return informationOnly ? `${informationPrefix(lang)}${text}` : text;
}

/** Customers whose grade moved named before "and N more": a line on the dashboard and in the printed report. */
const SHOWN_BY_NAME = 5;

/**
 * The first few of a list of customers, one line each, then "and N more" for the rest (`total`:
 * how many the list stands for, when more than it holds): every list of customers by name that
 * what changed gives one a line.
 */
function fewByName<T>(items: readonly T[], line: (item: T) => string, lang: Lang, total = items.length): string[] {
  const lines = items.slice(0, SHOWN_BY_NAME).map(line);
  const more = total - lines.length;
  return more > 0 ? [...lines, message(lang, "changes.riskierMore", { count: formatCount(more, lang) })] : lines;
}

/**
 * What a customer's decisions ask, short, in their order, a restricted limit as its figures:
 * "prepayment; limit 540,000.00 → 270,000.00; re-assess now". Empty when they ask nothing (a
 * customer not graded without a warning that calls for an action).
 */
export function shortDecisionsText(
  c: Pick<CustomerResult, "actions" | "creditLimit" | "recommendedLimit" | "currencies">,
  lang: Lang,
  marks: AmountMarks,
): string {
  const limits = limitsText(c, lang, marks);
  return c.actions
    .map((d) =>
      d.code === "RESTRICT_LIMIT" && limits !== undefined
        ? message(lang, "summary.limitChange", { limits })
        : message(lang, `summary.do.${d.code}`),
    )
    .join(message(lang, "sep.items"));
}

/**
 * A customer's credit limit, then the limit the review recommends: "540,000.00 → 270,000.00", a
 * cut told from a raise at a glance; a limit the review keeps once, "540,000.00 (kept)", not as a
 * move to itself; a limit of 0, "0.00 (no credit extended)". Undefined without both (a limit the
 * sheet does not give, a recommendation held for a data fix). Each with its currency where the
 * portfolio's limits are in two ("USD 540,000.00 → USD 270,000.00"), as the lists show them.
 */
export function limitsText(
  c: Pick<CustomerResult, "creditLimit" | "recommendedLimit" | "currencies">,
  lang: Lang,
  marks: AmountMarks,
): string | undefined {
  if (c.creditLimit === undefined || c.recommendedLimit === undefined) return undefined;
  const from = limitAmountText(c.creditLimit, c, marks, lang);
  const to = limitAmountText(c.recommendedLimit, c, marks, lang);
  // A limit of 0 kept is no credit given, not a limit held where it was: said so.
  if (c.creditLimit === 0 && c.recommendedLimit === 0) return message(lang, "summary.limitNone", { limit: from });
  // Compared as shown: a limit the reader sees unchanged is kept.
  return from === to ? message(lang, "summary.limitKept", { limit: from }) : message(lang, "summary.limits", { from, to });
}

/** The names of actions, in the reader's language, in their order. */
export function actionNames(actions: readonly Action[], lang: Lang): string[] {
  return actions.map((a) => message(lang, `action.${a}`));
}

/**
 * The customers whose grade moved (to a riskier grade, or to a safer one) since the last review,
 * each by name with its move (one the policy change alone explains says so), the first few of
 * them and then how many more: one a line on the dashboard.
 */
export function movedLines(moves: readonly Omit<MovedCustomer, "row">[], lang: Lang): string[] {
  return fewByName(
    moves,
    (m) =>
      message(lang, m.fromPolicy ? "changes.moveByPolicy" : "changes.move", {
        name: customerName(m),
        from: gradeName(m.previousGrade!, lang),
        to: gradeName(m.grade, lang),
      }),
    lang,
  );
}

/**
 * When the policy changed (and its settings are known), how many grade moves each way the change
 * alone explains: a band moved past a customer's unchanged score moves its grade all the same.
 */
export function gradeMovesFromPolicy(changes: ReviewChanges): { readonly label: MessageKey; readonly count: number }[] {
  if (!changes.policy?.settings) return [];
  return [
    { label: "changes.riskierFromPolicy", count: changes.riskierFromPolicy },
    { label: "changes.saferFromPolicy", count: changes.saferFromPolicy },
  ];
}

/**
 * The customers whose review came due and was missed, each by name with its last review, the
 * review it set and how late this one is, the first few and then how many more: one a line on
 * the summary sheet, in the printed report and in the pane (joined into one line for the JSON: pastDueText).
 */
export function pastDueLines(pastDue: ReviewsPastDue, lang: Lang): string[] {
  const listed = fewByName(
    pastDue.customers,
    (c) =>
      message(lang, "changes.pastDueCustomer", {
        name: customerName(c),
        grade: gradeName(c.grade, lang),
        last: dateText(c.lastReview, lang),
        due: dateText(c.due, lang),
        days: formatCount(c.daysLate, lang),
      }),
    lang,
    pastDue.count,
  );
  const assumed = intervalsAssumedText(pastDue, lang);
  return assumed ? [...listed, assumed] : listed;
}

/** Which last reviews' due dates this review's intervals set, when the policy history could not say theirs. */
function intervalsAssumedText(pastDue: ReviewsPastDue, lang: Lang): string | undefined {
  const versions = pastDue.intervalsAssumed;
  if (!versions?.length) return undefined;
  return message(lang, "changes.pastDueAssumed", { versions: versions.join(message(lang, "sep.list")), count: versions.length });
}

/** The same after their count on one line, as the JSON gives it: "1 (Contoso (High): …)". */
export function pastDueText(pastDue: ReviewsPastDue, lang: Lang): string {
  const listed = pastDueLines({ ...pastDue, intervalsAssumed: undefined }, lang);
  const text = warningChangeText({ count: pastDue.count, customers: listed }, lang);
  const assumed = intervalsAssumedText(pastDue, lang);
  return assumed ? itemsText([text, assumed], lang) : text;
}

/**
 * The warning counts of a comparison, as every face lists them: new and cleared, the last
 * review's warnings not checked this time (only when there are some: they are neither cleared
 * nor still there), then, when the policy changed, how many new and cleared the change alone
 * explains (a tightened threshold raises warnings on customers whose figures did not move).
 */
export function warningChangeCounts(
  changes: ReviewChanges,
  lang: Lang,
  policy: Pick<Policy, "overdueDays">,
  customers: readonly Pick<CustomerResult, "row" | "findings" | "currencies" | "ledgerCurrency">[],
  marks: AmountMarks,
): { readonly label: MessageKey; readonly count: number; readonly customers: readonly string[] }[] {
  // A warning's figures are the customer's now, its amounts in its row's currency now.
  const customerAt = new Map(customers.map((c) => [c.row, c]));
  const counts: { label: MessageKey; count: number; customers: readonly string[] }[] = [
    {
      label: "changes.newWarnings",
      count: changes.newWarnings,
      customers: warningChangeLines(
        changes,
        lang,
        (c) => c.newWarnings,
        (c) => newWarningTexts(c, lang, policy, customerAt.get(c.row), marks),
      ),
    },
    {
      label: "changes.clearedWarnings",
      count: changes.clearedWarnings,
      customers: warningChangeLines(
        changes,
        lang,
        (c) => c.clearedWarnings,
        (c) => ({
          texts: c.clearedWarnings.map((w) =>
            clearedWarningText(w, c.clearedFromPolicy, customerAt.get(c.row) ?? {}, lang, policy, marks),
          ),
          sentences: true,
        }),
      ),
    },
  ];
  if (changes.notCheckedWarnings > 0)
    counts.push({
      label: "changes.notCheckedWarnings",
      count: changes.notCheckedWarnings,
      customers: warningChangeLines(
        changes,
        lang,
        (c) => c.notCheckedWarnings,
        (c) => ({ texts: c.notCheckedWarnings.map((w) => notCheckedWarningText(w, lang, policy)), sentences: false }),
      ),
    });
  if (changes.policy?.settings) {
    counts.push({ label: "changes.newFromPolicy", count: changes.newFromPolicy, customers: [] });
    counts.push({ label: "changes.clearedFromPolicy", count: changes.clearedFromPolicy, customers: [] });
  }
  return counts;
}

/** The labels of warningChangeCounts' counts that list no customers: the policy change's share of the new and cleared. */
export const WARNINGS_FROM_POLICY: ReadonlySet<MessageKey> = new Set(["changes.newFromPolicy", "changes.clearedFromPolicy"]);

/**
 * A customer's new warnings (one the policy change alone explains says so). With its findings
 * (`now`: the customer today), each says its figure against its threshold as the workbook's
 * findings do, its amounts marked as `marks` says: "Overdue over 60 days" alone does not say by how much.
 */
function newWarningTexts(
  c: CustomerChange,
  lang: Lang,
  policy: Pick<Policy, "overdueDays">,
  now: (FindingOwner & { readonly findings: readonly Finding[] }) | undefined,
  marks: AmountMarks,
): { texts: string[]; sentences: boolean } {
  const explained = c.newWarnings.map((code) => now?.findings.find((f) => f.code === code));
  const texts = c.newWarnings.map((code, i) => {
    const finding = explained[i];
    if (finding) {
      const sentence = explainFinding(finding, now!, lang, marks);
      return c.newFromPolicy.includes(code) ? message(lang, "changes.byPolicySentence", { warning: sentence }) : sentence;
    }
    const title = warningTitle(code, lang, policy);
    return c.newFromPolicy.includes(code) ? message(lang, "changes.byPolicy", { warning: title }) : title;
  });
  return { texts, sentences: explained.every((f) => f !== undefined) };
}

/**
 * The customers whose warnings came, went or were not checked since the last review (`codesOf`:
 * a customer's, none for most), each by name with those warnings as `textsOf` says them, the
 * first few and then how many more: a line each on the dashboard, a manager's "who" behind the
 * count. Only the customers named are said: a large review's thousands of others are counted.
 */
function warningChangeLines(
  changes: ReviewChanges,
  lang: Lang,
  codesOf: (c: CustomerChange) => readonly unknown[],
  textsOf: (c: CustomerChange) => { readonly texts: readonly string[]; readonly sentences: boolean },
): string[] {
  const named: string[] = [];
  let more = 0;
  for (const c of changes.customers) {
    if (codesOf(c).length === 0) continue;
    if (named.length === SHOWN_BY_NAME) {
      more++;
      continue;
    }
    const listed = textsOf(c);
    // Sentences follow one another; titles are a list, and titles with their reasons a list of items.
    const separator = message(lang, listed.sentences ? "sep.sentences" : "sep.items");
    named.push(message(lang, "changes.customerWarnings", { name: customerName(c), warnings: listed.texts.join(separator) }));
  }
  // After explained warnings, sentences, how many more is a sentence too.
  const moreKey = endsSentence(named[named.length - 1]) ? "changes.moreSentence" : "changes.riskierMore";
  return more > 0 ? [...named, message(lang, moreKey, { count: formatCount(more, lang) })] : named;
}

/**
 * A cleared warning as a sentence: its title, then why it cleared, today's figure against its
 * threshold ("Over credit limit — the outstanding balance 60,000.00 is within the credit limit
 * 70,000.00."), or what else ended it (news now older than the look-back, a grade no longer High);
 * one the policy change alone cleared (`fromPolicy` holds its code) says so. Its amounts are its
 * customer's now (`c`), with their currency as `marks` says. Every face that lists cleared
 * warnings says them through here.
 */
export function clearedWarningText(
  cleared: ClearedWarning,
  fromPolicy: readonly WarningCode[],
  c: FindingOwner,
  lang: Lang,
  policy: Pick<Policy, "overdueDays">,
  marks: AmountMarks,
): string {
  const text = message(lang, "changes.clearedWhy", {
    warning: warningTitle(cleared.code, lang, policy),
    why: clearedWhyText(cleared, c, lang, marks),
  });
  return fromPolicy.includes(cleared.code) ? message(lang, "changes.clearedByPolicySentence", { warning: text }) : text;
}

/** Why a warning cleared, in a few words (see ClearedWhy): "the news of 2026-11-16 is now older than the 1-month look-back (…)". */
function clearedWhyText(cleared: ClearedWarning, c: FindingOwner, lang: Lang, marks: AmountMarks): string {
  const why = cleared.why;
  switch (why.kind) {
    case "score": {
      const params = {
        from: formatFigure(why.from, "score", lang),
        to: formatFigure(why.to, "score", lang),
        change: formatChange(why.change, "score", lang),
        threshold: formatFigure(why.threshold, "score", lang),
        date: dateText(why.since, lang),
      };
      return message(lang, why.change === 0 ? "changes.cleared.scoreSame" : "changes.cleared.score", params);
    }
    case "figure": {
      const shown = figureAgainstThreshold(why.figure, lang, undefined, c, marks);
      if (why.figure.code === "OVERDUE_90" && why.figure.value <= 0)
        return message(lang, "changes.cleared.nothingPastDue", { threshold: shown.threshold });
      return message(lang, `changes.cleared.${why.figure.code}`, shown);
    }
    case "newsAged":
      return message(lang, "changes.cleared.newsAged", {
        date: dateText(why.date, lang),
        months: why.months,
        lookBack: newsLookBackText(dateText(why.since, lang), lang),
      });
    case "notHighRisk":
      return message(lang, "changes.cleared.notHighRisk", { grade: gradeName(why.grade, lang), date: dateText(why.date, lang) });
    case "noNews":
      return message(lang, "changes.cleared.noNews");
    case "nothingOverdue":
      return message(lang, "changes.cleared.nothingOverdue", {
        amount: overdueAmountText(why.amount, why.currency, marks, lang),
        days: formatFigure(why.days, "days", lang),
      });
    case "zone":
      return message(lang, "changes.cleared.zone", { value: formatZ(why.z, why.zone, lang), zone: zoneName(why.zone, lang) });
    case "nothingFound":
      return message(lang, "changes.cleared.nothingFound");
  }
}

/**
 * A warning of the last review not checked this time, with the review's reason: "Overdue over 90
 * days (row 3, column J (Days past due): must be a number, got "abc")". Not cleared: nothing
 * says it is gone.
 */
export function notCheckedWarningText(warning: NotCheckedWarning, lang: Lang, policy: Pick<Policy, "overdueDays">): string {
  return message(lang, "changes.notCheckedWarning", {
    warning: warningTitle(warning.code, lang, policy),
    why: notCheckedWhyText(warning, lang),
  });
}

/** Why a warning was not checked this time, in the words the review gives it elsewhere (see NotCheckedWhy). */
function notCheckedWhyText(warning: NotCheckedWarning, lang: Lang): string {
  const why = warning.why;
  switch (why.kind) {
    case "column":
      return missingNeedsText(why.missing, lang);
    case "currencies":
      return twoCurrenciesText(why.columns, lang);
    case "note":
      return describeError(why.note.reason, lang, fieldNames(lang));
    case "blank":
      return message(lang, "changes.notCheckedBlank", { fields: fieldsListed(why.fields, lang) });
  }
}

/** A count with its customers on one line, as the JSON's text of the reviews past due gives it: "3 (Fabrikam: …; …)". */
export function warningChangeText(entry: { readonly count: number; readonly customers: readonly string[] }, lang: Lang): string {
  const count = formatCount(entry.count, lang);
  if (entry.customers.length === 0) return count;
  return message(lang, "changes.named", { count, names: itemsText(entry.customers, lang) });
}

/** The customers at risk the top risks leave out, and how many of them need action; undefined when none is left out. */
export function moreAtRiskText(
  p: Pick<PortfolioResult, "customersAtRisk" | "customersNeedingAction" | "topRisks">,
  sheet: string,
  lang: Lang,
): string | undefined {
  const count = p.customersAtRisk - p.topRisks.length;
  if (count <= 0) return undefined;
  const action = p.customersNeedingAction - p.topRisks.filter((r) => r.needsAction).length;
  // "0 of them needing action" reads as a slip: none is said in words.
  return action > 0
    ? message(lang, "summary.moreAtRisk", { count: formatCount(count, lang), action: formatCount(action, lang), sheet })
    : message(lang, "summary.moreAtRiskNoAction", { count: formatCount(count, lang), sheet });
}

/**
 * That every balance, or nearly every one, is the last review's (a customer sheet perhaps not
 * refreshed, or refreshed in part), or undefined when enough moved.
 */
export function sameBalancesText(changes: ReviewChanges, lang: Lang): string | undefined {
  return sameBalancesMessage(changes, lang, "changes.sameBalances", "changes.mostBalancesSame");
}

/**
 * The same doubt in short, above the headline's figures it casts doubt on: a reader of the first
 * page alone would take them for this period's.
 */
export function headlineSameBalancesText(changes: ReviewChanges | undefined, lang: Lang): string | undefined {
  return changes && sameBalancesMessage(changes, lang, "summary.sameBalances", "summary.mostBalancesSame");
}

function sameBalancesMessage(changes: ReviewChanges, lang: Lang, every: MessageKey, most: MessageKey): string | undefined {
  const same = changes.sameBalances;
  if (same === undefined || changes.previousReview === undefined) return undefined;
  const date = dateText(changes.previousReview, lang);
  const why = message(lang, "changes.sameBalancesWhy");
  if (same.unchanged === same.compared) return message(lang, every, { count: formatCount(same.unchanged, lang), date, why });
  return message(lang, most, {
    count: formatCount(same.unchanged, lang),
    compared: formatCount(same.compared, lang),
    share: formatShare(same.unchanged / same.compared, lang),
    date,
    why,
  });
}

/** What changed, as a heading: since which review, or that the archive holds none to compare with. */
export function changesTitle(changes: ReviewChanges, lang: Lang): string {
  if (changes.previousReview !== undefined)
    return message(lang, "changes.title", { date: dateText(changes.previousReview, lang) });
  if (!changes.otherSheets) return message(lang, "changes.none");
  return message(lang, "changes.noneOfSheet", {
    sheets: changes.otherSheets.join(message(lang, "sep.list")),
    column: message(lang, "summary.sheet"),
  });
}

/** A setting's value as the policy sheet shows it: a share as a percentage, a number as it is. */
function settingValue(value: SettingChange["from"], format: SettingChange["format"], lang: Lang): string {
  return typeof value === "number" && percentFormatDecimals(format) !== undefined
    ? formatSetting(value, lang)
    : String(value ?? "");
}

/**
 * The policy against the last review's, each changed setting with its move: "P-7400d9 →
 * P-709df7 (Maximum debt ratio 70% → 75%)".
 */
export function policyChangeText(change: PolicyChange, lang: Lang): string {
  const params = { from: change.from, to: change.to };
  const edited = change.editedAt;
  if (edited)
    return "row" in edited
      ? message(lang, "changes.policyEdited", { ...params, row: edited.row })
      : message(lang, "changes.policyEditedColumn", { ...params, column: edited.column });
  if (!change.settings) return message(lang, "changes.policyUnknown", params);
  const settings = change.settings.map((s) =>
    message(lang, "changes.setting", {
      setting: settingLabel(s.setting, lang),
      from: settingValue(s.from, s.format, lang),
      to: settingValue(s.to, s.format, lang),
    }),
  );
  return message(lang, "changes.policyMove", { ...params, settings: settings.join(message(lang, "sep.list")) });
}

/**
 * The last review's amounts against this one's when their units differ: converted to compare
 * ("the last review's in 元, converted to 万元"), or in another currency and not compared.
 */
export function unitChangeText(change: UnitChange, lang: Lang): string {
  if (change.to === "") return message(lang, "changes.unitsUnstated", { from: change.from });
  return message(lang, change.compared ? "changes.unitsConverted" : "changes.unitsNotCompared", {
    from: change.from,
    to: change.to,
  });
}

/** How many of its customers a list of added or gone names at most. */
const NAMED_CUSTOMERS = 5;

/** Customers added or gone: how many, and the first few by name: "7 (Alpha, Beta, Gamma, Delta, Epsilon, …)". */
export function changedCustomersText<C extends { readonly name: string; readonly id: string }>(
  list: readonly C[],
  lang: Lang,
  nameOf: (customer: C) => string = customerName,
): string {
  const count = formatCount(list.length, lang);
  if (list.length === 0) return count;
  const names = list.slice(0, NAMED_CUSTOMERS).map((c) => nameOf(c));
  if (list.length > NAMED_CUSTOMERS) names.push("…");
  return message(lang, "changes.named", { count, names: names.join(message(lang, "sep.list")) });
}

/**
 * The customers renamed since their last review, each by id with both names ("C-104 Acme Ltd →
 * Acme Holdings Ltd"), the first few and then how many more: one a line on the dashboard.
 */
export function renamedLines(renamed: readonly RenamedCustomer[], lang: Lang): string[] {
  return fewByName(renamed, (c) => message(lang, "changes.rename", { id: c.id, from: c.from, to: c.to }), lang);
}

/**
 * The customers whose id was corrected, given or taken off since their last review, each by name
 * with both ids ("Acme Ltd: C-104 → C-1040", "Acme Ltd: (no id) → C-104"), the first few and then
 * how many more: one a line on the dashboard.
 */
export function idChangedLines(changed: readonly IdChangedCustomer[], lang: Lang): string[] {
  const none = message(lang, "changes.noId");
  return fewByName(
    changed,
    (c) => message(lang, "changes.idChange", { name: c.name, from: c.from || none, to: c.to || none }),
    lang,
  );
}

/** How many characters of a response a line quotes: the rest is on the sheet, in the archive and in the JSON. */
const QUOTED_RESPONSE = 80;

/**
 * The customers the last review asked to act on with a response recorded (or without one), each
 * by name with the actions asked (and its response, quoted), the first few and then how many
 * more: one a line on the dashboard. A response the last review found already is said to be.
 */
export function responseLines(responses: Responses, responded: boolean, lang: Lang): string[] {
  const list = responses.customers.filter((c) => (c.response !== undefined) === responded);
  return fewByName(
    list,
    (c) => {
      const params = { name: customerName(c), actions: actionNames(c.recommended, lang).join(message(lang, "sep.list")) };
      if (c.response === undefined) return message(lang, "changes.recommendedTo", params);
      const response = c.response.length > QUOTED_RESPONSE ? `${c.response.slice(0, QUOTED_RESPONSE - 1)}…` : c.response;
      if (c.archiveRow !== undefined)
        return message(lang, "changes.responseInArchive", { ...params, response, row: c.archiveRow });
      return c.unchanged
        ? message(lang, "changes.responseUnchanged", { ...params, response, date: dateText(responses.recommendedOn, lang) })
        : message(lang, "changes.response", { ...params, response });
    },
    lang,
  );
}

/**
 * Whether the workbook records responses at all: an Action taken column on the customer sheet, or
 * a response typed in the archive's for some customer. Without either nothing was recorded, and
 * no customer is said to have gone unanswered, in the list or in its details.
 */
function recordsResponses(responses: Responses): boolean {
  return responses.column || responses.customers.some((c) => c.archiveRow !== undefined);
}

/**
 * One customer's part of what the team recorded: the actions the last review asked of it and
 * the response the Action taken column holds, or that it holds none (the whole response, where
 * the dashboard's list quotes its start). Without the column, the actions alone: nothing was
 * recorded, so nothing is said missing.
 */
export function customerResponseLines(response: ActionResponse, responses: Responses, lang: Lang): string[] {
  const date = dateText(responses.recommendedOn, lang);
  const actions = actionNames(response.recommended, lang).join(message(lang, "sep.list"));
  const asked = message(lang, "changes.customerAsked", { date, actions });
  if (!recordsResponses(responses)) return [asked];
  if (response.response === undefined) return [asked, message(lang, "changes.noResponse")];
  if (response.archiveRow !== undefined)
    return [asked, message(lang, "changes.customerResponseInArchive", { response: response.response, row: response.archiveRow })];
  return [
    asked,
    message(lang, response.unchanged ? "changes.customerResponseUnchanged" : "changes.customerResponse", {
      response: response.response,
      date,
    }),
  ];
}

/**
 * What the team recorded about the last review's recommendations, as every face lists it: how
 * many customers it asked to act on, then those with a response and those without, each with
 * its customers; without an Action taken column, only the first, and `help` saying how to record them.
 */
export function responseCounts(
  responses: Responses,
  lang: Lang,
): {
  readonly counts: readonly { readonly label: string; readonly count: number; readonly customers: readonly string[] }[];
  readonly help?: string;
} {
  const asked = {
    label: message(lang, "changes.responses", { date: dateText(responses.recommendedOn, lang) }),
    count: responses.customers.length,
    customers: [],
  };
  const column = FIELD_LABELS.actionTaken[lang];
  const inArchive = responses.customers.flatMap((c) => (c.archiveRow === undefined ? [] : [c.archiveRow]));
  // Nothing recorded without the column: the customers asked to act are still named, with what
  // they were asked, the month's follow-up list, and none is said to have gone unanswered.
  if (!recordsResponses(responses))
    return {
      counts: [{ ...asked, customers: responseLines(responses, false, lang) }],
      help: message(lang, "changes.responsesHelp", { column }),
    };
  const counts = [
    asked,
    { label: message(lang, "changes.responded"), count: responses.responded, customers: responseLines(responses, true, lang) },
    {
      label: message(lang, "changes.noResponse"),
      count: responses.customers.length - responses.responded,
      customers: responseLines(responses, false, lang),
    },
  ];
  const helps: string[] = [];
  // Typed where the review does not look for it month after month: said where it belongs.
  if (inArchive.length > 0) {
    const rows = rowNumbersText(inArchive, lang);
    helps.push(message(lang, "changes.responsesInArchiveHelp", { count: inArchive.length, rows, column }));
  }
  // Another customer's response beside a customer asked to act, left there by a move: said, as it counts for neither.
  const notTheirs = responses.notTheirs ?? [];
  if (notTheirs.length > 0) {
    const rows = rowNumbersText(notTheirs, lang);
    helps.push(message(lang, "changes.responsesNotTheirs", { count: notTheirs.length, rows, column }));
  }
  return helps.length > 0 ? { counts, help: helps.join(message(lang, "sep.sentence")) } : { counts };
}

/**
 * The customers graded in one of the two reviews only, each by name with the grade it had there:
 * "Contoso (High)" now graded, "Contoso (was High)" not graded now; the first few, then how many
 * more: one a line on the dashboard.
 */
export function gradedLines(customers: readonly GradedCustomer[], now: boolean, lang: Lang): string[] {
  return fewByName(
    customers,
    (c) =>
      message(lang, now ? "changes.gradedCustomer" : "changes.wasGraded", {
        name: customerName(c),
        grade: gradeName(c.grade, lang),
      }),
    lang,
  );
}

/**
 * The lists of customers graded in one review of the two only, each with its label, when it names
 * any: every face shows these, after the customers renamed.
 */
export function gradedChanges(
  changes: ReviewChanges,
): { readonly label: MessageKey; readonly customers: readonly GradedCustomer[]; readonly now: boolean }[] {
  const lists = [
    { label: "changes.nowGraded" as const, customers: changes.nowGraded, now: true },
    { label: "changes.notGradedNow" as const, customers: changes.notGradedNow, now: false },
  ];
  return lists.filter((list) => list.customers.length > 0);
}

/** How a customer's id changed since its last review, and under which key its history is read. */
function idChangeLine(previousId: string, id: string, lang: Lang): string {
  if (previousId === "") return message(lang, "changes.idGivenSince");
  if (id === "") return message(lang, "changes.idTakenOffSince", { id: previousId });
  return message(lang, "changes.idChangedFrom", { id: previousId });
}

/**
 * One customer against its own previous review, a line each: "Score 2.10 → 2.65 (+0.55 points),
 * Medium → High since 2026-10-31", the warnings it gained and lost, its recommended limit's move;
 * its amounts with their currency as `marks` says (none marked unless given).
 */
export function customerChangeLines(
  change: CustomerChange,
  now: {
    readonly score?: number;
    readonly grade?: Grade;
    readonly creditLimit?: number;
    readonly recommendedLimit?: number;
    readonly overdueAmount?: number;
    readonly currencies?: ReceivableCurrencies;
    readonly ledgerCurrency?: CurrencyMark;
  },
  lang: Lang,
  policy: Pick<Policy, "overdueDays" | "mediumFrom" | "highFrom">,
  marks: AmountMarks = NO_MARKS,
): string[] {
  const limit = (value: number) => limitAmountText(value, now, marks, lang);
  const renamed = [
    ...(change.previousName === undefined ? [] : [message(lang, "changes.renamedFrom", { name: change.previousName })]),
    ...(change.previousId === undefined ? [] : [idChangeLine(change.previousId, change.id, lang)]),
  ];
  // Archived before only in reviews that could not score it: its name is known, its score not; what it owed may be.
  if (change.previousDate === undefined) {
    const overdue = overdueChangeLine(change, now, lang, marks);
    return [...renamed, message(lang, change.neverScored ? "changes.neverScored" : "changes.firstReview"), ...overdue];
  }
  const date = dateText(change.previousDate, lang);
  const parts: string[] = [];
  if (change.scoreChange !== undefined && change.previousScore !== undefined && now.score !== undefined)
    parts.push(
      message(lang, "changes.score", {
        from: formatScore(change.previousScore, policy, lang),
        to: formatScore(now.score, policy, lang),
        // In points, as the score-rise warning counts its rise.
        change: message(lang, "warning.points", { points: formatChange(change.scoreChange, "score", lang) }),
      }),
    );
  if (change.gradeMove !== undefined && change.previousGrade !== undefined && now.grade !== undefined)
    parts.push(
      change.gradeMove === "same"
        ? message(lang, "changes.gradeSame", { grade: gradeName(now.grade, lang) })
        : message(lang, change.gradeMoveFromPolicy ? "changes.gradeByPolicy" : "changes.grade", {
            from: gradeName(change.previousGrade, lang),
            to: gradeName(now.grade, lang),
          }),
    );
  const lines = [
    parts.length > 0
      ? message(lang, "changes.since", { what: parts.join(message(lang, "changes.and")), date })
      : message(lang, "changes.lastReviewed", { date }),
  ];
  lines.push(...renamed);
  const title = (w: WarningCode) =>
    change.newFromPolicy.includes(w)
      ? message(lang, "changes.byPolicy", { warning: warningTitle(w, lang, policy) })
      : warningTitle(w, lang, policy);
  const listed = (label: MessageKey, texts: readonly string[], separator: MessageKey) => {
    if (texts.length > 0) lines.push(labelled(message(lang, label), texts.join(message(lang, separator)), lang));
  };
  listed("changes.newWarnings", change.newWarnings.map(title), "sep.list");
  // Each cleared warning with why it cleared, a sentence each; those not checked with why not.
  listed(
    "changes.clearedWarnings",
    change.clearedWarnings.map((w) => clearedWarningText(w, change.clearedFromPolicy, now, lang, policy, marks)),
    "sep.sentences",
  );
  listed(
    "changes.notCheckedWarnings",
    change.notCheckedWarnings.map((w) => notCheckedWarningText(w, lang, policy)),
    "sep.items",
  );
  lines.push(...overdueChangeLine(change, now, lang, marks));
  if (
    change.previousCreditLimit !== undefined &&
    now.creditLimit !== undefined &&
    !sameCents(change.previousCreditLimit, now.creditLimit)
  )
    lines.push(
      message(lang, "changes.creditLimit", {
        from: limit(change.previousCreditLimit),
        to: limit(now.creditLimit),
        change: formatChange(withoutFloatDust(now.creditLimit - change.previousCreditLimit), "money", lang),
      }),
    );
  if (change.units && !change.units.compared && now.recommendedLimit !== undefined)
    lines.push(message(lang, "changes.limitNotCompared", { from: change.units.from, to: change.units.to }));
  else if (change.limitChange !== undefined && change.previousLimit !== undefined && now.recommendedLimit !== undefined) {
    const moved = formatChange(change.limitChange, "money", lang);
    if (!sameCents(change.limitChange, 0))
      lines.push(
        message(lang, change.limitMoveFromPolicy ? "changes.limitByPolicy" : "changes.limit", {
          from: limit(change.previousLimit),
          to: limit(now.recommendedLimit),
          change: moved,
        }),
      );
  }
  return lines;
}

/**
 * A customer's overdue amount at the last review and now, when it moved, both in the currency they
 * are compared in: dated when the review it is compared with is not the one its score and grade
 * are (a review that could not grade it).
 */
function overdueChangeLine(
  change: CustomerChange,
  now: { readonly overdueAmount?: number },
  lang: Lang,
  marks: AmountMarks,
): string[] {
  const then = change.previousOverdue;
  if (then === undefined || now.overdueAmount === undefined || sameCents(now.overdueAmount, then)) return [];
  const amount = (value: number) => overdueAmountText(value, change.overdueCurrency, marks, lang);
  const params = {
    from: amount(then),
    to: amount(now.overdueAmount),
    change: formatChange(withoutFloatDust(now.overdueAmount - then), "money", lang),
  };
  const dated = change.previousOverdueDate !== undefined && change.previousOverdueDate !== change.previousDate;
  return [
    dated
      ? message(lang, "changes.overdueSince", { ...params, date: dateText(change.previousOverdueDate!, lang) })
      : message(lang, "changes.overdue", params),
  ];
}

/**
 * The portfolio's overdue amount at the last review and now with the move: "596,000.00 →
 * 957,000.00 (+361,000.00)", each in its currency where the portfolio's totals say theirs (the
 * two are compared only in one); undefined when either is not known.
 */
export function overdueTotalText(
  changes: ReviewChanges,
  p: Pick<PortfolioResult, "totalCurrencies">,
  lang: Lang,
): string | undefined {
  const o = changes.overdue;
  if (!o) return undefined;
  return message(lang, "changes.fromTo.amounts", {
    from: totalAmountText(o.then, "overdueAmount", p, lang),
    to: totalAmountText(o.now, "overdueAmount", p, lang),
    change: formatChange(withoutFloatDust(o.now - o.then), "money", lang),
  });
}

/** Each list of recommended limits that moved, by how: a raise withdrawn is not read as a cut. */
const LIMIT_MOVE_LABELS: Readonly<Record<LimitMoveKind, MessageKey>> = {
  cut: "changes.limitCut",
  raiseWithdrawn: "changes.limitRaiseWithdrawn",
  raised: "changes.limitRaised",
  cutWithdrawn: "changes.limitCutWithdrawn",
};

/**
 * The money that moved since the last review, as every face lists it: the customers whose overdue
 * amount grew and fell (with how late their oldest unpaid amount is now), and those whose
 * recommended limit moved, told by the credit limit it is held against (LIMIT_MOVES: a cut, a
 * raise withdrawn, a raise, a cut withdrawn; one the policy change alone moved says so), each list
 * the largest move first, the first few by name and then how many more, as the grade moves are.
 * A list whose figures the last review did not archive is left out.
 */
export function moneyChangeCounts(
  changes: ReviewChanges,
  customers: readonly CustomerResult[],
  lang: Lang,
  marks: AmountMarks,
): { readonly label: MessageKey; readonly count: number; readonly customers: readonly string[] }[] {
  const moves = moneyMoves(changes, customers);
  // Each limit in its customer's currency where the portfolio's are in two, as the lists show it;
  // in one currency (nearly every review) nothing is marked, and no customer is looked up.
  const byRow = marks.marked.size === 0 ? undefined : new Map(customers.map((c) => [c.row, c]));
  const limit = (n: number, m: { readonly row: number }) => limitAmountText(n, byRow?.get(m.row) ?? {}, marks, lang);
  const overdue = (label: MessageKey, way: "grew" | "fell") => {
    const line = (m: OverdueMove) => {
      // Then and now in the currency they are compared in: a move is told only of amounts in one.
      const amount = (n: number) => overdueAmountText(n, m.currency, marks, lang);
      const params = { name: customerName(m), from: amount(m.from), to: amount(m.to) };
      if (m.to <= 0) return message(lang, "changes.overdueMoveCleared", params);
      if (m.daysPastDue === undefined || m.daysPastDue <= 0) return message(lang, "changes.overdueMoveNoDays", params);
      return message(lang, "changes.overdueMove", { ...params, days: formatCount(m.daysPastDue, lang) });
    };
    const list = moves.overdue[way];
    return { label, count: list.length, customers: fewByName(list, line, lang) };
  };
  const limits = (kind: LimitMoveKind) => {
    const line = (m: LimitMove) => {
      const amount = (n: number) => limit(n, m);
      const params = { name: customerName(m), from: amount(m.from), to: amount(m.to) };
      // Against a credit limit changed by hand, the move is told with it: 100,000 → 100,000 is a cut of a limit now 200,000.
      if (!sameCents(m.previousCreditLimit, m.creditLimit))
        return message(lang, "changes.limitMoveCreditLimit", {
          ...params,
          limitFrom: amount(m.previousCreditLimit),
          limitTo: amount(m.creditLimit),
        });
      return message(lang, m.fromPolicy ? "changes.limitMoveByPolicy" : "changes.limitMove", params);
    };
    const list = moves.limits[kind];
    return { label: LIMIT_MOVE_LABELS[kind], count: list.length, customers: fewByName(list, line, lang) };
  };
  const creditLimits = (list: readonly CreditLimitMove[]) => {
    const line = (m: CreditLimitMove) =>
      message(lang, "changes.limitMove", {
        name: customerName(m),
        from: limit(m.from, m),
        to: limit(m.to, m),
      });
    const label: MessageKey = "changes.creditLimitChanged";
    return { label, count: list.length, customers: fewByName(list, line, lang) };
  };
  // A list the last review's archive cannot tell (no overdue column, no recommended limit) is left
  // out rather than read as "0": nothing is known to have moved, not nothing moved.
  const overdueKnown = changes.customers.some((c) => c.previousOverdue !== undefined);
  const limitsKnown = changes.customers.some((c) => c.limitChange !== undefined);
  return [
    ...(overdueKnown ? [overdue("changes.overdueGrew", "grew"), overdue("changes.overdueFell", "fell")] : []),
    ...(moves.creditLimits ? [creditLimits(moves.creditLimits)] : []),
    ...(limitsKnown ? LIMIT_MOVES.map(limits) : []),
  ];
}
