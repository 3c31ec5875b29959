/**
 * Helpers for the scipy fixtures written by tests/fixtures/generate_stats.py.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export function loadFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/stats/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** Fixture number: finite floats are JSON numbers, non-finite ones are strings. */
export type Num = number | 'NaN' | 'Infinity' | '-Infinity';

export function num(v: Num): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  return v === 'Infinity' ? Infinity : -Infinity;
}

export type SampleSpec =
  | { enc: 'values'; values: number[] }
  | { enc: 'ints'; scale: number; ints: number[] }
  | { enc: 'counts'; start: number; counts: number[] }
  | { enc: 'grid'; n: number; scale: number; shift: number }
  | { enc: 'ref'; id: string };

/** Rebuild a sample with the same float operations as the Python generator. */
export function decodeSample(spec: SampleSpec, shared: Record<string, SampleSpec> = {}): Float64Array {
  switch (spec.enc) {
    case 'values':
      return Float64Array.from(spec.values);
    case 'ints':
      return Float64Array.from(spec.ints, (k) => k / spec.scale);
    case 'counts': {
      const total = spec.counts.reduce((s, c) => s + c, 0);
      const out = new Float64Array(total);
      let pos = 0;
      spec.counts.forEach((c, i) => {
        out.fill(spec.start + i, pos, pos + c);
        pos += c;
      });
      return out;
    }
    case 'grid': {
      const out = new Float64Array(spec.n);
      for (let i = 0; i < spec.n; i++) out[i] = (i / spec.n) * spec.scale + spec.shift;
      return out;
    }
    case 'ref': {
      const target = shared[spec.id];
      if (!target) throw new Error(`unknown shared sample ${spec.id}`);
      return decodeSample(target, shared);
    }
  }
}

/** Relative error |actual - expected| / max(|expected|, tiny); NaN matches NaN, equal infinities match. */
export function relErr(actual: number, expected: number, tiny = 1e-300): number {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Infinity;
  if (actual === expected) return 0;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Infinity;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), tiny);
}

/** Assert |actual - expected| <= rtol * max(|expected|, tiny), with a readable message. */
export function expectClose(actual: number, expected: number, rtol: number, label: string, tiny = 1e-300): void {
  const err = relErr(actual, expected, tiny);
  expect(err <= rtol, `${label}: got ${actual}, scipy ${expected}, relative error ${err.toExponential(3)} > ${rtol}`).toBe(true);
}
