/**
 * Holm's step-down adjusted p-values, statsmodels 0.13 `multipletests(pvals, method="holm")[1]`:
 * sort ascending, multiply the i-th smallest (0-based) by m − i, take the running maximum, clip
 * at 1, and return them in the input order. Ties give the same value whatever their order.
 */

/** Holm-adjusted p-values of `pValues`, in the same order. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = new Array<number>(m);
  let running = -Infinity;
  order.forEach((index, rank) => {
    running = Math.max(running, pValues[index]! * (m - rank));
    adjusted[index] = Math.min(running, 1);
  });
  return adjusted;
}
