/**
 * Money to the cent, so float dust (0.1 + 0.2) never shows in a cell. Amounts beyond
 * 10¹³ are left as they are: scaling them by 100 could overflow, and cents no longer
 * matter there.
 */
export function roundCents(value: number): number {
  if (!(Math.abs(value) < 1e13)) return value;
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Two amounts that read alike to the cent: no move between them. */
export function sameCents(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100);
}

const MONEY_TEXT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * An amount as a message quotes it: "7,000.00", whatever it was typed as ("7000", "7,000"). A
 * message's figures are fixed when the error is made, before its language is known, and this
 * form reads the same in English and Chinese.
 */
export function moneyText(value: number): string {
  return MONEY_TEXT.format(value);
}
