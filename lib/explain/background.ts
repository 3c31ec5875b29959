/**
 * The background of interventional Shapley values: a seeded sample without replacement of the
 * source's rows (a partial Fisher–Yates shuffle on xoshiro128**), or the whole source when it
 * has no more rows than asked for.
 */
import { randomInterval, xoshiro128ss } from '../stats/random';

/** Sorted row indices of the sample, or null when the source is used whole. */
export function sampleBackground(sourceRows: number, size: number, seed: number): number[] | null {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`background size must be a positive integer, got ${size}`);
  if (sourceRows <= size) return null;
  const rng = xoshiro128ss(seed);
  const order = new Uint32Array(sourceRows);
  for (let i = 0; i < sourceRows; i++) order[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + randomInterval(rng, sourceRows - 1 - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return Array.from(order.subarray(0, size)).sort((a, b) => a - b);
}
