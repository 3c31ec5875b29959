/**
 * scipy.stats.rankdata(a, method='average'): 1-based ranks, tied values share the mean of the
 * ranks they span. Also returns the tie-group sizes (scipy's find_repeats of the ranks), which
 * the Wilcoxon and Friedman tie corrections sum over. Values must not be NaN.
 */
export interface Ranks {
  ranks: Float64Array;
  /** Size of every group of ≥ 2 equal values. */
  ties: number[];
}

export function rankdata(values: ArrayLike<number>): Ranks {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Float64Array(n);
  const ties: number[] = [];
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    // Ranks start + 1 … end share their mean (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    if (end - start > 1) ties.push(end - start);
    start = end;
  }
  return { ranks, ties };
}
