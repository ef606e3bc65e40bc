/**
 * What SECURITY.md promises of the sources, checked: no URLs beyond Office's CDN and the
 * localhost dev server, no Node networking in the command line, ReadWriteDocument as the
 * manifest's only permission, and the CI audit gate telling "endpoint down" from "vulnerable".
 * What it promises of the build (the page's Content-Security-Policy, no dynamic code or network
 * calls in the bundles): test/built/security.test.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

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
    const network = /(?:from\s+|require\(\s*)["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process)["']/;
    const offenders = sources.filter((f) => network.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  test("a worker thread runs only the command line's own module, started from its own file", () => {
    const threads = /(?:from\s+|require\(\s*)["'](?:node:)?worker_threads["']/;
    const users = sources.filter((f) => threads.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(users).toEqual([path.join("src", "cli", "package", "sheet-worker.ts")]);
    const text = fs.readFileSync(path.join(ROOT, users[0]), "utf8");
    expect(text).toContain("const script = __filename;");
    expect([...text.matchAll(/new Worker\(([^,)]*)/g)].map((m) => m[1])).toEqual(["script"]);
    expect(text).not.toMatch(/\beval\b/);
  });
});

// ---- the manifest ----------------------------------------------------------------------

test("manifest.xml asks for ReadWriteDocument only", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(new XMLParser({ ignoreAttributes: true }).parse(xml).OfficeApp.Permissions).toBe("ReadWriteDocument");
  expect(xml.match(/<Permissions>/g)).toHaveLength(1);
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
