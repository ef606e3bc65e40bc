/** The pane's review state: each step of idle → reading → reviewed → writing → written | failed. */
import type { ReviewResult } from "../../../src/engine/review/review";
import type { ReviewRead, WriteOutcome } from "../../../src/taskpane/excel";
import { ExcelProblem } from "../../../src/taskpane/excel";
import {
  canWriteBack,
  INITIAL_REVIEW,
  ReviewAction,
  reviewBlocker,
  reviewReducer,
  ReviewState,
  writeBlocker,
} from "../../../src/taskpane/review-state";

// The reducer only carries reads and results: stand-ins told apart by identity are enough.
const read1 = { target: { name: "Customers" } } as unknown as ReviewRead;
const read2 = { target: { name: "Customers", again: true } } as unknown as ReviewRead;
const result1 = { sheet: "Customers", customers: [] } as unknown as ReviewResult;
const result2 = { sheet: "Customers", customers: [], again: true } as unknown as ReviewResult;

function after(...actions: ReviewAction[]): ReviewState {
  return actions.reduce(reviewReducer, INITIAL_REVIEW);
}

const reviewed: ReviewAction[] = [{ type: "reading" }, { type: "read", read: read1 }, { type: "reviewed", result: result1 }];

function outcome(parts: Partial<WriteOutcome>): WriteOutcome {
  return { ok: false, written: [], uncertain: [], notWritten: [], syncs: 1, batches: 1, ...parts };
}
const part = { sheet: "Customers", role: "output" as const };

test("starts idle with nothing to write", () => {
  expect(INITIAL_REVIEW.phase).toBe("idle");
  expect(canWriteBack(INITIAL_REVIEW)).toBe(false);
});

test("a read and its review open Write back; the chosen customer is forgotten on a new review", () => {
  const reading = after({ type: "reading" }, { type: "read", read: read1 });
  expect(reading.phase).toBe("reading");
  expect(canWriteBack(reading)).toBe(false);
  const state = after(...reviewed, { type: "select", row: 7 });
  expect(state).toMatchObject({ phase: "reviewed", read: read1, result: result1, selectedRow: 7 });
  expect(canWriteBack(state)).toBe(true);
  expect(reviewReducer(state, { type: "reviewed", result: result2 }).selectedRow).toBeUndefined();
});

test("while the next read runs, and after it fails, the last review stays on screen", () => {
  const reading = after(...reviewed, { type: "reading" });
  expect(reading.result).toBe(result1);
  const failed = reviewReducer(reading, { type: "failed" });
  expect(failed).toMatchObject({ phase: "failed", read: read1, result: result1 });
  expect(canWriteBack(failed)).toBe(true);
});

test("a review that cannot start keeps the read and offers the headers to map", () => {
  const headers = [{ column: "B", header: "Kunde" }];
  const state = after({ type: "reading" }, { type: "read", read: read1 }, { type: "notReviewed", unmatchedHeaders: headers });
  expect(state).toMatchObject({ phase: "failed", read: read1, result: undefined, unmatchedHeaders: headers });
  expect(canWriteBack(state)).toBe(false);
  expect(reviewReducer(state, { type: "reviewed", result: result1 }).unmatchedHeaders).toEqual([]);
});

test("a write closes Write back until the next read, even when a mapping change re-reviews", () => {
  const writing = after(...reviewed, { type: "writing" });
  expect(canWriteBack(writing)).toBe(false);
  const written = reviewReducer(writing, { type: "wrote", outcome: outcome({ ok: true, written: [part] }) });
  expect(written.phase).toBe("written");
  expect(canWriteBack(written)).toBe(false);
  expect(canWriteBack(reviewReducer(written, { type: "reviewed", result: result2 }))).toBe(false);
  const reread = reviewReducer(reviewReducer(written, { type: "reading" }), { type: "read", read: read2 });
  expect(reviewReducer(reread, { type: "reviewed", result: result2 })).toMatchObject({ phase: "reviewed", read: read2 });
  expect(canWriteBack(reviewReducer(reread, { type: "reviewed", result: result2 }))).toBe(true);
});

test.each<[string, boolean, Partial<WriteOutcome>]>([
  ["refused before anything was written", true, { problem: new ExcelProblem("protected", "Customers"), notWritten: [part] }],
  ["part written", false, { problem: new ExcelProblem("excel"), written: [part] }],
  ["maybe written", false, { problem: new ExcelProblem("excel"), uncertain: [part] }],
  ["the sheet changed shape since the read", false, { problem: new ExcelProblem("shapeChanged", "Customers") }],
])("a failed write, %s: Write back open again is %s", (_, open, parts) => {
  const state = after(...reviewed, { type: "writing" }, { type: "wrote", outcome: outcome(parts) });
  expect(state.phase).toBe("failed");
  expect(canWriteBack(state)).toBe(open);
});

test("a read cancelled: the review on screen stays and can still be written; with none, back to idle", () => {
  const cancelled = after(...reviewed, { type: "reading" }, { type: "cancelled" });
  expect(cancelled).toMatchObject({ phase: "reviewed", read: read1, result: result1 });
  expect(canWriteBack(cancelled)).toBe(true);
  expect(after({ type: "reading" }, { type: "cancelled" }).phase).toBe("idle");
});

test.each<[string, boolean, Partial<WriteOutcome>]>([
  ["before its first part", true, { problem: new ExcelProblem("cancelled"), notWritten: [part] }],
  ["after a part was written", false, { problem: new ExcelProblem("cancelled"), written: [part], notWritten: [part] }],
])("a write cancelled %s: Write back open again is %s, as after a failure", (_, open, parts) => {
  const state = after(...reviewed, { type: "writing" }, { type: "wrote", outcome: outcome(parts) });
  expect(state.phase).toBe("failed");
  expect(canWriteBack(state)).toBe(open);
});

test("closing the open customer", () => {
  expect(after(...reviewed, { type: "select", row: 7 }, { type: "select", row: undefined }).selectedRow).toBeUndefined();
});

test("why Review can't be pressed: busy first, then the sheet, the date, the policy", () => {
  expect(reviewBlocker(true, "", false, false)).toBe("busy");
  expect(reviewBlocker(false, "", false, false)).toBe("noSheet");
  expect(reviewBlocker(false, "Customers", false, false)).toBe("badDate");
  expect(reviewBlocker(false, "Customers", true, false)).toBe("policy");
  expect(reviewBlocker(false, "Customers", true, true)).toBeUndefined();
});

test("why Write back can't be pressed: busy, no review yet, written since the read, or another policy shown", () => {
  expect(writeBlocker(INITIAL_REVIEW, false, "reviewed")).toBe("noReview");
  expect(writeBlocker(INITIAL_REVIEW, false, "invalid")).toBe("noReview");
  expect(writeBlocker(after(...reviewed), true, "reviewed")).toBe("busy");
  expect(writeBlocker(after(...reviewed, { type: "reading" }), false, "reviewed")).toBe("busy");
  expect(writeBlocker(after(...reviewed), false, "reviewed")).toBeUndefined();
  // The Policy tab shows a policy with an error, or one the review was not made with.
  expect(writeBlocker(after(...reviewed), false, "invalid")).toBe("policy");
  expect(writeBlocker(after(...reviewed), false, "changed")).toBe("policyChanged");
  const written = after(...reviewed, { type: "writing" }, { type: "wrote", outcome: outcome({ ok: true, written: [part] }) });
  expect(writeBlocker(written, false, "reviewed")).toBe("written");
  // Reviewing again is the way on either way: that is said first.
  expect(writeBlocker(written, false, "changed")).toBe("written");
});

test("Save policy gives the read the policy sheet as written; a write since the read still holds Write back", () => {
  const saved = { ...read1, policy: { name: "Credit Policy", values: [] } } as ReviewRead;
  expect(reviewReducer(after(...reviewed), { type: "policySaved", read: saved })).toMatchObject({
    phase: "reviewed",
    read: saved,
    writtenSinceRead: false,
  });
  const written = after(...reviewed, { type: "writing" }, { type: "wrote", outcome: outcome({ ok: true, written: [part] }) });
  expect(reviewReducer(written, { type: "policySaved", read: saved })).toMatchObject({ read: saved, writtenSinceRead: true });
  // Saved before any read: there is no read to tell.
  expect(reviewReducer(INITIAL_REVIEW, { type: "policySaved", read: saved }).read).toBeUndefined();
});
