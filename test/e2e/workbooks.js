/*
 * Workbooks for the browser tests, read with exceljs into what Office.js would hand the add-in:
 * values from A1 (dates as serial numbers, formulas as their results, rich text as text,
 * "" for blank), number formats by address.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const MS_PER_DAY = 86_400_000;
/** exceljs gives dates as UTC midnight; Excel's serial 25569 is 1970-01-01. */
const serial = (date) => date.getTime() / MS_PER_DAY + 25569;

function plain(value) {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return serial(value);
  if (typeof value !== "object") return value;
  if ("richText" in value) return value.richText.map((p) => p.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) return plain(value.result);
  if ("text" in value) return plain(value.text);
  return "";
}

function sheetData(ws) {
  const values = [];
  const formats = {};
  const indented = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plain(cell.value);
      if (v === "") return;
      (values[r - 1] ??= [])[c - 1] = v;
      if (cell.numFmt && cell.numFmt !== "General") formats[cell.address] = cell.numFmt;
      if (cell.alignment?.indent) indented.push(cell.address);
    });
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    for (let c = 0; c < values[r].length; c++) if (values[r][c] === undefined) values[r][c] = "";
  }
  // The header and footer every page prints (Excel's codes, with their section's: "&CPage &P of &N").
  return { name: ws.name, values, formats, indented, headerFooter: ws.headerFooter ?? {} };
}

/** { active, sheets: [{ name, values, formats }] }: the seed of the test workbook. */
async function readWorkbook(ExcelJS, file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map(sheetData);
  return {
    active: sheets[0]?.name,
    sheets: sheets.map(({ name, values, formats }) => ({ name, values, numberFormats: formats })),
  };
}

/** The command line's review of the same file (same engine, same write plan, exceljs): the oracle. */
async function expectedWorkbook(ExcelJS, root, file, asOf, lang, tmp) {
  const out = path.join(tmp, `expected-${lang}.xlsx`);
  execFileSync(process.execPath, [path.join(root, "bin/credit-review.js"), file, "--as-of", asOf, "--lang", lang, "--out", out], {
    stdio: "pipe",
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { sheets: wb.worksheets.map(sheetData) };
}

module.exports = { readWorkbook, expectedWorkbook };
