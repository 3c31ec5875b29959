/**
 * Wilcoxon signed-rank test, scipy.stats.wilcoxon(x, y, zero_method="wilcox", correction=False,
 * method="approx") two-sided (scipy 1.10 _morestats.py): zero differences dropped, ranks of |d|
 * (ties averaged), T = min(R+, R−), z = (T − c(c + 1)/4)/√((c(c + 1)(2c + 1) − ½ Σ t(t² − 1))/24)
 * over the c non-zero differences and tie groups t, p = 2·Φ(−|z|). The normal approximation is
 * always used (scipy's small-sample "auto" rules changed between versions). Null (with the reason)
 * when every difference is zero (scipy raises).
 */
import { normSf } from './normal';
import { rankdata } from './rankdata';

export interface WilcoxonResult {
  statistic: number | null;
  pValue: number | null;
  z: number | null;
  /** Non-zero differences used. */
  count: number;
  reason?: string;
}

export function wilcoxonSignedRank(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonResult {
  if (x.length !== y.length) throw new RangeError(`wilcoxonSignedRank: ${x.length} and ${y.length} values — give paired samples of one length`);
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]! - y[i]!;
    if (v !== 0) d.push(v);
  }
  const count = d.length;
  if (count === 0) return { statistic: null, pValue: null, z: null, count, reason: x.length === 0 ? 'no pairs' : 'every paired difference is zero' };
  const { ranks, ties } = rankdata(d.map(Math.abs));
  let plus = 0;
  let minus = 0;
  d.forEach((v, i) => (v > 0 ? (plus += ranks[i]!) : (minus += ranks[i]!)));
  const statistic = Math.min(plus, minus);
  const mn = count * (count + 1) * 0.25;
  let se = count * (count + 1) * (2 * count + 1);
  for (const t of ties) se -= 0.5 * (t * (t * t - 1));
  const z = (statistic - mn) / Math.sqrt(se / 24);
  return { statistic, pValue: 2 * normSf(Math.abs(z)), z, count };
}
