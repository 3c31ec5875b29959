import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { MAX_COLUMNS, checkColumnCount } from '../../../lib/data/limits';
import { normalizeHeader } from '../../../lib/data/normalize-header';
import { DataError } from '../../../lib/errors';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the column limit', () => {
  it('refuses a CSV with more columns than the limit at its header, naming the count, the limit and what to do', async () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, c) => `c${c}`).join(',');
    const error = await ingestCsv(encode(`${header}\n${header}\n`), 'wide.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('too-many-columns');
    expect((error as DataError).message).toBe(
      'too many columns: 100,001 in wide.csv (limit 100,000) — keep the columns you need (e.g. cut -d, -f1-1000 wide.csv) or split the file into files of at most 100,000 columns',
    );
  });
  it('accepts the limit itself', () => {
    expect(() => checkColumnCount(MAX_COLUMNS, 'f.csv')).not.toThrow();
    expect(() => checkColumnCount(MAX_COLUMNS + 1, 'f.csv')).toThrow(DataError);
  });
});

describe('normalizeHeader on repeated names', () => {
  it('gives each repeat the smallest free suffix, skipping names the header already has', () => {
    const warnings: string[] = [];
    expect(normalizeHeader(['a', 'a_3', 'a', 'a', 'a', 'a_2_2', 'a_2'], warnings)).toEqual(['a', 'a_3', 'a_2', 'a_4', 'a_5', 'a_2_2', 'a_2_3']);
    expect(warnings).toEqual([
      'duplicate header name: "a" renamed "a_2"',
      'duplicate header name: "a" renamed "a_4"',
      'duplicate header name: "a" renamed "a_5"',
      'duplicate header name: "a_2" renamed "a_2_3"',
    ]);
  });
  it('names 50,000 repeats of one name a, a_2 … a_50000 and lists 20 warnings plus a count', () => {
    const warnings: string[] = [];
    const names = normalizeHeader(
      Array.from({ length: 50_000 }, () => 'a'),
      warnings,
    );
    expect(names.at(-1)).toBe('a_50000');
    expect(new Set(names).size).toBe(50_000);
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe('duplicate header names: 49979 more renamed name_2, name_3, …');
  });
  it('counts empty names beyond 20 in one warning', () => {
    const warnings: string[] = [];
    const names = normalizeHeader(
      Array.from({ length: 25 }, () => ''),
      warnings,
    );
    expect(names[24]).toBe('column_25');
    expect(warnings.filter((w) => w.startsWith('empty header name:'))).toHaveLength(20);
    expect(warnings).toContain('empty header names: 5 more named column_N');
  });
});
