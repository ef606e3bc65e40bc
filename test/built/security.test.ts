/**
 * What SECURITY.md promises of the build, checked on dist/ as `npm run build` leaves it: the
 * task pane's Content-Security-Policy (and the source page carrying the same), no dynamic code
 * or network calls of their own in the bundles, and ReadWriteDocument as the built manifest's
 * only permission. (The sources' side: test/unit/hostile/security.test.ts.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
  return fs.readFileSync(file, "utf8");
}

// ---- Content-Security-Policy -----------------------------------------------------------

function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).filter((m) => /content-security-policy/i.test(m));
  expect(metas).toHaveLength(1);
  const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0]) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(metas[0]);
  expect(content).not.toBeNull();
  const directives = new Map<string, string[]>();
  for (const part of content![1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe("dist/taskpane.html Content-Security-Policy", () => {
  const html = distFile("taskpane.html");
  const csp = cspOf(html);

  test("default-src is 'self' only", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  test("scripts only from this site and Office's CDN, never eval or inline", () => {
    const scripts = csp.get("script-src")!;
    expect(scripts).toContain("'self'");
    expect(scripts.filter((s) => s !== "'self'" && s !== OFFICE_CDN)).toEqual([]);
  });

  test("no directive allows 'unsafe-eval', wildcards or plain http", () => {
    for (const [name, sources] of csp) {
      expect({ name, bad: sources.filter((s) => s === "'unsafe-eval'" || s.includes("*") || s.startsWith("http:")) }).toEqual({
        name,
        bad: [],
      });
    }
  });

  test("connections only to this site and Office's CDN", () => {
    const connect = csp.get("connect-src")!;
    expect(connect.filter((s) => s !== "'self'" && s !== OFFICE_CDN)).toEqual([]);
  });

  test("no plugins, no <base> hijack; inline styles only because Fluent UI (Griffel) injects <style> at run time", () => {
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("the page loads office.js from the CDN (or dist/office-js/) and our bundles, and has no inline script", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    // Our bundles are asked for with the build's hash (functions.js?…), which the server ignores.
    const sources = scripts.map((s) => /\bsrc\s*=\s*"?([^"\s>?]+)/i.exec(s[1])?.[1]);
    expect(scripts.map((s) => s[2].trim())).toEqual(scripts.map(() => ""));
    for (const src of sources) {
      expect([`${OFFICE_CDN}/lib/1/hosted/office.js`, "office-js/office.js", "taskpane.js", "functions.js"]).toContain(src);
    }
  });

  test("the source page carries the same policy", () => {
    const source = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(cspOf(source)).toEqual(csp);
  });
});

// ---- the built bundles -----------------------------------------------------------------

const FORBIDDEN: readonly [string, RegExp][] = [
  ["eval(", /\beval\s*\(/g],
  ["new Function(", /\bnew\s+Function\s*\(/g],
  ["fetch(", /\bfetch\s*\(/g],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/g],
  ["WebSocket", /\bWebSocket\b/g],
  ["sendBeacon", /\bsendBeacon\b/g],
  ["importScripts", /\bimportScripts\b/g],
];

/**
 * The occurrences that are allowed, each one explained, with its exact count. Anything else
 * in dist/*.js fails the test.
 */
const ALLOWED: readonly { file: string; text: string; count: number; why: string }[] = [
  {
    file: "functions.js",
    text: 'new Function("return this")',
    count: 1,
    why:
      "webpack's runtime global-object shim (__webpack_require__.g): `globalThis` first, then `this`, and " +
      '`new Function("return this")()` only where neither exists, inside try/catch. Every browser Office runs ' +
      "in has globalThis, so it never runs; if it did, the CSP (no 'unsafe-eval') would block it and the catch " +
      "falls back to `window`.",
  },
];

describe("dist/*.js: no dynamic code and no network calls of their own", () => {
  // Every bundle the build wrote, lazy chunks included: only ALLOWED's occurrences pass.
  const bundles = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => f.endsWith(".js")) : [];

  test("the bundles are there", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  });

  test.each(bundles)("%s", (file) => {
    let code = distFile(file);
    for (const allowed of ALLOWED.filter((a) => a.file === file)) {
      expect({ text: allowed.text, count: code.split(allowed.text).length - 1 }).toEqual({
        text: allowed.text,
        count: allowed.count,
      });
      code = code.split(allowed.text).join("");
    }
    const found = FORBIDDEN.map(([name, pattern]) => [name, (code.match(pattern) ?? []).length] as const).filter(
      ([, count]) => count > 0,
    );
    expect(found).toEqual([]);
  });
});

// ---- the manifest ----------------------------------------------------------------------

test("dist/manifest.xml asks for ReadWriteDocument only", () => {
  const xml = distFile("manifest.xml");
  expect(new XMLParser({ ignoreAttributes: true }).parse(xml).OfficeApp.Permissions).toBe("ReadWriteDocument");
  expect(xml.match(/<Permissions>/g)).toHaveLength(1);
});
