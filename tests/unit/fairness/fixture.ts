/**
 * Helpers for tests/fixtures/fairness/fairness.json (written by tests/fixtures/generate_fairness.py).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { FairnessInput, FairnessOptions, FairnessValue } from '../../../lib/fairness/types';
import { expectClose } from '../../support';

type Encoded<T> = T[] | { enc: 'codes'; levels: T[]; codes: string } | { enc: 'ints'; scale: number; ints: (number | null)[] };

export interface RawInput {
  y_true: Encoded<FairnessValue>;
  y_pred: Encoded<FairnessValue>;
  sensitive: { name: string; values: Encoded<FairnessValue> }[];
  sample_weight?: Encoded<number>;
  scores?: Encoded<number | null>;
}

export interface FairnessCase {
  name: string;
  input: RawInput | { ref: string };
  options: FairnessOptions;
  expected: Record<string, unknown>;
}

export interface FairnessFixture {
  versions: Record<string, string>;
  shared: Record<string, RawInput>;
  cases: FairnessCase[];
}

export function loadFairnessFixture(): FairnessFixture {
  return JSON.parse(readFileSync(new URL('../../fixtures/fairness/fairness.json', import.meta.url), 'utf8')) as FairnessFixture;
}

/** Same float operations as the generator: codes index base-36 into levels, ints are k / scale. */
function decode<T>(spec: Encoded<T>): (T | number | null)[] {
  if (Array.isArray(spec)) return spec;
  if (spec.enc === 'codes') return Array.from(spec.codes, (ch) => spec.levels[parseInt(ch, 36)]!);
  return spec.ints.map((k) => (k === null ? null : k / spec.scale));
}

export function decodeInput(c: FairnessCase, shared: Record<string, RawInput>): FairnessInput {
  const raw = 'ref' in c.input ? shared[c.input.ref]! : c.input;
  return {
    yTrue: decode(raw.y_true) as FairnessValue[],
    yPred: decode(raw.y_pred) as FairnessValue[],
    sensitive: raw.sensitive.map((f) => ({ name: f.name, values: decode(f.values) as FairnessValue[] })),
    ...(raw.sample_weight ? { sampleWeight: Float64Array.from(decode(raw.sample_weight) as number[]) } : {}),
    ...(raw.scores ? { scores: decode(raw.scores) as (number | null)[] } : {}),
  };
}

/** Fields Driftbook adds that the generator does not compute (text, not numbers). */
const EXTRA_FIELDS = new Set(['kind', 'schemaVersion', 'undefined_rates', 'warnings', 'algorithm', 'formula']);
/** Below this, expected values are cancellations (max − min of equal rates): compared absolutely. */
const TINY = 1e-12;

export const observed = { maxRelativeError: 0, comparisons: 0 };

function compareNumber(actual: unknown, expected: number, rel: number, what: string): void {
  observed.comparisons++;
  if (Math.abs(expected) < TINY) {
    expect(typeof actual, what).toBe('number');
    expect(Math.abs((actual as number) - expected), `${what}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-15);
    return;
  }
  expectClose(actual as number, expected, rel, what);
  observed.maxRelativeError = Math.max(observed.maxRelativeError, Math.abs((actual as number) - expected) / Math.abs(expected));
}

/** Deep comparison: numbers within `rel`, "NaN" as null, same fields apart from EXTRA_FIELDS. */
export function expectMatches(actual: unknown, expected: unknown, rel: number, what: string): void {
  if (expected === 'NaN') {
    expect(actual, `${what} (NaN in pandas)`).toBeNull();
  } else if (typeof expected === 'number') {
    compareNumber(actual, expected, rel, what);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${what} is an array`).toBe(true);
    const got = actual as unknown[];
    expect(got.length, `${what} length`).toBe(expected.length);
    expected.forEach((e, i) => expectMatches(got[i], e, rel, `${what}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, what).toBeTypeOf('object');
    const got = actual as Record<string, unknown>;
    const fields = Object.keys(got).filter((k) => !EXTRA_FIELDS.has(k));
    expect(fields.sort(), `${what} fields`).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectMatches(got[k], e, rel, `${what}.${k}`);
  } else {
    expect(actual, what).toEqual(expected);
  }
}
