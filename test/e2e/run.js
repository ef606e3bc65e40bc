#!/usr/bin/env node
/*
 * The built add-in in a real browser (`npm run test:e2e`, after `npm run build` and `npm run build:cli`).
 *
 * Serves dist/ on a random localhost port, starts Debian's headless Chromium through playwright-core
 * (never downloads a browser), answers the office.js request with test/e2e/office-host.js (an
 * in-memory Excel with Office.js's load/sync rules) and aborts every other outside request.
 * Each scenario seeds a workbook, drives the shipped taskpane.html and then asserts on the
 * workbook's cells (window.__workbook.snapshot()), not only on the screen. The command line
 * (bin/credit-review.js, the same engine and write plan through exceljs) is the oracle for the
 * cells a review writes.
 *
 * Prints one line per scenario and a final "N passed, M failed"; exits 1 on any failure.
 * Each scenario has a timeout; the whole run is bounded; the browser and server are always closed.
 * Takes the screenshots of docs/ (taskpane-review.png, and taskpane-review-zh.png when a CJK font
 * is installed) every run, but writes them into docs/ only with --update-docs (npm run
 * docs:screenshots): font rendering differs by a few pixels between runs, and a test run should
 * not leave the working tree changed.
 */
"use strict";
/* global Excel, CustomFunctions -- the page's globals, inside page.evaluate */

const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { chromium } = require("playwright-core");
const { CHROMIUM, CHROMIUM_ARGS, routeToTestHost } = require("./browser");
const { startServer } = require("./server");
const { expectedWorkbook, readWorkbook } = require("./workbooks");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const UPDATE_DOCS = process.argv.includes("--update-docs");
let screenshotDir = path.join(ROOT, "docs");
const SAMPLE = path.join(ROOT, "examples/customers.xlsx");
const AS_OF = "2026-11-30";
const SCENARIO_MS = 45_000;
const TOTAL_MS = 330_000;

const i18n = require(path.join(ROOT, "lib/src/engine/i18n"));
// The pane's own texts, which the scenarios read the pane by.
require(path.join(ROOT, "lib/src/engine/i18n/ui"));
const { runReview } = require(path.join(ROOT, "lib/src/engine/review/review"));
const { detectLedger } = require(path.join(ROOT, "lib/src/engine/review/ledger"));
const { completePolicy, DEFAULT_POLICY } = require(path.join(ROOT, "lib/src/engine/policy"));
const { DATE_1904_OFFSET, isDateFormat } = require(path.join(ROOT, "lib/src/engine/date-system"));
const { OUTPUT_HEADERS } = require(path.join(ROOT, "lib/src/engine/review/fields"));
const { readDate } = require(path.join(ROOT, "lib/src/engine/cells"));

const started = Date.now();
const t = (lang, key, params) => i18n.message(lang, key, params);

// ---- the page ---------------------------------------------------------------------------

let context; // the browser context, shared by every scenario (one page each)
let baseUrl;

/** Opens taskpane.html over a seeded workbook; collects console errors, page errors and outside requests. */
async function openPane({
  workbook,
  displayLanguage = "en-US",
  width = 420,
  height = 900,
  payloadLimit,
  officeTheme,
  zoom = 1,
  calculation,
}) {
  const page = await context.newPage();
  const problems = { console: [], page: [], outside: [], warnings: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "assert") problems.console.push(msg.text());
    if (msg.type() === "warning") problems.warnings.push(msg.text());
  });
  page.on("pageerror", (error) => problems.page.push(String(error && error.stack ? error.stack : error)));
  page.on("requestfailed", (request) => {
    const url = new URL(request.url());
    if (url.hostname !== "127.0.0.1") problems.outside.push(request.url());
  });
  page.setDefaultTimeout(15_000);
  // Browser zoom: the pane keeps its size on screen and gets `zoom` times fewer CSS pixels.
  await page.setViewportSize({ width: Math.round(width / zoom), height: Math.round(height / zoom) });
  if (zoom !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride", {
      width: Math.round(width / zoom),
      height: Math.round(height / zoom),
      deviceScaleFactor: zoom,
      mobile: false,
    });
  }
  await page.addInitScript(
    (config) => {
      window.__E2E_CONFIG = config;
    },
    { workbook, displayLanguage, payloadLimit, officeTheme, calculation },
  );
  await page.goto(`${baseUrl}/taskpane.html`, { waitUntil: "load" });
  const lang = /^zh/i.test(displayLanguage) ? "zh" : "en";
  await page.getByRole("heading", { name: t(lang, "ui.app.title"), exact: true }).waitFor();
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    const select = document.querySelector("select");
    return main && main.getAttribute("aria-busy") === "false" && select && select.options.length > 0;
  });
  return { page, problems, lang };
}

function noProblems(pane) {
  assert.deepEqual(pane.problems.page, [], "page errors");
  assert.deepEqual(pane.problems.console, [], "console errors");
  assert.deepEqual(pane.problems.outside, [], "requests outside localhost (other than office.js)");
}

const snapshot = (pane) => pane.page.evaluate(() => window.__workbook.snapshot());

/** Waits until the pane is idle with a message bar other than `previous`; returns its text. */
async function nextNotice(page, previous) {
  await page.waitForFunction((before) => {
    const main = document.querySelector("main");
    const bar = document.querySelector(".fui-MessageBar");
    return main.getAttribute("aria-busy") === "false" && bar !== null && bar.innerText !== before;
  }, previous);
  return page.locator(".fui-MessageBar").first().innerText();
}

const currentNotice = (page) => page.evaluate(() => document.querySelector(".fui-MessageBar")?.innerText ?? null);

/**
 * The sample's customers: 43 graded and 2 rows with data errors (a bad factor; the summary counts
 * them so too). Two more have notes (a text credit limit, a ledger row without a due date) and keep their grade.
 */
const SAMPLE_COUNTS = { reviewed: 43, errors: 2 };

/** The notice after a review of `sheet` with these counts, as the pane words it. */
function reviewedText(lang, sheet, { reviewed, errors }) {
  const count = (n) => n.toLocaleString(lang === "zh" ? "zh-CN" : "en-US");
  return errors === 0
    ? t(lang, "ui.status.reviewed", { customers: count(reviewed), sheet })
    : t(lang, "ui.status.reviewedWithErrors", { customers: count(reviewed), errors: count(errors), sheet });
}

/** Opens the folded setup line (after a review) so the sheet and the date can be chosen. */
async function unfoldSetup(page, lang) {
  const sheetChoice = page.getByRole("combobox", { name: t(lang, "ui.sheet.label") });
  if (await sheetChoice.count()) return;
  await page.getByRole("button", { name: t(lang, "ui.setup.changeLabel") }).click();
  await sheetChoice.waitFor();
}

/**
 * Chooses the sheet and the as-of date, presses Review; with `expect` ({ reviewed, errors }), asserts the review ran
 * (with `otherLanguage`, that the notice says the sheet was last reviewed in the other language, and offers it).
 */
async function review(pane, sheet, { expect, asOf = AS_OF, otherLanguage = false, replaces = false } = {}) {
  const { page, lang } = pane;
  await unfoldSetup(page, lang);
  await page.getByRole("combobox", { name: t(lang, "ui.sheet.label") }).selectOption({ label: sheet });
  await page.locator("input[type=date]").fill(asOf);
  const previous = await currentNotice(page);
  await page.getByRole("button", { name: t(lang, "ui.action.review"), exact: true }).click();
  const text = await nextNotice(page, previous);
  if (expect !== undefined) {
    const languageLines = otherLanguage
      ? ["", t(lang, "ui.lang.lastReviewedIn", { sheet }), t(lang, "ui.lang.switchToEarlier")].join("\n")
      : "";
    // Run again on a date the archive holds already (`replaces`), the review says it takes that one's place.
    const replacesLine = replaces
      ? `\n${t(lang, "review.replacesRun", { sheet, date: i18n.dateText(readDate(asOf).serial, lang) })}`
      : "";
    assert.equal(text, reviewedText(lang, sheet, expect) + replacesLine + languageLines, "review notice");
    await page.getByRole("tab", { name: t(lang, "ui.tab.results"), selected: true }).waitFor();
  }
  return text;
}

/** Presses Write back, checks that it says what it will change, confirms; returns the notice (asserts success unless `expectFailure`). */
async function writeBack(pane, { expectFailure = false, expectLine } = {}) {
  const { page, lang } = pane;
  const button = page.getByRole("button", { name: t(lang, "ui.action.write"), exact: true });
  await assertUsable(button);
  const previous = await currentNotice(page);
  await button.click();
  const question = page.getByRole("group", { name: t(lang, "ui.confirm.title") });
  await question.waitFor();
  const changes = await question.getByRole("listitem").allInnerTexts();
  assert.ok(changes.length >= 4 && changes.some((line) => line.includes("Customers")), `what it will change: ${changes}`);
  if (expectLine)
    assert.ok(
      changes.some((line) => line.startsWith(expectLine)),
      `what it will change: ${changes}`,
    );
  await question.getByRole("button", { name: t(lang, "ui.confirm.write"), exact: true }).click();
  const text = await nextNotice(page, previous);
  const title = t(lang, expectFailure ? "ui.write.failedTitle" : "ui.write.doneTitle");
  assert.ok(text.startsWith(title), `write-back notice starts with "${title}":\n${text}`);
  return text;
}

/** Review and Write back stay focusable when they can't be used: usable means not aria-disabled. */
async function isUsable(locator) {
  await locator.waitFor();
  return (await locator.getAttribute("aria-disabled")) !== "true" && (await locator.isEnabled());
}

async function assertUsable(locator) {
  assert.equal(await isUsable(locator), true, "button usable");
}

/** The customer list of the results tab, and one customer's row in it (by the start of its name). */
const customerList = (page, lang) => page.getByRole("list", { name: t(lang, "ui.list.label") });
const customerRow = (page, lang, name) =>
  customerList(page, lang).getByRole("button", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });

/** Opens a customer's details from its row; resolves to the details region. */
async function openCustomer(page, lang, name) {
  const row = customerRow(page, lang, name);
  await row.click();
  const details = page.getByRole("region", { name, exact: true });
  await details.waitFor();
  return details;
}

/** Waits for Fluent's transitions (a button turning from busy to ready) to end: colours mid-way are no one's. */
const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));

/** A picture of the pane as the user sees it (its height, not the whole page), for docs/. */
async function screenshot(page, name) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await settled(page);
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, name) });
}

/** Wider than the pane: the page scrolls sideways (the document is wider than its viewport). */
const sidewaysScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Text that does not fit and is not cut on purpose (an ellipsis with a tooltip): a figure or a
 * word running out of its box, as it would be clipped on screen.
 */
const clippedText = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("main *")) {
      if (el.closest("[data-cut]") || el.closest("select, input")) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).clip !== "auto") continue;
      const style = getComputedStyle(el);
      if (style.position === "absolute" && r.width <= 1) continue; // visually hidden text for screen readers
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== "visible")
        out.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
      if (r.right > document.documentElement.clientWidth + 0.5)
        out.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" past the edge`);
    }
    return out;
  });

// ---- workbooks --------------------------------------------------------------------------

let seed; // the sample workbook as Office.js would hand over its values
let expected; // the command line's output of the same review, per language

function sheetOf(snap, name) {
  const sheet = snap.sheets.find((s) => s.name === name);
  assert.ok(sheet, `sheet "${name}" in [${snap.sheets.map((s) => s.name)}]`);
  return sheet;
}

const blank = (v) => v === "" || v === null || v === undefined;
function sameCell(a, b) {
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** Every cell of `actual` (values from A1) against `wanted`, within columns [fromColumn, toColumn). */
function compareValues(label, actual, wanted, fromColumn = 0, toColumn = Infinity) {
  const rows = Math.max(actual.length, wanted.length);
  const diffs = [];
  for (let r = 0; r < rows; r++) {
    const width = Math.min(toColumn, Math.max(actual[r]?.length ?? 0, wanted[r]?.length ?? 0));
    for (let c = fromColumn; c < width; c++) {
      const a = actual[r]?.[c];
      const w = wanted[r]?.[c];
      if (!sameCell(a, w)) diffs.push(`${columnLetter(c)}${r + 1}: ${JSON.stringify(a)} ≠ expected ${JSON.stringify(w)}`);
    }
  }
  assert.ok(
    diffs.length === 0,
    `${label}: ${diffs.length} cell(s) differ from the command line's output:\n    ${diffs.slice(0, 8).join("\n    ")}`,
  );
}

function columnLetter(index) {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const dataRows = (values) => values.filter((line, i) => i > 0 && line.some((v) => !blank(v))).length;

/** The header row's cells right of the input table on the customer sheet. */
function outputHeaderCells(customers, headerRow, firstOutputColumn) {
  return customers.values[headerRow]
    .slice(firstOutputColumn)
    .filter((v, i, all) => !blank(v) || all.slice(i).some((x) => !blank(x)));
}

// ---- scenarios --------------------------------------------------------------------------

const HEADER_ROW = 2; // 0-based: the sample's headers are on row 3
const TABLE_END = 22; // columns A..V hold the input table; the output starts at W (index 22)

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario("1 the pane loads without console errors, page errors or outside requests", async () => {
  const pane = await openPane({ workbook: seed });
  const { page } = pane;
  assert.equal(await page.title(), "Credit Review");
  const sheets = await page
    .getByRole("combobox", { name: t("en", "ui.sheet.label") })
    .locator("option")
    .allInnerTexts();
  // The invoice ledger is read with the review, never offered as a customer sheet.
  assert.deepEqual(sheets, ["Customers"]);
  await page.getByText(t("en", "ui.columns.none"), { exact: true }).waitFor();
  // Loading only reads: nothing written, and the reads followed the load/sync rules (else a page error).
  const stats = await page.evaluate(() => window.__workbook.stats());
  assert.ok(stats.runs >= 1 && stats.syncs >= 1, `Excel.run used (${JSON.stringify(stats)})`);
  noProblems(pane);
  const warnings = pane.problems.warnings.length ? `; console warnings: ${pane.problems.warnings.join(" | ").slice(0, 200)}` : "";
  return `${stats.runs} Excel.run, ${stats.syncs} sync(s) at start${warnings}`;
});

scenario("2 the sample customer sheet is recognised (columns and ledger shown)", async () => {
  const pane = await openPane({ workbook: seed });
  const { page } = pane;
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await page.getByRole("tab", { name: t("en", "ui.tab.columns") }).click();
  // What the engine recognises on these values, each shown in the pane's own words.
  const customers = seed.sheets.find((s) => s.name === "Customers").values;
  const invoices = seed.sheets.find((s) => s.name === "Invoices").values;
  const oracle = runReview(
    {
      sheetName: "Customers",
      values: customers,
      asOf: readDate(AS_OF).serial,
      policy: DEFAULT_POLICY,
      ledger: detectLedger(invoices) ? { sheetName: "Invoices", values: invoices } : undefined,
    },
    "en",
  );
  assert.ok(oracle.columns.found.length >= 20, `engine finds the sample's columns (${oracle.columns.found.length})`);
  const list = page.locator("section[aria-labelledby=columns-found] li");
  const shown = await list.allInnerTexts();
  const wanted = oracle.columns.found.map((f) =>
    t("en", "ui.columns.foundItem", { field: t("en", `ui.field.${f.field}`), header: f.header, column: f.column }),
  );
  assert.deepEqual(shown, wanted);
  assert.ok(shown.includes('Customer ID ← "Customer ID" (column A)'), "Customer ID in column A");
  await page.getByText(t("en", "ui.columns.headerRow", { row: 3 }), { exact: true }).waitFor();
  await page.getByText(t("en", "ui.columns.ledger", { sheet: "Invoices" }), { exact: true }).waitFor();
  noProblems(pane);
  return `${shown.length} columns recognised, ledger "Invoices"`;
});

scenario(
  "3 a review as of 2026-11-30: needs attention first, warnings in the rows, details under the row, Go to a bad cell",
  async () => {
    const pane = await openPane({ workbook: seed });
    const { page } = pane;
    const before = await snapshot(pane);
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    await page.getByText(t("en", "ui.list.showingAll", { total: 45 }), { exact: true }).waitFor();
    const row = customerRow(page, "en", "Adventure Works Cycles");
    assert.equal(await row.count(), 1, "one row for C0005");
    const text = await row.innerText();
    for (const wanted of ["Negative news and 3 more", "High", "4.70"])
      assert.ok(text.includes(wanted), `C0005 row shows "${wanted}": ${text}`);
    // Needs attention first: the customers at risk, the largest balance first, as the command line's top risks.
    const first = await customerList(page, "en").locator(":scope > li > div > button").first().innerText();
    assert.ok(first.startsWith("Wide World Importers") && first.includes("Over credit limit"), `first row: ${first}`);
    const clean = await customerRow(page, "en", "Northwind Traders").innerText();
    assert.ok(clean.includes("Low") && clean.includes(t("en", "ui.list.noWarnings")), `C0001 low, no warning: ${clean}`);
    // The summary: 43 reviewed, 2 with errors, the portfolio warning; every readable balance in the exposure.
    const summary = await page.locator("section[aria-labelledby=portfolio-heading]").innerText();
    for (const wanted of ["43", "2", t("en", "warning.OVERDUE_SHARE"), "31.8%", "4,018,000.00"])
      assert.ok(summary.includes(wanted), `summary shows "${wanted}":\n${summary}`);
    // The exposure at risk with its share of the exposure, as the summary sheet has them: 2,080,500 of 4,018,000.
    const atRisk = await page
      .locator("section[aria-labelledby=portfolio-heading] dt", { hasText: t("en", "summary.exposureAtRisk") })
      .locator("xpath=following-sibling::dd[1]")
      .innerText();
    assert.equal(atRisk, "2,080,500.00 (51.8%)");
    // Opening the customer shows its details under its row and selects its row on the sheet (A8 to the last output column).
    const details = await openCustomer(page, "en", "Adventure Works Cycles");
    await details.getByText("Negative news", { exact: true }).waitFor();
    await page.waitForFunction(() => window.__workbook.snapshot().selection !== undefined);
    const after = await snapshot(pane);
    assert.equal(after.selection, "Customers!A8:AU8");
    // Its utilisation, named as the sheet's output column: balance 177,000 of a 540,000 limit.
    const utilisation = await details
      .locator("dt", { hasText: /^Utilisation$/ })
      .locator("xpath=following-sibling::dd[1]")
      .innerText();
    assert.equal(utilisation, "32.8%");
    // The actions one a line, as the engine lists them, the rule or warning behind them under them,
    // said once for the grade's three.
    const actions = await details
      .getByRole("heading", { name: t("en", "ui.detail.recommendation") })
      .locator("xpath=following-sibling::ul[1]/li")
      .allInnerTexts();
    assert.deepEqual(
      actions,
      [
        [["PREPAYMENT", "RESTRICT_LIMIT", "GUARANTEE"], "Risk score 4.70 is in the high-risk band (from 3.50)."],
        [["ESCALATE_COLLECTION"], "The oldest unpaid amount is 142 days past due (more than 90 days triggers a warning)."],
        [["REASSESS"], "High-risk customer with negative news on 2026-11-16 (on or after 2026-10-30)."],
      ].map(([codes, reason]) => [...codes.map((a) => t("en", `action.${a}`)), reason].join("\n")),
    );
    // Rows with a data error: Go to selects the cell it names, on the customer sheet or on the ledger.
    await page.getByRole("combobox", { name: t("en", "ui.filter.grade") }).selectOption("errors");
    const goTo = async (name, button, selection) => {
      const details = await openCustomer(page, "en", name);
      await details.getByRole("button", { name: button, exact: true }).click();
      await page.waitForFunction((want) => window.__workbook.snapshot().selection === want, selection);
    };
    await goTo("Southridge Video", t("en", "ui.detail.goTo", { cell: "E24" }), "Customers!E24");
    await goTo("Harbor Lights Retail", t("en", "ui.detail.goToSheet", { cell: "C123", sheet: "Invoices" }), "Invoices!C123");
    // Each review issue is an item of a bulleted list, as the other lists of the details are.
    const errorItems = await page
      .getByRole("heading", { name: OUTPUT_HEADERS.issues.en })
      .last()
      .locator("xpath=following-sibling::ul[1]/li")
      .evaluateAll((items) => items.map((li) => getComputedStyle(li).display));
    assert.ok(errorItems.length > 0 && errorItems.every((d) => d === "list-item"), `error items: ${errorItems}`);
    const selected = await snapshot(pane);
    assert.deepEqual(
      { ...selected, selection: undefined, active: undefined },
      { ...before, selection: undefined, active: undefined },
      "a review writes nothing",
    );
    noProblems(pane);
    return `C0005 row: ${text.replace(/\s+/g, " ").slice(0, 60)}…; Go to E24 and Go to C123 on "Invoices" select those cells`;
  },
);

/** Review + write back in `lang`, then the workbook against the command line's output of the same review. */
async function writeAndCompare(lang) {
  const names =
    lang === "zh"
      ? { summary: "信用审查汇总", archive: "信用审查档案", policy: "信用政策", policyHistory: "信用政策历史" }
      : {
          summary: "Credit Review Summary",
          archive: "Credit Review Archive",
          policy: "Credit Policy",
          policyHistory: "Credit Policy History",
        };
  const pane = await openPane({ workbook: seed, displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await writeBack(pane);
  const snap = await snapshot(pane);
  const cli = expected[lang];
  assert.deepEqual(
    snap.sheets.map((s) => s.name),
    cli.sheets.map((s) => s.name),
    "sheets and their order",
  );
  const customers = sheetOf(snap, "Customers");
  const cliCustomers = cli.sheets.find((s) => s.name === "Customers");
  const headers = outputHeaderCells(customers, HEADER_ROW, TABLE_END);
  assert.deepEqual(headers, outputHeaderCells(cliCustomers, HEADER_ROW, TABLE_END), "output headers right of the table");
  assert.equal(customers.used, `A1:${columnLetter(TABLE_END + headers.length - 1)}48`, "used range: table + output columns");
  compareValues("Customers", customers.values, cliCustomers.values);
  compareFormats("Customers output", customers, cliCustomers, TABLE_END);
  compareIndents("Customers output", customers, cliCustomers, TABLE_END);
  assert.ok(customers.indented.length > 0, "the output's text columns are indented");
  for (const kind of ["summary", "archive", "policy", "policyHistory"]) {
    const sheet = sheetOf(snap, names[kind]);
    const want = cli.sheets.find((s) => s.name === names[kind]);
    compareValues(names[kind], sheet.values, want.values);
    compareFormats(names[kind], sheet, want, 0);
    compareIndents(names[kind], sheet, want, 0);
  }
  const archive = sheetOf(snap, names.archive);
  assert.equal(dataRows(archive.values), 45, "archive rows = every customer, those with data errors too");
  assert.deepEqual(Object.keys(customers.formulas), [], "no cell became a formula");
  const summary = sheetOf(snap, names.summary);
  assert.ok(
    summary.charts.length === 2 && summary.charts.every((c) => c.title && c.source && c.position && c.dataLabels),
    `summary charts: exposure by grade and aging ${JSON.stringify(summary.charts)}`,
  );
  // Each read off a value axis from 0 to a round top in round steps, labelled in whole amounts and
  // gridded, set with the chart.
  for (const chart of summary.charts) {
    const { maximum, majorUnit, ...axis } = chart.valueAxis;
    assert.deepEqual(
      axis,
      { minimum: 0, majorGridlines: true, visible: true, linkNumberFormat: false, numberFormat: "#,##0" },
      `${chart.title}: its value axis`,
    );
    assert.ok(
      majorUnit > 0 && Number.isInteger(maximum / majorUnit) && maximum / majorUnit <= 5,
      `${chart.title}: its axis' top ${maximum} in steps of ${majorUnit}`,
    );
  }
  // Each bar labelled in the axis's whole amounts, as the command line's chart labels it, not the cells' cents.
  for (const chart of summary.charts)
    assert.deepEqual(
      chart.dataLabelFormat,
      { linkNumberFormat: false, numberFormat: "#,##0" },
      `${chart.title}: its data labels`,
    );
  // The layout the command line writes into the file, through Office.js: the header frozen, the whole
  // table filtered, printed at a readable size on pages across; the summary on one landscape page.
  assert.equal(customers.frozenRows, HEADER_ROW + 1, "customer header row frozen");
  assert.equal(
    customers.autoFilter,
    `A${HEADER_ROW + 1}:${columnLetter(TABLE_END + headers.length - 1)}48`,
    "filter over the table",
  );
  // At 60%, or a little smaller where that spares a last band of pages a few stray rows.
  assert.deepEqual(Object.keys(customers.print.zoom), ["scale"], "customer sheet printed at a scale on pages across");
  assert.ok(
    customers.print.zoom.scale >= 50 && customers.print.zoom.scale <= 60,
    `customer sheet printed at 50–60%, not ${customers.print.zoom.scale}%`,
  );
  assert.equal(customers.print.titleColumns, "$A:$B", "customer id and name on every page across");
  assert.equal(customers.print.printOrder, "OverThenDown", "a band of customers on consecutive pages across");
  assert.deepEqual(summary.print.zoom, { horizontalFitToPages: 1, verticalFitToPages: 1 }, "summary on one page");
  assert.equal(summary.print.orientation, "Landscape", "summary landscape");
  // Every printed page says which sheet and review it is and where it goes: the pane's header and
  // footer are the command line's, each in its centre section ("&C" in the file).
  const centred = (text) => (text ? `&C${text}` : undefined);
  for (const name of ["Customers", ...Object.values(names)]) {
    const pages = sheetOf(snap, name).pages;
    const want = cli.sheets.find((s) => s.name === name).headerFooter;
    assert.deepEqual(
      { oddHeader: centred(pages.centerHeader), oddFooter: centred(pages.centerFooter) },
      { oddHeader: want.oddHeader, oddFooter: want.oddFooter },
      `${name}: header and footer`,
    );
  }
  assert.equal(
    summary.pages.centerHeader,
    lang === "zh" ? "信用审查汇总——2026年11月30日" : `Credit Review Summary — ${AS_OF}`,
    "summary headed with its title and the review date",
  );
  assert.equal(customers.pages.centerHeader, undefined, "no header of ours on the user's sheet");
  assert.ok(customers.wrapped.length > 0, "long output texts wrap");
  assert.ok(customers.conditional.length > 0 && customers.conditional.every((f) => f.formula && f.color), "output colour rules");
  noProblems(pane);
  return { pane, snap, headers, names };
}

/** The cells holding a value that are indented, from `fromColumn` (0-based) on: the pane's as the command line's. */
function compareIndents(label, sheet, want, fromColumn) {
  const place = (address) => {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address);
    return { row: Number(row) - 1, column: [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
  };
  const shown = (address) => {
    const { row, column } = place(address);
    return column >= fromColumn && (sheet.values[row]?.[column] ?? "") !== "";
  };
  const got = sheet.indented.filter(shown).sort();
  const expectedCells = want.indented.filter((a) => place(a).column >= fromColumn).sort();
  assert.deepEqual(got, expectedCells, `${label}: indented cells`);
}

function compareFormats(label, sheet, want, fromColumn) {
  const diffs = [];
  for (const [address, format] of Object.entries(want.formats)) {
    const column = /^[A-Z]+/.exec(address)[0];
    const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    if (index < fromColumn) continue;
    const got = sheet.formats[address] ?? "General";
    if (got !== format) diffs.push(`${address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(format)}`);
  }
  assert.ok(diffs.length === 0, `${label}: ${diffs.length} number format(s) differ:\n    ${diffs.slice(0, 8).join("\n    ")}`);
}

scenario("4 write-back: output columns, summary, archive and policy sheets (as the command line writes them)", async () => {
  const { snap, headers } = await writeAndCompare("en");
  assert.deepEqual(headers, [
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
    "Aging:\nCurrent",
    "Aging:\n1–30",
    "Aging:\n31–60",
    "Aging:\n61–90",
    "Aging:\n91+",
    "Review issues",
  ]);
  const customers = sheetOf(snap, "Customers");
  const at = (header) => 22 + headers.indexOf(header);
  assert.deepEqual(
    [customers.values[7][at("Risk score")], customers.values[7][at("Risk grade")]],
    [4.7, "High"],
    "C0005 on row 8: 4.7, High",
  );
  assert.ok(String(customers.values[7][at("Warnings")]).includes("Negative news"), "C0005 warnings cell");
  assert.ok(String(customers.values[7][at("Findings")]).includes("\n"), "C0005 findings, one line per warning");
  return `headers W3:${columnLetter(TABLE_END + headers.length - 1)}3 = ${headers.join(" | ")}; ${snap.sheets.length} sheets; archive 45 rows`;
});

scenario("5 a second run the same day updates in place (same columns, the archive's rows of that day replaced)", async () => {
  const { pane, snap: first, names } = await writeAndCompare("en");
  const { page } = pane;
  // After a write the pane wants a fresh review before the next one.
  assert.equal(
    await isUsable(page.getByRole("button", { name: t("en", "ui.action.write"), exact: true })),
    false,
    "write waits until reviewed again",
  );
  // A recommended limit typed over by hand since: the review says so after reviewing and before writing, then writes its own value.
  const limitColumn = sheetOf(first, "Customers").values[HEADER_ROW].indexOf("Recommended limit");
  const limitCell = `${columnLetter(limitColumn)}${HEADER_ROW + 2}`;
  await page.evaluate((cell) => window.__workbook.setCell("Customers", cell, 1), limitCell);
  // The user makes the header row taller by hand and types a left and a right section on the summary's pages.
  await page.evaluate(
    ({ row, summary }) => {
      window.__workbook.setRowHeight("Customers", row, 50);
      window.__workbook.typePages(summary, { leftHeader: "Confidential", rightFooter: "Prepared by Finance" });
      // And prints the summary portrait, on A4, with gridlines.
      window.__workbook.setPrint(summary, { orientation: "Portrait", paperSize: "A4", printGridlines: true });
    },
    { row: HEADER_ROW + 1, summary: names.summary },
  );
  const typedOver = "1 cell of the review's own columns changed by hand since the review of 2026-11-30;";
  const reviewed = await review(pane, "Customers");
  assert.ok(reviewed.startsWith(reviewedText("en", "Customers", SAMPLE_COUNTS)), reviewed);
  assert.ok(
    reviewed.includes(`${typedOver} the review writes its own values there: Customers!${limitCell} Recommended limit`),
    reviewed,
  );
  await writeBack(pane, { expectLine: typedOver });
  const second = await snapshot(pane);
  assert.deepEqual(
    second.sheets.map((s) => s.name),
    first.sheets.map((s) => s.name),
    "same sheets",
  );
  const a = sheetOf(first, "Customers");
  const b = sheetOf(second, "Customers");
  assert.equal(b.used, a.used, "same used range on the customer sheet");
  assert.deepEqual(b.values[HEADER_ROW], a.values[HEADER_ROW], "same header row");
  // Same scores and recommendations; only SCORE_RISE may now read the first run from the archive.
  compareValues("input table", b.values, a.values, 0, TABLE_END);
  assert.equal(b.conditional.length, a.conditional.length, "colour rules replaced, not piled up");
  const archive1 = sheetOf(first, names.archive);
  const archive2 = sheetOf(second, names.archive);
  assert.equal(dataRows(archive2.values), dataRows(archive1.values), "same-day re-run: the review's rows replaced");
  // Every archive cell as the first run wrote it, but the typed-over limit, kept in its customer's row of the day.
  const typedAt = archive1.values[0].indexOf("Typed over by hand");
  assert.equal(
    typedAt,
    archive1.values[0].length - 4,
    "the archive's typed-over column, then the team's Action taken, the output check, then the overdue amount's unit",
  );
  assert.equal(archive1.values[0][typedAt + 1], "Action taken");
  assert.equal(archive1.values[0][typedAt + 2], "Output check");
  assert.equal(archive1.values[0][typedAt + 3], "Overdue amount in");
  // The output check is for the next review, not for reading: hidden (column Z, the 26th).
  assert.deepEqual(archive1.hiddenColumns, ["Z"], "the output check's column hidden");
  compareValues("archive after the re-run", archive2.values, archive1.values, 0, typedAt);
  const customerRow = sheetOf(first, "Customers").values[HEADER_ROW + 1];
  const wrote = customerRow[limitColumn].toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const kept = archive2.values.filter((line) => !blank(line[typedAt]) && line !== archive2.values[0]);
  assert.deepEqual(
    kept.map((line) => [line[2], line[typedAt]]),
    [[customerRow[0], `Recommended limit: 1.00 (the review of 2026-11-30 wrote ${wrote})`]],
    "the typed-over limit kept in its customer's archive row",
  );
  const summary = sheetOf(second, names.summary);
  assert.equal(summary.charts.length, sheetOf(first, names.summary).charts.length, "charts replaced, not added");
  // What the user set up stays: the header row's height, the summary's sections beside the review's centre.
  assert.equal(b.rowHeights[HEADER_ROW + 1], 50, "the header row as tall as the user made it");
  assert.deepEqual(
    [summary.pages.leftHeader, summary.pages.centerHeader, summary.pages.rightFooter],
    ["Confidential", `Credit Review Summary — ${AS_OF}`, "Prepared by Finance"],
    "the summary's header and footer: the user's sections and the review's centre",
  );
  assert.deepEqual(
    [summary.print.orientation, summary.print.paperSize, summary.print.printGridlines],
    ["Portrait", "A4", true],
    "the summary's print setup as the user made it, on the summary added again for its charts",
  );
  compareValues("policy sheet", sheetOf(second, names.policy).values, sheetOf(first, names.policy).values);
  // The same policy again: its version is in the history already, so nothing is added.
  compareValues("policy history", sheetOf(second, names.policyHistory).values, sheetOf(first, names.policyHistory).values);
  noProblems(pane);
  return `archive ${dataRows(archive1.values)} → ${dataRows(archive2.values)} rows; used range ${b.used}`;
});

scenario("6 Chinese display language: Chinese pane, Chinese output headers and sheets", async () => {
  const { pane, snap, headers } = await writeAndCompare("zh");
  const { page } = pane;
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  await page.getByRole("button", { name: "开始审查", exact: true }).waitFor();
  await page
    .getByRole("tab", { name: "结果" })
    .waitFor()
    .catch(() => page.getByRole("tab", { name: t("zh", "ui.tab.results") }).waitFor());
  assert.deepEqual([headers[0], headers[6], headers[10]], ["风险评分", "风险等级", "预警依据"]);
  assert.ok(
    snap.sheets.some((s) => s.name === "信用审查汇总"),
    "Chinese summary sheet",
  );
  // Function errors follow the display language too (the shared runtime's functions bundle).
  // SCORE gives a bad row its own error value, in the display language.
  const error = await callFunction(page, "SCORE", [[["x", 2, 3, 4, 5]]]);
  const cell = error.value?.[0]?.[0];
  assert.ok(
    cell && cell.code === "#VALUE!" && /[\u4e00-\u9fff]/.test(cell.message),
    `Chinese function error: ${JSON.stringify(error)}`,
  );
  // An argument is named as Chinese Excel shows it (functions.zh-CN.json), not by its English name.
  const named = await callFunction(page, "CURRENTRATIO", [1, 0]);
  assert.ok(
    named.error && named.error.code === "#VALUE!" && named.error.message === "流动负债为 0，比率无法计算",
    `Chinese argument name: ${JSON.stringify(named)}`,
  );
  return `headers: ${headers.join(" | ")}`;
});

function callFunction(page, id, args) {
  return page.evaluate(
    ([name, list]) => {
      const fn = window.__customFunctions.get(name);
      if (!fn) return { missing: true };
      try {
        return { value: fn(...list) };
      } catch (e) {
        return {
          error: { code: e && e.code, message: e && e.message, isCustomFunctionError: e instanceof CustomFunctions.Error },
        };
      }
    },
    [id, args],
  );
}

const FUNCTION_CALLS = {
  SCORE: [[[[1, 2, 3, 4, 5]]], [[2.5]]],
  GRADE: [[3.5], "high"],
  ZSCORE: [[0.34, 0.15, 0, 0.8, 1.6, 1, 1], 2.30363], // the review's default model, private (Z′)
  ZONE: [[1.5, "private"], "grey"],
  AGING: [[[[100], [200]], [[46000], [45900]], 46000], [[100, 0, 0, 0, 200]]],
  AGINGLABELS: [[[[365, 730, 1095]]], [["Current", "1–365", "366–730", "731–1095", "1096+"]]],
  CURRENTRATIO: [[200, 100], 2],
  QUICKRATIO: [[200, 50, 100], 1.5],
  DEBTRATIO: [[70, 100], 0.7],
  COVERAGE: [[30, 20], 1.5],
  DSO: [[100, 1000], 36.5],
  LIMIT: [[100000, 2], 110000],
  NEXTREVIEW: [[4, 46053], 46081], // 2026-01-31 → 2026-02-28
};

function close(actual, wanted) {
  if (Array.isArray(wanted))
    return Array.isArray(actual) && actual.length === wanted.length && wanted.every((w, i) => close(actual[i], w));
  if (typeof wanted === "number") return typeof actual === "number" && Math.abs(actual - wanted) < 5e-4;
  return actual === wanted;
}

scenario("7 every function in functions.json is associated and computes", async () => {
  const pane = await openPane({ workbook: seed });
  const { page } = pane;
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const ids = metadata.functions.map((f) => f.id);
  const associated = await page.evaluate(() => ({ ids: [...window.__customFunctions.keys()], calls: window.__associateCalls }));
  assert.deepEqual([...associated.ids].sort(), [...ids].sort(), "associated ids = functions.json ids");
  assert.equal(associated.calls, ids.length, "each id associated once");
  assert.deepEqual(Object.keys(FUNCTION_CALLS).sort(), [...ids].sort(), "one call per function id");
  const wrong = [];
  for (const id of ids) {
    const [args, wanted] = FUNCTION_CALLS[id];
    const got = await callFunction(page, id, args);
    if (!close(got.value, wanted))
      wrong.push(`${id}(${JSON.stringify(args)}) → ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`);
  }
  assert.deepEqual(wrong, []);
  // A bad argument is #VALUE! (the code whose message Excel shows) with an English message naming it.
  const bad = await callFunction(page, "CURRENTRATIO", [1, 0]);
  assert.ok(
    bad.error &&
      bad.error.isCustomFunctionError &&
      bad.error.code === "#VALUE!" &&
      /currentLiabilities is 0/.test(bad.error.message),
    `CURRENTRATIO(1,0) → ${JSON.stringify(bad)}`,
  );
  noProblems(pane);
  return `${ids.length} functions: ${ids.join(" ")}; CURRENTRATIO(1,0) → ${bad.error.code}`;
});

scenario("8 a protected sheet and an empty sheet: error in the pane, workbook untouched", async () => {
  // Protected customer sheet: the review runs (reading is allowed), the write is refused.
  const protectedBook = { ...seed, sheets: seed.sheets.map((s) => (s.name === "Customers" ? { ...s, protected: true } : s)) };
  const pane = await openPane({ workbook: protectedBook });
  const before = await snapshot(pane);
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  const text = await writeBack(pane, { expectFailure: true });
  assert.ok(text.includes(t("en", "ui.error.protected", { sheet: "Customers" })), `protected message: ${text}`);
  assert.ok(text.includes(t("en", "ui.write.nothingWritten")), `nothing written: ${text}`);
  assert.deepEqual(await snapshot(pane), before, "protected: workbook untouched");
  noProblems(pane);

  // An empty sheet: the review cannot start, says why, and there is nothing to write.
  const emptyBook = { active: "Empty", sheets: [{ name: "Empty", values: [] }, ...seed.sheets] };
  const pane2 = await openPane({ workbook: emptyBook });
  const before2 = await snapshot(pane2);
  const text2 = await review(pane2, "Empty");
  const prefix = t("en", "ui.error.review", { text: "" }).trim();
  assert.ok(text2.startsWith(prefix), `empty-sheet message: ${text2}`);
  assert.equal(
    await isUsable(pane2.page.getByRole("button", { name: t("en", "ui.action.write"), exact: true })),
    false,
    "nothing to write",
  );
  assert.deepEqual(await snapshot(pane2), before2, "empty sheet: workbook untouched");
  noProblems(pane2);
  return `"${text.split("\n")[1] || text.split("\n")[0]}" / "${text2}"`;
});

scenario("9 names that look like formulas or HTML stay text in the pane and in every sheet", async () => {
  const NAMES = { 46: '=HYPERLINK("http://example.com","click")', 47: '<img src=x onerror="window.__xss=1">', 48: "+1234" };
  const sheets = seed.sheets.map((s) =>
    s.name !== "Customers"
      ? s
      : { ...s, values: s.values.map((line, r) => (NAMES[r + 1] ? line.map((v, c) => (c === 1 ? NAMES[r + 1] : v)) : line)) },
  );
  const pane = await openPane({ workbook: { ...seed, sheets } });
  const { page } = pane;
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  for (const name of Object.values(NAMES)) await customerList(page, "en").getByText(name, { exact: true }).waitFor();
  await writeBack(pane);
  const snap = await snapshot(pane);
  const formulas = snap.sheets.flatMap((s) => Object.entries(s.formulas).map(([a, f]) => `${s.name}!${a}=${f}`));
  assert.deepEqual(formulas, [], "no text became a formula");
  const archive = sheetOf(snap, "Credit Review Archive");
  const archived = archive.values.flatMap((line) => line).filter((v) => Object.values(NAMES).includes(v));
  assert.equal(archived.length, Object.keys(NAMES).length, `archive keeps the names as text (${JSON.stringify(archived)})`);
  for (const [row, name] of Object.entries(NAMES))
    assert.equal(sheetOf(snap, "Customers").values[row - 1][1], name, `name on row ${row} unchanged`);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no script ran");
  assert.equal(dialogs, 0, "no dialog");
  noProblems(pane);
  return `${Object.keys(NAMES).length} names kept as text in the list, the sheet and the archive`;
});

scenario("10 re-reviewed in Chinese after English: the same columns and sheets, Chinese headers", async () => {
  const { pane, snap: first, names } = await writeAndCompare("en");
  const { page } = pane;
  await page.getByRole("button", { name: "中文", exact: true }).click();
  await page.getByRole("heading", { name: t("zh", "ui.app.title"), exact: true }).waitFor();
  // The notice says the sheet was last reviewed in English, and offers it; written in Chinese all the same.
  await review({ ...pane, lang: "zh" }, "Customers", { expect: SAMPLE_COUNTS, otherLanguage: true, replaces: true });
  await writeBack({ ...pane, lang: "zh" });
  const second = await snapshot(pane);
  assert.deepEqual(
    second.sheets.map((s) => s.name),
    first.sheets.map((s) => s.name),
    "the English sheets are reused",
  );
  const customers = sheetOf(second, "Customers");
  assert.equal(customers.used, sheetOf(first, "Customers").used, "same output columns");
  assert.deepEqual(
    outputHeaderCells(customers, HEADER_ROW, TABLE_END),
    expected.zh.sheets[0].values[HEADER_ROW].slice(TABLE_END),
    "Chinese headers in place",
  );
  compareValues("Customers (Chinese output)", customers.values, expected.zh.sheets[0].values);
  assert.equal(dataRows(sheetOf(second, names.archive).values), 45, "the same day again: that day's archive rows replaced");
  noProblems(pane);
  return `headers now ${outputHeaderCells(customers, HEADER_ROW, TABLE_END).slice(0, 3).join(" | ")} …; sheets ${second.sheets.map((s) => s.name).join(", ")}`;
});

scenario(
  "10b the customer list as an Excel table: grown over the review's columns, its names following the headers in Chinese",
  async () => {
    const lastRow = 48;
    const tableSeed = {
      ...seed,
      sheets: seed.sheets.map((s) =>
        s.name === "Customers" ? { ...s, tables: [{ name: "CustomerList", ref: `A3:V${lastRow}` }] } : s,
      ),
    };
    const pane = await openPane({ workbook: tableSeed });
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    // The question says so before the write, to the cells the command line's review heads.
    const expectedHeaders = outputHeaderCells(expected.en.sheets[0], HEADER_ROW, TABLE_END);
    const ref = `A3:${columnLetter(TABLE_END + expectedHeaders.length - 1)}${lastRow}`;
    const notice = await writeBack(pane, {
      expectLine: t("en", "review.tableWillGrow", {
        sheet: "Customers",
        table: "CustomerList",
        was: `A3:V${lastRow}`,
        range: ref,
      }),
    });
    const first = sheetOf(await snapshot(pane), "Customers");
    const headers = outputHeaderCells(first, HEADER_ROW, TABLE_END);
    assert.deepEqual(headers, expectedHeaders, "the headers the question counted");
    assert.deepEqual(
      first.tables.map((x) => x.ref),
      [ref],
      "the table over the review's columns",
    );
    assert.deepEqual(
      first.tables[0].columns,
      first.values[HEADER_ROW].slice(0, TABLE_END + headers.length),
      "named as the header row",
    );
    assert.ok(
      notice.includes(t("en", "review.tableGrown", { sheet: "Customers", table: "CustomerList", range: ref })),
      `the notice says so:\n${notice}`,
    );
    const { page } = pane;
    await page.getByRole("button", { name: "中文", exact: true }).click();
    await page.getByRole("heading", { name: t("zh", "ui.app.title"), exact: true }).waitFor();
    await review({ ...pane, lang: "zh" }, "Customers", { expect: SAMPLE_COUNTS, otherLanguage: true, replaces: true });
    await writeBack({ ...pane, lang: "zh" });
    const second = sheetOf(await snapshot(pane), "Customers");
    assert.deepEqual(
      second.tables.map((x) => x.ref),
      [ref],
      "the same cells a month later in Chinese",
    );
    assert.deepEqual(
      second.tables[0].columns.slice(TABLE_END),
      expected.zh.sheets[0].values[HEADER_ROW].slice(TABLE_END),
      "renamed by the Chinese headers",
    );
    noProblems(pane);
    return `CustomerList ${ref}: ${second.tables[0].columns.slice(TABLE_END, TABLE_END + 3).join(" | ")} …`;
  },
);

scenario("11 a policy saved from the pane is the one the next review applies", async () => {
  const pane = await openPane({ workbook: seed });
  const { page } = pane;
  const before = await snapshot(pane);
  await page.getByRole("tab", { name: t("en", "ui.tab.policy") }).click();
  const mediumFrom = page.getByRole("textbox", { name: t("en", "policy.mediumFrom") });
  await mediumFrom.fill("2.2");
  // Enter in a field saves nothing: only Save policy writes to the workbook, and it asks first.
  await mediumFrom.press("Enter");
  await idle(page);
  assert.deepEqual(await snapshot(pane), before, "Enter in a policy field changed the workbook");
  const previous = await currentNotice(page);
  await page.getByRole("button", { name: t("en", "ui.policy.save"), exact: true }).click();
  const question = page.getByRole("group", { name: t("en", "ui.confirm.policyTitle") });
  const changes = await question.getByRole("listitem").allInnerTexts();
  assert.deepEqual(await snapshot(pane), before, "asking changed the workbook");
  await question.getByRole("button", { name: t("en", "ui.confirm.save"), exact: true }).click();
  assert.equal(await nextNotice(page, previous), t("en", "ui.policy.saved", { sheet: "Credit Policy" }));
  const saved = await snapshot(pane);
  assert.deepEqual(saved.sheets.slice(0, 2), before.sheets, "customer and invoice sheets untouched");
  const policy = sheetOf(saved, "Credit Policy").values;
  assert.equal(policy.find((line) => line[0] === t("en", "policy.mediumFrom"))?.[1], 2.2, "mediumFrom 2.2 on the policy sheet");
  assert.ok(
    changes.length === 1 && changes[0].startsWith('Sheet "Credit Policy"') && changes[0].includes(`1–${policy.length}`),
    `the question said what the save writes: ${changes}`,
  );
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await writeBack(pane);
  const rows = sheetOf(await snapshot(pane), "Customers").values.slice(HEADER_ROW + 1);
  const banded = rows.filter((line) => typeof line[TABLE_END] === "number" && line[TABLE_END] >= 2.2 && line[TABLE_END] < 2.5);
  assert.ok(
    // The grade stands after the score and its five factor points.
    banded.length > 0 && banded.every((line) => line[TABLE_END + 6] === "Medium"),
    `scores 2.2–2.5 graded Medium: ${JSON.stringify(banded.map((l) => [l[TABLE_END], l[TABLE_END + 6]]))}`,
  );
  noProblems(pane);
  return `Enter saved nothing; asked "${changes[0]}"; ${banded.length} customers scored 2.2–2.5 now Medium`;
});

scenario("12 a column mapped by hand is used and remembered in the workbook's settings", async () => {
  const sheets = seed.sheets.map((s) =>
    s.name !== "Customers"
      ? s
      : {
          ...s,
          values: s.values.map((line, r) => (r === HEADER_ROW ? line.map((v) => (v === "Z model" ? "Modelo Z" : v)) : line)),
        },
  );
  const pane = await openPane({ workbook: { ...seed, sheets } });
  const { page } = pane;
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await page.getByRole("tab", { name: t("en", "ui.tab.columns") }).click();
  const column = columnLetter(sheets[0].values[HEADER_ROW].indexOf("Modelo Z"));
  const previous = await currentNotice(page);
  await page
    .getByRole("combobox", { name: t("en", "ui.columns.mapLabel", { column, header: "Modelo Z" }) })
    .selectOption("zModel");
  // The review ran again with the mapping, and says so, aloud too.
  const ranAgain = reviewedText("en", "Customers", SAMPLE_COUNTS);
  assert.equal(await nextNotice(page, previous), `${t("en", "ui.columns.mappingSaved")}\n${ranAgain}`);
  assert.ok(
    (await announced(page)).includes(`${t("en", "ui.columns.mappingSaved")} ${ranAgain}`),
    `announced: ${await announced(page)}`,
  );
  const found = await page.locator("section[aria-labelledby=columns-found] li").allInnerTexts();
  const item = t("en", "ui.columns.foundItem", { field: t("en", "ui.field.zModel"), header: "Modelo Z", column });
  assert.ok(
    found.some((line) => line.startsWith(item) && line.includes(t("en", "ui.columns.manual"))),
    `mapped column listed: ${found.join(" / ")}`,
  );
  const snap = await snapshot(pane);
  assert.deepEqual(snap.settings, { "credit.columnMapping": { "Modelo Z": "zModel" } });
  noProblems(pane);
  return `column ${column} "Modelo Z" → zModel saved in settings`;
});

scenario("13 a protected review sheet on a re-run: the write stops, says which sheet, leaves no silent half-write", async () => {
  const pane = await openPane({ workbook: seed });
  const { page } = pane;
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await writeBack(pane);
  await page.evaluate(() => window.__workbook.protect("Credit Review Archive"));
  await review(pane, "Customers", { expect: SAMPLE_COUNTS, replaces: true });
  const before = await snapshot(pane);
  const text = await writeBack(pane, { expectFailure: true });
  const after = await snapshot(pane);
  assert.deepEqual(
    sheetOf(after, "Credit Review Archive"),
    sheetOf(before, "Credit Review Archive"),
    "protected archive unchanged",
  );
  // Protection of every sheet the plan touches is checked before the first write.
  assert.deepEqual(after, before, "nothing written anywhere");
  const right = t("en", "ui.error.protected", { sheet: "Credit Review Archive" });
  assert.ok(text.includes(right), `names the protected sheet:\n${text}`);
  assert.ok((await announced(page)).includes(`${t("en", "ui.write.failedTitle")}. ${right}`), await announced(page));
  // The ledger deleted meanwhile: Go to a cell on it fails, and its warning replaces the error. It is
  // said aloud as the error was (the notice stays mounted) and takes the focus, on screen at the top.
  await page.evaluate(() => window.__workbook.deleteSheet("Invoices"));
  await page.getByRole("combobox", { name: t("en", "ui.filter.grade") }).selectOption("errors");
  const details = await openCustomer(page, "en", "Harbor Lights Retail");
  await details.getByRole("button", { name: t("en", "ui.detail.goToSheet", { cell: "C123", sheet: "Invoices" }) }).click();
  const warning = t("en", "ui.error.selectRow", { detail: "" });
  await page.waitForFunction((start) => document.activeElement?.innerText?.startsWith(start), warning);
  assert.ok((await announced(page)).includes(warning), `announced: ${await announced(page)}`);
  assert.ok(await onScreen(page, page.locator(".fui-MessageBar")), "the warning on screen");
  noProblems(pane);
  return "refused before writing anything, naming the protected archive; Go to on a deleted sheet warns, aloud and focused";
});

scenario("14 the test host keeps Office.js's load/sync rules (self-check)", async () => {
  const pane = await openPane({
    workbook: {
      active: "A",
      sheets: [
        { name: "A", values: [["x", 1]] },
        { name: "Locked", values: [["keep"]], protected: true },
      ],
    },
  });
  const result = await pane.page.evaluate(async () => {
    const out = {};
    const caught = async (fn) => {
      try {
        await fn();
        return "no error";
      } catch (e) {
        return e.code;
      }
    };
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early on purpose */
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("A").getRange("A1:B1");
      out.beforeLoad = await caught(() => range.values);
      range.load("values");
      out.beforeSync = await caught(() => range.values);
      const used = context.workbook.worksheets.getItem("A").getUsedRangeOrNullObject(true);
      out.nullBeforeSync = await caught(() => used.isNullObject);
      range.values = [["y", 2]];
      out.queued = window.__workbook.values("A")[0][0];
      await context.sync();
      out.loaded = range.values;
      out.applied = window.__workbook.values("A")[0][0];
      out.shape = await caught(async () => {
        range.values = [[1, 2, 3]];
        await context.sync();
      });
      out.missing = await caught(async () => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        await context.sync();
      });
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await context.sync();
      out.protection = sheets.items.map((ws) => `${ws.name}:${ws.protection.protected}`);
      out.protected = await caught(async () => {
        context.workbook.worksheets.getItem("A").getRange("C1").values = [["before"]];
        context.workbook.worksheets.getItem("Locked").getRange("A1").values = [["changed"]];
        await context.sync();
      });
    });
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    out.partial = window.__workbook.values("A")[0][2];
    out.locked = window.__workbook.values("Locked")[0][0];
    return out;
  });
  assert.deepEqual(result, {
    beforeLoad: "PropertyNotLoaded",
    beforeSync: "PropertyNotLoaded",
    nullBeforeSync: "PropertyNotLoaded",
    queued: "x",
    loaded: [["x", 1]],
    applied: "y",
    shape: "InvalidArgument",
    missing: "ItemNotFound",
    protection: ["A:false", "Locked:true"],
    protected: "AccessDenied",
    partial: "before",
    locked: "keep",
  });
  return "PropertyNotLoaded, queued writes, InvalidArgument, ItemNotFound, AccessDenied, no rollback";
});

scenario(
  "14b the test host's Excel tables follow Excel's rules: found, renamed by their headers, resized (self-check)",
  async () => {
    const pane = await openPane({
      workbook: {
        active: "Customers",
        sheets: [
          {
            name: "Customers",
            values: [
              ["Name", "Limit", "", "Limit", "Rating", "rating"],
              ["a", 1, 2, 3],
              ["b", 4, 5, 6],
            ],
            tables: [{ name: "Book", ref: "A1:D3" }],
          },
        ],
      },
    });
    const result = await pane.page.evaluate(async () => {
      const out = {};
      const caught = async (fn) => {
        try {
          await fn();
          return "no error";
        } catch (e) {
          return e.code;
        }
      };
      /* eslint-disable office-addins/call-sync-before-read -- reading too early on purpose */
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Customers");
        const names = async (range, fullyContained) => {
          const tables = range.getTables(fullyContained).load("items/name,items/showHeaders,items/showTotals");
          await context.sync();
          return tables.items.map((t) => `${t.name}:${t.showHeaders}:${t.showTotals}`);
        };
        const columns = async () => {
          const cols = ws.tables.getItem("book").columns.load("items/name");
          await context.sync();
          return cols.items.map((c) => c.name);
        };
        out.inside = await names(ws.getRange("B2"));
        out.outside = await names(ws.getRange("E2:H9"));
        out.notWhollyInside = await names(ws.getRange("B2"), true);
        out.whollyInside = await names(ws.getRange("A1:Z99"), true);
        ws.tables.load("count");
        const table = ws.tables.getItem("Book");
        out.nameBeforeLoad = await caught(() => table.name);
        const range = table.getRange().load("address");
        await context.sync();
        out.count = ws.tables.count;
        out.nameBeforeLoadAfterSync = await caught(() => table.name);
        out.address = range.address;
        out.seeded = await columns();
        ws.getRange("B1").values = [["name"]];
        ws.getRange("A1").values = "";
        ws.getRange("C1").values = [[2024]];
        ws.getRange("D1").clear("Contents");
        out.renamed = await columns();
        const header = ws.getRange("A1:G1").load("values");
        table.resize(ws.getRange("A1:G4"));
        const grown = table.getRange().load("address");
        await context.sync();
        out.headerCells = header.values[0];
        out.grownAddress = grown.address;
        out.grown = await columns();
        out.otherTopRow = await caught(async () => {
          table.resize("A2:G4");
          await context.sync();
        });
        out.otherSheet = await caught(async () => {
          table.resize("Elsewhere!A1:G4");
          await context.sync();
        });
        out.missing = await caught(async () => {
          ws.tables.getItem("Nope").load("name");
          await context.sync();
        });
        window.__workbook.protect("Customers");
        out.protected = await caught(async () => {
          table.resize("A1:H4");
          await context.sync();
        });
      });
      /* eslint-enable office-addins/call-sync-before-read */
      out.headerRow = window.__workbook.values("Customers")[0];
      out.snapshot = window.__workbook.snapshot().sheets[0].tables;
      return out;
    });
    assert.deepEqual(result, {
      inside: ["Book:true:false"],
      outside: [],
      notWhollyInside: [],
      whollyInside: ["Book:true:false"],
      nameBeforeLoad: "PropertyNotLoaded",
      count: 1,
      nameBeforeLoadAfterSync: "PropertyNotLoaded",
      address: "Customers!A1:D3",
      seeded: ["Name", "Limit", "Column3", "Limit2"],
      renamed: ["Column1", "name2", "2024", "Column4"],
      headerCells: ["Column1", "name2", "2024", "Column4", "Rating", "rating", ""],
      grownAddress: "Customers!A1:G4",
      grown: ["Column1", "name2", "2024", "Column4", "Rating", "rating2", "Column7"],
      otherTopRow: "InvalidArgument",
      otherSheet: "InvalidArgument",
      missing: "ItemNotFound",
      protected: "AccessDenied",
      headerRow: ["Column1", "name2", "2024", "Column4", "Rating", "rating2", "Column7"],
      snapshot: [
        {
          name: "Book",
          ref: "A1:G4",
          columns: ["Column1", "name2", "2024", "Column4", "Rating", "rating2", "Column7"],
          showTotals: false,
        },
      ],
    });
    return "getTables, getRange, columns, header writes renaming, resize growing and refused, PropertyNotLoaded";
  },
);

scenario(
  "15 over Excel on the web's payload limit: read in pages, written in halves, the same workbook as without it",
  async () => {
    const customers = 2_500;
    const { portfolio } = require(path.join(ROOT, "lib/bench/data"));
    const { serialFromYMD } = require(path.join(ROOT, "lib/src/engine/cells"));
    const [year, month, day] = AS_OF.split("-").map(Number);
    const data = portfolio(customers, serialFromYMD(year, month, day));
    const workbook = {
      active: "Customers",
      sheets: [
        { name: "Customers", values: data.customers },
        { name: "Invoices", values: data.ledger },
      ],
    };
    // A limit well under this workbook's one-sync read (~650 KB) and its write (~480 KB), so both
    // the paged read and the write's halving run; the pane's own budget stays Excel on the web's.
    const limit = 150_000;
    const runs = [];
    for (const payloadLimit of [undefined, limit]) {
      const pane = await openPane({ workbook, payloadLimit });
      await review(pane, "Customers", { expectCustomers: customers });
      await writeBack(pane);
      noProblems(pane);
      runs.push({ snap: await snapshot(pane), stats: await pane.page.evaluate(() => window.__workbook.stats()) });
      await pane.page.close();
    }
    const [free, limited] = runs;
    assert.equal(free.stats.refusedRequests + free.stats.refusedResponses, 0, "no refusals without a limit");
    assert.ok(free.stats.largestResponse > limit && free.stats.largestRequest > limit, "the workbook is over the limit");
    assert.ok(limited.stats.refusedResponses >= 1, `the one-sync read was refused (${JSON.stringify(limited.stats)})`);
    assert.ok(limited.stats.refusedRequests >= 1, `a write batch was refused (${JSON.stringify(limited.stats)})`);
    assert.ok(
      limited.stats.largestResponse <= limit && limited.stats.largestRequest <= limit,
      "every accepted sync under the limit",
    );
    assert.deepEqual(limited.snap, free.snap, "the same workbook written");
    const { syncs, refusedResponses, refusedRequests } = limited.stats;
    return `${customers} customers: ${syncs} syncs with a ${limit / 1000} KB limit (${refusedResponses} responses and ${refusedRequests} requests refused) against ${free.stats.syncs} without`;
  },
);

scenario("16 a stray value at XFD1048576: the review says which sheet reaches how far and how to fix it", async () => {
  const pane = await openPane({ workbook: seed });
  const before = await snapshot(pane);
  await pane.page.evaluate(() => window.__workbook.setCell("Customers", "XFD1048576", "stray"));
  const text = await review(pane, "Customers");
  const wanted = t("en", "ui.error.usedRangeTooLarge", { sheet: "Customers", detail: "A1:XFD1048576" });
  assert.ok(text.includes(wanted), `names the sheet, its reach and the fix:\n${text}`);
  assert.equal(
    await isUsable(pane.page.getByRole("button", { name: t("en", "ui.action.write"), exact: true })),
    false,
    "nothing to write",
  );
  // With the stray value gone again the workbook is as it was: the failed review wrote nothing.
  await pane.page.evaluate(() => window.__workbook.setCell("Customers", "XFD1048576", ""));
  assert.deepEqual(await snapshot(pane), before, "workbook untouched");
  noProblems(pane);
  return `"${text}"`;
});

// ---- accessibility, keyboard, zoom, theme, Cancel ----------------------------------------

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's violations on the page as it is now (every rule axe runs by default). Fluent's focus
 * guards — Tabster's invisible elements (data-tabster-dummy) that are focusable and aria-hidden
 * on purpose, to catch the focus at a trap's edges — trip aria-hidden-focus: those nodes alone
 * are left out, anything else fails.
 */
async function axeViolations(page, options = {}) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const { violations } = await window.axe.run(document, { ...options, resultTypes: ["violations"] });
    const focusGuard = (node) =>
      node.target.length === 1 && document.querySelector(node.target[0])?.hasAttribute("data-tabster-dummy");
    return violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && focusGuard(n)))
          .map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
      }))
      .filter((v) => v.nodes.length > 0);
  }, options);
}

async function assertNoViolations(page, where, options) {
  await settled(page);
  const violations = await axeViolations(page, options);
  assert.deepEqual(violations, [], `axe finds nothing ${where}:\n${JSON.stringify(violations, null, 1).slice(0, 1500)}`);
}

/** The text of the pane's live regions: what a screen reader was last told. */
const announced = (page) => page.evaluate(() => document.getElementById("pane-announcements")?.innerText ?? "");

/** Waits until no operation runs. */
const idle = (page) => page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");

scenario(
  "17 axe-core finds nothing after load, after a review, on each tab, in the details, the write question, dark and Chinese",
  async () => {
    const scans = [];
    const scan = async (page, where) => {
      await assertNoViolations(page, where);
      scans.push(where);
    };
    const pane = await openPane({ workbook: seed, width: 350 });
    const { page } = pane;
    await scan(page, "after load");
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    await scan(page, "after a review (Results)");
    await openCustomer(page, "en", "Adventure Works Cycles");
    await scan(page, "with a customer open");
    await page.getByRole("combobox", { name: t("en", "ui.filter.grade") }).selectOption("errors");
    await openCustomer(page, "en", "Southridge Video");
    await scan(page, "with a data error open");
    await page.getByRole("tab", { name: t("en", "ui.tab.columns") }).click();
    await scan(page, "on the Columns tab");
    await page.getByRole("tab", { name: t("en", "ui.tab.policy") }).click();
    await scan(page, "on the Policy tab");
    await page.getByRole("textbox", { name: t("en", "policy.mediumFrom") }).fill("9");
    await page.getByRole("alert").filter({ hasText: "9" }).waitFor();
    await scan(page, "with a policy error");
    // Go to the setting, clicked: Fluent rings only keyboard focus, so the field draws its own ring.
    await page.getByRole("tab", { name: t("en", "ui.tab.columns") }).click();
    await page
      .locator("#review-reason")
      .getByRole("button", { name: t("en", "ui.reason.goToField") })
      .click();
    const mediumFrom = page.getByRole("textbox", { name: t("en", "policy.mediumFrom") });
    await page.waitForFunction((el) => el === document.activeElement, await mediumFrom.elementHandle());
    const ring = await mediumFrom.evaluate((el) => {
      const style = getComputedStyle(el.closest(".fui-Input"));
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
    });
    assert.ok(
      ring.style === "solid" && ring.width >= 2 && !/rgba\(.*, 0\)|transparent/.test(ring.color),
      `the field Go to the setting took the focus to shows a ring: ${JSON.stringify(ring)}`,
    );
    await mediumFrom.fill("2.5");
    await page.getByRole("button", { name: t("en", "ui.action.write"), exact: true }).click();
    await page.getByRole("group", { name: t("en", "ui.confirm.title") }).waitFor();
    await scan(page, "while Write back asks");
    const previous = await currentNotice(page);
    await page.getByRole("button", { name: t("en", "ui.confirm.write"), exact: true }).click();
    await nextNotice(page, previous);
    await scan(page, "after the write");
    noProblems(pane);
    for (const [officeTheme, displayLanguage] of [
      ["Black", "en-US"],
      ["Colorful", "zh-CN"],
    ]) {
      const other = await openPane({ workbook: seed, width: 350, officeTheme, displayLanguage });
      await review(other, "Customers", { expect: SAMPLE_COUNTS });
      await openCustomer(other.page, other.lang, "Adventure Works Cycles");
      await scan(other.page, `after a review (${officeTheme}, ${displayLanguage})`);
      noProblems(other);
    }
    return `${scans.length} scans, no violation: ${scans.join("; ")}`;
  },
);

/**
 * The focused element's focus ring, Fluent's way: an ::after with a border, placed absolutely
 * against the nearest positioned box (the initial containing block when there is none). Whether
 * it is visible (a border of some width and colour) and drawn around the element (within a few
 * pixels of its box) rather than around something larger.
 */
const focusRing = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const ring = getComputedStyle(el, "::after");
    const px = (v) => parseFloat(v) || 0;
    let holder = el;
    while (holder && getComputedStyle(holder).position === "static") holder = holder.parentElement;
    let block;
    if (holder) {
      const r = holder.getBoundingClientRect();
      const s = getComputedStyle(holder);
      block = {
        left: r.left + px(s.borderLeftWidth),
        top: r.top + px(s.borderTopWidth),
        right: r.right - px(s.borderRightWidth),
        bottom: r.bottom - px(s.borderBottomWidth),
      };
    } else {
      const doc = document.documentElement;
      block = { left: -scrollX, top: -scrollY, right: doc.clientWidth - scrollX, bottom: doc.clientHeight - scrollY };
    }
    const box = {
      left: block.left + px(ring.left),
      top: block.top + px(ring.top),
      right: block.right - px(ring.right),
      bottom: block.bottom - px(ring.bottom),
    };
    const own = el.getBoundingClientRect();
    const near = (a, b) => Math.abs(a - b) <= 4;
    const drawn = ring.content !== "none" && ring.position === "absolute";
    return {
      visible:
        drawn &&
        px(ring.borderTopWidth) >= 1 &&
        ring.borderTopStyle !== "none" &&
        !/rgba\(.*, 0\)|transparent/.test(ring.borderTopColor),
      around:
        drawn && near(box.left, own.left) && near(box.top, own.top) && near(box.right, own.right) && near(box.bottom, own.bottom),
      ring: box,
      element: { left: own.left, top: own.top, right: own.right, bottom: own.bottom },
    };
  });

/** Presses Tab until `isTarget` holds for the focused element (at most `max` times); fails otherwise. */
async function tabTo(page, what, isTarget, max = 250) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(isTarget)) return i + 1;
  }
  throw new Error(`Tab never reached ${what}`);
}

scenario(
  "18 keyboard only: review, open a customer, write back, open the summary; each outcome focused and announced",
  async () => {
    const pane = await openPane({ workbook: seed, width: 350 });
    const { page } = pane;
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    // The as-of date, typed: the date field's segments take digits, and Tab leaves it.
    await tabTo(page, "the as-of date", () => document.activeElement?.type === "date");
    await page.keyboard.type("11302026");
    let presses = await tabTo(page, "Review", () => document.activeElement?.textContent === "Review");
    await page.keyboard.press("Enter");
    await idle(page);
    const reviewed = reviewedText("en", "Customers", SAMPLE_COUNTS);
    await page.waitForFunction(() => document.activeElement?.classList.contains("fui-MessageBar"));
    assert.equal(await focused(), reviewed, "the outcome has the focus");
    assert.ok((await announced(page)).includes(reviewed), `announced: ${await announced(page)}`);
    const ring = await focusRing(page);
    assert.ok(ring.visible, `the focused notice shows a focus ring: ${JSON.stringify(ring)}`);
    assert.ok(ring.around, `its ring is drawn around the notice itself: ${JSON.stringify(ring)}`);
    // The first row is the one that needs attention most.
    presses += await tabTo(page, "the first customer", () => document.activeElement?.getAttribute("aria-expanded") === "false");
    assert.ok((await focused()).startsWith("Wide World Importers"), `first customer: ${await focused()}`);
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "Wide World Importers", exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded")), "true");
    // The open row's ring goes around the row's button, not around the row and its details below.
    const rowRing = await focusRing(page);
    assert.ok(rowRing.visible && rowRing.around, `the open row's focus ring is around the row: ${JSON.stringify(rowRing)}`);
    await page.waitForFunction(() => window.__workbook.snapshot().selection === "Customers!A10:AU10");
    presses += await tabTo(page, "Write back", () => document.activeElement?.textContent === "Write back");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.textContent === "Write");
    const question = await page.getByRole("group", { name: t("en", "ui.confirm.title") }).innerText();
    await page.keyboard.press("Enter");
    await idle(page);
    await page.waitForFunction(() => document.activeElement?.classList.contains("fui-MessageBar"));
    assert.ok((await focused()).startsWith(t("en", "ui.write.doneTitle")), `focused: ${await focused()}`);
    assert.ok((await announced(page)).includes(t("en", "ui.write.doneTitle")), `announced: ${await announced(page)}`);
    presses += await tabTo(page, "Open summary sheet", () => document.activeElement?.textContent === "Open summary sheet", 5);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__workbook.snapshot().active === "Credit Review Summary");
    const snap = await snapshot(pane);
    assert.equal(dataRows(sheetOf(snap, "Credit Review Archive").values), 45, "written: the archive has the review");
    noProblems(pane);
    return `${presses} Tab presses; asked "${question.split("\n")[0]}"; outcomes focused and announced; summary sheet active`;
  },
);

/** Whether the whole of `locator` is on screen (not above the top or under the bottom of the pane). */
async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  const height = await page.evaluate(() => document.documentElement.clientHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height + 0.5;
}

scenario(
  "19 200% zoom at 320 and 350 px, in English and Chinese: no sideways scroll and no figure cut, at every step",
  async () => {
    const steps = [];
    for (const lang of hasCjkFont() ? ["en", "zh"] : ["en"]) {
      for (const width of [320, 350]) {
        const pane = await openPane({ workbook: seed, width, zoom: 2, displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
        const { page } = pane;
        const check = async (where) => {
          assert.equal(await sidewaysScroll(page), 0, `${lang} ${width} px at 200%, ${where}: the page scrolls sideways`);
          assert.deepEqual(await clippedText(page), [], `${lang} ${width} px at 200%, ${where}: text cut`);
          steps.push(`${lang}/${width}/${where}`);
        };
        await check("after load");
        await review(pane, "Customers", { expect: SAMPLE_COUNTS });
        await check("after a review");
        await openCustomer(page, lang, "Adventure Works Cycles");
        await check("a customer open");
        await page.getByRole("tab", { name: t(lang, "ui.tab.columns") }).click();
        await check("Columns");
        await page.getByRole("tab", { name: t(lang, "ui.tab.policy") }).click();
        await check("Policy");
        await page.getByRole("button", { name: t(lang, "ui.action.write"), exact: true }).click();
        const question = page.getByRole("group", { name: t(lang, "ui.confirm.title") });
        await question.waitFor();
        await check("Write back asking");
        // Taller than the pane, the question scrolls inside itself: its title and its answer stay on screen.
        const title = question.getByRole("heading", { name: t(lang, "ui.confirm.title") });
        assert.ok(await onScreen(page, title), `${lang} ${width} px at 200%: the question's title on screen`);
        const yes = question.getByRole("button", { name: t(lang, "ui.confirm.write"), exact: true });
        assert.ok(await onScreen(page, yes), `${lang} ${width} px at 200%: the question's Write on screen`);
        // It does not cover the pane: the results it asks about stay in view above it.
        const barTop = await question.evaluate((q) => q.parentElement.getBoundingClientRect().top / window.innerHeight);
        assert.ok(
          barTop >= 0.3,
          `${lang} ${width} px at 200%: the question covers ${Math.round((1 - barTop) * 100)}% of the pane`,
        );
        noProblems(pane);
      }
    }
    return `${steps.length} checks`;
  },
);

scenario("20 Office's dark theme gives a dark pane; high contrast (forced colours) keeps every grade readable", async () => {
  const pane = await openPane({ workbook: seed, width: 350, officeTheme: "Black" });
  const { page } = pane;
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  const colours = await page.evaluate(() => {
    const lum = (css) => {
      const [r, g, b] = css
        .match(/\d+(\.\d+)?/g)
        .map(Number)
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const main = document.querySelector("main");
    return {
      body: lum(getComputedStyle(document.body).backgroundColor),
      text: lum(getComputedStyle(main).color),
      scheme: document.documentElement.style.colorScheme,
    };
  });
  assert.ok(colours.body < 0.05 && colours.text > 0.7 && colours.scheme === "dark", `dark pane: ${JSON.stringify(colours)}`);
  // Windows high contrast: the browser forces its colours; grades still read by icon and word, framed.
  await page.emulateMedia({ forcedColors: "active" });
  const badges = await page.evaluate(() =>
    [...document.querySelectorAll("section[aria-labelledby=portfolio-heading] li > span:first-child > span")].map((b) => ({
      text: b.textContent,
      border: getComputedStyle(b).borderTopStyle,
      icon: b.querySelector("svg") !== null,
    })),
  );
  // The sample has customers with data errors: their row under the grades has a badge of its own.
  assert.deepEqual(
    badges.map((b) => b.text),
    ["Low", "Medium", "High", "Data error"],
  );
  assert.ok(
    badges.every((b) => b.border === "solid" && b.icon),
    `badges framed, with icons: ${JSON.stringify(badges)}`,
  );
  // Colour contrast is the system's there (every text in its forced colours): axe's other rules still apply.
  await assertNoViolations(page, "in forced colours", { rules: { "color-contrast": { enabled: false } } });
  noProblems(pane);
  return `body luminance ${colours.body.toFixed(3)}, text ${colours.text.toFixed(3)}; forced colours: ${badges.length} framed grade badges`;
});

scenario("21 screenshots at 320, 350 and 500 px, in the dark theme and in Chinese (docs/)", async () => {
  const shots = [];
  const take = async (pane, name) => {
    assert.equal(await sidewaysScroll(pane.page), 0, `${name}: no sideways scroll`);
    await screenshot(pane.page, name);
    shots.push(name);
  };
  for (const width of [320, 500]) {
    const pane = await openPane({ workbook: seed, width });
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    await take(pane, `taskpane-${width}.png`);
    // A name cut to fit shows in full while its row is hovered or focused (Escape hides it); one that fits, not.
    const tip = pane.page.locator("[data-tip]");
    await customerRow(pane.page, "en", "Liberty's Delightful Sinful Bakery").hover();
    const cut = width === 320;
    assert.equal(await tip.count(), cut ? 1 : 0, `${width} px: tooltip on the cut name`);
    if (cut) {
      assert.ok((await tip.innerText()).startsWith("Liberty's Delightful Sinful Bakery\n"), await tip.innerText());
      await customerRow(pane.page, "en", "Woodgrove Foods").hover();
      assert.equal(await tip.count(), 0, "no tooltip where nothing is cut");
      await customerRow(pane.page, "en", "Liberty's Delightful Sinful Bakery").focus();
      assert.equal(await tip.count(), 1, "tooltip on focus too");
      await pane.page.keyboard.press("Escape");
      assert.equal(await tip.count(), 0, "Escape hides it");
      // A click opens the row and hides its tooltip; hovered again, the tooltip hangs under the row, over its details' top.
      const row = customerRow(pane.page, "en", "Liberty's Delightful Sinful Bakery");
      await row.click();
      assert.equal(await row.getAttribute("aria-expanded"), "true");
      assert.equal(await tip.count(), 0, "a click hides the tooltip");
      await pane.page.mouse.move(0, 0);
      await row.hover();
      assert.equal(await tip.count(), 1, "tooltip on an open row");
      const [rowBox, tipBox] = [await row.boundingBox(), await tip.boundingBox()];
      assert.ok(
        Math.abs(tipBox.y - (rowBox.y + rowBox.height)) <= 8,
        `tooltip under the row: ${JSON.stringify({ rowBox, tipBox })}`,
      );
      await row.click();
    }
    noProblems(pane);
  }
  const pane = await openPane({ workbook: seed, width: 350 });
  await review(pane, "Customers", { expect: SAMPLE_COUNTS });
  await openCustomer(pane.page, "en", "Adventure Works Cycles");
  await take(pane, "taskpane-350.png");
  await pane.page.getByRole("button", { name: t("en", "ui.action.write"), exact: true }).click();
  await pane.page.getByRole("group", { name: t("en", "ui.confirm.title") }).waitFor();
  await pane.page.evaluate(() => window.scrollTo(0, 0));
  await take(pane, "taskpane-write.png");
  noProblems(pane);
  const dark = await openPane({ workbook: seed, width: 350, officeTheme: "Black" });
  await review(dark, "Customers", { expect: SAMPLE_COUNTS });
  await take(dark, "taskpane-dark.png");
  noProblems(dark);
  if (hasCjkFont()) {
    const zh = await openPane({ workbook: seed, width: 350, displayLanguage: "zh-CN" });
    await review(zh, "Customers", { expect: SAMPLE_COUNTS });
    await openCustomer(zh.page, "zh", "Adventure Works Cycles");
    await take(zh, "taskpane-zh.png");
    noProblems(zh);
  }
  return shots.join(", ");
});

/** Lets held syncs go one at a time until `ready` holds on the page (a sync is then held in flight). */
async function stepUntil(page, what, ready) {
  for (let i = 0; i < 200; i++) {
    await page.waitForFunction(
      () => window.__workbook.waiting() > 0 || document.querySelector("main")?.getAttribute("aria-busy") === "false",
    );
    if (await page.evaluate(ready)) return;
    if ((await page.evaluate(() => window.__workbook.waiting())) === 0) throw new Error(`finished before ${what}`);
    await page.evaluate(() => window.__workbook.step());
  }
  throw new Error(`never reached ${what}`);
}

scenario(
  "22 progress in rows and parts; Cancel stops a read untouched, and a write marked incomplete as a failed write",
  async () => {
    const customers = 2_500;
    const { portfolio } = require(path.join(ROOT, "lib/bench/data"));
    const { serialFromYMD } = require(path.join(ROOT, "lib/src/engine/cells"));
    const [year, month, day] = AS_OF.split("-").map(Number);
    const data = portfolio(customers, serialFromYMD(year, month, day));
    const workbook = {
      active: "Customers",
      sheets: [
        { name: "Customers", values: data.customers },
        { name: "Invoices", values: data.ledger },
      ],
    };
    const pane = await openPane({ workbook, payloadLimit: 150_000, width: 350 });
    const { page } = pane;
    const busyText = () => page.evaluate(() => document.getElementById("busy-text")?.textContent ?? "");
    const before = await snapshot(pane);

    // A read in pages, cancelled after its first page.
    await page.locator("input[type=date]").fill(AS_OF);
    await page.evaluate(() => window.__workbook.hold());
    await page.getByRole("button", { name: t("en", "ui.action.review"), exact: true }).click();
    await stepUntil(page, "a page read", () => /^Read /.test(document.getElementById("busy-text")?.textContent ?? ""));
    const reading = await busyText();
    const rows = data.customers.length.toLocaleString("en-US");
    assert.match(
      reading,
      new RegExp(`^Read [\\d,]+ of ${rows} rows of "Customers"…$`),
      `read progress in rows of the sheet: ${reading}`,
    );
    const bar = await page.getByRole("progressbar").getAttribute("aria-valuenow");
    assert.ok(Number(bar) > 0 && Number(bar) < 1, `a bar with a value: ${bar}`);
    await page.getByRole("button", { name: t("en", "ui.action.cancel"), exact: true }).click();
    await page.evaluate(() => window.__workbook.release());
    const cancelledRead = await nextNotice(page, null);
    assert.equal(cancelledRead, t("en", "ui.status.cancelled"));
    assert.deepEqual(await snapshot(pane), before, "a cancelled read changes nothing");

    // The review in full, then a write cancelled while its second part is under way.
    await review(pane, "Customers");
    await page.getByRole("button", { name: t("en", "ui.action.write"), exact: true }).click();
    await page.evaluate(() => window.__workbook.hold());
    const previous = await currentNotice(page);
    await page.getByRole("button", { name: t("en", "ui.confirm.write"), exact: true }).click();
    await stepUntil(page, "part 2", () =>
      /^Writing part 2 of \d+…$/.test(document.getElementById("busy-text")?.textContent ?? ""),
    );
    const writing = await busyText();
    await page.getByRole("button", { name: t("en", "ui.action.cancel"), exact: true }).click();
    await page.evaluate(() => window.__workbook.release());
    const text = await nextNotice(page, previous);
    assert.ok(text.startsWith(t("en", "ui.write.cancelledTitle")), `cancelled write notice:\n${text}`);
    for (const line of [t("en", "ui.error.cancelled"), t("en", "ui.write.written"), t("en", "ui.write.notWritten")])
      assert.ok(text.includes(line), `says "${line}":\n${text}`);
    const summaryName = "Credit Review Summary";
    assert.ok(text.includes(t("en", "ui.write.marked", { sheet: summaryName })), `marked incomplete:\n${text}`);
    const snap = await snapshot(pane);
    assert.equal(sheetOf(snap, summaryName).values[0][0], t("en", "ui.write.incompleteMark"), "summary A1 marked");
    // Written parts stay (Excel can't call a sync back), as after a failed write; Write back waits for a new review.
    assert.equal(await isUsable(page.getByRole("button", { name: t("en", "ui.action.write"), exact: true })), false);
    noProblems(pane);
    return `"${reading}", "${writing}" → cancelled; summary A1 "${t("en", "ui.write.incompleteMark")}"`;
  },
);

// ---- running ----------------------------------------------------------------------------

function hasCjkFont() {
  try {
    return execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms))),
  ]);
}

scenario(
  "23 what changed since the last review: the results' block and the customer's own change, in both languages and at 200% zoom",
  async () => {
    const notes = [];
    for (const { lang, width, zoom } of [
      { lang: "en", width: 350, zoom: 1 },
      { lang: "zh", width: 350, zoom: 1 },
      { lang: "en", width: 320, zoom: 2 },
    ]) {
      if (lang === "zh" && !hasCjkFont()) continue;
      const pane = await openPane({ workbook: seed, width, zoom, displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
      const { page } = pane;
      await review(pane, "Customers", { expect: SAMPLE_COUNTS, asOf: "2026-10-31" });
      // The sample has no archive: one line says there is nothing to compare with until a review has been written.
      assert.equal(await page.getByText(t(lang, "changes.none")).count(), 1, "no archive, nothing to compare with");
      await writeBack(pane);
      // The first customer (1.85, Low) turns High: every factor at its worst.
      const first = await page.evaluate(() => window.__workbook.values("Customers")[3][1]);
      for (const column of ["C", "D", "E", "F", "G"])
        await page.evaluate((c) => window.__workbook.setCell("Customers", `${c}4`, 5), column);
      // The second is renamed: the archive would show two names for its id.
      const [secondId, secondName] = await page.evaluate(() => window.__workbook.values("Customers")[4].slice(0, 2));
      const newName = `${secondName} Holdings`;
      await page.evaluate((name) => window.__workbook.setCell("Customers", "B5", name), newName);
      // The outcome, focused and announced, says how many grades moved; a date reads as the language's date cells.
      const lastReview = lang === "zh" ? "2026年10月31日" : "2026-10-31";
      const notice = await review(pane, "Customers");
      assert.equal(
        notice,
        [
          reviewedText(lang, "Customers", SAMPLE_COUNTS),
          t(lang, "ui.status.gradesMoved", { date: lastReview, riskier: 1, safer: 0 }),
          // Only two cells were typed: every balance is the last review's (the two customers with
          // data errors' too), and the notice says so.
          t(lang, "changes.sameBalances", { count: 45, date: lastReview, why: t(lang, "changes.sameBalancesWhy") }),
        ].join("\n"),
      );
      const block = page.getByRole("region", { name: t(lang, "changes.title", { date: lastReview }) });
      const facts = await block.locator("dt").allInnerTexts();
      // Each fact's value (a count) and what it counts, listed one a line under it.
      const shown = await block.locator("dt").evaluateAll((dts) =>
        dts.map((dt) => ({
          value: dt.nextElementSibling.innerText,
          items: [...dt.parentElement.querySelectorAll("li")].map((li) => li.innerText),
        })),
      );
      const values = shown.map((f) => f.value);
      const fact = (key) => {
        const { value, items } = shown[facts.indexOf(t(lang, key))];
        return items.length ? t(lang, "changes.named", { count: value, names: items.join(" ") }) : value;
      };
      assert.deepEqual(
        facts,
        [
          "changes.riskier",
          "changes.safer",
          "changes.newWarnings",
          "changes.clearedWarnings",
          // The money: the sample's ledger ages a month, so overdue amounts grow and limits are cut.
          "changes.overdueTotal",
          "changes.overdueGrew",
          "changes.overdueFell",
          // The credit limits changed by hand, then the recommended limits that moved, told by the share of the credit limit each recommends.
          "changes.creditLimitChanged",
          "changes.limitCut",
          "changes.limitRaiseWithdrawn",
          "changes.limitRaised",
          "changes.limitCutWithdrawn",
          "changes.added",
          "changes.gone",
          "changes.renamed",
          "changes.pastDue",
        ]
          .map((k) => t(lang, k))
          // The sample has no Action taken column: how many customers October asked to act on, and no one called unanswered.
          .concat(t(lang, "changes.responses", { date: lastReview })),
      );
      assert.ok(parseInt(values[facts.length - 1], 10) >= 1, `customers asked to act on: ${values[facts.length - 1]}`);
      const column = lang === "zh" ? "已采取措施" : "Action taken";
      assert.equal(
        await block.getByText(t(lang, "changes.responsesHelp", { column })).count(),
        1,
        "how to record responses, once",
      );
      assert.equal(
        fact("changes.renamed"),
        t(lang, "changes.named", {
          count: "1",
          names: t(lang, "changes.rename", { id: secondId, from: secondName, to: newName }),
        }),
        "the renamed customer, by id with both names",
      );
      assert.equal(
        fact("changes.riskier"),
        t(lang, "changes.named", {
          count: "1",
          names: t(lang, "changes.move", { name: first, from: t(lang, "grade.low"), to: t(lang, "grade.high") }),
        }),
        "the one customer now riskier, with its move",
      );
      assert.equal(fact("changes.safer"), "0");
      assert.equal(fact("changes.added"), "0");
      assert.equal(fact("changes.gone"), "0");
      // Reviewed 2026-10-31 and again 2026-11-30: every high-risk customer's monthly review is on time,
      // the two the first review asked to re-assess then (an analyst's work, out of cycle) included.
      assert.equal(fact("changes.pastDue"), "0");
      // The count, then its customers by name.
      assert.ok(parseInt(fact("changes.newWarnings"), 10) >= 1, `new warnings: ${fact("changes.newWarnings")}`);
      assert.ok(fact("changes.newWarnings").includes(first), `new warnings name ${first}: ${fact("changes.newWarnings")}`);
      // Each new warning with its figure against its threshold; the first customer's limit cut with its figures.
      assert.ok(
        /\d/.test(fact("changes.newWarnings").split(first)[1] ?? ""),
        `new warnings' figures: ${fact("changes.newWarnings")}`,
      );
      assert.ok(fact("changes.limitCut").includes(first), `limit cut names ${first}: ${fact("changes.limitCut")}`);
      const details = await openCustomer(page, lang, first);
      const heading = details.getByRole("heading", { name: t(lang, "ui.detail.changes") });
      const lines = await heading.locator("xpath=following-sibling::ul[1]/li").allInnerTexts();
      const wanted =
        lang === "en"
          ? /^Score 1\.85 → (\d\.\d\d) \(\+(\d\.\d\d) points\), Low → High since 2026-10-31$/
          : /^自 2026年10月31日起，评分 1\.85 → (\d\.\d\d)（\+(\d\.\d\d) 分），风险等级 低 → 高$/;
      const moved = wanted.exec(lines[0]);
      assert.ok(moved, `${first}'s change: ${JSON.stringify(lines)}`);
      assert.equal(Number(moved[2]).toFixed(2), (Number(moved[1]) - 1.85).toFixed(2), "the change is the difference");
      await assertNoViolations(page, "with what changed shown");
      assert.equal(await sidewaysScroll(page), 0, `${width} px at ${zoom * 100}%: no sideways scroll`);
      assert.deepEqual(await clippedText(page), [], `${width} px at ${zoom * 100}%: text cut`);
      if (lang === "en" && zoom === 1) {
        // The block and, under the list's filters, the customer's own change.
        await block.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await screenshot(page, "taskpane-changes.png");
      }
      noProblems(pane);
      notes.push(`${lang} ${width} px ${zoom * 100}%: ${lines[0]}`);
    }
    return notes.join("; ");
  },
);

scenario(
  "24 a policy saved after a review is the one Write back writes, without reviewing again; the next review reads it back",
  async () => {
    const pane = await openPane({ workbook: seed });
    const { page } = pane;
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    await page.getByRole("tab", { name: t("en", "ui.tab.policy") }).click();
    const mediumFrom = page.getByRole("textbox", { name: t("en", "policy.mediumFrom") });
    await mediumFrom.fill("2.2");
    await page.getByText(t("en", "ui.policy.source.defaultEdited"), { exact: true }).waitFor();
    // Not saved: Write back waits, and says why beside it.
    const write = page.getByRole("button", { name: t("en", "ui.action.write"), exact: true });
    assert.equal(await isUsable(write), false, "Write back waits while the policy has edits not saved");
    await page.getByText(t("en", "ui.reason.policyChanged"), { exact: true }).waitFor();
    const previous = await currentNotice(page);
    await page.getByRole("button", { name: t("en", "ui.policy.save"), exact: true }).click();
    const question = page.getByRole("group", { name: t("en", "ui.confirm.policyTitle") });
    await question.getByRole("button", { name: t("en", "ui.confirm.save"), exact: true }).click();
    const savedNotice = await nextNotice(page, previous);
    // The review on screen is made again with the saved policy, on the values already read.
    assert.equal(
      savedNotice,
      `${t("en", "ui.policy.saved", { sheet: "Credit Policy" })}\n${reviewedText("en", "Customers", SAMPLE_COUNTS)}`,
      "the save's notice",
    );
    await page.getByText(t("en", "ui.policy.source.sheet", { sheet: "Credit Policy" }), { exact: true }).waitFor();
    const saved = completePolicy({ mediumFrom: 2.2 });
    await writeBack(pane);
    const after = await snapshot(pane);
    const policy = sheetOf(after, "Credit Policy").values;
    assert.equal(
      policy.find((line) => line[0] === t("en", "policy.mediumFrom"))?.[1],
      2.2,
      "the saved 2.2 stays on the policy sheet",
    );
    assert.equal(policy[1][1], saved.version, "the policy sheet's version is the saved one's");
    // The history's versions stand across its first row, right of the labels.
    const history = sheetOf(after, "Credit Policy History")
      .values[0].slice(1)
      .filter((v) => !blank(v));
    assert.deepEqual(history, [saved.version], "the history records the saved version");
    const rows = sheetOf(after, "Customers").values.slice(HEADER_ROW + 1);
    const banded = rows.filter((line) => typeof line[TABLE_END] === "number" && line[TABLE_END] >= 2.2 && line[TABLE_END] < 2.5);
    assert.ok(
      banded.length > 0 && banded.every((line) => line[TABLE_END + 6] === "Medium"),
      `scores 2.2–2.5 written as Medium: ${JSON.stringify(banded.map((l) => [l[TABLE_END], l[TABLE_END + 6]]))}`,
    );
    await page.getByRole("tab", { name: t("en", "ui.tab.policy") }).click();
    assert.equal(await mediumFrom.inputValue(), "2.2", "the Policy tab still shows the saved value");
    // A month later the review reads the saved policy back from its sheet.
    await review(pane, "Customers", { asOf: "2026-12-31" });
    await page.getByRole("tab", { name: t("en", "ui.tab.policy") }).click();
    assert.equal(await mediumFrom.inputValue(), "2.2", "the next review reads 2.2 back");
    noProblems(pane);
    return `saved ${saved.version}, written and recorded; ${banded.length} customers scored 2.2–2.5 written Medium`;
  },
);

scenario(
  "25 Manual calculation with changes not calculated: the review warns, the write question too; F9 and review again",
  async () => {
    const pane = await openPane({ workbook: seed, calculation: { mode: "Manual", state: "Pending" } });
    const { page } = pane;
    const warning = t("en", "ui.calc.pendingSetting", { mode: t("en", "ui.calc.mode.Manual") });
    const text = await review(pane, "Customers");
    assert.ok(text.startsWith(`${warning}\n${reviewedText("en", "Customers", SAMPLE_COUNTS)}`), `the warning first:\n${text}`);
    const alerted = await page.evaluate(() => document.querySelector("#pane-announcements [role=alert]")?.textContent ?? "");
    assert.ok(alerted.startsWith(warning), `announced as a warning: ${alerted}`);

    await page.getByRole("button", { name: t("en", "ui.action.write"), exact: true }).click();
    const question = page.getByRole("group", { name: t("en", "ui.confirm.title") });
    const changes = await question.getByRole("listitem").allInnerTexts();
    const line = t("en", "ui.calc.question", { action: t("en", "ui.calc.recalculate") });
    // A caution above the changes, not one of them: a warning with the button that calculates.
    const caution = question.locator(".fui-MessageBar");
    assert.equal(await caution.locator(".fui-MessageBarBody").innerText(), line, "the write question cautions");
    assert.ok(!changes.some((c) => c.includes(t("en", "ui.calc.recalculate"))), `not among the changes: ${changes}`);
    const [cautionBox, listBox] = await Promise.all([caution.boundingBox(), question.getByRole("list").boundingBox()]);
    assert.ok(cautionBox.y + cautionBox.height <= listBox.y, "the caution above the changes");
    await caution.getByRole("button", { name: t("en", "ui.calc.recalculate"), exact: true }).waitFor();
    await question.getByRole("button", { name: t("en", "ui.action.cancel"), exact: true }).click();

    const before = await page.evaluate(() => window.__workbook.stats().syncs);
    await page.getByRole("button", { name: t("en", "ui.calc.recalculate"), exact: true }).click();
    const again = await nextNotice(page, text);
    assert.equal(again, reviewedText("en", "Customers", SAMPLE_COUNTS), "reviewed again, no warning");
    const syncs = (await page.evaluate(() => window.__workbook.stats().syncs)) - before;
    assert.deepEqual(
      await page.evaluate(() => window.__workbook.calculation()),
      { mode: "Manual", state: "Done", calculations: ["Recalculate"] },
      "F9 once; the workbook stays on Manual",
    );
    assert.equal(syncs, 2, "the calculation in one sync, the read in one");
    noProblems(pane);

    // At 200% in a 320 px pane the caution scrolls with the changes, whole: its words inside its own box.
    const zoomed = await openPane({ workbook: seed, width: 320, zoom: 2, calculation: { mode: "Manual", state: "Pending" } });
    await review(zoomed, "Customers");
    await zoomed.page.getByRole("button", { name: t("en", "ui.action.write"), exact: true }).click();
    const asked = zoomed.page.getByRole("group", { name: t("en", "ui.confirm.title") });
    const fits = await asked.locator(".fui-MessageBar").evaluate((bar) => bar.scrollHeight <= bar.clientHeight + 1);
    assert.ok(fits, "320 px at 200%: the caution's words stay in its box");
    assert.equal(await sidewaysScroll(zoomed.page), 0, "320 px at 200%: no sideways scroll");
    const yes = asked.getByRole("button", { name: t("en", "ui.confirm.write"), exact: true });
    assert.ok(await onScreen(zoomed.page, yes), "320 px at 200%: the question's Write on screen");
    noProblems(zoomed);
    return `${syncs} syncs for F9 and the read`;
  },
);

scenario(
  "26 a workbook counting dates from 1904: the same review as in 1900, every date written in the workbook's own count",
  async () => {
    // The sample saved in the 1904 date system: each date-formatted number 1,462 days lower.
    const shiftDates = (values, formats) =>
      values.map((line, r) =>
        line.map((v, c) =>
          typeof v === "number" && v !== 0 && isDateFormat(formats[`${columnLetter(c)}${r + 1}`] ?? "General")
            ? v - DATE_1904_OFFSET
            : v,
        ),
      );
    const workbook = {
      ...seed,
      date1904: true,
      sheets: seed.sheets.map((s) => ({ ...s, values: shiftDates(s.values, s.numberFormats) })),
    };
    const moved = seed.sheets.reduce(
      (n, s, i) => n + s.values.flat().filter((v, k) => v !== workbook.sheets[i].values.flat()[k]).length,
      0,
    );
    assert.ok(moved > 20, `the sample's due dates and news dates are dates (${moved} moved)`);
    const pane = await openPane({ workbook, displayLanguage: "en-US" });
    // The same counts as the 1900 sample: its invoices aged from their real due dates.
    await review(pane, "Customers", { expect: SAMPLE_COUNTS });
    await writeBack(pane);
    const snap = await snapshot(pane);
    // Every sheet as the command line writes the 1900 sample, each date 1,462 days lower.
    for (const want of expected.en.sheets) {
      const sheet = sheetOf(snap, want.name);
      compareValues(`${want.name} (1904)`, sheet.values, shiftDates(want.values, want.formats));
    }
    noProblems(pane);
    return `${moved} dates in the seed moved; ${expected.en.sheets.length} sheets as the command line's, dates 1,462 lower`;
  },
);

async function main() {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html missing: run `npm run build` first");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install -y chromium`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "credit-e2e-"));
  if (!UPDATE_DOCS) screenshotDir = tmp;
  let server;
  let passed = 0;
  let failed = 0;
  const watchdog = setTimeout(() => {
    console.error(`e2e: the whole run exceeded ${TOTAL_MS / 1000} s`);
    Promise.race([Promise.all([context?.close(), server?.close()]), new Promise((r) => setTimeout(r, 5000))]).finally(() =>
      process.exit(1),
    );
  }, TOTAL_MS);
  try {
    seed = await readWorkbook(ExcelJS, SAMPLE);
    expected = {
      en: await expectedWorkbook(ExcelJS, ROOT, SAMPLE, AS_OF, "en", tmp),
      zh: await expectedWorkbook(ExcelJS, ROOT, SAMPLE, AS_OF, "zh", tmp),
    };
    server = await startServer(DIST);
    baseUrl = `http://127.0.0.1:${server.port}`;
    context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    await routeToTestHost(context, server.port);
    for (const page of context.pages()) await page.close();
    for (const { name, fn } of scenarios) {
      const t0 = Date.now();
      try {
        const note = await withTimeout(fn(), SCENARIO_MS, name);
        passed++;
        console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ""}`);
      } catch (error) {
        failed++;
        console.log(
          `FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n     ${String(
            error && error.message ? error.message : error,
          )
            .split("\n")
            .join("\n     ")}`,
        );
      } finally {
        await Promise.all(context.pages().map((p) => p.close().catch(() => undefined)));
      }
    }
  } finally {
    clearTimeout(watchdog);
    await context?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!hasCjkFont()) console.log("note: no CJK font (fonts-wqy-zenhei), the Chinese screenshot was not taken");
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error && error.stack ? error.stack : error);
    console.log(`0 passed, ${scenarios.length} failed`);
    process.exit(1);
  },
);
