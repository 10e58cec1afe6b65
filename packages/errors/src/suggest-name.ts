/**
 * The allowed name a misspelled one most likely meant: the camelCase form of a snake_case
 * name (`mask_zero` → `maskZero`), a case-insensitive match, or the closest name within
 * an edit distance of 2 (a third of the name's length at most). `undefined` when nothing
 * is close. `parseOptions` uses it for "did you mean" hints.
 *
 * @param name - the name that was given.
 * @param allowed - the names that exist.
 * @returns the best match, or `undefined`.
 * @example
 * ```ts
 * import { suggestName } from '@dl/errors';
 * suggestName('useCasualMask', ['useCausalMask', 'dropout']); // 'useCausalMask'
 * suggestName('mask_zero', ['maskZero']); // 'maskZero'
 * suggestName('colour', ['units']); // undefined
 * ```
 */
export function suggestName(name: string, allowed: readonly string[]): string | undefined {
  const camel = name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  const lower = camel.toLowerCase();
  const exact = allowed.find((candidate) => candidate.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3));
  for (const candidate of allowed) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  return rows[a.length]![b.length]!;
}
