/**
 * Fixture numbers and samples as the Python generators write them (tests/fixtures/generate_*.py):
 * non-finite floats as strings, samples as compact recipes rebuilt with the generator's own
 * float operations so every value is bit-identical.
 */
import { readJson } from './files';

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
  | { enc: 'minstd'; seed: number; n: number; terms: number; scale: number; shift: number }
  | { enc: 'ref'; id: string };

const MINSTD_A = 48271;
const MINSTD_M = 2147483647;

/** Rebuild a sample (in generation order); `ref` samples point into the fixture's `shared` map. */
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
    case 'ref': {
      const target = shared[spec.id];
      if (!target) throw new Error(`unknown shared sample ${spec.id}`);
      return decodeSample(target, shared);
    }
  }
}

export function sortedSample(spec: SampleSpec, shared: Record<string, SampleSpec> = {}): Float64Array {
  return decodeSample(spec, shared).sort();
}

/** tests/fixtures/stats/<name> (generate_stats.py). */
export function loadStatsFixture<T>(name: string): T {
  return readJson<T>(`tests/fixtures/stats/${name}`);
}

/** tests/fixtures/stats-numeric/<name> (generate_stats_numeric.py). */
export function loadNumericFixture<T>(name: string): T {
  return readJson<T>(`tests/fixtures/stats-numeric/${name}`);
}
