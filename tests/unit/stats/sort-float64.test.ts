import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../../lib/stats/sort-float64';

function random(n: number, seed: number, make: (u: number) => number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => make((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648));
}

function expectSameAsNative(values: Float64Array): void {
  const want = values.slice().sort();
  const got = sortFloat64(values.slice());
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) throw new Error(`index ${i}: ${got[i]} vs ${want[i]}`);
  }
}

describe('sortFloat64', () => {
  it('sorts exactly like Float64Array.prototype.sort, for mixed signs, zeros, ties and extremes', () => {
    const special = [0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 1, -1];
    expectSameAsNative(random(50_000, 1, (u) => (u - 0.5) * 1e6));
    expectSameAsNative(random(50_000, 2, (u) => Math.round(u * 20) - 10));
    expectSameAsNative(random(50_000, 3, (u) => special[Math.floor(u * special.length)]!));
    expectSameAsNative(random(50_000, 4, (u) => Math.exp((u - 0.5) * 1400) * (u < 0.3 ? -1 : 1)));
    expectSameAsNative(random(100, 5, (u) => u - 0.5));
    expectSameAsNative(new Float64Array(10_000).fill(3.25));
    // Digits the same everywhere are skipped, so the passes left may be odd in number (the result then
    // comes back from the scratch buffer) or even (the last pass writes the caller's array):
    // float32 values (3 passes), small integers (2), powers of two (1), with both zeros.
    expectSameAsNative(random(50_000, 7, (u) => Math.fround((u - 0.5) * 1e3)));
    expectSameAsNative(random(50_000, 8, (u) => (u < 0.1 ? -0 : Math.round(u * 1e4) - 5e3)));
    expectSameAsNative(random(50_000, 9, (u) => (u < 0.5 ? -1 : 1) * 2 ** Math.floor(u * 40 - 20)));
  });

  it('gives the same result on a second array with the scratch buffer reused, larger then smaller', () => {
    for (const n of [300_000, 9_000, 120_000]) expectSameAsNative(random(n, n, (u) => Math.sin(u * 1e4) * 1e3));
  });

  it('sorts a subarray view in place without touching its neighbours', () => {
    const buffer = random(20_000, 6, (u) => u - 0.5);
    const before = buffer.slice();
    const view = buffer.subarray(1000, 15_000);
    sortFloat64(view);
    expect(buffer[999]).toBe(before[999]);
    expect(buffer[15_000]).toBe(before[15_000]);
    expect(Array.from(view)).toEqual(Array.from(before.subarray(1000, 15_000).sort()));
  });
});
