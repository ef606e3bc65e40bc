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
