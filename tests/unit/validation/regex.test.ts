/**
 * Python `re.search` semantics in JavaScript (lib/validation/regex.ts) and Python's str() of floats
 * (lib/validation/column-values.ts), against Python 3.11's own answers
 * (tests/fixtures/generate_validation.py writes tests/fixtures/validation/python.json).
 */
import { describe, expect, test } from 'vitest';
import { compilePythonRegex, pythonSearch } from '../../../lib/validation/regex';
import { pythonFloatRepr } from '../../../lib/validation/column-values';
import { readJson } from '../../support';

const fixture = readJson<{ texts: string[]; regex: { pattern: string; matches: string[] }[]; reprs: { value: number; repr: string }[] }>(
  'tests/fixtures/validation/python.json',
);

describe('Python regexes as re.search', () => {
  test.each(fixture.regex.map((r) => [r.pattern, r] as const))('%s matches what Python matches', (_p, r) => {
    const regex = compilePythonRegex(r.pattern);
    expect(fixture.texts.filter((t) => pythonSearch(regex, t))).toEqual(r.matches);
  });

  test('a pattern Python rejects, or one we cannot read, is a bad-regex error naming it', () => {
    expect(() => compilePythonRegex('\\q')).toThrow(/regex "\\\\q": bad escape \\q/);
    expect(() => compilePythonRegex('a(?i)b')).toThrow(/inline flags are supported only at the start/);
    expect(() => compilePythonRegex('[ab')).toThrow(/unterminated character set/);
  });
});

describe("Python's float repr", () => {
  test.each(fixture.reprs.map((r) => [r.repr, r.value] as const))('%s', (repr, value) => {
    expect(pythonFloatRepr(value)).toBe(repr);
  });
});
