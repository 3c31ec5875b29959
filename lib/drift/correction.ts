import type { Correction } from './types';

/**
 * Adjusted p-values for one report's p-value tests: Bonferroni (p·m, capped at 1) or
 * Benjamini–Hochberg (step-up: min over j ≥ i of p_(j)·m/j, monotone, capped at 1), as in
 * statsmodels' multipletests(method="bonferroni" | "fdr_bh").
 */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length;
  if (correction === 'none' || m === 0) return [...pValues];
  if (correction === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    adjusted[index] = Math.min(1, running);
  }
  return adjusted;
}
