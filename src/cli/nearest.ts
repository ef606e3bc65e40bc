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

function nearestKey(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  return [...known].sort((x, y) => distance(lower, x.toLowerCase()) - distance(lower, y.toLowerCase()))[0];
}

/** The nearest known name when it is a likely misspelling (at most a third of its letters apart), else undefined. */
export function likelyMeant(key: string, known: readonly string[]): string | undefined {
  const nearest = nearestKey(key, known);
  return distance(key.toLowerCase(), nearest.toLowerCase()) <= Math.max(1, Math.floor(nearest.length / 3)) ? nearest : undefined;
}
