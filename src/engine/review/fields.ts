/**
 * The columns a customer sheet and an invoice ledger may have (DOMAIN.md §8), with the
 * English and Chinese headers people write for them, and the review's own output columns.
 */
import { Lang } from "../i18n";
import { FACTORS } from "../policy";

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
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const OUTPUT_FIELDS = [
  "score",
  "grade",
  "zScore",
  "zZone",
  "warnings",
  "recommendation",
  "recommendedLimit",
  "monitoring",
  "nextReview",
  "issues",
] as const;
export type OutputField = (typeof OUTPUT_FIELDS)[number];

export const LEDGER_FIELDS = ["customer", "invoice", "dueDate", "amount", "paid"] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Header aliases: the first English and first Chinese entries are the ones the review writes. */
export const INPUT_ALIASES: Readonly<Record<InputField, readonly string[]>> = {
  id: [
    "Customer ID",
    "客户编号",
    "ID",
    "Customer No",
    "Customer Number",
    "Customer Code",
    "Account",
    "Account No",
    "客户代码",
    "编号",
    "客户号",
  ],
  name: ["Customer", "客户名称", "Customer name", "Name", "Company", "客户", "名称", "公司名称", "单位名称"],
  paymentHistory: ["Payment history", "付款历史", "Payment", "付款记录", "付款情况"],
  contractPerformance: ["Contract performance", "合同履行情况", "Contract", "合同履行", "履约情况"],
  industryRisk: ["Industry risk", "行业风险", "Industry", "行业"],
  marketReputation: ["Market reputation", "市场口碑", "Reputation", "口碑", "市场声誉"],
  complianceRecord: ["Compliance record", "合规记录", "Compliance", "合规"],
  previousScore: ["Previous score", "上期评分", "Last score", "Prior score", "上次评分", "上期得分"],
  creditLimit: ["Credit limit", "信用额度", "Limit", "额度", "授信额度"],
  balance: [
    "Outstanding balance",
    "应收账款余额",
    "Balance",
    "AR balance",
    "Receivable",
    "Receivables",
    "Accounts receivable",
    "应收账款",
    "应收余额",
    "余额",
  ],
  overdueAmount: ["Overdue amount", "逾期金额", "Overdue", "Past due amount", "逾期"],
  daysPastDue: ["Days past due", "逾期天数", "DPD", "Days overdue", "Overdue days"],
  negativeNewsDate: ["Negative news date", "负面新闻日期", "Negative news", "负面新闻", "Adverse news date"],
  currentAssets: ["Current assets", "流动资产", "流动资产合计"],
  currentLiabilities: ["Current liabilities", "流动负债", "流动负债合计"],
  inventory: ["Inventory", "存货", "Inventories"],
  totalAssets: ["Total assets", "资产总额", "资产合计", "总资产", "资产总计"],
  totalLiabilities: ["Total liabilities", "负债总额", "负债合计", "总负债"],
  retainedEarnings: ["Retained earnings", "留存收益", "未分配利润"],
  ebit: ["EBIT", "息税前利润", "Operating income", "Operating profit"],
  interestExpense: ["Interest expense", "利息费用", "Interest", "利息支出"],
  sales: ["Sales", "营业收入", "Revenue", "Net sales", "Turnover", "销售收入", "营业总收入"],
  equity: [
    "Equity",
    "股东权益",
    "Market value of equity",
    "Book equity",
    "Shareholders equity",
    "所有者权益",
    "所有者权益合计",
    "净资产",
  ],
  zModel: ["Z model", "Z模型", "Z-score model", "Model", "Z值模型"],
};

export const OUTPUT_ALIASES: Readonly<Record<OutputField, readonly [string, string]>> = {
  score: ["Risk score", "风险评分"],
  grade: ["Risk grade", "风险等级"],
  zScore: ["Z-score", "Z值"],
  zZone: ["Z zone", "Z值区间"],
  warnings: ["Warnings", "预警"],
  recommendation: ["Recommendation", "政策建议"],
  recommendedLimit: ["Recommended limit", "建议额度"],
  monitoring: ["Monitoring", "监控频率"],
  nextReview: ["Next review", "下次复审"],
  issues: ["Review issues", "审查问题"],
};

export function outputHeader(field: OutputField, lang: Lang): string {
  return OUTPUT_ALIASES[field][lang === "zh" ? 1 : 0];
}

export const LEDGER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  customer: ["Customer ID", "客户编号", "Customer", "客户名称", "客户", "Customer name", "Account"],
  invoice: ["Invoice", "发票号", "Invoice no", "Invoice number", "Document", "发票", "单据号"],
  dueDate: ["Due date", "到期日", "Due", "到期日期", "应收日期"],
  amount: ["Amount", "金额", "Invoice amount", "发票金额", "应收金额"],
  paid: ["Paid", "已收金额", "Paid amount", "Received", "已付", "已收"],
};

export const REQUIRED_FIELDS: readonly InputField[] = [...FACTORS];
export const REQUIRED_LEDGER_FIELDS: readonly LedgerField[] = ["customer", "dueDate", "amount"];

/**
 * How headers are compared: case, spaces, punctuation and a trailing unit in brackets
 * ("Credit limit (USD)", "信用额度（元）") do not matter.
 */
export function headerKey(text: unknown): string {
  if (typeof text !== "string" && typeof text !== "number") return "";
  // No opening bracket inside the unit's brackets: "((((…" must not cost quadratic time (a cell holds 32,767 characters).
  return String(text)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（[【][^(（[【)）\]】]*[)）\]】]\s*$/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
