/**
 * What SECURITY.md promises, checked: the task pane's Content-Security-Policy, no dynamic code
 * or network calls in the built bundles, no URLs in the sources beyond Office's CDN and the
 * localhost dev server, no Node networking in the command line, ReadWriteDocument as the
 * manifest's only permission, and the CI audit gate telling "endpoint down" from "vulnerable".
 * Reads dist/ as `npm run build` leaves it (`npm test` builds before jest).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
  return fs.readFileSync(file, "utf8");
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
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
    const sources = scripts.map((s) => /\bsrc\s*=\s*"?([^"\s>]+)"?/i.exec(s[1])?.[1]);
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
    file: "taskpane.js",
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
  const bundles = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => f.endsWith(".js")) : [];

  test("the bundles are there", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  });

  test.each(["functions.js", "taskpane.js"])("%s", (file) => {
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

  test("any other bundle has none at all", () => {
    for (const file of bundles.filter((f) => f !== "functions.js" && f !== "taskpane.js")) {
      const code = distFile(file);
      expect({ file, found: FORBIDDEN.filter(([, p]) => p.test(code)).map(([n]) => n) }).toEqual({ file, found: [] });
      FORBIDDEN.forEach(([, p]) => (p.lastIndex = 0));
    }
  });
});

// ---- the sources -----------------------------------------------------------------------

describe("src/**", () => {
  const sources = filesUnder(path.join(ROOT, "src")).filter((f) => /\.(ts|tsx|js|html|json|css)$/.test(f));

  test("names no URL but Office's CDN, the localhost dev server and (in the package writer) OOXML namespace names", () => {
    const urls = sources.flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/\bhttps?:\/\/[^\s"'`<>)\]]+/g)].map((m) => ({
        file: path.relative(ROOT, file),
        url: m[0].replace(/[;,.]+$/, ""),
      })),
    );
    // ECMA-376's namespace and relationship-type names look like URLs but are only names, never fetched.
    const ooxmlName = (u: { file: string; url: string }) =>
      u.file.startsWith(`src${path.sep}cli${path.sep}package${path.sep}`) &&
      u.url.startsWith("http://schemas.openxmlformats.org/");
    const allowed = (u: { file: string; url: string }) =>
      u.url === OFFICE_CDN ||
      u.url.startsWith(`${OFFICE_CDN}/`) ||
      /^https?:\/\/localhost(:\d+)?(\/|$)/.test(u.url) ||
      ooxmlName(u);
    expect(urls.filter((u) => !allowed(u))).toEqual([]);
  });

  test("imports no Node networking or process modules (the command line reads and writes local files only)", () => {
    const network =
      /(?:from\s+|require\(\s*)["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process|worker_threads)["']/;
    const offenders = sources.filter((f) => network.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});

// ---- the manifest ----------------------------------------------------------------------

describe("manifest permissions", () => {
  const parser = new XMLParser({ ignoreAttributes: true });
  const manifests = [path.join(ROOT, "manifest.xml"), path.join(DIST, "manifest.xml")].filter((f) => fs.existsSync(f));

  test.each(manifests.map((f) => [path.relative(ROOT, f), f]))("%s asks for ReadWriteDocument only", (_name, file) => {
    const xml = fs.readFileSync(file, "utf8");
    const app = parser.parse(xml).OfficeApp as { Permissions?: unknown };
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
  });
});

// ---- the CI audit gate -----------------------------------------------------------------

describe("scripts/audit-gate.js (the npm audit step of .ci/run)", () => {
  const gate = (stdin: string) =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts/audit-gate.js")], { input: stdin, encoding: "utf8" });
  const report = (high: number, critical: number) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: high ? { "some-package": { severity: "high", range: "<1.2.3" } } : {},
      metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } },
    });

  test("an unreachable audit endpoint (the registry answers 405) is reported, not a failure", () => {
    const endpointError = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    const result = gate(endpointError);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/audit endpoint could not be used \(405 Method Not Allowed/);
    expect(gate("").status).toBe(0);
  });

  test("high or critical vulnerabilities fail; low and moderate do not", () => {
    expect(gate(report(1, 0)).status).toBe(1);
    expect(gate(report(0, 1)).status).toBe(1);
    expect(gate(report(0, 0)).status).toBe(0);
  });

  test(".ci/run runs it over the runtime dependencies", () => {
    const ci = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
    expect(ci).toContain("npm audit --omit=dev --audit-level=high --json");
    expect(ci).toContain("| node scripts/audit-gate.js");
  });
});
