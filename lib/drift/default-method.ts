/**
 * Evidently 0.7's `_get_default_stattest`, on non-missing, finite values: `referenceCount` is the
 * reference column's size, `nUnique` the distinct values of reference and current together.
 * Returns the method id and the rule that fired, shown as "why this method".
 */
export function defaultMethod(kind: 'numeric' | 'categorical', referenceCount: number, nUnique: number): { id: string; rule: string } {
  const size = referenceCount <= 1000 ? `reference has ${referenceCount} values (≤ 1000)` : `reference has ${referenceCount} values (> 1000)`;
  const distinct = `${nUnique} distinct values`;
  if (referenceCount <= 1000) {
    if (kind === 'numeric' && nUnique > 5) return { id: 'ks', rule: `${size}, numeric with ${distinct} (> 5): ks` };
    const pick = nUnique > 2 ? 'chisquare' : 'z';
    const what = kind === 'numeric' ? `numeric with ${distinct} (≤ 5)` : `categorical with ${distinct}`;
    return { id: pick, rule: `${size}, ${what} (${nUnique > 2 ? '> 2' : '≤ 2'}): ${pick}` };
  }
  if (kind === 'numeric' && nUnique > 5) {
    return { id: 'wasserstein', rule: `${size}, numeric with ${distinct} (> 5): wasserstein` };
  }
  const what = kind === 'numeric' ? `numeric with ${distinct} (≤ 5)` : 'categorical';
  return { id: 'jensenshannon', rule: `${size}, ${what}: jensenshannon` };
}
