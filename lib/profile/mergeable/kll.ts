import type { KllSketch } from './types';

/**
 * KLL quantile sketch (Karnin, Lang & Liberty, "Optimal Quantile Approximation in Streams",
 * FOCS 2016), in the lazy form of Apache DataSketches' KllDoublesSketch: level h holds items of
 * weight 2^h with capacity max(8, ⌈k·(2/3)^(depth)⌉); a full level is sorted and every other item
 * (random offset) promoted. Mergeable: levels are concatenated, then compacted.
 */

const MIN_LEVEL_CAPACITY = 8;

/**
 * Normalized rank error of one rank/quantile query at 99 % confidence, from DataSketches'
 * KllHelper.getNormalizedRankError(k, false) = 2.296 / k^0.9723 (1.33 % at k = 200).
 */
export function kllRankErrorBound(k: number): number {
  return 2.296 / Math.pow(k, 0.9723);
}

export function createKll(k: number, seed = 0x9e3779b9): KllSketch {
  if (!Number.isInteger(k) || k < MIN_LEVEL_CAPACITY) throw new RangeError(`sketch k: ${k}, must be an integer ≥ ${MIN_LEVEL_CAPACITY}`);
  return { kind: 'kll', k, n: 0, levels: [[]], seed: seed >>> 0 || 1 };
}

function capacity(k: number, numLevels: number, h: number): number {
  return Math.max(MIN_LEVEL_CAPACITY, Math.ceil(k * Math.pow(2 / 3, numLevels - h - 1)));
}

// xorshift32: a deterministic coin, so building and merging give the same sketch every run.
function nextCoin(sketch: KllSketch): number {
  let x = sketch.seed;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  sketch.seed = x >>> 0;
  return sketch.seed & 1;
}

function compactLevel(sketch: KllSketch, h: number): void {
  const level = sketch.levels[h]!;
  if (h + 1 === sketch.levels.length) sketch.levels.push([]);
  // An odd item stays behind (the first inserted), the rest are sorted and halved.
  const kept = level.length % 2 === 1 ? [level[0]!] : [];
  const rest = level.slice(kept.length).sort((a, b) => a - b);
  const offset = nextCoin(sketch);
  const up = sketch.levels[h + 1]!;
  for (let i = offset; i < rest.length; i += 2) up.push(rest[i]!);
  sketch.levels[h] = kept;
}

/** Compacts until the items fit the levels' total capacity; returns the room left. */
function compress(sketch: KllSketch): number {
  for (;;) {
    const numLevels = sketch.levels.length;
    let total = 0;
    let cap = 0;
    for (let h = 0; h < numLevels; h++) {
      total += sketch.levels[h]!.length;
      cap += capacity(sketch.k, numLevels, h);
    }
    if (total <= cap) return cap - total;
    let h = 0;
    while (h < numLevels - 1 && sketch.levels[h]!.length < capacity(sketch.k, numLevels, h)) h++;
    compactLevel(sketch, h);
  }
}

/** Adds finite values, in order. */
export function updateKll(sketch: KllSketch, values: ArrayLike<number>): void {
  // compress() changes nothing until level 0 is full and the total passes the total capacity.
  let checkAt = capacity(sketch.k, sketch.levels.length, 0);
  for (let i = 0; i < values.length; i++) {
    const level0 = sketch.levels[0]!;
    level0.push(values[i]!);
    sketch.n++;
    if (level0.length >= checkAt) {
      const room = compress(sketch);
      checkAt = Math.max(capacity(sketch.k, sketch.levels.length, 0), sketch.levels[0]!.length + room + 1);
    }
  }
}

/** A new sketch summarising both inputs' values (same k required; the caller checks). */
export function mergeKll(a: KllSketch, b: KllSketch): KllSketch {
  const numLevels = Math.max(a.levels.length, b.levels.length);
  const levels: number[][] = [];
  for (let h = 0; h < numLevels; h++) levels.push([...(a.levels[h] ?? []), ...(b.levels[h] ?? [])]);
  const merged: KllSketch = { kind: 'kll', k: a.k, n: a.n + b.n, levels, seed: (a.seed ^ (b.seed * 31)) >>> 0 || 1 };
  compress(merged);
  return merged;
}

/** Items with their weights, ascending. */
function weighted(sketch: KllSketch): { values: Float64Array; cumulative: Float64Array } {
  const items: [number, number][] = [];
  sketch.levels.forEach((level, h) => {
    for (const x of level) items.push([x, 2 ** h]);
  });
  items.sort((p, q) => p[0] - q[0]);
  const values = new Float64Array(items.length);
  const cumulative = new Float64Array(items.length);
  let c = 0;
  items.forEach(([x, w], i) => {
    c += w;
    values[i] = x;
    cumulative[i] = c;
  });
  return { values, cumulative };
}

/** Estimated fraction of values ≤ x. */
export function kllRank(sketch: KllSketch, x: number): number {
  const { values, cumulative } = weighted(sketch);
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  const total = cumulative.length ? cumulative[cumulative.length - 1]! : 0;
  return lo === 0 || total === 0 ? 0 : cumulative[lo - 1]! / total;
}

/** Estimated q-quantile: the smallest retained item whose cumulative weight reaches q·n (NaN when empty). */
export function kllQuantile(sketch: KllSketch, q: number): number {
  const { values, cumulative } = weighted(sketch);
  if (!values.length) return NaN;
  const total = cumulative[cumulative.length - 1]!;
  const target = q * total;
  for (let i = 0; i < values.length; i++) if (cumulative[i]! >= target) return values[i]!;
  return values[values.length - 1]!;
}
