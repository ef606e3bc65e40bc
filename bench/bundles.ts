/**
 * Benchmark part 5a: the size of the built bundles, raw and gzipped, and of the task pane's
 * initial JavaScript (what taskpane.html loads before the pane can show anything).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

export interface BundleSize {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}
export type Bundles =
  | { readonly built: false; readonly reason: string }
  | {
      readonly built: true;
      readonly builtAt: string;
      readonly files: BundleSize[];
      readonly taskpaneInitial: { scripts: string[]; rawBytes: number; gzipBytes: number };
    };

export function benchBundles(root: string): Bundles {
  const dist = path.join(root, "dist");
  const files = ["functions.js", "taskpane.js"];
  if (!files.every((f) => fs.existsSync(path.join(dist, f))))
    return { built: false, reason: "dist/ missing: run npm run build first" };
  const size = (f: string) => {
    const bytes = fs.readFileSync(path.join(dist, f));
    return { file: `dist/${f}`, rawBytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const html = fs.existsSync(path.join(dist, "taskpane.html")) ? fs.readFileSync(path.join(dist, "taskpane.html"), "utf8") : "";
  // The task pane's initial JS: every local <script> of taskpane.html (office.js comes from Microsoft's CDN),
  // its file without the build's hash the page asks for it with ("functions.js?754d…").
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1].replace(/[?#].*$/, ""))
    .filter((s) => !/^https?:/.test(s) && fs.existsSync(path.join(dist, s)));
  const initial = (scripts.length ? scripts : ["taskpane.js"]).map(size);
  const mtime = fs.statSync(path.join(dist, "functions.js")).mtime.toISOString();
  return {
    built: true,
    builtAt: mtime,
    files: files.map(size),
    taskpaneInitial: {
      scripts: initial.map((s) => s.file),
      rawBytes: initial.reduce((s, f) => s + f.rawBytes, 0),
      gzipBytes: initial.reduce((s, f) => s + f.gzipBytes, 0),
    },
  };
}
