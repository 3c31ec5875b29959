import { describe, expect, it } from 'vitest';
import { mergeMoments, momentsOf } from '../../../../lib/profile/mergeable/moments';
import type { Moments } from '../../../../lib/profile/mergeable/types';

/** A double as an exact integer at scale 2^1074. */
function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const magnitude = ((bits & ((1n << 52n) - 1n)) | (biased ? 1n << 52n : 0n)) << BigInt(Math.max(biased, 1) - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

/** An exact rational num / (den · 2^1074) as the nearest double (200 fraction bits, then one rounding). */
function toDouble(num: bigint, den: bigint): number {
  const negative = num < 0n;
  const value = Number(((negative ? -num : num) << 200n) / (den << 1074n)) / 2 ** 200;
  return negative ? -value : value;
}

/** The exact mean of doubles (their exact sum, BigInt), rounded once; and exact mean − m for a given m. */
function exactMean(xs: ArrayLike<number>): number {
  let sum = 0n;
  for (let i = 0; i < xs.length; i++) sum += scaled(xs[i]!);
  return toDouble(sum, BigInt(xs.length));
}

function exactResidual(xs: ArrayLike<number>, mean: number): number {
  let sum = 0n;
  for (let i = 0; i < xs.length; i++) sum += scaled(xs[i]!);
  return toDouble(sum - BigInt(xs.length) * scaled(mean), BigInt(xs.length));
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('momentsOf + mergeMoments on a near-zero-mean column (sin(i)·1e-3, as the DuckDB bench column z)', () => {
  // 5 shards of 300k rows: the mean (~1e-9) is ~1e-7 of the values' spread.
  const shards = Array.from({ length: 5 }, (_, k) => Float64Array.from({ length: 300_000 }, (_, i) => Math.sin(k * 300_000 + i) * 1e-3));
  const all = Float64Array.from(shards.flatMap((s) => Array.from(s)));

  it('each shard mean is within 2 ulp of its exact mean, and meanResidual is that exact difference (to 1e-3 of it)', () => {
    for (const shard of shards) {
      const m = momentsOf(shard);
      const exact = exactMean(shard);
      expect(rel(m.mean, exact)).toBeLessThan(4.5e-16);
      // exact − mean computed exactly (BigInt): the residual is that, not rounding noise.
      const residual = exactResidual(shard, m.mean);
      expect(Math.abs(m.meanResidual! - residual)).toBeLessThanOrEqual(Math.abs(residual) * 1e-3);
    }
  });

  it('merged shards give the exact mean to 1e-15 (the residuals used to be rounding noise: 2.8e-12 off on 5 files of 1M rows)', () => {
    const merged = shards.map(momentsOf).reduce((a: Moments, b) => mergeMoments(a, b));
    const exact = exactMean(all);
    expect(rel(merged.mean, exact)).toBeLessThan(1e-15);
    expect(rel(merged.M2, momentsOf(all).M2)).toBeLessThan(1e-13);
  });
});
