/**
 * The BUILT dist/functions.js as Excel runs it: loaded in a fresh context holding only a
 * stub CustomFunctions runtime (no Office global), registering itself through the
 * CustomFunctions.associate calls the metadata plugin appended, and called the way Excel
 * calls: every declared parameter passed, omitted optionals and blank cells as null,
 * ranges as 2-D arrays, dates as serial numbers. Run after `npm run build`.
 */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import * as vm from "vm";
import { ERROR_CODES, StubError } from "../support/custom-functions-stub";
import { CREDIT_FUNCTIONS } from "../../src/functions/library";
import { en } from "../../src/engine/i18n/en";
import { reportEn } from "../../src/engine/i18n/report-en";
import { cliEn } from "../../src/engine/i18n/cli-en";
import { uiEn } from "../../src/engine/i18n/ui-en";

const DIST = resolve(__dirname, "../../dist");
const BUNDLE = join(DIST, "functions.js");
const METADATA = join(DIST, "functions.json");

const ErrorCode = ERROR_CODES;

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; description?: string; optional?: boolean }>;
}

type CustomFunction = (...args: unknown[]) => unknown;

function requireDist(): void {
  for (const file of [BUNDLE, METADATA]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
    }
  }
}

requireDist();
const metadata: FunctionMetadata[] = JSON.parse(readFileSync(METADATA, "utf8")).functions;
const byId = new Map(metadata.map((f) => [f.id, f]));

/** Every associate call, in order: [id, function]. */
const associations: Array<[string, CustomFunction]> = [];
const sandbox: Record<string, unknown> = {
  CustomFunctions: {
    associate(id: string, fn: CustomFunction) {
      associations.push([id, fn]);
    },
    Error: StubError,
    ErrorCode,
  },
  console,
  setTimeout,
  clearTimeout,
};
// No `self`: Excel may run the functions without a page (its runtime finds its chunks on globalThis).
sandbox.window = sandbox;
sandbox.globalThis = sandbox;
vm.createContext(sandbox);
vm.runInContext(readFileSync(BUNDLE, "utf8"), sandbox, { filename: BUNDLE });
const registered = new Map(associations);
const called = new Set<string>();

/** Calls a function as Excel does: all declared parameters, omitted trailing ones as null. Results come back as plain JSON. */
function callAsExcel(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  const meta = byId.get(id);
  if (!fn || !meta) throw new Error(`${id} is not registered`);
  if (args.length > meta.parameters.length) throw new Error(`${id} takes ${meta.parameters.length} parameters`);
  called.add(id);
  const padded = [...args, ...Array(meta.parameters.length - args.length).fill(null)];
  const result = fn(...padded);
  if (result instanceof StubError) return result;
  return JSON.parse(JSON.stringify(result)); // plain values of this realm, out of the vm's
}

/** Excel serial (1900 system) ↔ UTC date, for the date arithmetic below. */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - EPOCH) / DAY;
function addMonths(serial: number, months: number): number {
  const date = new Date(EPOCH + serial * DAY);
  date.setUTCMonth(date.getUTCMonth() + months);
  return (date.getTime() - EPOCH) / DAY;
}

describe("dist/functions.js and dist/functions.json", () => {
  test("functions.json declares exactly the library's functions", () => {
    expect(metadata.map((f) => f.id)).toEqual(Object.keys(CREDIT_FUNCTIONS));
    for (const f of metadata) expect(f.name).toBe(f.id);
  });

  test("every function and every parameter has a description", () => {
    for (const f of metadata) {
      expect({ id: f.id, description: (f.description ?? "").length > 0 }).toEqual({ id: f.id, description: true });
      for (const p of f.parameters) {
        expect({ id: f.id, parameter: p.name, described: (p.description ?? "").length > 0 }).toEqual({
          id: f.id,
          parameter: p.name,
          described: true,
        });
      }
    }
  });

  test("the bundle associates every id exactly once and nothing else", () => {
    const ids = associations.map(([id]) => id);
    expect([...ids].sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, fn] of associations) expect(typeof fn).toBe("function");
  });

  test("the bundle needs no Office global", () => {
    expect(sandbox.Office).toBeUndefined();
  });

  describe("each function called once as Excel would", () => {
    test("SCORE: Σ weight × factor with weights .30 .25 .20 .15 .10", () => {
      const expected = 0.3 * 1 + 0.25 * 2 + 0.2 * 3 + 0.15 * 4 + 0.1 * 5; // 2.5
      const result = callAsExcel("SCORE", [[1, 2, 3, 4, 5]]) as number[][];
      expect(result).toHaveLength(1);
      expect(result[0]).toHaveLength(1);
      expect(result[0][0]).toBeCloseTo(expected, 10);
      expect(result[0][0]).toBeCloseTo(2.5, 10);
    });

    test("GRADE", () => {
      expect(callAsExcel("GRADE", 2.5)).toBe("medium");
    });

    test("ZSCORE: public model", () => {
      const [wc, re, ebit, equity, sales, ta, tl] = [100, 200, 50, 300, 1000, 1000, 500];
      const expected = (1.2 * wc) / ta + (1.4 * re) / ta + (3.3 * ebit) / ta + (0.6 * equity) / tl + (1.0 * sales) / ta; // 1.925
      expect(callAsExcel("ZSCORE", wc, re, ebit, equity, sales, ta, tl, "public") as number).toBeCloseTo(expected, 10);
    });

    test("ZSCORE: totalAssets 0 is #VALUE! naming totalAssets", () => {
      let outcome: unknown;
      try {
        outcome = callAsExcel("ZSCORE", 100, 200, 50, 300, 1000, 0, 500);
      } catch (thrown) {
        outcome = thrown;
      }
      expect(outcome).toBeInstanceOf(StubError);
      expect((outcome as StubError).code).toBe("#VALUE!");
      expect((outcome as StubError).message).toContain("totalAssets");
    });

    test("ZONE", () => {
      expect(callAsExcel("ZONE", 3, "public")).toBe("safe");
    });

    test("AGING: age 0 is Current, age 100 is 91+, blank rows skipped", () => {
      const asOf = 46000;
      expect(callAsExcel("AGING", [[100], [200], [null]], [[asOf], [asOf - 100], [null]], asOf)).toEqual([[100, 0, 0, 0, 200]]);
    });

    test("AGINGLABELS", () => {
      expect(callAsExcel("AGINGLABELS")).toEqual([["Current", "1–30", "31–60", "61–90", "91+"]]);
    });

    test("ratios", () => {
      expect(callAsExcel("CURRENTRATIO", 200, 100) as number).toBeCloseTo(2, 12);
      expect(callAsExcel("QUICKRATIO", 200, 50, 100) as number).toBeCloseTo(1.5, 12);
      expect(callAsExcel("DEBTRATIO", 70, 100) as number).toBeCloseTo(0.7, 12);
      expect(callAsExcel("COVERAGE", 30, 20) as number).toBeCloseTo(1.5, 12);
      expect(callAsExcel("DSO", 100, 1000) as number).toBeCloseTo((100 / 1000) * 365, 12);
    });

    test("LIMIT: low risk without warnings gets ×1.1", () => {
      expect(callAsExcel("LIMIT", 1000, 2, false) as number).toBeCloseTo(1100, 9);
    });

    test("NEXTREVIEW: high risk is reviewed one month later", () => {
      expect(serialOf(2025, 12, 9)).toBe(46000);
      const expected = addMonths(46000, 1);
      expect(expected).toBe(serialOf(2026, 1, 9));
      expect(expected).toBe(46031);
      expect(callAsExcel("NEXTREVIEW", 4, 46000)).toBe(expected);
    });

    test("every registered function was called above", () => {
      // Runs last in this file: a function added to the bundle must get a call above.
      expect([...called].sort()).toEqual([...registered.keys()].sort());
    });
  });
});

test("the bundle carries the texts the functions say, and none of the review's, the command line's or the pane's", () => {
  const bundle = readFileSync(BUNDLE, "utf8");
  const carried = (keys: readonly string[]) => keys.filter((key) => bundle.includes(`"${key}"`));
  // Every key of the shared catalogue is there (an error of any function is said in either language)...
  expect(carried(Object.keys(en))).toEqual(Object.keys(en));
  // ...and none of the others: the functions' bundle loads fast because it is small.
  expect(carried([...Object.keys(reportEn), ...Object.keys(cliEn), ...Object.keys(uiEn)])).toEqual([]);
});
