/**
 * A customer's own ledger figures never add two currencies: with its invoices in two, each
 * currency's credit notes settle its own invoices alone; days past due stands, the aging is not
 * worked out, nor the overdue amount (and what is past the legal-action days) while two currencies
 * still owe overdue, each said in a note naming both currencies and a ledger row of each, in both
 * languages; the balance is not compared with an open amount in two. The table is
 * test/cases/review/customer-currencies.json.
 */
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../../../src/engine/cells";
import { Lang } from "../../../src/engine/i18n";
import { DEFAULT_POLICY } from "../../../src/engine/policy";
import { runReview } from "../../../src/engine/review/review";
import { problemText } from "../../../src/engine/review/texts";
import { customerSheet, serial } from "../../support/review-grid";

interface CustomerCase {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly factors?: readonly number[]; readonly cells: readonly CellValue[] }[];
  /** An invoice ledger's values, its header first (sheet "Invoices"). */
  readonly ledger: readonly (readonly CellValue[])[];
  /** Each customer's ledger figures (null where not worked out), decisions and notes as each language says them. */
  readonly customers: readonly {
    readonly overdueAmount: number | null;
    readonly daysPastDue: number | null;
    readonly overduePastLegalAction: number | null;
    readonly aging: readonly number[] | null;
    readonly actions: readonly string[];
    readonly notes: Readonly<Record<Lang, readonly string[]>>;
  }[];
  readonly portfolio: Readonly<Record<string, unknown>>;
}

const table = JSON.parse(fs.readFileSync(path.join(__dirname, "../../cases/review/customer-currencies.json"), "utf8")) as {
  asOf: string;
  cases: CustomerCase[];
};

describe("a customer's ledger figures over invoices in two currencies (test/cases/review/customer-currencies.json)", () => {
  test.each(table.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    for (const lang of ["en", "zh"] as const) {
      const values = customerSheet(
        c.headers,
        c.rows.map((r) => ({ factors: r.factors, extra: r.cells })),
      );
      const ledger = { sheetName: "Invoices", values: c.ledger };
      const result = runReview(
        { sheetName: "Customers", values, asOf: serial(table.asOf), policy: DEFAULT_POLICY, ledger },
        lang,
      );
      const customers = result.customers.map((r) => ({
        overdueAmount: r.overdueAmount ?? null,
        daysPastDue: r.daysPastDue ?? null,
        overduePastLegalAction: r.overduePastLegalAction ?? null,
        aging: r.aging ?? null,
        actions: r.actions.map((a) => a.code),
        notes: r.notes.map((n) => problemText(n, lang, result.policy)),
      }));
      expect(customers).toEqual(c.customers.map((e) => ({ ...e, notes: e.notes[lang] })));
      const p = result.portfolio as unknown as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(c.portfolio).map((k) => [k, p[k] ?? null]))).toEqual(c.portfolio);
    }
  });
});
