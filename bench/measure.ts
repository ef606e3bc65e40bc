/**
 * Timing and memory helpers for the benchmarks: every figure is the median of repeated
 * runs after warm-up runs, all in one process.
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";

export interface Timing {
  /** Median wall time of the measured runs, in milliseconds. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Keeps results alive so the optimiser cannot drop the work that made them. */
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function lastSink(): unknown {
  return sink;
}

/**
 * Runs `fn` `warmup` times, then `repeats` times timed. `fn` gets the run index (warm-up
 * runs are negative) so a caller can vary its input between runs (e.g. defeat a cache).
 */
export function measure(fn: (run: number) => unknown, warmup: number, repeats: number): Timing {
  for (let i = 0; i < warmup; i++) consume(fn(-1 - i));
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = nowMs();
    consume(fn(i));
    times.push(nowMs() - start);
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), runs: repeats };
}

/**
 * A full garbage collection: global.gc when node runs with --expose-gc, otherwise the
 * flag is switched on at run time and gc taken from a fresh context (the bench script is
 * plain `node lib/bench/bench.js`).
 */
let gcFn: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
export const gcSource: string = gcFn ? "--expose-gc" : "v8.setFlagsFromString";
if (!gcFn) {
  try {
    v8.setFlagsFromString("--expose-gc");
    gcFn = vm.runInNewContext("gc") as () => void;
  } catch {
    gcFn = undefined;
  }
}
export const hasGc = gcFn !== undefined;

export function fullGc(): void {
  if (gcFn) {
    gcFn();
    gcFn();
  }
}

export function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}
