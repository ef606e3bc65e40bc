/**
 * Data-driven function cases: each file in test/cases/functions holds calls as Excel
 * makes them (2-D ranges, null blanks, text numbers, date serials) and the expected
 * cell value or error, in English Excel or, with "lang": "zh", in Chinese Excel (its messages
 * and labels). Adding a case is adding a JSON object.
 */
import "../../support/custom-functions-stub";
import * as fs from "fs";
import * as path from "path";
import { onDay } from "../../support/clock";
import { StubError } from "../../support/custom-functions-stub";
import { Lang } from "../../../src/engine/i18n";
import { setErrorLanguage } from "../../../src/functions/excel-errors";
import { CREDIT_FUNCTIONS, CreditFunctionId, setLabelLanguage } from "../../../src/functions/library";

interface Case {
  name: string;
  fn: CreditFunctionId;
  args: unknown[];
  /** Office's display language the call is made in: English when left out. */
  lang?: Lang;
  /** The day the call is made on (YYYY-MM-DD), what a date defaulting to today reads: TODAY when left out. */
  today?: string;
  expect?: unknown;
  close?: number;
  /** The cell must hold exactly this value (no float dust), not one within `close` digits. */
  exact?: boolean;
  error?: { code: string; includes?: string[] };
}

/** The day every call is made on unless its case says another: fixed, so no case depends on the day it runs. */
const TODAY = "2026-11-30";

const dir = path.join(__dirname, "../../cases/functions");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

function call(c: Case): unknown {
  setErrorLanguage(c.lang ?? "en");
  setLabelLanguage(c.lang ?? "en");
  try {
    return onDay(c.today ?? TODAY, () => CREDIT_FUNCTIONS[c.fn](...c.args));
  } catch (error) {
    return error;
  } finally {
    setErrorLanguage("en");
    setLabelLanguage("en");
  }
}

function expectClose(actual: unknown, expected: unknown, digits: number): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[];
    expect(rows).toHaveLength(expected.length);
    expected.forEach((e, i) => expectClose(rows[i], e, digits));
  } else if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(actual as number).toBeCloseTo(expected, digits);
  } else {
    expect(actual).toEqual(expected);
  }
}

test("there are case files", () => {
  expect(files.length).toBeGreaterThan(3);
});

for (const file of files) {
  const cases = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Case[];
  describe(file, () => {
    test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = call(c);
      if (c.error) {
        const error = Array.isArray(result) ? (result as unknown[][]).flat().find((v) => v instanceof StubError) : result;
        expect(error).toBeInstanceOf(StubError);
        expect((error as StubError).code).toBe(c.error.code);
        for (const part of c.error.includes ?? []) expect((error as StubError).message).toContain(part);
      } else {
        expect(result).not.toBeInstanceOf(Error);
        if (c.exact) expect(result).toEqual(c.expect);
        else expectClose(result, c.expect, c.close ?? 9);
      }
    });
  });
}
