import { describe, expect, it } from 'vitest';
import { decideColumnType, parseBoolean, type ColumnEvidence } from '../../../lib/data/infer-type';
import { isMissing, missingTokens, MISSING_TOKENS, parseNonFinite } from '../../../lib/data/missing';

describe('missing and non-finite tokens', () => {
  it('reads the default tokens as missing, exactly (after trimming)', () => {
    for (const s of ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '  ']) expect(isMissing(s)).toBe(true);
    for (const s of ['na', 'n/a', 'nil', '0', '-', 'NULLS', 'none']) expect(isMissing(s)).toBe(false);
  });
  it('adds a user list to the defaults', () => {
    const tokens = missingTokens(['-', ' n.a. ']);
    expect(isMissing('-', tokens)).toBe(true);
    expect(isMissing('n.a.', tokens)).toBe(true);
    expect(isMissing('NA', tokens)).toBe(true);
    expect(missingTokens()).toBe(MISSING_TOKENS);
  });
  it('parses inf / infinity tokens, any case and sign, as non-finite numbers', () => {
    expect(parseNonFinite('inf')).toBe(Infinity);
    expect(parseNonFinite('-Infinity')).toBe(-Infinity);
    expect(parseNonFinite(' +INF ')).toBe(Infinity);
    expect(parseNonFinite('infinite')).toBeUndefined();
  });
  it('parses boolean tokens', () => {
    expect(['true', 'Yes', 'T', 'TRUE'].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'no', 'F'].map(parseBoolean)).toEqual([false, false, false]);
    expect(parseBoolean('1')).toBeUndefined();
  });
});

const base: ColumnEvidence = { numeric: false, values: 100, distinct: 3, allIntegers: false, allDates: false, allBooleans: false };

describe("decideColumnType (Evidently 0.7's rules)", () => {
  it.each([
    ['floats', { ...base, numeric: true, distinct: undefined }, 'numeric'],
    ['integers with 11+ distinct values', { ...base, numeric: true, allIntegers: true, distinct: undefined }, 'numeric'],
    ['integers with ≤ 10 distinct values', { ...base, numeric: true, allIntegers: true, distinct: 10 }, 'categorical'],
    ['few distinct floats', { ...base, numeric: true, distinct: 3 }, 'numeric'],
    ['ISO dates', { ...base, allDates: true, distinct: 90 }, 'datetime'],
    ['boolean tokens', { ...base, allBooleans: true, distinct: 2 }, 'boolean'],
    ['strings, distinct > half the values', { ...base, distinct: 51 }, 'text'],
    ['strings, distinct = half the values', { ...base, distinct: 50 }, 'categorical'],
    ['no values', { ...base, values: 0, distinct: 0 }, 'categorical'],
  ] as const)('%s → %s', (_what, evidence, type) => {
    expect(decideColumnType(evidence)).toBe(type);
  });
});
