/**
 * Error messages in Chinese Excel: an argument is named as Chinese Excel shows it (the parameter
 * names of src/functions/locales/zh-CN.json), never by its English name, and the model error
 * lists the names a Chinese user types.
 */
import "../../support/custom-functions-stub";
import * as fs from "node:fs";
import * as path from "node:path";
import { StubError } from "../../support/custom-functions-stub";
import { setErrorLanguage } from "../../../src/functions/excel-errors";
import { CREDIT_FUNCTIONS, CreditFunctionId } from "../../../src/functions/library";

const zhTexts = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, "../../../src/functions/locales/zh-CN.json"), "utf8"),
) as Record<string, { parameters: Record<string, [string, string]> }>;

beforeAll(() => setErrorLanguage("zh"));
afterAll(() => setErrorLanguage("en"));

function messageOf(id: CreditFunctionId, args: unknown[]): string {
  let answer: unknown;
  try {
    answer = (CREDIT_FUNCTIONS[id] as (...raw: unknown[]) => unknown)(...args);
  } catch (thrown) {
    answer = thrown;
  }
  const error = Array.isArray(answer) ? (answer as unknown[][]).flat().find((v) => v instanceof StubError) : answer;
  expect(error).toBeInstanceOf(StubError);
  return (error as StubError).message!;
}

const CASES: [CreditFunctionId, unknown[], string][] = [
  [
    "SCORE",
    [
      [
        [1, 1, 1, 1, 1],
        [1, 7, 1, 1, 1],
      ],
    ],
    "因素评分第 2 行：合同履行情况必须介于 1 到 5 之间，实际为 7",
  ],
  ["SCORE", [[[1, 2, 3, 4]]], "因素评分必须为 5 列（每位客户一行）或 5 行 1 列；实际为 1×4"],
  ["SCORE", [[[1, 2, 3, 4, 5]], [[1, 1, 1, 1]]], "权重必须是 5 个数字，每个因素一个；实际为 4 个"],
  [
    "SCORE",
    [[[1, 2, 3, 4, 5]], [[0], [30], [25], [20], [15], [10]]],
    "权重必须是 5 个数字，每个因素一个；实际为 6 个，其中 1 个为 0：桌面版 Excel 把空单元格当作 0 传入，请只选中 5 个权重",
  ],
  ["CURRENTRATIO", [1, 0], "流动负债为 0，比率无法计算"],
  ["AGING", [[[100], [7000]], [[46000], [null]], 46000], "到期日第 2 行：到期日为空，但仍有 7,000.00 未收"],
  ["AGING", [[[100], [200]], [[46000]], 46000], "金额（2×1）与到期日（1×1）的大小必须一致"],
  ["AGING", [[[1]], [[46000]], "明天"], "账龄基准日必须是日期（如 2026-11-30），实际为“明天”"],
  ["NEXTREVIEW", [3, "明天"], "审查日期必须是日期（如 2026-11-30），实际为“明天”"],
  ["GRADE", [6], "评分不能大于 5，实际为 6"],
  ["GRADE", [3, 4, 3], "高风险起点（3）必须大于中风险起点（4）"],
  ["ZSCORE", [1, 1, 1, 1, 1, 0, 1], "资产总额必须大于 0，实际为 0"],
  ["ZSCORE", [1, 1, 1, 1, null, 10, 5], "营业收入为空"],
  [
    "ZSCORE",
    [1, 1, 1, 1, 1, 10, 5, "香蕉"],
    "模型必须是 上市、非上市、非制造业、新兴市场 之一（也可写 public, private, nonmanufacturing, emerging），实际为“香蕉”",
  ],
  ["DSO", [1, 1, 0], "期间天数必须大于 0，实际为 0"],
  [
    "CURRENTRATIO",
    ["$100,000", "€50,000"],
    "流动资产以 $ 计，而流动负债以 EUR 计：不同币种的金额不能按原值相除或相加，请以同一币种输入",
  ],
  ["ZSCORE", ["USD 1", 1, 1, 1, "EUR 1", 10, 5], "营运资本以 USD 计，而营业收入以 EUR 计"],
];

test.each(CASES)("%s(%j) says: %s", (id, args, expected) => {
  expect(messageOf(id, args)).toContain(expected);
});

test.each(CASES)("%s(%j) names no argument by its English name", (id, args) => {
  const text = messageOf(id, args);
  for (const english of Object.keys(zhTexts[id].parameters)) expect(text).not.toMatch(new RegExp(`\\b${english}\\b`));
});
