/**
 * The review's output column headers as users see them, written out literally: tests compare
 * against these words, not against the engine's own table, so a changed header fails a test.
 */
export const OUTPUT_HEADERS_EN = [
  "Risk score",
  "Payment points",
  "Contract points",
  "Industry points",
  "Reputation points",
  "Compliance points",
  "Risk grade",
  "Z-score",
  "Z zone",
  "Warnings",
  "Findings",
  "Recommendation",
  "Recommended limit",
  "Monitoring",
  "Next review",
  "Utilisation",
  "Available credit",
  "Total overdue amount",
  "Oldest days overdue",
  "Review issues",
];

/** With a ledger and the default aging edges (30, 60, 90), the buckets' columns stand before the issues. */
/** On two lines, after the colon (agingColumnHeader). */
export const AGING_HEADERS_EN = ["Aging:\nCurrent", "Aging:\n1–30", "Aging:\n31–60", "Aging:\n61–90", "Aging:\n91+"];
export const AGING_HEADERS_ZH = ["账龄：\n未到期", "账龄：\n1–30 天", "账龄：\n31–60 天", "账龄：\n61–90 天", "账龄：\n91 天以上"];

export const OUTPUT_HEADERS_ZH = [
  "风险评分",
  "付款历史加权分",
  "合同履行加权分",
  "行业风险加权分",
  "市场口碑加权分",
  "合规记录加权分",
  "风险等级",
  "Z 值",
  "Z 值区间",
  "预警",
  "预警依据",
  "政策建议",
  "建议额度",
  "监控频率",
  "下次复审",
  "额度使用率",
  "可用额度",
  "逾期金额合计",
  "最长逾期天数",
  "审查问题",
];

/** The headers a review with a ledger writes: the aging buckets' columns before the issues. */
export function withAging(headers: readonly string[], aging: readonly string[]): string[] {
  return [...headers.slice(0, -1), ...aging, headers[headers.length - 1]];
}
