/** The day a test runs on, set rather than read from the clock: no test depends on the day it runs. */

/** Midday of a day (YYYY-MM-DD) on the local clock: that day in every time zone, as TODAY() reads it. */
function localMidday(iso: string): Date {
  const [year, month, day] = iso.split("-").map(Number);
  const midday = new Date(year, month - 1, day, 12);
  // new Date reads years 0–99 as 1900–1999.
  midday.setFullYear(year);
  return midday;
}

/** `run`'s answer with the clock on day `iso` (YYYY-MM-DD): what a date defaulting to today reads. */
export function onDay<T>(iso: string, run: () => T): T {
  jest.useFakeTimers({ now: localMidday(iso) });
  try {
    return run();
  } finally {
    jest.useRealTimers();
  }
}
