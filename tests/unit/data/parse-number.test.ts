import { describe, expect, it } from 'vitest';
import { parseDecimalField, parseNumber, parseNumberBytes } from '../../../lib/data/parse-number';

describe('parseNumber', () => {
  it('parses plain decimals exactly as Number() (correctly rounded)', () => {
    for (const s of ['0', '-0.5', '+3', '1e-7', '2.5E+10', '.5', '5.', '0.1', '123456789012345678901234567890', '4.35']) {
      expect(parseNumber(s)).toBe(Number(s));
    }
    expect(parseNumber(' 42 ')).toBe(42);
  });

  it('rejects what is not a plain decimal', () => {
    for (const s of ['', ' ', '0x1A', '0b11', '1,000', '1e', 'inf', '-Infinity', 'NaN', '1 000', '12abc', '--1', '1e400x', 'e400']) {
      expect(parseNumber(s)).toBeUndefined();
    }
  });

  it('gives ±Infinity for a decimal literal beyond the double range and 0/−0 below it, as Number() does', () => {
    for (const s of ['1e400', '-1e400', '+1E309', '1.8e308', '-179769313486231590000e289', '1e99999999999', ' 1e400 ', '1e-400', '-1e-400', '2.4e-324']) {
      expect(Object.is(parseNumber(s), Number(s.trim())), s).toBe(true);
      expect(Number.isNaN(Number(s.trim()))).toBe(false);
    }
    expect(parseNumber('1e400')).toBe(Infinity);
    expect(parseNumber('-1e400')).toBe(-Infinity);
    expect(Object.is(parseNumber('-1e-400'), -0)).toBe(true);
    // The largest double still parses as itself; one rounding step above it overflows.
    expect(parseNumber('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseNumber('1.7976931348623159e308')).toBe(Infinity);
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

describe("parseNumberBytes and parseDecimalField (numbers read from a CSV file's bytes)", () => {
  const bytesOf = (text: string) => new TextEncoder().encode(text);

  it('parseNumberBytes equals parseNumber on the same text, spans inside a larger buffer included', () => {
    const texts = [
      '0',
      '-0',
      ' 42 ',
      '\t7',
      '+3',
      '1e-7',
      '2.5E+10',
      '.5',
      '5.',
      '1e400',
      '1e-400',
      '0x1A',
      '',
      ' ',
      '1,5',
      'inf',
      '12abc',
      '--1',
      '1e',
      '9007199254740993',
      '0.1234567890123456789',
      'é1',
    ];
    for (const text of texts) {
      const bytes = bytesOf(`-${text}-`);
      expect(Object.is(parseNumberBytes(bytes, 1, bytes.length - 1), parseNumber(text)), text).toBe(true);
    }
  });

  it('parseNumberBytes equals Number() bit for bit on many random decimals (fast path and fallback)', () => {
    let seed = 4242;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 100_000; k++) {
      const digits = 1 + Math.floor(next() * 19);
      let text = '';
      for (let d = 0; d < digits; d++) text += Math.floor(next() * 10);
      const dot = Math.floor(next() * (digits + 1));
      if (next() < 0.7) text = `${text.slice(0, dot)}.${text.slice(dot)}`;
      // Exponents up to ±420 reach past the double range both ways (overflow to ±Infinity, underflow to ±0).
      if (next() < 0.3) text += `e${next() < 0.5 ? '-' : '+'}${Math.floor(next() * (next() < 0.8 ? 40 : 420))}`;
      if (next() < 0.5) text = `-${text}`;
      const want = Number(text);
      const bytes = bytesOf(text);
      const got = parseNumberBytes(bytes, 0, bytes.length);
      if (!Object.is(got, want)) throw new Error(`${text}: ${got} !== ${want}`);
    }
  });

  it('parseDecimalField reads plain decimals ended by the delimiter or a line break, exactly, and declines the rest', () => {
    const out = new Float64Array(1);
    const read = (text: string) => {
      out[0] = NaN;
      const end = parseDecimalField(bytesOf(text), 0, 44, out, 0);
      return end < 0 ? undefined : { end, value: out[0] };
    };
    for (const [text, number] of [
      ['1.5,', '1.5'],
      ['-0\n', '-0'],
      ['007.50\r', '007.50'],
      ['.5,', '.5'],
      ['5.,', '5.'],
      ['123456789012345,', '123456789012345'],
      ['0.0000000000000000000001,', '0.0000000000000000000001'],
    ]) {
      const got = read(text!);
      expect(got?.end).toBe(number!.length);
      expect(Object.is(got?.value, Number(number))).toBe(true);
    }
    // Exponents, signs, spaces, 16+ significant digits, 23+ decimals, no terminator: left to parseNumberBytes.
    for (const text of ['1e3,', '+1,', ' 1,', '1 ,', '1234567890123456,', '0.00000000000000000000001,', '1.5', '-,', '.,', '1.2.3,', '1x,'])
      expect(read(text), text).toBeUndefined();
  });
});
