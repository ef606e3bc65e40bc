/**
 * The reviewed copy opens on the summary: the workbook's first window has the summary as its
 * active tab and only the summary's tab is selected. It switches only from the customer sheet
 * (or stays on a summary already active), and never so that two sheets end up selected, which
 * opens Excel with the sheets grouped: from the ledger, from grouped sheets, or to a hidden
 * summary, every view stays as the user left it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { withActiveTab } from "../../../src/cli/package/book-views";
import { withTabSelected } from "../../../src/cli/package/layout-xml";
import { ZipReader } from "../../../src/cli/package/zip-reader";
import { ZipWriter } from "../../../src/cli/package/zip-writer";
import { runCli } from "../../support/cli";
import { partsOf, viewsOf } from "../../support/views";

const ROOT = path.resolve(__dirname, "../../..");
const SAMPLE = path.join(ROOT, "examples/customers.xlsx");
const LIBREOFFICE = path.join(ROOT, "test/cases/producers/libreoffice-calc.xlsx");
const OPENPYXL = path.join(ROOT, "test/cases/producers/openpyxl-chart-comments-table.xlsx");
const SUMMARY = "Credit Review Summary";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "credit-open-summary-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of `file` with parts changed (a change returning undefined adds nothing) and parts added. */
async function edited(
  file: string,
  name: string,
  changes: Record<string, (text: string) => string>,
  added: Record<string, string> = {},
) {
  const out = path.join(dir, `${name}.xlsx`);
  const texts = await partsOf(file);
  const zip = await ZipReader.open(file, file);
  const fd = fs.openSync(out, "w");
  try {
    const writer = new ZipWriter(fd);
    for (const entry of zip.entries.values()) {
      const change = changes[entry.name];
      if (change) await writer.add(entry.name, change(texts.get(entry.name)!));
      else await writer.copy(entry, await zip.rawStream(entry));
    }
    for (const [part, text] of Object.entries(added)) await writer.add(part, text);
    writer.finish();
  } finally {
    fs.closeSync(fd);
    zip.close();
  }
  return out;
}

async function review(input: string, name: string): Promise<string> {
  const out = path.join(dir, `${name}.reviewed.xlsx`);
  const { code, stderr } = await runCli(input, "--as-of", "2026-11-30", "--out", out);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return out;
}

const firstWindow = (workbook: string) =>
  /<(?:\w+:)?bookViews[\s\S]*?<\/(?:\w+:)?bookViews>|<(?:\w+:)?bookViews\/>/.exec(workbook)?.[0];

describe("the reviewed sample", () => {
  let reviewed: string;
  beforeAll(async () => {
    reviewed = await review(SAMPLE, "sample");
  });

  test("opens on the summary, its tab alone selected; its workbook had no window, so one is added before the sheets", async () => {
    const views = await viewsOf(reviewed);
    expect(views.tabs.slice(0, 3)).toEqual(["Customers", "Invoices", SUMMARY]);
    expect(views.active).toBe(SUMMARY);
    expect(views.selected).toEqual([SUMMARY]);
    // CT_Workbook: fileVersion, fileSharing, workbookPr, workbookProtection, bookViews, sheets.
    expect(views.workbook).toContain(
      '<workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><bookViews><workbookView activeTab="2"/></bookViews><sheets>',
    );
    // The customer sheet keeps its frozen header.
    expect(views.sheetViews.get("Customers")).toContain('state="frozen"');
  });

  test("reviewed again, it stays on the summary", async () => {
    const again = await review(reviewed, "sample-again");
    const views = await viewsOf(again);
    expect(views.active).toBe(SUMMARY);
    expect(views.selected).toEqual([SUMMARY]);
    expect(firstWindow(views.workbook)).toBe('<bookViews><workbookView activeTab="2"/></bookViews>');
  });

  test("LibreOffice opens it on the summary: saved again by LibreOffice, the summary is still the active tab", async () => {
    const out = path.join(dir, "libreoffice");
    execFileSync("soffice", ["--headless", "--calc", "--convert-to", "xlsx", "--outdir", out, reviewed], {
      stdio: "ignore",
      timeout: 180_000,
    });
    const saved = path.join(out, path.basename(reviewed));
    expect((await partsOf(saved)).get("docProps/app.xml")).toContain("<Application>LibreOffice");
    const views = await viewsOf(saved);
    expect(views.tabs[2]).toBe(SUMMARY);
    expect(views.active).toBe(SUMMARY);
    expect(views.selected).toEqual([SUMMARY]);
  }, 200_000);
});

describe("a workbook LibreOffice saved (its customer sheet active and selected)", () => {
  test("opens on the summary: the customer sheet's tab is no longer selected, every other setting of its view kept", async () => {
    const before = await viewsOf(LIBREOFFICE);
    expect(before.active).toBe("Customers");
    expect(before.selected).toEqual(["Customers"]);
    const views = await viewsOf(await review(LIBREOFFICE, "libreoffice"));
    expect(views.active).toBe(SUMMARY);
    expect(views.selected).toEqual([SUMMARY]);
    expect(firstWindow(views.workbook)).toBe(
      firstWindow(before.workbook)!.replace('firstSheet="0" activeTab="0"', 'firstSheet="0" activeTab="2"'),
    );
    const view = (xml: string) => /<sheetView [^>]*>/.exec(xml)![0];
    expect(view(views.sheetViews.get("Customers")!)).toBe(
      view(before.sheetViews.get("Customers")!).replace(' tabSelected="true"', ""),
    );
    expect(views.sheetViews.get("Invoices")).toBe(before.sheetViews.get("Invoices"));
  });

  test("with the ledger active, every view stays as it was", async () => {
    const input = await edited(LIBREOFFICE, "ledger-active", {
      "xl/workbook.xml": (xml) => xml.replace('activeTab="0"', 'activeTab="1"'),
      "xl/worksheets/sheet1.xml": (xml) => xml.replace('tabSelected="true"', 'tabSelected="false"'),
      "xl/worksheets/sheet2.xml": (xml) => xml.replace('tabSelected="false"', 'tabSelected="true"'),
    });
    const before = await viewsOf(input);
    expect(before.active).toBe("Invoices");
    const views = await viewsOf(await review(input, "ledger-active"));
    expect(firstWindow(views.workbook)).toBe(firstWindow(before.workbook));
    expect(views.active).toBe("Invoices");
    expect(views.selected).toEqual(["Invoices"]);
    expect(/<sheetView [^>]*>/.exec(views.sheetViews.get("Customers")!)![0]).toBe(
      /<sheetView [^>]*>/.exec(before.sheetViews.get("Customers")!)![0],
    );
  });

  test("with the customer sheet grouped with the ledger (both tabs selected), every view stays as it was", async () => {
    const input = await edited(LIBREOFFICE, "grouped", {
      "xl/worksheets/sheet2.xml": (xml) => xml.replace('tabSelected="false"', 'tabSelected="true"'),
    });
    const before = await viewsOf(input);
    expect(before.selected).toEqual(["Customers", "Invoices"]);
    const views = await viewsOf(await review(input, "grouped"));
    expect(firstWindow(views.workbook)).toBe(firstWindow(before.workbook));
    expect(views.active).toBe("Customers");
    expect(views.selected).toEqual(["Customers", "Invoices"]);
  });

  test("the active tab counts chart sheets; a chart sheet's selected tab groups it too", async () => {
    const chartsheet = (selected: boolean) =>
      `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews></chartsheet>`;
    const withChartSheet = (name: string, selected: boolean) =>
      edited(
        LIBREOFFICE,
        name,
        {
          "xl/workbook.xml": (xml) =>
            xml
              .replace("<sheets>", '<sheets><sheet name="Chart1" sheetId="9" state="visible" r:id="rId90"/>')
              .replace('activeTab="0"', 'activeTab="1"'),
          "xl/_rels/workbook.xml.rels": (xml) =>
            xml.replace(
              "</Relationships>",
              `<Relationship Id="rId90" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
            ),
          "[Content_Types].xml": (xml) =>
            xml.replace(
              "</Types>",
              '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
            ),
        },
        { "xl/chartsheets/sheet1.xml": chartsheet(selected) },
      );
    const views = await viewsOf(await review(await withChartSheet("chart-sheet", false), "chart-sheet"));
    expect(views.tabs.slice(0, 4)).toEqual(["Chart1", "Customers", "Invoices", SUMMARY]);
    expect(views.workbook).toMatch(/<workbookView [^>]*firstSheet="0" activeTab="3"\/>/);
    expect(views.selected).toEqual([SUMMARY]);

    const grouped = await withChartSheet("chart-sheet-grouped", true);
    const groupedViews = await viewsOf(await review(grouped, "chart-sheet-grouped"));
    expect(groupedViews.workbook).toMatch(/<workbookView [^>]*firstSheet="0" activeTab="1"\/>/);
    expect(groupedViews.active).toBe("Customers");
  });
});

test("a workbook openpyxl wrote, its window taken out: one is added after workbookPr and workbookProtection, before the sheets", async () => {
  const input = await edited(OPENPYXL, "no-window", {
    "xl/workbook.xml": (xml) => xml.replace(/<bookViews>[\s\S]*?<\/bookViews>/, ""),
  });
  const before = (await partsOf(input)).get("xl/workbook.xml")!;
  expect(before).not.toContain("bookViews");
  const views = await viewsOf(await review(input, "no-window"));
  expect(views.active).toBe(SUMMARY);
  expect(views.selected).toEqual([SUMMARY]);
  expect(views.workbook).toMatch(
    /<workbookPr\/><workbookProtection\/><bookViews><workbookView activeTab="2"\/><\/bookViews><sheets>/,
  );
});

describe("a reviewed copy sent on", () => {
  let reviewed: string;
  beforeAll(async () => {
    reviewed = await review(LIBREOFFICE, "sent-on");
  });

  test("its first tab shown past the summary: lowered to it when the copy switches from the customer sheet", async () => {
    const input = await edited(reviewed, "first-sheet", {
      "xl/workbook.xml": (xml) => xml.replace('firstSheet="0" activeTab="2"', 'firstSheet="4" activeTab="0"'),
    });
    expect((await viewsOf(input)).active).toBe("Customers");
    const views = await viewsOf(await review(input, "first-sheet"));
    expect(views.workbook).toMatch(/<workbookView [^>]*firstSheet="2" activeTab="2"\/>/);
    expect(views.selected).toEqual([SUMMARY]);
  });

  test("with its summary hidden, the copy stays on the customer sheet", async () => {
    const input = await edited(reviewed, "hidden-summary", {
      "xl/workbook.xml": (xml) =>
        xml
          .replace('firstSheet="0" activeTab="2"', 'firstSheet="0" activeTab="0"')
          .replace(/(<sheet name="Credit Review Summary" sheetId="\d+") /, '$1 state="hidden" '),
    });
    const before = await viewsOf(input);
    expect(before.workbook).toContain('state="hidden"');
    const views = await viewsOf(await review(input, "hidden-summary"));
    expect(firstWindow(views.workbook)).toBe(firstWindow(before.workbook));
    expect(views.active).toBe("Customers");
    expect(views.selected).toEqual([]);
  });
});

test("a sheet whose views do not end within the look's limit is taken as selected: every view stays as it was", async () => {
  // The ledger's view selects 200,000 cells one by one: its views run on past the first MiB.
  const cells = Array.from({ length: 200_000 }, (_, i) => `A${2 * i + 1}`).join(" ");
  const input = await edited(LIBREOFFICE, "long-views", {
    "xl/worksheets/sheet2.xml": (xml) => xml.replace('activeCellId="0" sqref="A1"', `activeCellId="0" sqref="${cells}"`),
  });
  const before = await viewsOf(input);
  expect(before.sheetViews.get("Invoices")!.length).toBeGreaterThan(1024 * 1024);
  expect(before.selected).toEqual(["Customers"]);
  const views = await viewsOf(await review(input, "long-views"));
  expect(firstWindow(views.workbook)).toBe(firstWindow(before.workbook));
  expect(views.selected).toEqual(["Customers"]);
});

test("looking for a sheet's views inflates the start of its part only, whatever its size", async () => {
  const file = path.join(dir, "big-part.zip");
  const row = `<row r="1"><c r="A1"><v>1</v></c></row>`;
  const fd = fs.openSync(file, "w");
  try {
    const writer = new ZipWriter(fd);
    await writer.add("sheet.xml", [
      "<worksheet><sheetViews/><sheetData>",
      ...Array.from({ length: 500_000 }, () => row),
      "</sheetData></worksheet>",
    ]);
    writer.finish();
  } finally {
    fs.closeSync(fd);
  }
  const zip = await ZipReader.open(file, file);
  try {
    const entry = zip.entry("sheet.xml")!;
    expect(entry.uncompressedSize).toBeGreaterThan(18 * 1024 * 1024);
    let seen = 0;
    await zip.peekHead(entry, 1024 * 1024, (chunk) => {
      seen += chunk.length;
    });
    expect(seen).toBeGreaterThanOrEqual(1024 * 1024);
    expect(seen).toBeLessThan(3 * 1024 * 1024);
    let chunks = 0;
    await zip.peekHead(entry, 1024 * 1024, () => {
      chunks++;
      return false;
    });
    expect(chunks).toBe(1);
  } finally {
    zip.close();
  }
});

describe("the XML edits", () => {
  test.each([
    [
      "a window's other attributes kept",
      '<workbook><bookViews><workbookView xWindow="0" activeTab="1" tabRatio="600"/></bookViews><sheets/></workbook>',
      3,
      '<workbook><bookViews><workbookView xWindow="0" activeTab="3" tabRatio="600"/></bookViews><sheets/></workbook>',
    ],
    [
      "activeTab added where not said",
      '<workbook><bookViews><workbookView firstSheet="5"/></bookViews><sheets/></workbook>',
      2,
      '<workbook><bookViews><workbookView firstSheet="2" activeTab="2"/></bookViews><sheets/></workbook>',
    ],
    [
      "only the first window",
      '<workbook><bookViews><workbookView activeTab="0"/><workbookView activeTab="1"/></bookViews><sheets/></workbook>',
      2,
      '<workbook><bookViews><workbookView activeTab="2"/><workbookView activeTab="1"/></bookViews><sheets/></workbook>',
    ],
    [
      "already there: unchanged",
      '<workbook><bookViews><workbookView activeTab="2"/></bookViews><sheets/></workbook>',
      2,
      '<workbook><bookViews><workbookView activeTab="2"/></bookViews><sheets/></workbook>',
    ],
    [
      "an empty bookViews given a window",
      "<x:workbook><x:bookViews/><x:sheets/></x:workbook>",
      1,
      '<x:workbook><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets/></x:workbook>',
    ],
    [
      "added after Excel's revision markers, before the sheets",
      "<x:workbook><x:workbookPr/><mc:AlternateContent/><xr:revisionPtr/><x:sheets/></x:workbook>",
      1,
      '<x:workbook><x:workbookPr/><mc:AlternateContent/><xr:revisionPtr/><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets/></x:workbook>',
    ],
  ])("withActiveTab: %s", (_name, xml, index, expected) => {
    expect(withActiveTab(xml, index)).toBe(expected);
  });

  test.each([
    [
      "selected",
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
      true,
      '<sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews>',
    ],
    [
      "unselected, the rest kept",
      '<sheetViews><sheetView tabSelected="true" zoomScale="90" workbookViewId="0"><pane ySplit="3"/></sheetView></sheetViews>',
      false,
      '<sheetViews><sheetView zoomScale="90" workbookViewId="0"><pane ySplit="3"/></sheetView></sheetViews>',
    ],
    [
      "another window's view kept",
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/><sheetView tabSelected="1" workbookViewId="1"/></sheetViews>',
      false,
      '<sheetViews><sheetView workbookViewId="0"/><sheetView tabSelected="1" workbookViewId="1"/></sheetViews>',
    ],
    [
      "not selected: unchanged",
      '<x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>',
      false,
      '<x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews>',
    ],
  ])("withTabSelected: %s", (_name, xml, selected, expected) => {
    expect(withTabSelected(xml, selected)).toBe(expected);
  });
});
