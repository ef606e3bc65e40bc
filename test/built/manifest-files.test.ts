/**
 * Every file manifest.xml points at is in dist/ after `npm run build`, and the build copies
 * the manifest itself (its other checks, offline: test/unit/manifest.test.ts).
 */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const DEV_URL = "https://localhost:3000/";

test("files the manifest points at are in dist/ after the build", () => {
  if (!existsSync(DIST))
    throw new Error(`dist/ is missing (${DIST}). Run \`npm run build\` first; \`npm test\` builds before jest.`);
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const files = new Set(
    [...xml.matchAll(/="([^"]*)"/g)]
      .map((m) => m[1])
      .filter((v) => v.startsWith(DEV_URL))
      .map((v) => v.slice(DEV_URL.length)),
  );
  for (const needed of [
    "functions.js",
    "taskpane.html",
    "functions.json",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-80.png",
  ]) {
    expect(files).toContain(needed);
  }
  const missing = [...files].filter((f) => !existsSync(join(DIST, f)));
  expect(missing).toEqual([]);
  expect(existsSync(join(DIST, "manifest.xml"))).toBe(true);
});
