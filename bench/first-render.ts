/**
 * Benchmark part 5b: the built task pane's load time in Debian's headless Chromium, from
 * navigation to (1) first contentful paint, (2) the pane's heading rendered by React and
 * (3) ready to use: the sheet list read from the workbook. dist/ is served from localhost and
 * office.js is answered by the browser tests' Office host (test/e2e/office-host.js), as in
 * `npm run test:e2e`; every run is a fresh browser context (a fresh profile from chromium.launch),
 * so nothing comes from a cache.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BrowserContext } from "playwright-core";
import { median } from "./measure";

/** test/e2e/browser.js: where Chromium is, its flags here, and office.js answered by the test host. */
interface Browser {
  readonly CHROMIUM: string;
  readonly CHROMIUM_ARGS: string[];
  routeToTestHost(context: BrowserContext, port: number): Promise<void>;
}

export interface FirstRenderRun {
  readonly firstContentfulPaintMs: number | null;
  readonly headingMs: number;
  readonly readyMs: number;
}

export type FirstRenderResult =
  | { readonly measured: false; readonly reason: string }
  | {
      readonly measured: true;
      readonly runs: number;
      readonly viewport: string;
      readonly medians: FirstRenderRun;
      readonly all: FirstRenderRun[];
    };

/** What a customer sheet of the sample looks like to the host: enough for the pane to list it. */
const WORKBOOK = {
  active: "Customers",
  sheets: [
    {
      name: "Customers",
      values: [
        ["Customer", "Payment history", "Contract performance", "Industry risk", "Market reputation", "Compliance record"],
        ["Acme", 4, 4, 3, 4, 5],
      ],
    },
  ],
};

/** Installed before any page script: records when the heading first appears and when the pane is ready. */
function watchRender(): void {
  const marks: { heading?: number; ready?: number } = {};
  (window as unknown as { __marks: typeof marks }).__marks = marks;
  const check = () => {
    if (marks.heading === undefined && document.querySelector("h1")) marks.heading = performance.now();
    const main = document.querySelector("main");
    const select = document.querySelector("select");
    if (
      marks.ready === undefined &&
      main?.getAttribute("aria-busy") === "false" &&
      select instanceof HTMLSelectElement &&
      select.options.length > 0
    )
      marks.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

export async function benchFirstRender(root: string, runs: number, progress: (text: string) => void): Promise<FirstRenderResult> {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html")))
    return { measured: false, reason: "dist/ missing: run npm run build first" };
  // The browser helpers are plain JS beside the browser tests; playwright-core is loaded only when there is a browser to drive.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CHROMIUM, CHROMIUM_ARGS, routeToTestHost } = require(path.join(root, "test/e2e/browser.js")) as Browser;
  if (!fs.existsSync(CHROMIUM)) return { measured: false, reason: `${CHROMIUM} missing (apt-get install -y chromium)` };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require(path.join(root, "test/e2e/server.js")) as {
    startServer(root: string): Promise<{ port: number; close(): Promise<void> }>;
  };
  const server = await startServer(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const viewport = { width: 420, height: 900 };
  const all: FirstRenderRun[] = [];
  try {
    // One warm-up load (Chromium's own start-up), then the measured ones.
    for (let i = 0; i <= runs; i++) {
      progress(`task pane first render ${i === 0 ? "warm-up" : `${i}/${runs}`}`);
      const context = await browser.newContext({ viewport });
      await routeToTestHost(context, server.port);
      const page = await context.newPage();
      await page.addInitScript((workbook) => {
        (window as unknown as { __E2E_CONFIG: unknown }).__E2E_CONFIG = { workbook, displayLanguage: "en-US" };
      }, WORKBOOK);
      await page.addInitScript(watchRender);
      await page.goto(`http://127.0.0.1:${server.port}/taskpane.html`, { waitUntil: "load" });
      await page.waitForFunction(() => (window as unknown as { __marks: { ready?: number } }).__marks.ready !== undefined, null, {
        timeout: 20_000,
      });
      const run = await page.evaluate(() => {
        const marks = (window as unknown as { __marks: { heading: number; ready: number } }).__marks;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { firstContentfulPaintMs: fcp ? fcp.startTime : null, headingMs: marks.heading, readyMs: marks.ready };
      });
      await context.close();
      if (i > 0) all.push(run);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (pick: (r: FirstRenderRun) => number | null) => {
    const values = all.map(pick).filter((v): v is number => v !== null);
    return values.length ? Math.round(median(values)) : null;
  };
  return {
    measured: true,
    runs,
    viewport: `${viewport.width}×${viewport.height}`,
    medians: {
      firstContentfulPaintMs: med((r) => r.firstContentfulPaintMs),
      headingMs: med((r) => r.headingMs)!,
      readyMs: med((r) => r.readyMs)!,
    },
    all: all.map((r) => ({
      firstContentfulPaintMs: r.firstContentfulPaintMs === null ? null : Math.round(r.firstContentfulPaintMs),
      headingMs: Math.round(r.headingMs),
      readyMs: Math.round(r.readyMs),
    })),
  };
}
