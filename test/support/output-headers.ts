/**
 * The review's output column headers as users see them, written out literally: tests compare
 * against these words, not against the engine's own table, so a changed header fails a test.
 */
export const OUTPUT_HEADERS_EN = [
  "Risk score",
  "Risk grade",
  "Z-score",
  "Z zone",
  "Warnings",
  "Recommendation",
  "Recommended limit",
  "Monitoring",
  "Next review",
  "Review issues",
];

export const OUTPUT_HEADERS_ZH = [
  "风险评分",
  "风险等级",
  "Z值",
  "Z值区间",
  "预警",
  "政策建议",
  "建议额度",
  "监控频率",
  "下次复审",
  "审查问题",
];
