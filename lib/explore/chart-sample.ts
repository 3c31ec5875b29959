import { xoshiro128ss } from '../stats/random';

export const SAMPLE_SIZE = 2000;
export const SAMPLE_SEED = 5;

/**
 * A uniform sample of k of the given rows, in row order, the same on every run: reservoir
 * sampling, Algorithm L (Li 1994, ACM TOMS 20(4)), which skips ahead instead of drawing per row.
 */
export function sampleRows(rows: Int32Array, k = SAMPLE_SIZE, seed = SAMPLE_SEED): Int32Array {
  const n = rows.length;
  if (n <= k) return rows.slice();
  const rng = xoshiro128ss(seed);
  // In (0, 1]: log() stays finite.
  const random = () => 1 - rng.nextDouble();
  const reservoir = rows.slice(0, k);
  let w = Math.exp(Math.log(random()) / k);
  let i = k - 1;
  for (;;) {
    i += Math.floor(Math.log(random()) / Math.log(1 - w)) + 1;
    if (!(i < n)) break;
    reservoir[Math.floor(rng.nextDouble() * k)] = rows[i]!;
    w *= Math.exp(Math.log(random()) / k);
  }
  return reservoir.sort();
}
