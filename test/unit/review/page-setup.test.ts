/**
 * Which print setup of the review's own sheets is the user's, and stays run after run: anything
 * unlike what the sheet's plan prints with (a new sheet's excepted); and what the rule stands on,
 * that each of those sheets prints the same way whatever it holds, in either language, month after month.
 */
import { Lang, LANGUAGES } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { isUsersPageSetup, KEEPS_USERS_PAGE_SETUP, PageSetupNow } from "../../../src/engine/review/page-setup";
import { runReview } from "../../../src/engine/review/review";
import { buildWritePlan, PrintSetup, WritePlan } from "../../../src/engine/review/write-plan";
import { applyBlocks, customerSheet, serial } from "../../support/review-grid";

/** A review of `count` customers (names `nameLength` long) over what an earlier review wrote, if any. */
function plan(lang: Lang, count: number, nameLength: number, asOf: string, earlier?: WritePlan): WritePlan {
  const values = customerSheet(
    ["Credit limit", "Outstanding balance"],
    Array.from({ length: count }, (_, i) => ({
      name: `${i} ${"Wide World Importers ".repeat(4)}`.slice(0, nameLength),
      factors: [1 + (i % 5), 2, 3, 2, 1],
      extra: [10_000 * (i + 1), 4_000 * i],
    })),
  );
  const written = (kind: string) => {
    const sheet = earlier?.sheets.find((s) => s.kind === kind);
    return sheet && applyBlocks([], sheet.blocks);
  };
  const archive = written("archive");
  const policyHistory = written("policyHistory");
  const result = runReview(
    { sheetName: "Customers", values, asOf: serial(asOf), policy: DEFAULT_POLICY, archive, policyHistory },
    lang,
  );
  return buildWritePlan(result, lang, {
    sheetNames: earlier ? earlier.sheets.map((s) => s.name) : [],
    archiveValues: archive,
    policyValues: written("policy"),
    policyHistoryValues: policyHistory,
  });
}

/** How a sheet prints, without what it prints (its area) and the rows and columns repeated on each page. */
function howPrinted(print: PrintSetup | undefined): string {
  const { orientation, fitToWidth, fitToHeight, scale, overThenDown } = print!;
  return JSON.stringify({ orientation, fitToWidth, fitToHeight, scale, overThenDown });
}

test("each sheet whose user's print setup stays prints in a way the rule knows as the review's, whatever it holds, in either language, month after month", () => {
  const seen = new Map<string, PrintSetup[]>();
  for (const lang of LANGUAGES)
    for (const [count, nameLength] of [
      [1, 4],
      [60, 60],
    ]) {
      const first = plan(lang, count, nameLength, "2026-11-30");
      for (const p of [first, plan(lang, count, nameLength, "2026-12-31", first)])
        for (const sheet of p.sheets) seen.set(sheet.kind, [...(seen.get(sheet.kind) ?? []), sheet.print!]);
    }
  const forms = (kind: string) => [...new Set(seen.get(kind)!.map(howPrinted))];
  const table = howPrinted({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 60, overThenDown: true });
  const onePage = howPrinted({ orientation: "landscape", fitToWidth: 1, fitToHeight: 1 });
  const shrunk = (scale: number) =>
    howPrinted({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale, overThenDown: true });
  expect(Object.fromEntries([...KEEPS_USERS_PAGE_SETUP].map((kind) => [kind, forms(kind)]))).toEqual({
    // One too long for one page at a readable size prints as the report, on pages down: the month
    // after, made too long for one page by the lines saying every balance is as it was, at the
    // size its width allows (77, 84), or a little smaller where that spares a page (66: the
    // English summary of one customer, with why its trend has no overdue amount under the table).
    summary: [
      onePage,
      howPrinted({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 66 }),
      howPrinted({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 77 }),
      howPrinted({ orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 84 }),
    ],
    policy: [onePage],
    // Customers whose long names wrap to rows that would leave under a third of a page to a last band: printed smaller.
    archive: [table, shrunk(52), shrunk(53)],
    // One version, its settings down: one portrait page.
    policyHistory: [howPrinted({ orientation: "portrait", fitToWidth: 1, fitToHeight: 0 })],
  });
  // Whatever one run wrote, the next reads as the review's, whatever its own plan says.
  for (const kind of KEEPS_USERS_PAGE_SETUP)
    for (const earlier of seen.get(kind)!)
      for (const ours of seen.get(kind)!) {
        const { orientation, fitToWidth, fitToHeight, scale } = earlier;
        expect(isUsersPageSetup({ orientation, fitToPage: scale === undefined, fitToWidth, fitToHeight, scale }, ours)).toBe(
          false,
        );
      }
});

test("the policy history's print follows its versions: each form an earlier run wrote is the review's, another is the user's", () => {
  const forms: PrintSetup[] = [
    { orientation: "portrait", fitToWidth: 1, fitToHeight: 0 },
    { orientation: "landscape", fitToWidth: 1, fitToHeight: 0 },
    { orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 60, overThenDown: true },
  ].map((print) => ({ ...print, followsWidth: true }) as PrintSetup);
  for (const earlier of forms)
    for (const ours of forms) {
      const { orientation, fitToWidth, fitToHeight, scale } = earlier;
      expect(isUsersPageSetup({ orientation, fitToPage: scale === undefined, fitToWidth, fitToHeight, scale }, ours)).toBe(false);
    }
  const [portrait] = forms;
  for (const users of [
    { orientation: "portrait", fitToPage: false, scale: 80 },
    { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
    { orientation: "landscape", fitToPage: false, scale: 75 },
    { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, gridlines: true },
  ] as PageSetupNow[])
    expect([users, isUsersPageSetup(users, portrait)]).toEqual([users, true]);
});

/** The policy's (and the summary's): one landscape page. */
const ONE_PAGE: PrintSetup = { orientation: "landscape", fitToWidth: 1, fitToHeight: 1, repeatRows: { first: 0, last: 0 } };
/** The archive's and the policy history's: landscape at the review's scale, across before down. */
const AT_SCALE: PrintSetup = { orientation: "landscape", fitToWidth: 0, fitToHeight: 0, scale: 60, overThenDown: true };
/** The archive's: landscape at a scale worked out from its rows, across before down. */
const SHRINKS: PrintSetup = { ...AT_SCALE, scale: 58, shrinksToBands: true };
const NARROW_SIDES = { left: 0.25, right: 0.25 };

test.each<[string, PageSetupNow, PrintSetup, boolean]>([
  // What an earlier run wrote, as the command line writes it and as Excel saves it (a fit of one page left unsaid).
  ["an earlier run's one page", { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 }, ONE_PAGE, false],
  ["an earlier run's one page, as Excel saves it", { orientation: "landscape", fitToPage: true }, ONE_PAGE, false],
  ["an earlier run's scale", { orientation: "landscape", fitToPage: false, scale: 60 }, AT_SCALE, false],
  // Margins as Excel reads them back in points, or set in centimetres: rounding, not the user's.
  [
    "the Normal margins, rounded",
    { orientation: "landscape", fitToPage: false, scale: 60, margins: { left: 0.7008, top: 0.748 } },
    AT_SCALE,
    false,
  ],
  // A new sheet's: portrait at full size, nothing else set (a sheet the review has not laid out yet).
  ["a new sheet's", { fitToPage: false }, ONE_PAGE, false],
  ["a new sheet's, as read", { orientation: "portrait", fitToPage: false, scale: 100, margins: {} }, AT_SCALE, false],
  // The user's.
  ["portrait, one page wide", { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, ONE_PAGE, true],
  ["portrait, one page wide", { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, AT_SCALE, true],
  ["one page wide by two tall", { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 2 }, ONE_PAGE, true],
  ["at full size, landscape", { orientation: "landscape", fitToPage: false, scale: 100 }, ONE_PAGE, true],
  ["at full size, landscape", { orientation: "landscape", fitToPage: false }, AT_SCALE, true],
  ["portrait at the review's scale", { orientation: "portrait", fitToPage: false, scale: 60 }, AT_SCALE, true],
  ["at a scale of their own", { orientation: "landscape", fitToPage: false, scale: 85 }, AT_SCALE, true],
  // The archive's scale, worked out from its rows between 50% and 60% (page-bands), one month or the other: the review's.
  ["an earlier run's shrunk scale", { orientation: "landscape", fitToPage: false, scale: 56 }, SHRINKS, false],
  ["an earlier run's full scale", { orientation: "landscape", fitToPage: false, scale: 60 }, { ...SHRINKS, scale: 55 }, false],
  ["a scale below the range", { orientation: "landscape", fitToPage: false, scale: 45 }, SHRINKS, true],
  ["one page wide, as many tall", { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, SHRINKS, true],
  // The policy history's scale does not move: 56% there is the user's.
  ["56% on a table that does not shrink", { orientation: "landscape", fitToPage: false, scale: 56 }, AT_SCALE, true],
  ["narrow side margins", { orientation: "landscape", fitToPage: true, margins: NARROW_SIDES }, ONE_PAGE, true],
  ["narrow side margins on a new sheet", { fitToPage: false, margins: NARROW_SIDES }, AT_SCALE, true],
  ["gridlines", { orientation: "landscape", fitToPage: false, scale: 60, gridlines: true }, AT_SCALE, true],
  ["headings on a new sheet", { fitToPage: false, headings: true }, ONE_PAGE, true],
  ["centred", { orientation: "landscape", fitToPage: true, centerHorizontally: true }, ONE_PAGE, true],
])("%s: %j, where the plan prints %j, is the user's: %s", (_, now, ours, users) => {
  expect(isUsersPageSetup(now, ours)).toBe(users);
});
