/**
 * Bit-exact replica of numpy's float64 `np.sum` / `np.add.reduce` (numpy
 * 1.24), so that means and variances match scipy to the last bit. That
 * matters for degenerate input: scipy.stats.ttest_ind([0.1]*10, [0.1]*7) is
 * not NaN but t = 2.97, because np.mean([0.1]*7) != 0.1.
 *
 * numpy's reduction iterator hands the inner loop blocks of at most 8192
 * elements (the ufunc buffer size); each block is summed pairwise
 * (umath pairwise_sum: 8-way unrolled leaves of <= 128 elements) and the
 * block sums are accumulated left to right.
 */

const BUFSIZE = 8192;
const PW_BLOCKSIZE = 128;

function pairwise(a: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[start]!;
    let r1 = a[start + 1]!;
    let r2 = a[start + 2]!;
    let r3 = a[start + 3]!;
    let r4 = a[start + 4]!;
    let r5 = a[start + 5]!;
    let r6 = a[start + 6]!;
    let r7 = a[start + 7]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = start + i;
      r0 += a[p]!;
      r1 += a[p + 1]!;
      r2 += a[p + 2]!;
      r3 += a[p + 3]!;
      r4 += a[p + 4]!;
      r5 += a[p + 5]!;
      r6 += a[p + 6]!;
      r7 += a[p + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
}

/** Sum of a float64 array exactly as numpy 1.24 computes `a.sum()` for a contiguous 1-D array. */
export function numpySum(a: ArrayLike<number>): number {
  let out = 0;
  for (let start = 0; start < a.length; start += BUFSIZE) {
    out += pairwise(a, start, Math.min(BUFSIZE, a.length - start));
  }
  return out;
}
