/**
 * Helpers for the scipy fixtures written by tests/fixtures/generate_stats_numeric.py
 * (tests/fixtures/stats-numeric/*.json): sample decoding and tolerance checks.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export function loadNumericFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/stats-numeric/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

// The fixture number encoding is the same as the other stats fixtures'.
export { num, type Num } from './fixture-utils';

export type SampleSpec =
  | { enc: 'values'; values: number[] }
  | { enc: 'ints'; scale: number; ints: number[] }
  | { enc: 'minstd'; seed: number; n: number; terms: number; scale: number; shift: number };

const MINSTD_A = 48271;
const MINSTD_M = 2147483647;

/** Rebuild a sample (in generation order) with the same float operations as the generator. */
export function decodeSample(spec: SampleSpec): Float64Array {
  switch (spec.enc) {
    case 'values':
      return Float64Array.from(spec.values);
    case 'ints':
      return Float64Array.from(spec.ints, (k) => k / spec.scale);
    case 'minstd': {
      const out = new Float64Array(spec.n);
      let x = spec.seed;
      for (let i = 0; i < spec.n; i++) {
        let s = 0;
        for (let t = 0; t < spec.terms; t++) {
          x = (MINSTD_A * x) % MINSTD_M; // < 2^47, exact in float64
          s += x;
        }
        out[i] = s / spec.scale + spec.shift;
      }
      return out;
    }
  }
}

export function sortedSample(spec: SampleSpec): Float64Array {
  return decodeSample(spec).sort();
}

/**
 * Error of `actual` against scipy's `expected`, relative to |expected| but never
 * below `atol` in absolute terms: |a - e| / max(|e|, atol / rtol) compared to rtol.
 * NaN matches only NaN; identical values (including infinities) always match.
 */
export function closeEnough(actual: number, expected: number, rtol: number, atol = 0): { ok: boolean; rel: number } {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return { ok: Number.isNaN(expected) && Number.isNaN(actual), rel: NaN };
  if (actual === expected) return { ok: true, rel: 0 };
  const diff = Math.abs(actual - expected);
  const rel = expected === 0 ? Infinity : diff / Math.abs(expected);
  return { ok: Number.isFinite(diff) && (diff <= rtol * Math.abs(expected) || diff <= atol), rel };
}

/** Assert `actual` matches scipy's `expected` to `rtol` relative (or `atol` absolute), with a readable message. */
export function expectNear(actual: number, expected: number, rtol: number, label: string, atol = 0): number {
  const { ok, rel } = closeEnough(actual, expected, rtol, atol);
  expect(
    ok,
    `${label}: got ${actual}, scipy ${expected}, |diff| ${Math.abs(actual - expected).toExponential(3)}, ` +
      `relative ${rel.toExponential(3)} > rtol ${rtol}${atol > 0 ? ` (and > atol ${atol})` : ''}`,
  ).toBe(true);
  return Number.isNaN(rel) ? 0 : rel;
}
