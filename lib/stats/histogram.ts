/**
 * Histogram primitives that reproduce numpy 1.24 bit for bit: np.linspace, the 'sturges'
 * edges of np.histogram_bin_edges, and np.histogram's counts for given edges.
 */

/**
 * numpy.linspace(a, b, num) with endpoint=True (numpy/core/function_base.py): y[i] = i*step + a
 * with step = (b − a)/(num − 1), two roundings and no fused multiply-add, last value set to b.
 * When step underflows to 0 numpy computes (i/div)·delta + a instead (gh-5437).
 */
export function linspace(a: number, b: number, num: number): Float64Array {
  if (!Number.isInteger(num) || num < 0) throw new RangeError(`linspace: num must be a non-negative integer, got ${num}`);
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = b - a;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) {
      for (let i = 0; i < num; i++) out[i] = (i / div) * delta + a;
    } else {
      for (let i = 0; i < num; i++) out[i] = i * step + a;
    }
    out[div] = b;
  } else if (num === 1) {
    out[0] = 0 * delta + a;
  }
  return out;
}

/**
 * np.histogram_bin_edges(values, bins='sturges') from the sample's min, max and size
 * (numpy/lib/histograms.py _get_bin_edges): width = ptp / (log2(n) + 1),
 * bins = ceil((last − first) / width) or 1 when width is 0, edges = linspace(first, last, bins + 1);
 * a zero range is widened to [min − 0.5, max + 0.5] and an empty sample gets [0, 1].
 */
export function sturgesEdgesOfRange(min: number, max: number, count: number): Float64Array {
  if (count === 0) return linspace(0, 1, 2);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new RangeError(`sturges: autodetected range of [${min}, ${max}] is not finite`);
  }
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const width = (max - min) / (Math.log2(count) + 1.0);
  const bins = width ? Math.ceil((last - first) / width) : 1;
  return linspace(first, last, bins + 1);
}

/** np.histogram_bin_edges(values, bins='sturges'); values in any order, all finite. */
export function sturgesEdges(values: ArrayLike<number>): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new RangeError('sturges: values contain NaN');
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return sturgesEdgesOfRange(min, max, values.length);
}

/** First index i with sorted[i] >= x (numpy searchsorted side='left'). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with sorted[i] > x (numpy searchsorted side='right'). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * np.histogram(values, bins=edges)[0] for ascending `sorted` values: bin k holds
 * edges[k] ≤ v < edges[k+1], the last bin also v = edges[last]; values outside are dropped.
 * Same cumulative searchsorted as numpy's non-uniform path (_search_sorted_inclusive);
 * ±Infinity outer edges are fine. Edges must be non-decreasing (numpy's own check).
 */
export function histogramCounts(sorted: Float64Array, edges: ArrayLike<number>): Float64Array {
  const nb = edges.length - 1;
  if (nb < 1) throw new RangeError(`histogram: needs at least 2 edges, got ${edges.length}`);
  for (let k = 0; k < nb; k++) {
    if (!(edges[k]! <= edges[k + 1]!)) throw new RangeError(`histogram: bins must increase monotonically, edge ${k + 1} is ${edges[k + 1]}`);
  }
  const counts = new Float64Array(nb);
  let prev = lowerBound(sorted, edges[0]!);
  for (let k = 0; k < nb; k++) {
    const next = k + 1 === nb ? upperBound(sorted, edges[nb]!) : lowerBound(sorted, edges[k + 1]!);
    counts[k] = next - prev;
    prev = next;
  }
  return counts;
}
