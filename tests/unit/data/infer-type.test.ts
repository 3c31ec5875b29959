import { describe, expect, it } from 'vitest';
import { inferColumnType, isIsoDate } from '../../../lib/data/infer-type';
import { isMissing, MISSING_TOKENS } from '../../../lib/data/missing';

describe('missing tokens', () => {
  it('treats exactly the skeleton tokens as missing', () => {
    for (const s of ['', 'NA', 'N/A', 'NaN', 'null', 'None', '  ']) expect(isMissing(s)).toBe(true);
    for (const s of ['na', 'n/a', 'nil', '0', '-', 'NULLS']) expect(isMissing(s)).toBe(false);
  });
  it('keeps every token at most 4 characters (the column builder relies on it to skip long values)', () => {
    for (const token of MISSING_TOKENS) expect(token.length).toBeLessThanOrEqual(4);
  });
});

describe('inferColumnType', () => {
  it('is numeric when every non-missing value is a finite number', () => {
    expect(inferColumnType(['1', '2.5', 'NA', '', '-3e2'])).toBe('numeric');
  });
  it('is categorical when any value is not a number (including inf)', () => {
    expect(inferColumnType(['1', 'two'])).toBe('categorical');
    expect(inferColumnType(['1', 'inf'])).toBe('categorical');
    expect(inferColumnType(['1,000', '2,000'])).toBe('categorical');
  });
  it('is datetime for ISO 8601 dates and date-times', () => {
    expect(inferColumnType(['2015-01-01', '2015-12-31', 'NA'])).toBe('datetime');
    expect(inferColumnType(['2015-01-01T10:00:00Z', '2015-01-02 11:30'])).toBe('datetime');
    expect(isIsoDate('2015-13-45')).toBe(false);
    expect(inferColumnType(['2015-01-01', 'soon'])).toBe('categorical');
  });
  it('is categorical for an all-missing column', () => {
    expect(inferColumnType(['', 'NA'])).toBe('categorical');
  });
});
