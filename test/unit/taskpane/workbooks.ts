/** Customer sheets for the task-pane tests: the engine's own headers, any number of rows. */
export const HEADER = [
  "Customer ID",
  "Customer",
  "Payment history",
  "Contract performance",
  "Industry risk",
  "Market reputation",
  "Compliance record",
  "Credit limit",
  "Outstanding balance",
  "Overdue amount",
  "Days past due",
];

export const NASTY_NAMES = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0", '=HYPERLINK("http://example.com","click")'];

/** Row i: grades cycle low, medium, high; every 4th is over its limit; names include the nasty ones first. */
export function customerRows(count: number, names: readonly string[] = NASTY_NAMES): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const factors = [
    [1, 1, 2, 1, 1],
    [3, 3, 3, 2, 3],
    [5, 4, 4, 5, 4],
  ];
  for (let i = 0; i < count; i++) {
    const f = factors[i % 3];
    const limit = 10000;
    const balance = i % 4 === 3 ? 12000 : 5000;
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`,
      names[i] ?? `Customer ${i + 1}`,
      ...f,
      limit,
      balance,
      i % 5 === 0 ? 800 : 0,
      i % 5 === 0 ? 120 : 0,
    ]);
  }
  return rows;
}

export function customerSheet(count: number, names?: readonly string[]): (string | number)[][] {
  return [[...HEADER], ...customerRows(count, names)];
}

export const LEDGER = [
  ["Customer ID", "Invoice", "Due date", "Amount", "Paid"],
  ["C000001", "INV-1", 46000, 1000, 0],
  ["C000002", "INV-2", 46100, 500, 500],
];
