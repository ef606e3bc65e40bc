/** @jest-environment jsdom */
/**
 * A workbook set to Manual calculation with edits not calculated yet: Office.js gives the formulas'
 * last calculated values. The review's read takes Excel's calculation state in its own sync
 * (ExcelApi 1.9), the pane warns after the review, in both languages and to screen readers, with a
 * button that calculates as F9 does and reviews again, and the write question says it too. Over
 * the office-addin-mock fake, the pane's real Excel module (no jest.mock).
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Lang } from "../../../src/engine/i18n";
import App from "../../../src/taskpane/components/App";
import { PaneAnnouncer } from "../../../src/taskpane/components/PaneAnnouncer";
import { readForReviewWith } from "../../../src/taskpane/excel";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { installOffice, preparePaneTests } from "../../support/pane-globals";
import { customerSheet, HEADER } from "./workbooks";

preparePaneTests();

let fake: FakeExcel;
installExcelGlobals(() => fake);

const NAMES = ["Contoso", "Fabrikam", "Northwind"];
const BALANCE = HEADER.indexOf("Outstanding balance");

function workbook(calculation: FakeExcel["calculation"]): FakeExcel {
  fake = new FakeExcel();
  fake.addSheet("Customers", customerSheet(3, NAMES));
  fake.calculation = calculation;
  return fake;
}

const MANUAL_PENDING = { mode: "Manual", state: "Pending" } as const;

/** The kinds of operation each sync sent, in order. */
const syncKinds = () => fake.syncs.map((s) => s.ops.map((o) => o.kind));

describe("the review's read", () => {
  beforeEach(() => installOffice(17));

  test("takes Excel's calculation in its one sync, and says it only when Excel had not calculated everything", async () => {
    workbook(MANUAL_PENDING);
    const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
    expect(read.calculation).toEqual({ mode: "Manual", state: "Pending" });
    expect(fake.syncCount).toBe(1);
    expect(syncKinds()[0]).toContain("loadCalculation");

    workbook({ mode: "Manual", state: "Done" });
    const done = await readForReviewWith(fake.context, "Customers", ["Customers"]);
    expect(done.calculation).toBeUndefined();
    expect("calculation" in done).toBe(false);
    expect(fake.syncCount).toBe(1);
  });

  test("in pages, takes it with the used ranges' addresses: no sync more than the same read calculated", async () => {
    const paged = async (calculation: FakeExcel["calculation"]) => {
      workbook(calculation);
      fake.sheet("Customers")!.put(customerSheet(400, NAMES));
      fake.responseLimit = 8_000;
      const read = await readForReviewWith(fake.context, "Customers", ["Customers"], { maxResponseBytes: 8_000 });
      return { read, syncs: fake.syncCount, kinds: syncKinds() };
    };
    const done = await paged({ mode: "Automatic", state: "Done" });
    const calculating = await paged({ mode: "Automatic", state: "Calculating" });
    expect(done.read.calculation).toBeUndefined();
    expect(calculating.read.calculation).toEqual({ mode: "Automatic", state: "Calculating" });
    expect(calculating.read.target.values).toEqual(done.read.target.values);
    expect(calculating.syncs).toBe(done.syncs);
    expect(calculating.syncs).toBeGreaterThan(2);
    // The one-sync read refused, then the addresses' sync: each carries the state, no page does.
    expect(calculating.kinds.map((ops) => ops.filter((k) => k === "loadCalculation").length)).toEqual([
      1,
      1,
      ...new Array<number>(calculating.syncs - 2).fill(0),
    ]);
  });

  test("asks nothing of an Excel without ExcelApi 1.9", async () => {
    installOffice(8);
    workbook(MANUAL_PENDING);
    const read = await readForReviewWith(fake.context, "Customers", ["Customers"]);
    expect(read.calculation).toBeUndefined();
    expect(syncKinds().flat()).not.toContain("loadCalculation");
    expect(fake.syncCount).toBe(1);
  });
});

// ---- the pane ----------------------------------------------------------------------------

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const usable = (name: string) => button(name).getAttribute("aria-disabled") !== "true" && !button(name).disabled;
const noticeBar = () => document.querySelector<HTMLElement>(".fui-MessageBar");
const notice = () => noticeBar()?.textContent ?? "";
const alerted = () => document.querySelector("#pane-announcements [role=alert]")?.textContent ?? "";
const idle = () => waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));

const WORDS = {
  en: {
    review: "Review",
    asOf: "As-of date",
    reviewed: 'Reviewed 3 customers on "Customers".',
    manual:
      "Excel has changes not yet calculated (calculation is set to Manual in Formulas › Calculation Options): figures the review read from formulas may be out of date.",
    calculating:
      "Excel was still calculating when the review read the workbook: figures the review read from formulas may be out of date.",
    action: "Calculate and review again",
    write: "Write back",
    question: "Write the review into the workbook?",
    questionLine:
      'The recommendations come from figures Excel had not finished calculating when the review read them, and may be out of date: to write up-to-date ones, cancel and press "Calculate and review again".',
    cancel: "Cancel",
  },
  zh: {
    review: "开始审查",
    asOf: "审查基准日",
    reviewed: "已审查工作表“Customers”中的 3 个客户。",
    manual: "Excel 有尚未计算的更改（“公式 › 计算选项”设为“手动”）：审查从公式读取的数据可能已过时。",
    calculating: "审查读取工作簿时 Excel 仍在计算：审查从公式读取的数据可能已过时。",
    action: "计算并重新审查",
    write: "写回工作簿",
    question: "将审查结果写入工作簿？",
    questionLine:
      "这些建议所依据的数据在审查读取时 Excel 尚未计算完毕，可能已过时：如需写入最新结果，请取消并按“计算并重新审查”。",
    cancel: "取消",
  },
} as const;

async function reviewInPane(lang: Lang): Promise<void> {
  const words = WORDS[lang];
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneAnnouncer>
        <App initialLang={lang} />
      </PaneAnnouncer>
    </FluentProvider>,
  );
  await waitFor(() => expect(usable(words.review)).toBe(true));
  fireEvent.change(screen.getByLabelText(words.asOf), { target: { value: "2026-03-31" } });
  fireEvent.click(button(words.review));
  await waitFor(() => expect(notice()).toContain(words.reviewed));
  await idle();
}

/** The lines of the write question, asked and then answered No. */
function writeQuestionLines(lang: Lang): string[] {
  const words = WORDS[lang];
  fireEvent.click(button(words.write));
  const question = screen.getByRole("group", { name: words.question });
  const lines = within(question)
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
  fireEvent.click(within(question).getByRole("button", { name: words.cancel }));
  return lines;
}

/** The customer's row in the results list, as its button reads. */
const customerRow = (name: string) =>
  screen.getAllByRole("button").find((b) => b.textContent?.startsWith(name))?.textContent ?? "";

describe.each(["en", "zh"] as const)("the pane in %s", (lang) => {
  const words = WORDS[lang];
  beforeEach(() => installOffice(17));

  test("warns after a review of a workbook set to Manual with changes not calculated, and so does the write question", async () => {
    workbook(MANUAL_PENDING);
    await reviewInPane(lang);
    // The warning first, then the review's own lines; said in the assertive region, as a warning is.
    expect(notice().indexOf(words.manual)).toBe(0);
    expect(notice()).toContain(words.reviewed);
    expect(alerted()).toContain(words.manual);
    expect(within(noticeBar()!).getByRole("button", { name: words.action })).toBeTruthy();
    expect(writeQuestionLines(lang)).toContain(words.questionLine);
    expect(fake.writes()).toEqual([]);
    expect(fake.calculations).toEqual([]);
  });

  test("says nothing when Excel had calculated everything", async () => {
    workbook({ mode: "Manual", state: "Done" });
    await reviewInPane(lang);
    expect(notice()).toBe(words.reviewed);
    expect(alerted()).toBe("");
    expect(screen.queryByRole("button", { name: words.action })).toBeNull();
    expect(writeQuestionLines(lang).join("\n")).not.toContain(words.questionLine);
  });

  test("says nothing in an Excel without ExcelApi 1.9, which cannot tell", async () => {
    installOffice(8);
    workbook(MANUAL_PENDING);
    await reviewInPane(lang);
    expect(notice()).toBe(words.reviewed);
    expect(screen.queryByRole("button", { name: words.action })).toBeNull();
    expect(syncKinds().flat()).not.toContain("loadCalculation");
  });
});

describe("Calculate and review again", () => {
  beforeEach(() => installOffice(17));

  test("calculates once as F9 does, in a sync of its own, and reviews the values Excel gives then", async () => {
    workbook(MANUAL_PENDING);
    // What the formulas come to once calculated: Fabrikam's balance, summed from a ledger, is over its limit of 10,000.
    fake.onCalculate = () => fake.sheet("Customers")!.set(2, BALANCE, 15000);
    await reviewInPane("en");
    const before = customerRow("Fabrikam");
    const syncsBefore = fake.syncCount;

    fireEvent.click(within(noticeBar()!).getByRole("button", { name: WORDS.en.action }));
    await waitFor(() => expect(notice()).toBe(WORDS.en.reviewed));
    await idle();

    expect(fake.calculations).toEqual(["Recalculate"]);
    // The calculation alone in one sync, then the review's read in one, as the Review button's.
    expect(syncKinds().slice(syncsBefore)).toEqual([["calculate"], expect.arrayContaining(["loadCalculation"])]);
    // The workbook's setting stays the user's.
    expect(fake.calculation).toEqual({ mode: "Manual", state: "Done" });
    expect(fake.writes()).toEqual([]);
    expect(before).toBe("FabrikamMediumRisk score: 2.85No warnings");
    expect(customerRow("Fabrikam")).toBe("FabrikamMediumRisk score: 2.85Over credit limit");
    expect(screen.queryByRole("button", { name: WORDS.en.action })).toBeNull();
    expect(writeQuestionLines("en").join("\n")).not.toContain(WORDS.en.questionLine);
  });

  test("the warning stays with the review when the language switches, which reviews the same values again", async () => {
    workbook(MANUAL_PENDING);
    await reviewInPane("en");
    fireEvent.click(button("中文"));
    await waitFor(() => expect(notice()).toContain(WORDS.zh.reviewed));
    expect(notice().indexOf(WORDS.zh.manual)).toBe(0);
    expect(within(noticeBar()!).getByRole("button", { name: WORDS.zh.action })).toBeTruthy();
    expect(fake.calculations).toEqual([]);
  });

  test("a workbook Excel was still calculating: its own words, the same button", async () => {
    workbook({ mode: "Automatic", state: "Calculating" });
    await reviewInPane("zh");
    expect(notice().indexOf(WORDS.zh.calculating)).toBe(0);
    fireEvent.click(within(noticeBar()!).getByRole("button", { name: WORDS.zh.action }));
    await waitFor(() => expect(notice()).toBe(WORDS.zh.reviewed));
    await idle();
    expect(fake.calculations).toEqual(["Recalculate"]);
  });
});
