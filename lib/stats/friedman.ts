/**
 * Friedman test, scipy.stats.friedmanchisquare (scipy 1.10): each block's k values ranked
 * (rankdata, ties averaged), tie correction c = 1 − Σ t(t² − 1)/(k(k² − 1)n),
 * χ² = (12/(k n (k + 1))·Σ_j R_j² − 3 n (k + 1))/c with R_j the rank sum of treatment j,
 * p = chi2.sf(χ², k − 1). Also the mean rank of each treatment. Null statistic and p (with the
 * reason) when every block ties (c = 0: scipy divides by zero), fewer than 3 treatments (scipy
 * raises) or no blocks.
 */
import { chi2Sf } from './chisquare';
import { rankdata } from './rankdata';

export interface FriedmanResult {
  statistic: number | null;
  pValue: number | null;
  /** Mean within-block rank of each treatment (column). */
  meanRanks: number[];
  reason?: string;
}

/** `blocks[i][j]`: treatment j's value in block i (no NaN). */
export function friedmanChiSquare(blocks: readonly (readonly number[])[]): FriedmanResult {
  const n = blocks.length;
  const k = blocks[0]?.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  let ties = 0;
  for (const block of blocks) {
    if (block.length !== k) throw new RangeError(`friedmanChiSquare: blocks of ${k} and ${block.length} values — every block needs one value per treatment`);
    const r = rankdata(block);
    r.ranks.forEach((v, j) => (sums[j]! += v));
    for (const t of r.ties) ties += t * (t * t - 1);
  }
  const meanRanks = n === 0 ? [] : sums.map((s) => s / n);
  if (n === 0) return { statistic: null, pValue: null, meanRanks, reason: 'no blocks' };
  if (k < 3) return { statistic: null, pValue: null, meanRanks, reason: `needs 3 or more models, got ${k}` };
  const c = 1 - ties / (k * (k * k - 1) * n);
  if (c === 0) return { statistic: null, pValue: null, meanRanks, reason: 'every block ties (all models equal in each block)' };
  let ssbn = 0;
  for (const s of sums) ssbn += s * s;
  const statistic = ((12.0 / (k * n * (k + 1))) * ssbn - 3 * n * (k + 1)) / c;
  return { statistic, pValue: chi2Sf(statistic, k - 1), meanRanks };
}
