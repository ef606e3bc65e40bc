/** The known name nearest a misspelt one (edit distance, case ignored): "did you mean …?" */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** How far a name may be from a known one and still be taken for it: a third of the known one's letters, at least one. */
function allowed(known: string): number {
  return Math.max(1, Math.floor(known.length / 3));
}

/**
 * The known name nearest `key` among those it is a likely misspelling of (at most a third of their
 * letters apart), else undefined; the first of them on a tie. A known name whose length alone is
 * further off is not measured, so a long text costs no more than a short one.
 */
export function likelyMeant(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const limit = allowed(name);
    if (Math.abs(name.length - lower.length) > Math.min(limit, bestDistance - 1)) continue;
    const d = distance(lower, name.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
