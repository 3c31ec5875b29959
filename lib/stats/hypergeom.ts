/**
 * Hypergeometric distribution of the top-left cell of a 2x2 table with fixed
 * margins (scipy.stats.hypergeom as used by fisher_exact), accurate for
 * counts in the millions.
 *
 * log pmf in the saddle-point form of Loader (2000), written symmetrically in
 * the four cells c with expected counts e_c = row * col / M:
 *   log P = -sum_c bd0(c, e_c) + 1/2 log(r1 r2 c1 c2 / (M prod_{c>0} c))
 *           + (3 - #{c > 0}) / 2 log(2 pi)
 *           + sum_margins stirlerr(m) - stirlerr(M) - sum_{c>0} stirlerr(c),
 * bd0(x, m) = x log(x/m) + m - x. No term is of size M (unlike a difference
 * of log-factorials), so the absolute error in log P is ~1e-16 (|log P| + 1).
 * The cell terms are summed in sorted order: tables related by a row or
 * column symmetry get bit-identical pmfs, which keeps fisher_exact's
 * "pmf <= pexact (1 + 1e-14)" comparisons exact for mirrored tables.
 */

const LN_2PI = 1.8378770664093453;

import { bd0, stirlerr } from './loader-terms';

/** Law of the (0,0) cell given row sums r1, r2 > 0 and first column sum 0 < c1 < r1 + r2. */
export class Hypergeom2x2 {
  readonly total: number;
  /** Support [lo, hi]. */
  readonly lo: number;
  readonly hi: number;
  private readonly c2: number;
  private readonly marginTerm: number;

  constructor(
    private readonly r1: number,
    private readonly r2: number,
    private readonly c1: number,
  ) {
    this.total = r1 + r2;
    this.c2 = this.total - c1;
    this.lo = Math.max(0, c1 - r2);
    this.hi = Math.min(r1, c1);
    const margins = [r1, r2, c1, this.c2];
    let st = -stirlerr(this.total);
    for (const m of margins) st += m > 0 ? stirlerr(m) : 0;
    this.marginTerm = st;
  }

  /** log P(X = k); -Infinity outside the support. */
  logPmf(k: number): number {
    if (k < this.lo || k > this.hi) return -Infinity;
    const { r1, r2, c1, c2, total } = this;
    const cells: [number, number][] = [
      [k, (r1 * c1) / total],
      [r1 - k, (r1 * c2) / total],
      [c1 - k, (r2 * c1) / total],
      [r2 - c1 + k, (r2 * c2) / total],
    ];
    cells.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let dev = 0;
    let st = 0;
    let num = 1;
    let den = total;
    let nonzero = 0;
    for (const [c, e] of cells) {
      dev += bd0(c, e);
      if (c > 0) {
        st += stirlerr(c);
        den *= c;
        nonzero++;
      }
    }
    for (const m of [r1, r2, c1, c2]) num *= m;
    // Separate factors keep the products of up to four ~1e6 counts far from overflow.
    const logSqrt = 0.5 * (Math.log(num / den) + (3 - nonzero) * LN_2PI);
    return -dev + logSqrt + this.marginTerm - st;
  }

  pmf(k: number): number {
    return Math.exp(this.logPmf(k));
  }

  /** P(X = k+1) / P(X = k). */
  private ratioUp(k: number): number {
    return ((this.r1 - k) * (this.c1 - k)) / ((k + 1) * (this.r2 - this.c1 + k + 1));
  }

  /** P(X = k-1) / P(X = k). */
  private ratioDown(k: number): number {
    return (k * (this.r2 - this.c1 + k)) / ((this.r1 - k + 1) * (this.c1 - k + 1));
  }

  /**
   * sum_{k=from}^{to} P(X = k), starting from the point of the range nearest
   * the mode and walking outward with the pmf ratio; each walk stops once the
   * remaining (log-concave, so geometrically bounded) tail is below 1e-17 of the sum.
   */
  sum(from: number, to: number, mode: number): number {
    const a = Math.max(from, this.lo);
    const b = Math.min(to, this.hi);
    if (a > b) return 0;
    const start = Math.min(Math.max(mode, a), b);
    const p0 = this.pmf(start);
    if (p0 === 0) return 0; // start is the largest term of the range
    let total = p0;
    let term = p0;
    for (let k = start; k < b; k++) {
      const r = this.ratioUp(k);
      term *= r;
      total += term;
      if (r < 1 && term * r < 1e-17 * total * (1 - r)) break;
    }
    term = p0;
    for (let k = start; k > a; k--) {
      const r = this.ratioDown(k);
      term *= r;
      total += term;
      if (r < 1 && term * r < 1e-17 * total * (1 - r)) break;
    }
    return total;
  }
}
