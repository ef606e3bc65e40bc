/**
 * The task pane's page loads the engine code it shares with the custom functions once: the
 * pane's bundle takes it from functions.js (webpack's `dependOn`, see webpack.config.js), so
 * the functions' texts are in functions.js and not again in taskpane.js. Run after `npm run build`.
 */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { en } from "../../src/engine/i18n/en";

const DIST = resolve(__dirname, "../../dist");

function distFile(file: string): string {
  const full = join(DIST, file);
  if (!existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
  return readFileSync(full, "utf8");
}

// Texts the minifier writes as they are (no quotes or backslashes to escape, nothing outside
// ASCII) and long enough to be found only where the catalogue is (not ", " or "Current").
const PLAIN_TEXTS = Object.values(en).filter((text) => text.length >= 16 && /^[\x20-\x7e]+$/.test(text) && !/["'`\\]/.test(text));

describe("the task pane page's bundles", () => {
  test("taskpane.html loads functions.js, which holds webpack's runtime, before taskpane.js", () => {
    const scripts = [...distFile("taskpane.html").matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
    const ours = scripts.filter((src) => !/^https?:|^office-js\//.test(src));
    expect(ours.map((src) => src.split("?")[0])).toEqual(["functions.js", "taskpane.js"]);
    // Both asked for with one build's hash: a cached bundle of another build is never paired with this one's.
    const hashes = ours.map((src) => src.split("?")[1]);
    expect(hashes[0]).toMatch(/^[0-9a-f]{8,}$/);
    expect(hashes[1]).toBe(hashes[0]);
  });

  test("the functions' texts are in functions.js only, not carried again by taskpane.js", () => {
    const functions = distFile("functions.js");
    const pane = distFile("taskpane.js");
    expect(PLAIN_TEXTS.length).toBeGreaterThan(50);
    expect(PLAIN_TEXTS.filter((text) => !functions.includes(text))).toEqual([]);
    expect(PLAIN_TEXTS.filter((text) => pane.includes(text))).toEqual([]);
  });
});
