import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../lib/data/parse-number';

describe('parseNumber', () => {
  it('parses plain decimals exactly as Number() (correctly rounded)', () => {
    for (const s of ['0', '-0.5', '+3', '1e-7', '2.5E+10', '.5', '5.', '0.1', '123456789012345678901234567890', '4.35']) {
      expect(parseNumber(s)).toBe(Number(s));
    }
    expect(parseNumber(' 42 ')).toBe(42);
  });

  it('rejects what is not a plain finite decimal', () => {
    for (const s of ['', ' ', '0x1A', '0b11', '1,000', '1e', 'inf', '-Infinity', 'NaN', '1 000', '12abc', '--1', '1e400']) {
      expect(parseNumber(s)).toBeUndefined();
    }
  });
});
