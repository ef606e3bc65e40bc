/**
 * What the pane needs around it when a test renders it over the office-addin-mock fake: node's
 * setImmediate (the fake's sync waits a turn of the event loop, which jsdom's globals leave out),
 * time for Fluent's slow renders under jsdom, and Office's common API as far as the pane uses it:
 * the document's settings (where the column mapping is kept) and the ExcelApi requirement sets.
 */
import { setImmediate as nodeSetImmediate } from "node:timers";
import { configure } from "@testing-library/react";

export function preparePaneTests(): void {
  globalThis.setImmediate ??= nodeSetImmediate;
  configure({ asyncUtilTimeout: 10000 });
}

/** Office's common API, in an Excel with ExcelApi up to 1.`newest` (every set when not given). */
export function installOffice(newest?: number): void {
  (globalThis as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded" },
    context: {
      ...(newest === undefined
        ? {}
        : { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) <= newest } }),
      document: {
        settings: {
          get: () => undefined,
          set: () => undefined,
          saveAsync: (done: (r: unknown) => void) => done({ status: "succeeded" }),
        },
      },
    },
  };
}
