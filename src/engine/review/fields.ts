/**
 * The columns a customer sheet and an invoice ledger may have, with the English and Chinese
 * headers people write for them, and the review's own output columns: every bilingual
 * column name of the review is in this one catalogue, as `{ en, zh }`.
 */
import type { ArgumentNames } from "../errors";
import { Lang, message } from "../i18n";
import { FACTORS } from "../policy";
import { foldTraditional } from "../traditional-chinese";

export const INPUT_FIELDS = [
  "id",
  "name",
  ...FACTORS,
  "previousScore",
  "creditLimit",
  "balance",
  "overdueAmount",
  "daysPastDue",
  "negativeNewsDate",
  "currentAssets",
  "currentLiabilities",
  "inventory",
  "totalAssets",
  "totalLiabilities",
  "retainedEarnings",
  "ebit",
  "interestExpense",
  "sales",
  "equity",
  "zModel",
  "actionTaken",
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

/** Every column read as a number: all but the names, the factor scores, the news date, the model and the action taken. */
export const NUMBER_FIELDS: readonly InputField[] = INPUT_FIELDS.filter(
  (f) => !["id", "name", "negativeNewsDate", "zModel", "actionTaken", ...FACTORS].includes(f),
);

/**
 * The number columns that are amounts of money, stated in a unit (see units.ts): all but the
 * previous score and the days past due. The statements' figures are among them, though only
 * their ratios are used.
 */
export const AMOUNT_FIELDS: readonly InputField[] = NUMBER_FIELDS.filter((f) => f !== "previousScore" && f !== "daysPastDue");

/**
 * In the order a first run writes them; the aging buckets (as many as the policy's edges make,
 * with a ledger only) go between the worklist figures and the issues, which stay last.
 */
export const OUTPUT_FIELDS = [
  "score",
  "paymentHistoryPoints",
  "contractPerformancePoints",
  "industryRiskPoints",
  "marketReputationPoints",
  "complianceRecordPoints",
  "grade",
  "zScore",
  "zZone",
  "warnings",
  "findings",
  "recommendation",
  "recommendedLimit",
  "monitoring",
  "nextReview",
  "utilisation",
  "availableCredit",
  "overdueBalance",
  "oldestDaysOverdue",
  "issues",
] as const;
export type OutputField = (typeof OUTPUT_FIELDS)[number];

/** The output column of each factor's points (its weight × its score): the five add up to the risk score. */
export const FACTOR_POINTS = {
  paymentHistory: "paymentHistoryPoints",
  contractPerformance: "contractPerformancePoints",
  industryRisk: "industryRiskPoints",
  marketReputation: "marketReputationPoints",
  complianceRecord: "complianceRecordPoints",
} as const satisfies Record<(typeof FACTORS)[number], OutputField>;

/** `openAmount` is what is still owed on an invoice, as an ERP's open-items export gives it instead of (or beside) what was paid. */
export const LEDGER_FIELDS = ["customer", "invoice", "dueDate", "amount", "paid", "openAmount", "currency"] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** A name in each language the product speaks, looked up as `names[lang]`. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** What each input column is called: the header people are asked for (messages, sample workbooks). */
export const FIELD_LABELS: Readonly<Record<InputField, Bilingual>> = {
  id: { en: "Customer ID", zh: "客户编号" },
  name: { en: "Customer", zh: "客户名称" },
  paymentHistory: { en: "Payment history", zh: "付款历史" },
  contractPerformance: { en: "Contract performance", zh: "合同履行情况" },
  industryRisk: { en: "Industry risk", zh: "行业风险" },
  marketReputation: { en: "Market reputation", zh: "市场口碑" },
  complianceRecord: { en: "Compliance record", zh: "合规记录" },
  previousScore: { en: "Previous score", zh: "上期评分" },
  creditLimit: { en: "Credit limit", zh: "信用额度" },
  balance: { en: "Outstanding balance", zh: "应收账款余额" },
  overdueAmount: { en: "Overdue amount", zh: "逾期金额" },
  daysPastDue: { en: "Days past due", zh: "逾期天数" },
  negativeNewsDate: { en: "Negative news date", zh: "负面新闻日期" },
  currentAssets: { en: "Current assets", zh: "流动资产" },
  currentLiabilities: { en: "Current liabilities", zh: "流动负债" },
  inventory: { en: "Inventory", zh: "存货" },
  totalAssets: { en: "Total assets", zh: "资产总额" },
  totalLiabilities: { en: "Total liabilities", zh: "负债总额" },
  retainedEarnings: { en: "Retained earnings", zh: "留存收益" },
  ebit: { en: "EBIT", zh: "息税前利润" },
  interestExpense: { en: "Interest expense", zh: "利息费用" },
  sales: { en: "Sales", zh: "营业收入" },
  equity: { en: "Equity", zh: "股东权益" },
  zModel: { en: "Z model", zh: "Z模型" },
  // The team's own record of what it did about the last review's recommendation: read and archived, never written.
  actionTaken: { en: "Action taken", zh: "已采取措施" },
};

/** Other headers people write for the input columns, from ERP exports and hand-made sheets. */
const OTHER_INPUT_HEADERS: Readonly<Record<InputField, readonly string[]>> = {
  id: [
    "ID",
    "Customer No",
    "Customer Number",
    "Customer Code",
    "Customer ref",
    "Cust. ID",
    "Cust no",
    "Cust code",
    "Account",
    "Account No",
    "Account number",
    "Account code",
    "Debtor code",
    "Debtor no",
    "Debtor ID",
    "Client ID",
    "Client code",
    "Client no",
    "客户代码",
    "客户编码",
    "客户ID",
    "客户号",
    "客户代号",
    // 客商 is the ERPs' word for a trading partner (customer or supplier), 往来单位 a ledger's.
    "客商编码",
    "往来单位编码",
    "编号",
  ],
  name: [
    "Customer name",
    "Name",
    "Company",
    "Debtor",
    "Debtor name",
    "Client",
    "Client name",
    "客户",
    "客户名",
    "名称",
    "公司名称",
    "企业名称",
    "客户全称",
    "单位名称",
    "客户简称",
    "客商名称",
    "往来单位",
    "往来单位名称",
    "购货单位",
  ],
  paymentHistory: ["Payment", "付款记录", "付款情况"],
  contractPerformance: ["Contract", "合同履行", "履约情况"],
  industryRisk: ["Industry", "行业"],
  marketReputation: ["Reputation", "口碑", "市场声誉"],
  complianceRecord: ["Compliance", "合规"],
  previousScore: ["Last score", "Prior score", "上次评分", "上期得分", "上次得分", "上期风险评分"],
  // 赊销 is selling on credit: 赊销额度 is the credit limit as a sales team heads it.
  creditLimit: ["Limit", "额度", "授信额度", "赊销额度", "信用限额", "授信限额", "赊销限额"],
  // 帐 is the older form of 账 in 应收账款, still common in hand-made sheets; 欠款 is what the customer owes.
  balance: [
    "Balance",
    "AR balance",
    "Receivable",
    "Receivables",
    "Accounts receivable",
    "应收账款",
    "应收帐款",
    "应收帐款余额",
    "应收款",
    "应收款余额",
    "应收余额",
    "欠款",
    "欠款余额",
    "欠款金额",
    "余额",
  ],
  // "Overdue balance" and 逾期余额 once headed the review's own total too: on a row the review wrote
  // that column is its own (see reviewOwnColumns), anywhere else it is the user's overdue amount.
  overdueAmount: [
    "Overdue",
    "Past due amount",
    "Overdue balance",
    "逾期",
    "逾期余额",
    "逾期账款",
    "逾期欠款",
    "逾期应收账款",
    "超期金额",
  ],
  daysPastDue: ["DPD", "Days overdue", "Overdue days", "逾期日数", "超期天数", "拖欠天数"],
  negativeNewsDate: ["Negative news", "负面新闻", "Adverse news date"],
  currentAssets: ["流动资产合计"],
  currentLiabilities: ["流动负债合计"],
  inventory: ["Inventories"],
  totalAssets: ["资产合计", "总资产", "资产总计"],
  totalLiabilities: ["负债合计", "总负债"],
  retainedEarnings: ["未分配利润"],
  ebit: ["Operating income", "Operating profit"],
  interestExpense: ["Interest", "利息支出"],
  sales: ["Revenue", "Net sales", "Turnover", "销售收入", "销售额", "营业总收入", "主营业务收入"],
  equity: ["Market value of equity", "Book equity", "Shareholders equity", "所有者权益", "所有者权益合计", "净资产"],
  zModel: ["Z-score model", "Model", "Z值模型"],
  actionTaken: [
    "Actions taken",
    "Response",
    "Responses",
    "Follow-up",
    "处理措施",
    "跟进措施",
    "采取措施",
    "已采取的措施",
    "处理情况",
    "跟进情况",
  ],
};

/** An engine message naming an input field ("totalAssets") names it as the column's header does, in the reader's language. */
export function fieldNames(lang: Lang): ArgumentNames {
  return (param) => (param in FIELD_LABELS ? FIELD_LABELS[param as InputField][lang] : undefined);
}

/** The review's output columns' headers: written on the customer sheet, and how a re-run finds them. */
export const OUTPUT_HEADERS: Readonly<Record<OutputField, Bilingual>> = {
  score: { en: "Risk score", zh: "风险评分" },
  // Never an input column's header (nor one of its other names): what the review writes is never read back as the user's data.
  // Weighted points, not the 1–5 score beside them (付款历史 3 gives 付款历史加权分 0.9).
  paymentHistoryPoints: { en: "Payment points", zh: "付款历史加权分" },
  contractPerformancePoints: { en: "Contract points", zh: "合同履行加权分" },
  industryRiskPoints: { en: "Industry points", zh: "行业风险加权分" },
  marketReputationPoints: { en: "Reputation points", zh: "市场口碑加权分" },
  complianceRecordPoints: { en: "Compliance points", zh: "合规记录加权分" },
  grade: { en: "Risk grade", zh: "风险等级" },
  zScore: { en: "Z-score", zh: "Z 值" },
  zZone: { en: "Z zone", zh: "Z 值区间" },
  warnings: { en: "Warnings", zh: "预警" },
  findings: { en: "Findings", zh: "预警依据" },
  recommendation: { en: "Recommendation", zh: "政策建议" },
  recommendedLimit: { en: "Recommended limit", zh: "建议额度" },
  monitoring: { en: "Monitoring", zh: "监控频率" },
  nextReview: { en: "Next review", zh: "下次复审" },
  utilisation: { en: "Utilisation", zh: "额度使用率" },
  availableCredit: { en: "Available credit", zh: "可用额度" },
  // The input column's header (Overdue amount, 逾期金额) in other words would name the figure twice: the
  // output's says the same term, as the review's total of it (never the input's own header: see above).
  overdueBalance: { en: "Total overdue amount", zh: "逾期金额合计" },
  oldestDaysOverdue: { en: "Oldest days overdue", zh: "最长逾期天数" },
  issues: { en: "Review issues", zh: "审查问题" },
};

/** What each invoice-ledger column is called. */
export const LEDGER_LABELS: Readonly<Record<LedgerField, Bilingual>> = {
  customer: FIELD_LABELS.id,
  invoice: { en: "Invoice", zh: "发票号" },
  dueDate: { en: "Due date", zh: "到期日" },
  amount: { en: "Amount", zh: "金额" },
  paid: { en: "Paid", zh: "已收金额" },
  openAmount: { en: "Open amount", zh: "未收金额" },
  currency: { en: "Currency", zh: "币种" },
};

/** Other headers people write for the ledger columns. */
const OTHER_LEDGER_HEADERS: Readonly<Record<LedgerField, readonly string[]>> = {
  // An ERP heads the customer by its code or number as often as by its name: the column may hold either.
  customer: [
    "Customer",
    "Customer name",
    "Customer code",
    "Customer no",
    "Customer number",
    "Customer ref",
    "Cust. ID",
    "Cust no",
    "Cust code",
    "Account",
    "Account no",
    "Account number",
    "Account code",
    "Debtor",
    "Debtor code",
    "Debtor no",
    "Debtor name",
    "Client",
    "Client ID",
    "Client code",
    "Client name",
    "客户名称",
    "客户",
    "客户名",
    "客户编码",
    "客户代码",
    "客户号",
    "客户代号",
    "客户ID",
    "客商编码",
    "往来单位编码",
    "客户简称",
    "客户全称",
    "公司名称",
    "企业名称",
    "客商名称",
    "往来单位",
    "往来单位名称",
    "购货单位",
    "单位名称",
  ],
  invoice: ["Invoice no", "Invoice number", "Document", "发票", "单据号"],
  currency: ["Curr", "Currency code", "CCY", "货币", "币别", "原币"],
  dueDate: ["Due", "到期日期", "应收日期"],
  amount: ["Invoice amount", "发票金额", "应收金额"],
  // What the customer has paid, as a Chinese sales or finance team heads it: 已付/已收 (paid,
  // received), 回款 (collected), 实收 (actually received).
  paid: ["Paid amount", "Received", "已付", "已付金额", "已收", "已收款", "实收金额", "已回款", "回款金额", "已回款金额"],
  openAmount: [
    "Open",
    "Open balance",
    "Balance due",
    "Outstanding",
    "Outstanding amount",
    "Amount outstanding",
    "Unpaid amount",
    "Remaining amount",
    "未结金额",
    "未收余额",
    "未结余额",
    "余额",
    "应收余额",
    "未付金额",
    "未回款金额",
  ],
};

/** Every header a field is recognised by: its names in both languages first, then the others. */
export function recognisedHeaders<F extends string>(
  names: Readonly<Record<F, Bilingual>>,
  others?: Readonly<Partial<Record<F, readonly string[]>>>,
): Record<F, readonly string[]> {
  const headers = {} as Record<F, readonly string[]>;
  for (const field of Object.keys(names) as F[]) headers[field] = [names[field].en, names[field].zh, ...(others?.[field] ?? [])];
  return headers;
}

export const INPUT_ALIASES = recognisedHeaders(FIELD_LABELS, OTHER_INPUT_HEADERS);
/**
 * Headers the review wrote over its own columns before: a sheet it reviewed then still has its
 * columns found as its own. Users write them too, so they are input headers as well, told apart
 * by the row they stand on (see reviewOwnColumns).
 */
export const EARLIER_OUTPUT_HEADERS: Readonly<Partial<Record<OutputField, readonly string[]>>> = {
  overdueBalance: ["逾期余额", "Overdue balance"],
  paymentHistoryPoints: ["付款历史分"],
  contractPerformancePoints: ["合同履行分"],
  industryRiskPoints: ["行业风险分"],
  marketReputationPoints: ["市场口碑分"],
  complianceRecordPoints: ["合规记录分"],
};
export const OUTPUT_ALIASES = recognisedHeaders(OUTPUT_HEADERS, EARLIER_OUTPUT_HEADERS);
export const LEDGER_ALIASES = recognisedHeaders(LEDGER_LABELS, OTHER_LEDGER_HEADERS);

export const REQUIRED_FIELDS: readonly InputField[] = [...FACTORS];
export const REQUIRED_LEDGER_FIELDS: readonly LedgerField[] = ["customer", "dueDate", "amount"];

/**
 * How headers are compared: case, spaces, punctuation, a trailing unit in brackets
 * ("Credit limit (USD)", "信用额度（元）") and Traditional or Simplified characters (信用額度 is
 * 信用额度) do not matter. A number sign is the word it stands for:
 * "Customer #" and "Account #" are "Customer no" and "Account no" (№ is "No" once normalised),
 * never the bare "Customer" that names the name column.
 */
export function headerKey(text: unknown): string {
  if (typeof text !== "string" && typeof text !== "number") return "";
  // No opening bracket inside the unit's brackets: "((((…" must not cost quadratic time (a cell holds 32,767 characters).
  return foldTraditional(String(text).normalize("NFKC"))
    .toLowerCase()
    .replace(/[(（[【][^(（[【)）\]】]*[)）\]】]\s*$/u, "")
    .replace(/#/g, "no")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The words of a row that adds others up, where a customer's id or name (or a ledger's
 * customer or invoice) would be: "Total", "North subtotal", "Grand total (USD)", "合计", "华东小计",
 * and in Traditional characters "合計", "總計".
 */
const TOTALS_WORDS = /\b(?:sub[\s-]*)?totals?\b|^\s*sum\s*[:：]?\s*$|[小合总總共]\s*[计計]/iu;

/**
 * Whether a text starts with "sum" after any spaces, the regular expression asked only of a text
 * starting with neither a letter nor a digit, or with an s: most ids and names start otherwise.
 */
function mayStartWithSum(value: string): boolean {
  const first = value.charCodeAt(0);
  const lower = first | 32;
  if (((lower >= 97 && lower <= 122 && first >= 65) || (first >= 48 && first <= 57)) && lower !== 115) return false;
  return /^\s*sum/i.test(value);
}

/** Letters every totals word but "sum" holds, in either script: 计 is 計 in Traditional characters. */
const TOTALS_LETTERS = ["otal", "OTAL", "计", "計"];

export function isTotalsLabel(value: unknown): boolean {
  if (typeof value !== "string" || value.length > 200) return false;
  // Asked of every row's id and name: a name holding none of the words' letters is no totals
  // label, found without a regular expression (which took a tenth of a large review).
  if (!(TOTALS_LETTERS.some((letters) => value.includes(letters)) || mayStartWithSum(value))) return false;
  // Plain ASCII (most names) needs no Unicode normalisation, which is slow row after row.
  return TOTALS_WORDS.test(/^[\x20-\x7e]*$/.test(value) ? value : value.normalize("NFKC"));
}

/** Every language the review writes headers in: a sheet reviewed in one is read back in the other. */
export const LANGS_OF_HEADERS: readonly Lang[] = ["en", "zh"];

/** An aging bucket's output column header, from the bucket's label: "Aging: 31–60", "账龄：31–60 天". */
export function agingHeader(label: string, lang: Lang): string {
  return message(lang, "aging.header", { label });
}

/**
 * An aging column's header as the customer sheet shows it: on two lines, after its colon. A
 * wrapped cell fills Chinese character by character, so a column as wide as its figures would
 * break the bucket's name inside (账龄：未到|期, 账龄：1–30|天); and on one line the English
 * headers, each right over its figures, would read side by side as one string (Aging: 1–30 Aging: 31–60).
 */
export function agingColumnHeader(label: string, lang: Lang): string {
  const header = agingHeader(label, lang);
  return lang === "zh" ? header.replace("：", "：\n") : header.replace(": ", ":\n");
}

/**
 * A header cell's text as a message quotes it: on one line, its lines joined by nothing after
 * Chinese (账龄：未到期, as agingColumnHeader's two lines read) and by a space otherwise.
 */
export function headerOnOneLine(text: string): string {
  return text
    .trim()
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s*\n\s*/gu, "")
    .replace(/\s*\n\s*/g, " ");
}

/** The header keys aging columns start with, in both languages. */
const AGING_PREFIXES = LANGS_OF_HEADERS.map((lang) => headerKey(agingHeader("", lang)));
/** What follows the prefix: the Current bucket's label, or a bucket's days (and their unit). */
const AGING_LABEL = new RegExp(
  `^(${LANGS_OF_HEADERS.map((lang) => headerKey(message(lang, "aging.current"))).join("|")}|\\d+\\D*)$`,
  "u",
);

/**
 * Whether a header key is an aging column of some run, whatever its edges: a re-run with other
 * edges must still tell it from the user's columns (and clear it).
 */
export function isAgingHeaderKey(key: string): boolean {
  const prefix = AGING_PREFIXES.find((p) => key.startsWith(p));
  return prefix !== undefined && AGING_LABEL.test(key.slice(prefix.length));
}
