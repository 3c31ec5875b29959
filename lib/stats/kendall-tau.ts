/**
 * Kendall's τ-b and its two-sided p-value, as scipy.stats.kendalltau (1.10, variant 'b',
 * method 'auto'): the exact null distribution when neither side has ties and n ≤ 33 (or at most
 * one pair is out of order), the normal approximation with the tie-corrected variance otherwise.
 * O(n²) pair counting: meant for rankings of features, not for millions of rows.
 */
import { normSf } from './normal';

export interface KendallTau {
  /** τ-b; null when undefined (fewer than 2 values, a constant side, or a NaN). */
  tau: number | null;
  pValue: number | null;
}

/** Σ over groups of equal values of t(t−1)/2, t(t−1)(t−2) and t(t−1)(2t+5). */
function tieTerms(values: ArrayLike<number>): [number, number, number] {
  const sorted = Float64Array.from(values).sort();
  let [pairs, cubic, var5] = [0, 0, 0];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    const t = j - i;
    pairs += (t * (t - 1)) / 2;
    cubic += t * (t - 1) * (t - 2);
    var5 += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  return [pairs, cubic, var5];
}

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

/**
 * P(at most c discordant pairs) × 2 for n untied values: Kendall's recurrence over the number of
 * permutations of n with k inversions (scipy.stats._mstats_basic._kendall_p_exact, two-sided).
 */
export function kendallExactPValue(n: number, discordant: number): number {
  const total = (n * (n - 1)) / 2;
  const c = Math.min(discordant, total - discordant);
  if (n <= 2) return 1;
  if (c === 0) return n < 171 ? 2 / factorial(n) : 0;
  if (c === 1) return n < 172 ? 2 / factorial(n - 1) : 0;
  if (4 * c === n * (n - 1)) return 1;
  let counts = new Float64Array(c + 1);
  counts[0] = 1;
  counts[1] = 1;
  for (let j = 3; j <= n; j++) {
    const next = new Float64Array(c + 1);
    let run = 0;
    for (let k = 0; k <= c; k++) next[k] = run += counts[k]!;
    // Permutations of j with k inversions: cumsum[k] − cumsum[k − j] (descending, so cumsum[k − j] is still the sum).
    if (j <= c) for (let k = c; k >= j; k--) next[k] = next[k]! - next[k - j]!;
    counts = next;
  }
  let sum = 0;
  for (let k = 0; k <= c; k++) sum += counts[k]!;
  return Math.min(1, (2 * sum) / factorial(n));
}

export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): KendallTau {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`kendallTau: x has ${n} values, y has ${y.length}`);
  for (let i = 0; i < n; i++) if (Number.isNaN(x[i]!) || Number.isNaN(y[i]!)) return { tau: null, pValue: null };
  const total = (n * (n - 1)) / 2;
  let concordantMinusDiscordant = 0;
  let discordant = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = Math.sign(x[i]! - x[j]!) * Math.sign(y[i]! - y[j]!);
      concordantMinusDiscordant += s;
      if (s < 0) discordant++;
    }
  }
  const [xTie, x0, x1] = tieTerms(x);
  const [yTie, y0, y1] = tieTerms(y);
  if (n < 2 || xTie === total || yTie === total) return { tau: null, pValue: null };
  const tau = Math.min(1, Math.max(-1, concordantMinusDiscordant / Math.sqrt(total - xTie) / Math.sqrt(total - yTie)));
  const untied = xTie === 0 && yTie === 0;
  if (untied && (n <= 33 || Math.min(discordant, total - discordant) <= 1)) {
    return { tau, pValue: kendallExactPValue(n, discordant) };
  }
  const m = n * (n - 1);
  const variance = (m * (2 * n + 5) - x1 - y1) / 18 + (2 * xTie * yTie) / m + (x0 * y0) / (9 * m * (n - 2));
  const z = concordantMinusDiscordant / Math.sqrt(variance);
  return { tau, pValue: Math.min(1, 2 * normSf(Math.abs(z))) };
}
