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

describe('parseNumber fast path', () => {
  it('equals Number() bit for bit on many random decimals (fast path and fallback)', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 200_000; k++) {
      const digits = 1 + Math.floor(next() * 19);
      let text = '';
      for (let d = 0; d < digits; d++) text += Math.floor(next() * 10);
      const dot = Math.floor(next() * (digits + 1));
      if (next() < 0.7) text = `${text.slice(0, dot)}.${text.slice(dot)}`;
      if (next() < 0.3) text += `e${next() < 0.5 ? '-' : ''}${Math.floor(next() * 40)}`;
      if (next() < 0.5) text = `-${text}`;
      const want = Number(text);
      const got = parseNumber(text);
      if (!Number.isFinite(want)) {
        expect(got).toBeUndefined();
        continue;
      }
      if (!Object.is(got, want)) throw new Error(`${text}: ${got} !== ${want}`);
    }
  });

  it('keeps the sign of zero and handles leading zeros', () => {
    expect(Object.is(parseNumber('-0.0'), -0)).toBe(true);
    expect(parseNumber('000123.4500')).toBe(123.45);
    expect(parseNumber('0.000000000000000000000000001')).toBe(1e-27);
    expect(parseNumber('1234567890123456789')).toBe(Number('1234567890123456789'));
  });
});
