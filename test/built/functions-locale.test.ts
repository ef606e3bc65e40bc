/**
 * The built Chinese function metadata (dist/functions.zh-CN.json, written by the build from
 * src/functions/locales/zh-CN.json) against the built English one (dist/functions.json).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const DIST = path.resolve(__dirname, "../../dist");

function read(file: string) {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run npm run build first (npm test does)`);
  return JSON.parse(fs.readFileSync(full, "utf8"));
}

describe("dist/functions.zh-CN.json", () => {
  test("has the same ids, names and parameter lists as dist/functions.json, every text in Chinese", () => {
    const english = read("functions.json");
    const chinese = read("functions.zh-CN.json");
    const shape = (m: { functions: { id: string; name: string; parameters: { type: string; optional?: boolean }[] }[] }) =>
      m.functions.map((f) => ({ id: f.id, name: f.name, parameters: f.parameters.map((p) => [p.type, Boolean(p.optional)]) }));
    expect(shape(chinese)).toEqual(shape(english));
    for (const fn of chinese.functions) {
      expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of fn.parameters) expect(`${p.name} ${p.description}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
