import { describe, expect, it } from 'vitest';
import { formatCount, formatScore, formatShare, methodLabel } from '../../../lib/report/format';

describe('formatScore', () => {
  it.each([
    [0.05, '0.05'],
    [0.123456, '0.1235'],
    [0.000123456, '0.0001235'],
    [3.2e-9, '3.2e-9'],
    [1e-5, '1e-5'],
    [9.87654e-300, '9.877e-300'],
    [12345.6, '12350'],
    [1, '1'],
    [0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(formatScore(value)).toBe(expected);
  });

  it('shows a null (infinite) statistic as ∞ and a missing one as a dash', () => {
    expect(formatScore(null)).toBe('∞');
    expect(formatScore(Infinity)).toBe('∞');
    expect(formatScore(undefined)).toBe('—');
  });
});

describe('formatCount and formatShare', () => {
  it('groups thousands without depending on the locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
  });

  it('shows shares as percent with at most one decimal', () => {
    expect(formatShare(0.4)).toBe('40%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('methodLabel', () => {
  it('names Evidently method ids and passes unknown ids through', () => {
    expect(methodLabel('ks')).toBe('K–S test');
    expect(methodLabel('my_custom')).toBe('my_custom');
  });
});
