/**
 * Every engine, function and command-line module's exports stay an ordinary object with fast properties.
 * Compiled to CommonJS (the command line, the benchmarks, these tests), a module that
 * re-exports an imported value first sets that export to undefined and then redefines it as a
 * getter; V8 answers by turning the whole exports object into a hash table, and every read of
 * one of its constants in a hot loop becomes a lookup that the optimiser cannot fold away:
 * re-exporting two z-models values from policy.ts made a spilled CREDIT.SCORE, which reads
 * FACTORS, MIN_FACTOR and MAX_FACTOR for every cell, three times slower. A module that needs
 * such a value imports it from the module that declares it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as v8 from "node:v8";
import "../../support/custom-functions-stub";

const SOURCES = path.resolve(__dirname, "../../../src");
const CHECKED_FOLDERS = ["engine", "functions", "cli"];

/** V8's own answer, read once through its natives syntax (switched on only while compiling the probe). */
function fastPropertiesProbe(): (value: object) => boolean {
  v8.setFlagsFromString("--allow-natives-syntax");
  try {
    return new Function("value", "return %HasFastProperties(value)") as (value: object) => boolean;
  } finally {
    v8.setFlagsFromString("--no-allow-natives-syntax");
  }
}
const hasFastProperties = fastPropertiesProbe();

function modulesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return modulesUnder(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const MODULES = CHECKED_FOLDERS.flatMap((folder) => modulesUnder(path.join(SOURCES, folder)));

test("the probe tells a re-exporting module's exports from an ordinary one's", () => {
  const ordinary: Record<string, unknown> = {};
  ordinary.MIN = 1;
  ordinary.MAX = 5;
  // What tsc emits for `export { MIN } from "./other"` next to a local export.
  const reExporting: Record<string, unknown> = {};
  reExporting.MIN = reExporting.MAX = undefined;
  Object.defineProperty(reExporting, "MIN", { enumerable: true, get: () => 1 });
  reExporting.MAX = 5;
  expect(hasFastProperties(ordinary)).toBe(true);
  expect(hasFastProperties(reExporting)).toBe(false);
});

test("the engine and the functions are all checked", () => {
  const names = MODULES.map((file) => path.relative(SOURCES, file).split(path.sep).join("/"));
  expect(names).toEqual(
    expect.arrayContaining(["engine/policy.ts", "engine/score.ts", "engine/zscore.ts", "functions/library.ts"]),
  );
});

test.each(MODULES.map((file) => [path.relative(SOURCES, file), file]))("%s keeps fast exports", (_name, file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(file) as object;
  expect(hasFastProperties(exported)).toBe(true);
});
