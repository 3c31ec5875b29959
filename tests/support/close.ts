/**
 * The one tolerance check for numbers compared with a reference implementation (scipy,
 * sklearn, mpmath…). Tests state their tolerance explicitly: 1e-9 relative for statistics
 * and 1e-6 for p-values by the house standard, tighter where a test asks for more.
 */
import { expect } from 'vitest';

export interface Tolerance {
  /** Relative: passes when |actual − expected| ≤ rel · |expected| (so an expected 0 must be met exactly)… */
  rel: number;
  /** …or when |actual − expected| ≤ abs (an absolute floor for values at or near 0; 0 when absent). */
  abs?: number;
}

/**
 * Relative to max(|expected|, tiny): below `tiny` (1e-300 by default) the comparison becomes
 * absolute at rel × tiny, so a reference result that underflows to a subnormal (scipy's
 * 1.5e-321) is met by 0. The scipy fixtures of lib/stats were always checked this way.
 */
export function relFloor(rel: number, tiny = 1e-300): Tolerance {
  return { rel, abs: rel * tiny };
}

/**
 * |actual − expected| / |expected|: 0 when identical (same infinity included) or both NaN,
 * Infinity when only one is NaN or non-finite, or when expected is 0 and actual is not.
 */
export function relativeError(actual: number, expected: number): number {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual) ? 0 : Infinity;
  if (actual === expected) return 0;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Whether `actual` meets `expected` within `tolerance` (a number is a relative tolerance). */
export function isClose(actual: number, expected: number, tolerance: number | Tolerance): boolean {
  const { rel, abs = 0 } = typeof tolerance === 'number' ? { rel: tolerance } : tolerance;
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (actual === expected) return true;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  const diff = Math.abs(actual - expected);
  return diff <= rel * Math.abs(expected) || diff <= abs;
}

/**
 * Asserts `actual` meets the reference `expected` within `tolerance` (a number is a relative
 * tolerance, `{rel, abs}` adds an absolute floor); null or undefined never passes. NaN matches
 * only NaN and an infinity only itself. Returns the relative error, for tests that report the
 * largest one seen.
 */
export function expectClose(actual: number | null | undefined, expected: number, tolerance: number | Tolerance, what: string): number {
  expect(actual, `${what}: got ${actual}, expected ${expected}`).toBeTypeOf('number');
  const value = actual as number;
  const { rel, abs = 0 } = typeof tolerance === 'number' ? { rel: tolerance } : tolerance;
  const diff = Math.abs(value - expected);
  const error = relativeError(value, expected);
  expect(
    isClose(value, expected, tolerance),
    `${what}: got ${value}, expected ${expected}, |Δ| ${diff.toExponential(3)}, relative ${error.toExponential(3)} > ${rel}${abs > 0 ? ` (and |Δ| > ${abs})` : ''}`,
  ).toBe(true);
  return error;
}

/** expectClose, or — when the reference is null (undefined there: NaN, a raise) — asserts `actual` is null too. */
export function expectCloseOrNull(actual: number | null | undefined, expected: number | null, tolerance: number | Tolerance, what: string): void {
  if (expected === null) expect(actual, `${what}: expected null (undefined), got ${actual}`).toBeNull();
  else expectClose(actual, expected, tolerance, what);
}
