/** @jest-environment jsdom */
/**
 * A workbook set to Manual calculation with edits not calculated yet: Office.js gives the formulas'
 * last calculated values. The review's read takes Excel's calculation state in its own sync
 * (ExcelApi 1.9), the pane warns after the review, in both languages and to screen readers, with a
 * button that calculates as F9 does and reviews again, and the write question cautions too, above
 * its changes. A cancel after the calculation was sent says the workbook was calculated. Over
 * the office-addin-mock fake, the pane's real Excel module (no jest.mock).
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Lang } from "../../../src/engine/i18n";
import { readForReviewWith } from "../../../src/taskpane/excel";
import { FakeExcel, installExcelGlobals } from "../../support/fake-excel";
import { installOffice, preparePaneTests } from "../../support/pane-globals";
import { customerSheet, HEADER } from "./workbooks";
import { renderPane } from "../../support/render-pane";

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
      'The recommendations come from figures Excel had not finished calculating when the review read them, and may be out of date: to write up-to-date ones, press "Calculate and review again" first.',
    intro: "Write back will change:",
    yes: "Write",
    cancel: "Cancel",
    cancelled: "Cancelled. Nothing in the workbook was changed.",
    cancelledCalculated:
      "Cancelled after Excel calculated the workbook: its formulas show up-to-date values now, but no new review was made and nothing was written to the workbook.",
  },
  zh: {
    review: "开始审查",
    asOf: "审查日期",
    reviewed: "已审查工作表“Customers”中的 3 个客户。",
    manual: "Excel 有尚未计算的更改（“公式 › 计算选项”设为“手动”）：审查从公式读取的数据可能已过时。",
    calculating: "审查读取工作簿时 Excel 仍在计算：审查从公式读取的数据可能已过时。",
    action: "计算并重新审查",
    write: "写回工作簿",
    question: "将审查结果写入工作簿？",
    questionLine: "这些建议所依据的数据在审查读取时 Excel 尚未计算完毕，可能已过时：如需写入最新结果，请先按“计算并重新审查”。",
    intro: "写回将更改：",
    yes: "写入",
    cancel: "取消",
    cancelled: "已取消。工作簿没有任何更改。",
    cancelledCalculated:
      "已在 Excel 计算工作簿之后取消：公式现在显示的是最新的值，但没有进行新的审查，也没有向工作簿写入任何内容。",
  },
} as const;

async function reviewInPane(lang: Lang): Promise<void> {
  const words = WORDS[lang];
  renderPane(lang);
  await waitFor(() => expect(usable(words.review)).toBe(true));
  fireEvent.change(screen.getByLabelText(words.asOf), { target: { value: "2026-03-31" } });
  fireEvent.click(button(words.review));
  await waitFor(() => expect(notice()).toContain(words.reviewed));
  await idle();
}

const writeQuestion = (lang: Lang) => screen.getByRole("group", { name: WORDS[lang].question });

/** The caution Write back's question shows above its changes, if any. */
const questionCaution = (lang: Lang) => writeQuestion(lang).querySelector<HTMLElement>(".fui-MessageBar");

/**
 * Write back's question, asked and then answered No: its changes (the list's items), its caution
 * and what its answer Write is described by, as a screen reader says it when the focus moves there.
 */
function askedToWrite(lang: Lang) {
  const words = WORDS[lang];
  fireEvent.click(button(words.write));
  const question = writeQuestion(lang);
  const caution = questionCaution(lang);
  const write = within(question).getByRole("button", { name: words.yes });
  const asked = {
    changes: within(question)
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? ""),
    caution: caution && {
      text: caution.querySelector(".fui-MessageBarBody")?.textContent ?? "",
      buttons: within(caution)
        .queryAllByRole("button")
        .map((b) => b.textContent),
      aboveChanges:
        (caution.compareDocumentPosition(within(question).getByRole("list")) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      className: caution.className,
      icon: caution.querySelector(".fui-MessageBar__icon")?.innerHTML,
    },
    focused: document.activeElement === write,
    description: (write.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
    alerted: alerted(),
  };
  fireEvent.click(within(question).getByRole("button", { name: words.cancel }));
  return asked;
}

/**
 * Holds the pane's next Excel.run before its batch starts, until released (Office.js starts a run
 * on its own time): a Cancel pressed meanwhile comes before anything is sent.
 */
function holdNextRun(): () => void {
  type Run = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>;
  const excel = (globalThis as unknown as { Excel: { run: Run } }).Excel;
  const run = excel.run;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  excel.run = async (batch) => {
    excel.run = run;
    await held;
    return run(batch);
  };
  return release;
}

/** Holds the next sync on its way to Excel until released: it is sent, and Excel applies it once released. */
function holdNextSync(): () => void {
  const context = fake.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  context.sync = async () => {
    context.sync = sync;
    await held;
    return sync();
  };
  return release;
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
    const warningStyle = {
      className: noticeBar()!.className,
      icon: noticeBar()!.querySelector(".fui-MessageBar__icon")?.innerHTML,
    };
    const asked = askedToWrite(lang);
    // A caution, not a change: above the list, as the pane's warnings look, with the button that calculates.
    expect(asked.changes.filter((line) => line.includes(words.action))).toEqual([]);
    expect(asked.caution).toEqual({ text: words.questionLine, buttons: [words.action], aboveChanges: true, ...warningStyle });
    // Said with the question: the answer the focus moves to is described by it first, then by the changes;
    // not announced again on its own.
    expect(asked.focused).toBe(true);
    expect(asked.description.startsWith(`${words.questionLine} ${words.intro}`)).toBe(true);
    expect(asked.description).toContain(asked.changes[0]);
    expect(asked.alerted).toBe(alerted());
    expect(asked.alerted).not.toContain(words.questionLine);
    expect(fake.writes()).toEqual([]);
    expect(fake.calculations).toEqual([]);
  });

  test("says nothing when Excel had calculated everything", async () => {
    workbook({ mode: "Manual", state: "Done" });
    await reviewInPane(lang);
    expect(notice()).toBe(words.reviewed);
    expect(alerted()).toBe("");
    expect(screen.queryByRole("button", { name: words.action })).toBeNull();
    const asked = askedToWrite(lang);
    expect(asked.caution).toBeNull();
    expect(asked.changes.join("\n")).not.toContain(words.questionLine);
    expect(asked.description.startsWith(words.intro)).toBe(true);
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
    expect(askedToWrite("en").caution).toBeNull();
  });

  test("from the write question's caution: the question goes, Excel calculates and the review is made again", async () => {
    workbook(MANUAL_PENDING);
    fake.onCalculate = () => fake.sheet("Customers")!.set(2, BALANCE, 15000);
    await reviewInPane("en");
    fireEvent.click(button(WORDS.en.write));
    fireEvent.click(within(questionCaution("en")!).getByRole("button", { name: WORDS.en.action }));
    await waitFor(() => expect(notice()).toBe(WORDS.en.reviewed));
    await idle();
    expect(screen.queryByRole("group", { name: WORDS.en.question })).toBeNull();
    expect(fake.calculations).toEqual(["Recalculate"]);
    expect(customerRow("Fabrikam")).toBe("FabrikamMediumRisk score: 2.85Over credit limit");
    expect(fake.writes()).toEqual([]);
  });

  test("Cancel before Excel's F9 was sent: nothing calculated, and the pane says nothing was changed", async () => {
    workbook(MANUAL_PENDING);
    await reviewInPane("en");
    const before = customerRow("Fabrikam");
    const syncsBefore = fake.syncCount;
    const release = holdNextRun();
    fireEvent.click(within(noticeBar()!).getByRole("button", { name: WORDS.en.action }));
    fireEvent.click(await screen.findByRole("button", { name: WORDS.en.cancel }));
    release();
    await waitFor(() => expect(notice()).toBe(WORDS.en.cancelled));
    await idle();
    expect(fake.calculations).toEqual([]);
    expect(fake.syncCount).toBe(syncsBefore);
    expect(fake.calculation).toEqual(MANUAL_PENDING);
    expect(customerRow("Fabrikam")).toBe(before);
  });

  test.each(["en", "zh"] as const)(
    "Cancel once Excel's F9 was sent (%s): the workbook was calculated, no review was made, and the pane says so",
    async (lang) => {
      const words = WORDS[lang];
      workbook(MANUAL_PENDING);
      fake.onCalculate = () => fake.sheet("Customers")!.set(2, BALANCE, 15000);
      await reviewInPane(lang);
      const before = customerRow("Fabrikam");
      const syncsBefore = fake.syncCount;
      const release = holdNextSync();
      fireEvent.click(within(noticeBar()!).getByRole("button", { name: words.action }));
      // The calculation's sync is on its way to Excel when Cancel is pressed.
      fireEvent.click(await screen.findByRole("button", { name: words.cancel }));
      release();
      await waitFor(() => expect(notice()).toBe(words.cancelledCalculated));
      await idle();
      expect(fake.calculations).toEqual(["Recalculate"]);
      // The calculation alone: no read after it.
      expect(syncKinds().slice(syncsBefore)).toEqual([["calculate"]]);
      expect(fake.writes()).toEqual([]);
      // The review on screen is the one made before, from the figures before the calculation.
      expect(customerRow("Fabrikam")).toBe(before);
    },
  );

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
