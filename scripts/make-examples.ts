/**
 * Builds the sample workbooks examples/customers.xlsx (English headers) and
 * examples/customers-zh.xlsx (Chinese headers): 45 customers with financials, an
 * invoice ledger, a few deliberately bad rows, and every warning code triggered at
 * least once when reviewed as of 2026-11-30. Deterministic: same bytes of data each run.
 *
 *   npm run examples
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromYMD, ymdFromSerial } from "../src/engine/cells";
import { AMOUNT_FIELDS, FIELD_LABELS, INPUT_FIELDS, InputField, LEDGER_LABELS, LedgerField } from "../src/engine/review/fields";
import { Z_MODEL_NAMES, ZModel } from "../src/engine/z-models";
import { numberFormat } from "../src/engine/review/formats";
import { fictitiousFinancials, seededRandom } from "./sample-data";

export const SAMPLE_AS_OF = "2026-11-30";
const AS_OF = serialFromYMD(2026, 11, 30);

const EN_NAMES = [
  "Northwind Traders",
  "Contoso Pharmaceuticals",
  "Fabrikam Textiles",
  "Litware Components",
  "Adventure Works Cycles",
  "Tailspin Toys",
  "Wide World Importers",
  "Proseware Logistics",
  "Lucerne Publishing",
  "Blue Yonder Airlines",
  "Coho Winery",
  "Fourth Coffee",
  "Graphic Design Institute",
  "Humongous Insurance",
  "Margie's Travel",
  "Alpine Ski House",
  "Trey Research",
  "Woodgrove Foods",
  "School of Fine Art",
  "City Power & Light",
  "Southridge Video",
  "Consolidated Messenger",
  "Wingtip Toys",
  "Datum Corporation",
  "Relecloud Systems",
  "VanArsdel Ltd",
  "Bellows College Supplies",
  "Munson's Pickles",
  "Lamna Healthcare",
  "Best For You Organics",
  "Nod Publishers",
  "Liberty's Delightful Sinful Bakery",
  "Cronus Steel",
  "Hanover Chemicals",
  "Jade Harbor Shipping",
  "Silver Creek Paper",
  "Redwood Packaging",
  "Eastgate Electronics",
  "Pioneer Agritech",
  "Summit Building Materials",
  "Harbor Lights Retail",
  "Golden Grain Mills",
  "Crescent Auto Parts",
  "Orion Medical Devices",
  "Maple Leaf Furniture",
];
const ZH_NAMES = [
  "华东贸易有限公司",
  "康泰制药股份有限公司",
  "锦绣纺织有限公司",
  "立达电子元件厂",
  "远航自行车制造有限公司",
  "飞鹰玩具有限公司",
  "环球进口贸易公司",
  "顺达物流有限公司",
  "明镜出版社",
  "蓝天航空服务公司",
  "山谷酒业有限公司",
  "第四咖啡连锁",
  "创意设计学院",
  "恒大保险经纪",
  "美途旅行社",
  "高山滑雪用品公司",
  "特锐研究所",
  "林海食品有限公司",
  "美术学院服务中心",
  "城市电力照明公司",
  "南岭影视器材",
  "联合速递有限公司",
  "翼尖玩具厂",
  "数据科技股份公司",
  "云联系统集成公司",
  "万德有限公司",
  "百乐学院用品",
  "芒森食品加工厂",
  "拉姆纳医疗",
  "优选有机食品",
  "诺德出版公司",
  "自由烘焙坊",
  "克罗诺斯钢铁",
  "汉诺威化工有限公司",
  "玉港航运有限公司",
  "银溪纸业有限公司",
  "红杉包装材料公司",
  "东门电子有限公司",
  "先锋农业科技",
  "峰顶建材有限公司",
  "港湾零售连锁",
  "金谷面粉厂",
  "新月汽车配件",
  "猎户座医疗器械",
  "枫叶家具有限公司",
];

type Cell = string | number | Date | null;

interface Customer {
  id: string;
  factors: Cell[];
  previous: number | null;
  limit: Cell;
  newsDate: Date | null;
  financials: (number | null)[];
  zModel: string | null;
  invoices: { invoice: string; due: number; amount: number; paid: number }[];
}

function dateOf(serial: number): Date {
  const { year, month, day } = ymdFromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Special cases, by customer index, that make every warning and error appear. */
function customers(): Customer[] {
  const rnd = seededRandom(20261130);
  const pick = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const list: Customer[] = [];
  for (let i = 0; i < 45; i++) {
    const risky = i % 7 === 3 || i === 4;
    const factors: Cell[] = Array.from({ length: 5 }, () => (risky ? pick(3, 5) : pick(1, 3)));
    const limit = pick(5, 60) * 10000;
    const financials = fictitiousFinancials(rnd, risky);
    const invoices = [];
    const count = pick(1, 4);
    for (let k = 0; k < count; k++) {
      const age = risky ? pick(-20, 150) : pick(-60, 8);
      const amount = pick(5, 80) * 1000;
      invoices.push({
        invoice: `INV-${String(i + 1).padStart(3, "0")}-${k + 1}`,
        due: AS_OF - age,
        amount,
        paid: k === 0 && !risky ? Math.round(amount / 2) : 0,
      });
    }
    list.push({
      id: `C${String(i + 1).padStart(4, "0")}`,
      factors,
      previous: i % 5 === 0 ? null : Math.round((Number(factors[0]) * 0.9 + 0.3) * 100) / 100,
      limit,
      newsDate: null,
      financials,
      zModel: i % 9 === 2 ? "public" : i % 11 === 5 ? "nonmanufacturing" : null,
      invoices,
    });
  }
  // SCORE_RISE: last review scored 1.2, now clearly higher.
  list[3].previous = 1.2;
  // NEGATIVE_NEWS: a high-risk customer in the news two weeks ago; another one three months ago (too old).
  list[4].factors = [5, 5, 4, 5, 4];
  list[4].newsDate = dateOf(AS_OF - 14);
  list[10].newsDate = dateOf(AS_OF - 90);
  // OVER_LIMIT: balance (the ledger's open amount) far above a small limit.
  list[6].limit = 20000;
  list[6].invoices.push({ invoice: "INV-007-9", due: AS_OF + 20, amount: 90000, paid: 0 });
  // OVERDUE_90 past the legal-action line.
  list[7].invoices.push({ invoice: "INV-008-9", due: AS_OF - 200, amount: 15000, paid: 0 });
  // LIQUIDITY / LEVERAGE / COVERAGE / Z_DISTRESS on one weak balance sheet.
  list[8].financials = [300000, 450000, 120000, 1000000, 920000, -150000, 20000, 40000, 600000, 80000];
  // A credit note in the ledger.
  list[9].invoices.push({ invoice: "CN-010-1", due: AS_OF - 45, amount: -5000, paid: 0 });
  // Bad rows the review must report by row and column, without stopping.
  list[20].factors[2] = 6;
  list[27].factors[0] = "high";
  list[33].limit = "n/a";
  // A customer with no financials at all: Z and ratio checks simply don't apply.
  list[15].financials = list[15].financials.map(() => null);
  return list;
}

/**
 * The sample's columns: every input column but the overdue ones (its invoice ledger replaces them)
 * and Action taken, which a team adds once it has a review's recommendations to answer (the
 * review says how).
 */
const CUSTOMER_FIELDS = INPUT_FIELDS.filter((f) => f !== "overdueAmount" && f !== "daysPastDue" && f !== "actionTaken");

/** The sample ledger's columns, in the order each invoice's row gives them: paid, not an open amount. */
const SAMPLE_LEDGER_FIELDS: readonly LedgerField[] = ["customer", "invoice", "dueDate", "amount", "paid"];

const HEADER_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11, bold: true };

/** Amounts as a finance team formats them: thousands grouped, with cents. */
const MONEY = "#,##0.00";

/** The columns a team types text in: their headers stand left, over left-aligned text. */
const isText = (field: InputField) => field === "id" || field === "name" || field === "zModel";

/** The sample's number formats by column: amounts grouped, the previous score at two decimals, dates as the review writes them in the sheet's language. */
const customerFormats = (lang: "en" | "zh"): Partial<Record<InputField, string>> => ({
  ...Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, MONEY])),
  previousScore: "0.00",
  negativeNewsDate: numberFormat("date", lang),
});

async function build(lang: "en" | "zh", file: string): Promise<void> {
  const names = lang === "en" ? EN_NAMES : ZH_NAMES;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "credit-risk-addin examples";
  workbook.created = new Date(Date.UTC(2026, 10, 30));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(lang === "en" ? "Customers" : "客户");
  sheet.getCell("A1").value = lang === "en" ? "Sample credit file (fictitious)" : "客户信用档案——示例组合（虚构公司）";
  // A font named in full: one with only "bold" set is drawn in the reader's fallback face (a serif in LibreOffice).
  sheet.getCell("A1").font = { name: "Calibri", family: 2, bold: true, size: 14 };
  sheet.addRow([]);
  const headerRow = sheet.addRow(CUSTOMER_FIELDS.map((f) => FIELD_LABELS[f][lang]));
  headerRow.font = HEADER_FONT;
  // As a finance team lays out a wide table: long headers wrap over narrow figures, and stand right
  // over figures, as the figures do.
  CUSTOMER_FIELDS.forEach((field, i) => {
    headerRow.getCell(i + 1).alignment = {
      wrapText: true,
      vertical: "bottom",
      ...(isText(field) ? {} : { horizontal: "right" }),
      // A text right of a figure is set off from it, or "9,732,040.00 public" reads as one.
      ...(field === "zModel" ? { horizontal: "left", indent: 1 } : {}),
    };
  });
  const all = customers();
  all.forEach((c, i) => {
    const balance = c.invoices.reduce((s, inv) => s + inv.amount - inv.paid, 0);
    // The model named in the sheet's language, as its team would write it.
    const zModel = c.zModel && Z_MODEL_NAMES[lang][c.zModel as ZModel];
    const row = sheet.addRow([c.id, names[i], ...c.factors, c.previous, c.limit, balance, c.newsDate, ...c.financials, zModel]);
    CUSTOMER_FIELDS.forEach((field, column) => {
      const format = customerFormats(lang)[field];
      if (format) row.getCell(column + 1).numFmt = format;
    });
    row.getCell(CUSTOMER_FIELDS.indexOf("zModel") + 1).alignment = { horizontal: "left", indent: 1 };
  });
  // Each column as wide as what it holds: the names, the longest model name (nonmanufacturing) set
  // off from the figures before it, a date written out in Chinese (2026年11月16日), the figures, and
  // a header on one line with room before it ("EBIT Interest expense" read as one header).
  const widths: Partial<Record<InputField, number>> = { name: 34, zModel: 20, negativeNewsDate: 16, interestExpense: 17 };
  sheet.columns.forEach((col, i) => (col.width = widths[CUSTOMER_FIELDS[i]] ?? 14));

  const ledger = workbook.addWorksheet(lang === "en" ? "Invoices" : "发票明细");
  const ledgerHeader = ledger.addRow(SAMPLE_LEDGER_FIELDS.map((f) => LEDGER_LABELS[f][lang]));
  ledgerHeader.font = HEADER_FONT;
  SAMPLE_LEDGER_FIELDS.forEach((field, i) => {
    if (field !== "customer" && field !== "invoice") ledgerHeader.getCell(i + 1).alignment = { horizontal: "right" };
  });
  const ledgerLine = (values: (string | number | Date | null)[]) => {
    const row = ledger.addRow(values);
    row.getCell(3).numFmt = numberFormat("date", lang);
    row.getCell(4).numFmt = MONEY;
    row.getCell(5).numFmt = MONEY;
  };
  for (const c of all) for (const inv of c.invoices) ledgerLine([c.id, inv.invoice, dateOf(inv.due), inv.amount, inv.paid]);
  // One ledger line with an amount and no due date: its customer is reported, not aged as Current.
  ledgerLine([all[40].id, "INV-041-X", null, 7000, 0]);
  ledger.columns.forEach((col) => (col.width = 16));
  // Printed as a finance team prints its ledger (the review leaves this sheet as it is): the header
  // on every page, the pages numbered.
  ledger.pageSetup.printTitlesRow = "1:1";
  ledger.headerFooter.oddFooter = lang === "en" ? "Page &P of &N" : "第 &P 页，共 &N 页";
  await workbook.xlsx.writeFile(file);
}

async function mainExamples(): Promise<void> {
  const dir = path.resolve(__dirname, "../../examples");
  await build("en", path.join(dir, "customers.xlsx"));
  await build("zh", path.join(dir, "customers-zh.xlsx"));
  process.stdout.write(`wrote ${dir}/customers.xlsx and customers-zh.xlsx (review them as of ${SAMPLE_AS_OF})\n`);
}

if (require.main === module) void mainExamples();
