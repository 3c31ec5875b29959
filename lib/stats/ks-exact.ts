/**
 * Exact two-sided p-value of the two-sample Kolmogorov-Smirnov statistic,
 * Pr(D_{m,n} >= h / lcm(m, n)), ported from scipy 1.10.1
 * (`_compute_prob_outside_square` in scipy/stats/_stats_py.py and the
 * pythran-compiled `_compute_outer_prob_inside_method` in
 * scipy/stats/_stats_pythran.py). Every floating-point operation is done in
 * the same order as scipy, so results are bit-identical.
 */

/**
 * m == n case. Pr = 2 * sum_k (-1)^(k-1) C(2n, n-kh) / C(2n, n), evaluated
 * Horner-style as 2*A0*(1 - A1*(1 - A2*(...))) to avoid cancellation.
 */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0.0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1.0;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1.0 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * m != n case: proportion of lattice paths (0,0)->(m,n) that leave the band
 * |x/m - y/n| < h/lcm, using Viehmann's (arXiv:2102.08037) recursion for the
 * complement so every stored value is a probability in [0, 1]. Only a sliding
 * window of one column of the path-count matrix is kept.
 */
export function outerProbInside(mIn: number, nIn: number, g: number, h: number): number {
  const m = Math.max(mIn, nIn);
  const n = Math.min(mIn, nIn);
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);

  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1.0);
  A.fill(0.0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1.0;
    // A(x,y) from A(x-1,y) and A(x,y-1), both already divided by binomials.
    let val = minj === 0 ? 0.0 : 1.0;
    const shift = minj - lastminj;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + shift]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}
