/**
 * Helpers for the sklearn fixtures written by tests/fixtures/generate_metrics.py
 * (tests/fixtures/metrics/*.json): column decoding and checks at 1e-9 relative that record the
 * largest relative error seen.
 */
import { expect } from 'vitest';
import { expectClose } from './close';
import { readJson } from './files';
import { num, type Num } from './samples';

export { num, type Num };

export const RTOL = 1e-9;

export type FloatColumn = { enc: 'values'; values: (number | null)[] } | { enc: 'ints'; scale: number; ints: (number | null)[] };

export function loadMetricsFixture<T>(name: string): T {
  return readJson<T>(`tests/fixtures/metrics/${name}`);
}

/** A float column with the generator's float operations; null stays null (missing). */
export function decodeColumn(col: FloatColumn): (number | null)[] {
  if (col.enc === 'values') return col.values;
  return col.ints.map((k) => (k === null ? null : k / col.scale));
}

/** Largest relative error per test file, for the report. */
export const maxError = { value: 0, what: '' };

/** `actual` vs sklearn's `expected` to RTOL relative (exact for 0); null expected means null. */
export function close(actual: number | null | undefined, expected: Num | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  const rel = expectClose(actual, num(expected), RTOL, what);
  if (rel > maxError.value) {
    maxError.value = rel;
    maxError.what = what;
  }
}

export function closeArray(actual: ArrayLike<number>, expected: Num[], what: string, every = 1, length?: number): void {
  if (length !== undefined) expect(actual.length, `${what} length`).toBe(length);
  else expect(actual.length, `${what} length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i * every], e, `${what}[${i * every}]`));
}
