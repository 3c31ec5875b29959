import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(__dirname, '..', '..');

export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, path)));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

/** |actual − expected| ≤ rel × |expected| (or ≤ rel when expected is 0), with a readable failure. */
export function expectClose(actual: number | null | undefined, expected: number, rel: number, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(actual, what).not.toBeUndefined();
  const tolerance = rel * Math.max(Math.abs(expected), Number.MIN_VALUE);
  const diff = Math.abs((actual as number) - expected);
  expect(diff <= tolerance || actual === expected, `${what}: ${actual} vs ${expected} (|Δ| ${diff} > ${tolerance})`).toBe(true);
}
