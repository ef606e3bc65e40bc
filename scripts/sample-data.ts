/**
 * Deterministic fictitious data shared by the sample workbooks (scripts/make-examples.ts)
 * and the benchmark portfolios (bench/data.ts), so both look like the same kind of customer.
 */

/** mulberry32: a small seeded generator, so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from lo to hi inclusive. */
export function pickWith(rnd: () => number): (lo: number, hi: number) => number {
  return (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
}

/**
 * One customer's financials in the sample's column order: current assets, current
 * liabilities, inventory, total assets, total liabilities, retained earnings, EBIT, interest
 * expense, sales, equity. Risky customers get thin margins, high leverage and weak liquidity.
 */
export function fictitiousFinancials(rnd: () => number, risky: boolean): number[] {
  const assets = pickWith(rnd)(50, 500) * 100000;
  const liabilities = Math.round(assets * (risky ? 0.6 + rnd() * 0.35 : 0.25 + rnd() * 0.35));
  const currentAssets = Math.round(assets * (0.3 + rnd() * 0.3));
  const currentLiabilities = Math.round(currentAssets * (risky ? 0.8 + rnd() * 0.6 : 0.35 + rnd() * 0.4));
  const ebit = Math.round(assets * (risky ? -0.02 + rnd() * 0.06 : 0.05 + rnd() * 0.1));
  return [
    currentAssets,
    currentLiabilities,
    Math.round(currentAssets * 0.3),
    assets,
    liabilities,
    Math.round(assets * (risky ? -0.05 + rnd() * 0.1 : 0.1 + rnd() * 0.2)),
    ebit,
    Math.round(liabilities * 0.05),
    Math.round(assets * (0.6 + rnd() * 1.2)),
    assets - liabilities,
  ];
}
