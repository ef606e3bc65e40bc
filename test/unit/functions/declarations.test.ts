/**
 * One declaration per custom function. The JSDoc of src/functions/functions.ts is the source of
 * what Excel shows: ids, parameter names and order, which ones may be left out, and the help
 * texts (custom-functions-metadata-plugin turns it into functions.json at build time). It is
 * parsed here with the plugin's own parser, no build needed, and everything else that names a
 * function, a parameter or a default is checked against it: the parameter table each function
 * reads its arguments with, the wrappers' forwarding, the Chinese texts, README's function
 * table, and the policy figures the help texts quote.
 */
import "../../support/custom-functions-stub";
import * as fs from "node:fs";
import * as path from "node:path";
import { bucketLabels } from "../../../src/engine/aging";
import { Lang, message } from "../../../src/engine/i18n";
import { DEFAULT_POLICY, FACTORS, GRADES } from "../../../src/engine/policy";
import { Z_MODEL_NAMES } from "../../../src/engine/z-models";
import { Z_ZONES } from "../../../src/engine/zscore";
import * as wrappers from "../../../src/functions/functions";
import { CREDIT_FUNCTIONS, CreditFunctionId } from "../../../src/functions/library";
import { DefaultValue, NONE, TODAY } from "../../../src/functions/params";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../../scripts/functions-locale");

const ROOT = path.resolve(__dirname, "../../..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");

interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
}
interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
}
interface ParseResult {
  readonly functions: FunctionMetadata[];
  readonly associate: { readonly functionName: string; readonly id: string }[];
  readonly extras: { readonly errors: string[] }[];
}

/** The metadata parser the build uses: the one custom-functions-metadata-plugin depends on. */
function parseJsDoc(): ParseResult {
  const plugin = require.resolve("custom-functions-metadata-plugin");
  const parser = require.resolve("custom-functions-metadata", { paths: [path.dirname(plugin)] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseTree } = require(parser) as { parseTree(code: string, file: string): ParseResult };
  return parseTree(fs.readFileSync(SOURCE, "utf8"), path.basename(SOURCE));
}

const parsed = parseJsDoc();
const metadata = parsed.functions;
const ids = metadata.map((f) => f.id as CreditFunctionId);
const zhTexts = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/locales/zh-CN.json"), "utf8")) as Record<
  string,
  { description: string; parameters: Record<string, [string, string]> }
>;
const localized = localizeMetadata({ functions: metadata }, zhTexts) as {
  metadata: { functions: FunctionMetadata[] };
  problems: string[];
};
const chinese = new Map(localized.metadata.functions.map((f) => [f.id, f]));
const english = new Map(metadata.map((f) => [f.id, f]));

test("the JSDoc parses without errors and declares the library's functions, in its order", () => {
  expect(parsed.extras.flatMap((e) => e.errors)).toEqual([]);
  expect(ids).toEqual(Object.keys(CREDIT_FUNCTIONS));
  for (const f of metadata) expect(f.name).toBe(f.id);
});

describe.each(ids)("%s", (id) => {
  const declared = english.get(id)!;
  const table = CREDIT_FUNCTIONS[id].params;

  test("the parameter table has the JSDoc's parameters: same names, order and optional ones", () => {
    expect(table.map((p) => ({ name: p.name, optional: p.optional }))).toEqual(
      declared.parameters.map((p) => ({ name: p.name, optional: Boolean(p.optional) })),
    );
  });

  test("the wrapper Excel calls forwards every argument, in order, to the library", () => {
    const { functionName } = parsed.associate.find((a) => a.id === id)!;
    const wrapper = (wrappers as unknown as Record<string, (...args: unknown[]) => unknown>)[functionName];
    expect(typeof wrapper).toBe("function");
    const library = jest.spyOn(CREDIT_FUNCTIONS as Record<string, (...args: unknown[]) => unknown>, id);
    try {
      library.mockImplementation(() => "forwarded");
      const args = declared.parameters.map((p) => `argument ${p.name}`);
      expect(wrapper(...args)).toBe("forwarded");
      expect(library.mock.calls).toEqual([args]);
    } finally {
      library.mockRestore();
    }
  });
});

const optionalParams = ids.flatMap((id) =>
  CREDIT_FUNCTIONS[id].params.flatMap((param, index) =>
    param.optional ? [[`${id} ${param.name}`, id, param, index] as const] : [],
  ),
);

test.each(optionalParams)("%s: its help states the table's default, in both languages", (_name, id, param, index) => {
  expect(param.defaultValue).toBeDefined();
  expect(english.get(id)!.parameters[index].description).toContain(`Default ${shown(param.defaultValue!, "en")}.`);
  expect(chinese.get(id)!.parameters[index].description).toMatch(
    new RegExp(`默认 ?${escape(shown(param.defaultValue!, "zh"))}。`),
  );
});

/** A default as the help texts write it: Excel's TRUE/FALSE, weights as percents, other lists as an array constant. */
function shown(value: DefaultValue, lang: Lang): string {
  if (value === TODAY) return lang === "zh" ? "今天" : "today";
  if (value === NONE) return lang === "zh" ? "无" : "none";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (value.every((v) => v < 1)) return value.map((v) => `${Math.round(v * 1000) / 10}%`).join(lang === "zh" ? "、" : ", ");
  return `{${value.join(",")}}`;
}

/**
 * CREDIT.NEXTREVIEW refuses a date argument more than a century from the date it goes with
 * (checkDateNear): asOf against today, newsDate against asOf. Its help says so, naming that date
 * as each language's help names it.
 */
test.each([
  ["asOf", undefined],
  ["newsDate", "asOf"],
] as const)("NEXTREVIEW %s: its help says how far from its reference date it may be, in both languages", (param, reference) => {
  const index = english.get("NEXTREVIEW")!.parameters.findIndex((p) => p.name === param);
  const zhReference = reference === undefined ? "今天" : zhTexts.NEXTREVIEW.parameters[reference][0];
  expect(english.get("NEXTREVIEW")!.parameters[index].description).toContain(`within a century of ${reference ?? "today"}.`);
  expect(chinese.get("NEXTREVIEW")!.parameters[index].description).toContain(`须在${zhReference}前后一百年内。`);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the Chinese texts (src/functions/locales/zh-CN.json)", () => {
  test("translate exactly the JSDoc's functions and parameters", () => {
    expect(localized.problems).toEqual([]);
  });

  test("name a parameter as Chinese Excel shows it, never by its English id", () => {
    for (const id of ids) {
      const texts = [chinese.get(id)!.description, ...chinese.get(id)!.parameters.map((p) => p.description)].join("\n");
      for (const param of english.get(id)!.parameters)
        expect({ id, text: texts }).not.toEqual({
          id,
          text: expect.stringMatching(new RegExp(`(?<![A-Za-z])${param.name}(?![A-Za-z])`)),
        });
    }
  });

  test("a model's help lists every model name the function accepts, in English and in Chinese", () => {
    const withModel = ids.filter((id) => english.get(id)!.parameters.some((p) => p.name === "model"));
    expect(withModel.length).toBeGreaterThan(1);
    for (const id of withModel) {
      const index = english.get(id)!.parameters.findIndex((p) => p.name === "model");
      const [en, zh] = [english.get(id)!, chinese.get(id)!].map((f) => f.parameters[index].description);
      for (const name of Object.values(Z_MODEL_NAMES.en))
        expect({ id, help: en }).toEqual({ id, help: expect.stringContaining(name) });
      for (const name of [...Object.values(Z_MODEL_NAMES.en), ...Object.values(Z_MODEL_NAMES.zh)])
        expect({ id, help: zh }).toEqual({ id, help: expect.stringContaining(name) });
    }
  });

  test("are Chinese, with a Chinese name for every parameter", () => {
    for (const f of localized.metadata.functions) {
      expect({ id: f.id, description: f.description }).toEqual({
        id: f.id,
        description: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      for (const p of f.parameters)
        expect({ id: f.id, name: p.name }).toEqual({ id: f.id, name: expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
  });
});

describe("README's function table", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `(CREDIT\.\w+\([^)]*\))` \| (.*) \|$/gm)];
  const rowOf = (id: string) => rows.find((r) => r[1].startsWith(`CREDIT.${id}(`))?.[2] ?? "";

  test("maps the grade and zone codes to the words a Chinese review writes, as the review writes them", () => {
    const pairs = (codes: readonly string[], key: (code: string) => string) =>
      codes.map((code) => `"${code}","${message("zh", key(code) as never)}"`).join(",");
    expect(readme).toContain(`=SWITCH(CREDIT.GRADE(W4),${pairs(GRADES, (g) => `grade.${g}`)})=AC4`);
    expect(readme).toContain(`\`${pairs(Z_ZONES, (z) => `zone.${z}`)}\``);
  });

  test("lists every function once, in the JSDoc's order, with its parameters as Excel shows them", () => {
    const signature = (f: FunctionMetadata) =>
      `CREDIT.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    expect(rows.map((r) => r[1])).toEqual(metadata.map(signature));
  });

  test.each(policyFacts())("%s in the %s states the default policy's figures: %s", (id, where, phrase) => {
    const text =
      where === "JSDoc" ? english.get(id)!.description : where === "Chinese help" ? chinese.get(id)!.description : rowOf(id);
    expect(text).toContain(phrase);
  });
});

/** The policy figures each function's help quotes, written from DEFAULT_POLICY the way each text phrases them. */
function policyFacts(): [CreditFunctionId, "JSDoc" | "Chinese help" | "README", string][] {
  const p = DEFAULT_POLICY;
  const times = (x: number) => `×${x.toFixed(1)}`;
  const months = (n: number) => `${n} month${n === 1 ? "" : "s"}`;
  const factorNames = (lang: Lang) => FACTORS.map((f) => message(lang, `factor.${f}` as never));
  const percent = (w: number) => `${Math.round(w * 100)}%`;
  const [en, zh] = [bucketLabels(p.agingEdges, "en"), bucketLabels(p.agingEdges, "zh")];
  const dsoDays = String(CREDIT_FUNCTIONS.DSO.params.find((param) => param.name === "days")!.defaultValue);
  return [
    ["SCORE", "JSDoc", factorNames("en").join(", ")],
    ["SCORE", "Chinese help", factorNames("zh").join("、")],
    [
      "SCORE",
      "README",
      factorNames("en")
        .map((name, i) => `${name} ${percent(p.weights[i])}`)
        .join(", "),
    ],
    ["GRADE", "README", `(bands ${p.mediumFrom} and ${p.highFrom} by default)`],
    ["AGING", "JSDoc", `(${en.join(", ")} by default)`],
    ["AGING", "Chinese help", `（默认 ${zh.join("、")}）`],
    ["AGING", "README", `${en.join(", ")} by default`],
    ["DSO", "README", `\`days\` (${dsoDays})`],
    [
      "LIMIT",
      "JSDoc",
      `${times(p.limitHigh)} for high risk, ${times(p.limitMedium)} for medium, ` +
        `${times(p.limitLowNoWarning)} for low risk without warnings (${times(p.limitLow)} with)`,
    ],
    [
      "LIMIT",
      "Chinese help",
      `高风险 ${times(p.limitHigh)}，中风险 ${times(p.limitMedium)}，无预警的低风险 ${times(p.limitLowNoWarning)}（有预警 ${times(p.limitLow)}）`,
    ],
    [
      "LIMIT",
      "README",
      `${times(p.limitHigh)} high, ${times(p.limitMedium)} medium, ${times(p.limitLowNoWarning)} low without warnings (${times(p.limitLow)} with)`,
    ],
    [
      "NEXTREVIEW",
      "JSDoc",
      `${months(p.monitorHighMonths)} after asOf for high risk, ${months(p.monitorOtherMonths)} for medium and low;`,
    ],
    ["NEXTREVIEW", "Chinese help", `高风险在审查日期后 ${p.monitorHighMonths} 个月，中、低风险 ${p.monitorOtherMonths} 个月`],
    ["NEXTREVIEW", "JSDoc", `its score up more than ${p.scoreRise} point${p.scoreRise === 1 ? "" : "s"} since previousScore`],
    ["NEXTREVIEW", "Chinese help", `评分较上期上升超过 ${p.scoreRise} 分`],
    ["NEXTREVIEW", "JSDoc", `negative news within the last ${months(p.newsMonths).replace(/^1 /, "")}`],
    ["NEXTREVIEW", "Chinese help", `近${p.newsMonths === 1 ? "一" : ` ${p.newsMonths} `}个月内有负面新闻`],
    ["NEXTREVIEW", "README", `+${months(p.monitorHighMonths)} for high risk, +${months(p.monitorOtherMonths)} otherwise`],
  ];
}
