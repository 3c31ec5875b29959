/**
 * numpy's default `np.argsort(a)` (kind='quicksort') for float64, step for step: numpy 1.24's
 * `aquicksort_` introsort (median-of-3 quicksort, insertion sort up to 16 elements, heapsort when
 * the depth passes 2·floor(log2 n)), with NaN sorted last. It is not stable, and libraries that
 * call it (NannyML's calibration error and AUROC sampling error) depend on where it leaves tied
 * values — so reproducing their numbers means reproducing its order, not just any sort.
 * (numpy ≥ 1.25 dispatches to AVX-512 sorts on some CPUs; this follows the portable path.)
 */

const SMALL_QUICKSORT = 15;

/** numpy's DOUBLE_LT: a < b, and NaN after every number. */
const less = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** floor(log2 n) (numpy's npy_get_msb). */
function msb(n: number): number {
  let depth = 0;
  while ((n = Math.floor(n / 2)) > 0) depth++;
  return depth;
}

/** numpy's aheapsort_ on tosort[lo .. lo + n - 1] (1-based heap over that slice). */
function heapsort(v: ArrayLike<number>, tosort: Int32Array, lo: number, n: number): void {
  const a = (k: number): number => tosort[lo + k - 1]!;
  const set = (k: number, x: number): void => {
    tosort[lo + k - 1] = x;
  };
  for (let l = n >> 1; l > 0; --l) {
    const tmp = a(l);
    let i = l;
    for (let j = l << 1; j <= n;) {
      if (j < n && less(v[a(j)]!, v[a(j + 1)]!)) j += 1;
      if (!less(v[tmp]!, v[a(j)]!)) break;
      set(i, a(j));
      i = j;
      j += j;
    }
    set(i, tmp);
  }
  for (; n > 1;) {
    const tmp = a(n);
    set(n, a(1));
    n -= 1;
    let i = 1;
    for (let j = 2; j <= n;) {
      if (j < n && less(v[a(j)]!, v[a(j + 1)]!)) j++;
      if (!less(v[tmp]!, v[a(j)]!)) break;
      set(i, a(j));
      i = j;
      j += j;
    }
    set(i, tmp);
  }
}

/** Indices that sort `v` ascending, in exactly the order numpy 1.24's `np.argsort(v)` returns. */
export function numpyArgsort(v: ArrayLike<number>): Int32Array {
  const num = v.length;
  const tosort = new Int32Array(num);
  for (let i = 0; i < num; i++) tosort[i] = i;
  if (num < 2) return tosort;
  const swap = (i: number, j: number): void => {
    const t = tosort[i]!;
    tosort[i] = tosort[j]!;
    tosort[j] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = msb(num) * 2;
  for (;;) {
    if (cdepth < 0) {
      heapsort(v, tosort, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (less(v[tosort[pm]!]!, v[tosort[pl]!]!)) swap(pm, pl);
        if (less(v[tosort[pr]!]!, v[tosort[pm]!]!)) swap(pr, pm);
        if (less(v[tosort[pm]!]!, v[tosort[pl]!]!)) swap(pm, pl);
        const vp = v[tosort[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (less(v[tosort[pi]!]!, vp));
          do --pj;
          while (less(vp, v[tosort[pj]!]!));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, keep sorting the smaller one.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = tosort[pi]!;
        const vv = v[vi]!;
        let pj = pi;
        while (pj > pl && less(vv, v[tosort[pj - 1]!]!)) {
          tosort[pj] = tosort[pj - 1]!;
          pj--;
        }
        tosort[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return tosort;
}
