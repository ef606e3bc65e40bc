/**
 * Headers in Traditional characters, as analysts in Taiwan and Hong Kong write them (信用額度,
 * 應收帳款), are read as the Simplified headers the catalogues hold: on the customer sheet, the
 * invoice ledger, the review's own columns, the archive, the policy sheet and its history.
 *
 * The Traditional spellings here come from the tests' own table (test/support/traditional.ts),
 * written by hand independently of the engine's fold, and from the domain's source documents
 * (shared/seeds), which are largely in Traditional characters.
 */
import { CellValue, readAmount } from "../../../src/engine/cells";
import { message } from "../../../src/engine/i18n";
import { completePolicy, GRADES } from "../../../src/engine/policy";
import { archiveHeader, gradeByName, readArchive } from "../../../src/engine/review/archive";
import { headerSuggester, inputTable, reviewOwnColumns } from "../../../src/engine/review/columns";
import {
  agingHeader,
  headerKey,
  INPUT_ALIASES,
  InputField,
  isAgingHeaderKey,
  isTotalsLabel,
  LEDGER_ALIASES,
  LedgerField,
  OUTPUT_ALIASES,
  OUTPUT_FIELDS,
  OUTPUT_HEADERS,
} from "../../../src/engine/review/fields";
import { aliasTable } from "../../../src/engine/review/headers";
import { isPolicyHistoryTop } from "../../../src/engine/review/policy-history";
import { isPolicySheetTop, POLICY_ROWS, readPolicySheet, settingLabel } from "../../../src/engine/review/policy-sheet";
import { policySheetPlan } from "../../../src/engine/review/policy-sheet-plan";
import { gradeName } from "../../../src/engine/review/texts";
import { foldTraditional, TRADITIONAL_TO_SIMPLIFIED } from "../../../src/engine/traditional-chinese";
import { applyBlocks } from "../../support/review-grid";
import { SIMPLIFIED_TO_TRADITIONAL, traditional } from "../../support/traditional";
import { parseZModel, Z_MODEL_ALIASES, Z_MODEL_NAMES, ZModel } from "../../../src/engine/z-models";
import { REVIEW_SHEETS, reviewSheetKind } from "../../../src/engine/review/sheets";

/** The vocabulary's characters that Traditional Chinese writes the same. */
const SAME_IN_BOTH = new Set(
  "客代商往位名公司企全付款史情合同履行市口碑上期分次得信用度授限收欠金逾超天日拖面新流存留益未配利息前支出入售主" +
    "股所有者模型值已取措施理跟的等警依政策建使可最查控率下票到回原版本工作表手改首低中高重起始升幅比溯月考法律保障倍隔界指定置案" +
    "非私造校加",
);

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

const ARCHIVE_HEADER_ZH = archiveHeader("zh");
const HISTORY_HEADER_ZH = [settingLabel("version", "zh"), message("zh", "policyHistory.firstUsed")];
const POLICY_LABELS_ZH = [...POLICY_ROWS.map((row) => settingLabel(row.name, "zh")), message("zh", "policySheet.key")];

/** Every Chinese word the review recognises a column, a sheet's label or a grade by. */
const VOCABULARY: readonly string[] = [
  ...Object.values<readonly string[]>(INPUT_ALIASES).flat(),
  ...Object.values<readonly string[]>(LEDGER_ALIASES).flat(),
  ...Object.values<readonly string[]>(OUTPUT_ALIASES).flat(),
  ...ARCHIVE_HEADER_ZH,
  ...HISTORY_HEADER_ZH,
  ...POLICY_LABELS_ZH,
  agingHeader(message("zh", "aging.current"), "zh"),
  ...GRADES.map((grade) => gradeName(grade, "zh")),
  ...Object.values(REVIEW_SHEETS).map((names) => names.zh),
  ...Object.keys(Z_MODEL_ALIASES),
  ...Object.values(Z_MODEL_NAMES.zh),
].filter(hasHan);

test("the review's sheets renamed in Traditional characters are its own: 信用審查彙總 (匯總), 信用審查檔案, 信用政策歷史", () => {
  expect(["信用審查彙總", "信用審查匯總", "信用審查檔案", "信用政策", "信用政策歷史"].map(reviewSheetKind)).toEqual([
    "summary",
    "summary",
    "archive",
    "policy",
    "policyHistory",
  ]);
  expect(reviewSheetKind("信用審查")).toBeUndefined();
});

describe("the fold's table covers the vocabulary", () => {
  test("every character of the vocabulary is either written alike or has its Traditional form folded back", () => {
    const characters = new Set(VOCABULARY.flatMap((word) => [...word].filter(hasHan)));
    expect(characters.size).toBeGreaterThan(150);
    const unclassified = [...characters].filter((c) => !SAME_IN_BOTH.has(c) && !SIMPLIFIED_TO_TRADITIONAL.has(c));
    expect(unclassified).toEqual([]);
    // 帐 is the older form of 账 the catalogue keeps (应收帐款): its Traditional 帳 folds to 账, which every such header also has.
    const folded = (simplified: string) => (simplified === "帐" ? "账" : simplified);
    const notFolded = [...SIMPLIFIED_TO_TRADITIONAL].filter(([simplified, trad]) => foldTraditional(trad) !== folded(simplified));
    expect(notFolded).toEqual([]);
  });

  test("Hong Kong's 賬 and the variant 凈 fold as Taiwan's 帳 and 淨 do", () => {
    expect(foldTraditional("應收賬款")).toBe("应收账款");
    expect(foldTraditional("凈資產")).toBe("净资产");
    expect(foldTraditional("複審 復審")).toBe("复审 复审");
  });

  test("the fold changes no Simplified word, and each character it folds stays one character", () => {
    expect(VOCABULARY.filter((word) => foldTraditional(word) !== word)).toEqual([]);
    for (const [trad, simplified] of TRADITIONAL_TO_SIMPLIFIED) {
      expect([trad.length, simplified.length]).toEqual([1, 1]);
      expect(trad).not.toBe(simplified);
    }
    expect(foldTraditional("Credit limit (USD) 信用額度（萬元）")).toBe("Credit limit (USD) 信用额度（万元）");
  });
});

/** Each Chinese header of a table with the field it names, as the catalogue writes it. */
function chineseHeaders<F extends string>(aliases: Readonly<Record<F, readonly string[]>>): [string, F][] {
  return (Object.keys(aliases) as F[]).flatMap((field) => aliases[field].filter(hasHan).map((h): [string, F] => [h, field]));
}

describe("every Simplified header's Traditional spelling names the same column", () => {
  const inputs = inputTable(undefined);
  test.each(chineseHeaders(INPUT_ALIASES))("customer sheet: %s (%s)", (header, field) => {
    // The field the Simplified header names (the first table to list a header keeps it).
    const named = inputs.get(headerKey(header));
    expect(named).toBe(field);
    expect(inputs.get(headerKey(traditional(header)))).toBe(named);
  });

  const ledger = aliasTable(LEDGER_ALIASES);
  test.each(chineseHeaders(LEDGER_ALIASES))("ledger: %s (%s)", (header, field) => {
    const named = ledger.get(headerKey(header));
    expect(named).toBe(field);
    expect(ledger.get(headerKey(traditional(header)))).toBe(field);
  });

  const outputs = aliasTable(OUTPUT_ALIASES);
  test.each(chineseHeaders(OUTPUT_ALIASES))("the review's own column: %s (%s)", (header, field) => {
    expect(outputs.get(headerKey(traditional(header)))).toBe(field);
  });

  test("most of them are spelt otherwise in Traditional characters: the fold is what finds them", () => {
    const all = [...chineseHeaders(INPUT_ALIASES), ...chineseHeaders(LEDGER_ALIASES), ...chineseHeaders(OUTPUT_ALIASES)];
    const changed = all.filter(([header]) => traditional(header) !== header);
    expect(changed.length).toBeGreaterThan(all.length / 2);
  });
});

/**
 * Headers as the seeds write them in Traditional characters (the file each is in; the seeds'
 * romanised glosses, as in 風(fēng)險, left out).
 */
const SEED_HEADERS: readonly [string, string, InputField][] = [
  ["信用額度", "000, 001, 003", "creditLimit"],
  ["授信額度", "000, 003", "creditLimit"],
  ["付款歷史", "001", "paymentHistory"],
  ["付款記錄", "003", "paymentHistory"],
  ["付款情況", "003", "paymentHistory"],
  ["合同履行情況", "001", "contractPerformance"],
  ["履約情況", "000", "contractPerformance"],
  ["行業風險", "001", "industryRisk"],
  ["市場口碑", "001", "marketReputation"],
  ["合規記錄", "001", "complianceRecord"],
  ["應收賬款", "000, 003", "balance"],
  ["負面新聞", "001", "negativeNewsDate"],
  ["處理措施", "003", "actionTaken"],
];

/** The catalogue's own labels as a Taiwan or Hong Kong sheet heads them. */
const LABELS_AS_WRITTEN_THERE: readonly [string, InputField][] = [
  ["客戶編號", "id"],
  ["客戶名稱", "name"],
  ["上期評分", "previousScore"],
  ["應收帳款餘額", "balance"],
  ["應收帳款", "balance"],
  ["逾期金額", "overdueAmount"],
  ["逾期天數", "daysPastDue"],
  ["流動資產", "currentAssets"],
  ["流動負債", "currentLiabilities"],
  ["資產總額", "totalAssets"],
  ["負債總額", "totalLiabilities"],
  ["息稅前利潤", "ebit"],
  ["利息費用", "interestExpense"],
  ["銷售額", "sales"],
  ["營業收入", "sales"],
  ["股東權益", "equity"],
  ["淨資產", "equity"],
  ["已採取措施", "actionTaken"],
];

describe("real Traditional headers", () => {
  const inputs = inputTable(undefined);
  test.each(SEED_HEADERS)("%s (seeds %s) is %s", (header, _seeds, field) => {
    expect(inputs.get(headerKey(header))).toBe(field);
  });
  test.each(LABELS_AS_WRITTEN_THERE)("%s is %s, with a unit in brackets too", (header, field) => {
    expect(inputs.get(headerKey(header))).toBe(field);
    expect(inputs.get(headerKey(`${header}（萬元）`))).toBe(field);
  });

  test.each([
    ["預警", "000, 001, 003", "warnings"],
    ["風險評分", "001", "score"],
    ["風險等級", "000", "grade"],
    ["監控頻率", "001", "monitoring"],
  ] as const)("%s (seeds %s) is the review's own %s column", (header, _seeds, field) => {
    expect(aliasTable(OUTPUT_ALIASES).get(headerKey(header))).toBe(field);
  });

  test.each([
    ["客戶編號", "customer"],
    ["發票號", "invoice"],
    ["到期日", "dueDate"],
    ["金額", "amount"],
    ["已收金額", "paid"],
    ["未收餘額", "openAmount"],
    ["幣別", "currency"],
  ] as const)("ledger: %s is %s", (header, field: LedgerField) => {
    expect(aliasTable(LEDGER_ALIASES).get(headerKey(header))).toBe(field);
  });
});

describe("the other tables the review reads back", () => {
  test("an archive headed in Traditional characters is read column for column", () => {
    const header = ARCHIVE_HEADER_ZH.map(traditional);
    expect(header).toContain("審查日期");
    const contents = readArchive([header, [46000, "v1", "C1", "甲公司"]]);
    expect(contents?.current).toBe(true);
    expect(contents?.entries.map((e) => [e.key, e.date])).toEqual([["c1", 46000]]);
  });

  test("the grades an archive holds, in Traditional characters", () => {
    for (const grade of GRADES) expect(gradeByName(traditional(gradeName(grade, "zh")))).toBe(grade);
  });

  test("the review's own columns on a sheet reviewed before, their headers in Traditional characters", () => {
    const row: CellValue[] = ["客戶編號", ...OUTPUT_FIELDS.map((f) => traditional(OUTPUT_HEADERS[f].zh)), "帳齡：31–60天"];
    const own = reviewOwnColumns(row);
    expect(Object.keys(own.fields)).toEqual([...OUTPUT_FIELDS]);
    expect(own.aging).toEqual([OUTPUT_FIELDS.length + 1]);
    expect(own.all.has(0)).toBe(false);
    expect(isAgingHeaderKey(headerKey(traditional(agingHeader(message("zh", "aging.current"), "zh"))))).toBe(true);
  });

  test("a policy history headed in Traditional characters", () => {
    expect(isPolicyHistoryTop([HISTORY_HEADER_ZH.map(traditional)])).toBe(true);
  });

  test("a policy sheet whose setting names were retyped in Traditional characters reads the same policy", () => {
    const policy = completePolicy({ maxDebtRatio: 0.6, overdueDays: 75, weights: [4, 3, 2, 1, 0] });
    const grid = applyBlocks([], policySheetPlan(policy, "zh", {}).blocks).map((line) => [
      typeof line[0] === "string" ? traditional(line[0]) : line[0],
      ...line.slice(1),
    ]);
    expect(grid.map((line) => line[0])).toContain("權重：付款歷史");
    expect(grid.map((line) => line[0])).toContain("設置");
    expect(isPolicySheetTop(grid)).toBe(true);
    expect(readPolicySheet(grid)).toEqual(policy);
  });
});

describe("around the headers", () => {
  test("a misspelt Traditional header is suggested the header it is near", () => {
    const suggest = headerSuggester([]);
    expect(suggest("信用額")).toEqual({ field: "creditLimit", header: "信用额度" });
    expect(suggest("應收帳款餘")).toEqual({ field: "balance", header: "应收账款余额" });
    expect(suggest("客戶地址")).toBeUndefined();
  });

  test.each(["合計", "總計", "華東小計", "共計"])("%s is a totals label", (label) => {
    expect(isTotalsLabel(label)).toBe(true);
  });
  test.each(["計算機公司", "合肥公司"])("%s is not", (label) => {
    expect(isTotalsLabel(label)).toBe(false);
  });
});

describe("cell values in Traditional characters", () => {
  test.each([
    ["非製造業", "nonmanufacturing"],
    ["新興市場", "emerging"],
    ["非上市公司", "private"],
    ["私營", "private"],
    ["新興市場（Z″-EM）", "emerging"],
  ] as const)("a Z-score model named %s is the %s model", (name, model: ZModel) => {
    expect(parseZModel(name)).toBe(model);
    // The tests' own spelling of the Simplified name gives the same.
    expect(parseZModel(traditional(Z_MODEL_NAMES.zh[model]))).toBe(model);
  });

  test.each([
    ["港幣 12,500", 12_500, "HKD"],
    ["新臺幣 30,000", 30_000, "TWD"],
    ["30,000 新台幣", 30_000, "TWD"],
    ["人民幣 800", 800, "CNY"],
    ["歐元 1,000.50", 1_000.5, "EUR"],
    ["英鎊 75", 75, "GBP"],
    ["日圓 100", 100, "JPY"],
  ] as const)("an amount marked %s is %d in %s", (text, value, currency) => {
    expect(readAmount(text)).toEqual({ kind: "number", value, currency });
  });
});
