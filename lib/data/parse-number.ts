const enum Char {
  Plus = 43,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  LowerE = 101,
  UpperE = 69,
  Space = 32,
  Lf = 10,
  Cr = 13,
}

// Exact powers of ten: every 10^k with k ≤ 22 is a double without rounding.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_FAST_DIGITS = 15;
const MAX_FAST_MANTISSA = 1e15;

/**
 * Parses a plain decimal number exactly, or returns undefined when the text is not one:
 * `[+-]digits[.digits][e[+-]digits]`, surrounding spaces allowed (Number() alone would also accept
 * "0x1A", "0b1", "Infinity", "" and " "). A char scan, not a regex: this runs once per cell.
 * A literal beyond the double range is ±Infinity and one below it 0 or −0, as Number() gives: a
 * numeric column counts "1e400" as non-finite rather than becoming text.
 * Up to 15 significant digits and a net power of ten within ±22, the value is one exact integer
 * times or divided by one exact power of ten — a single correctly rounded operation (Clinger's
 * fast path), so it equals Number(text) bit for bit; anything else goes to Number(text).
 */
export function parseNumber(raw: string): number | undefined {
  return parseNumberSpan(raw, 0, raw.length);
}

/** parseNumber on text[from, to), without cutting the string (the CSV reader parses in place). */
export function parseNumberSpan(raw: string, from: number, to: number): number | undefined {
  let start = from;
  let end = to;
  while (start < end && raw.charCodeAt(start) <= Char.Space) start++;
  while (end > start && raw.charCodeAt(end - 1) <= Char.Space) end--;
  let i = start;
  const sign = raw.charCodeAt(i);
  const negative = sign === Char.Minus;
  if (negative || sign === Char.Plus) i++;
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let c = 0;
  for (; i < end; i++) {
    c = raw.charCodeAt(i);
    if (c < Char.Zero || c > Char.Nine) break;
    digits++;
    if (significant > 0 || c !== Char.Zero) {
      significant++;
      mantissa = mantissa * 10 + (c - Char.Zero);
    }
  }
  if (i < end && c === Char.Dot) {
    for (i++; i < end; i++) {
      c = raw.charCodeAt(i);
      if (c < Char.Zero || c > Char.Nine) break;
      digits++;
      scale--;
      if (significant > 0 || c !== Char.Zero) {
        significant++;
        mantissa = mantissa * 10 + (c - Char.Zero);
      }
    }
  }
  if (digits === 0) return undefined;
  if (i < end && (c === Char.LowerE || c === Char.UpperE)) {
    i++;
    const expSign = raw.charCodeAt(i);
    const expNegative = expSign === Char.Minus;
    if (i < end && (expNegative || expSign === Char.Plus)) i++;
    const expStart = i;
    let exponent = 0;
    for (; i < end; i++) {
      c = raw.charCodeAt(i);
      if (c < Char.Zero || c > Char.Nine) break;
      if (exponent < 100_000) exponent = exponent * 10 + (c - Char.Zero);
    }
    if (i === expStart) return undefined;
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== end) return undefined;
  if (significant <= MAX_FAST_DIGITS && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
    return negative ? -value : value;
  }
  // The text is a decimal literal, so Number() is never NaN here: beyond ±1.8e308 it is ±Infinity.
  return Number(raw.slice(start, end));
}

/**
 * parseNumberSpan on bytes[from, to) of an ASCII-compatible encoding (UTF-8, Windows-1252): the
 * same grammar and the same exact fast path, read straight from the file's bytes so no string is
 * made for a number; beyond the fast path, Number() on the (ASCII) text as before.
 */
export function parseNumberBytes(bytes: Uint8Array, from: number, to: number): number | undefined {
  let start = from;
  let end = to;
  while (start < end && bytes[start]! <= Char.Space) start++;
  while (end > start && bytes[end - 1]! <= Char.Space) end--;
  let i = start;
  const sign = bytes[i];
  const negative = sign === Char.Minus;
  if (negative || sign === Char.Plus) i++;
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let c = 0;
  for (; i < end; i++) {
    c = bytes[i]!;
    if (c < Char.Zero || c > Char.Nine) break;
    digits++;
    if (significant > 0 || c !== Char.Zero) {
      significant++;
      mantissa = mantissa * 10 + (c - Char.Zero);
    }
  }
  if (i < end && c === Char.Dot) {
    for (i++; i < end; i++) {
      c = bytes[i]!;
      if (c < Char.Zero || c > Char.Nine) break;
      digits++;
      scale--;
      if (significant > 0 || c !== Char.Zero) {
        significant++;
        mantissa = mantissa * 10 + (c - Char.Zero);
      }
    }
  }
  if (digits === 0) return undefined;
  if (i < end && (c === Char.LowerE || c === Char.UpperE)) {
    i++;
    const expSign = bytes[i];
    const expNegative = expSign === Char.Minus;
    if (i < end && (expNegative || expSign === Char.Plus)) i++;
    const expStart = i;
    let exponent = 0;
    for (; i < end; i++) {
      c = bytes[i]!;
      if (c < Char.Zero || c > Char.Nine) break;
      if (exponent < 100_000) exponent = exponent * 10 + (c - Char.Zero);
    }
    if (i === expStart) return undefined;
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== end) return undefined;
  if (significant <= MAX_FAST_DIGITS && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!;
    return negative ? -value : value;
  }
  return Number(asciiText(bytes, start, end));
}

/**
 * The CSV tokenizer's number reader: a plain decimal (-digits[.digits]) at bytes[i…] ended by the
 * delimiter or a line break. Writes its value to out[at] (no boxed number per field) and returns
 * where it ends, or returns -1: not one, or not on the fast path (left to parseNumberBytes, which
 * then gives the same as before). The same exact fast path as parseNumberBytes.
 */
export function parseDecimalField(bytes: Uint8Array, i: number, delimiter: number, out: Float64Array, at: number): number {
  const length = bytes.length;
  const negative = i < length && bytes[i] === Char.Minus;
  if (negative) i++;
  const integerStart = i;
  let mantissa = 0;
  for (; i < length; i++) {
    const d = bytes[i]! - Char.Zero;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  let digits = i - integerStart;
  let scale = 0;
  if (i < length && bytes[i] === Char.Dot) {
    const fractionStart = ++i;
    for (; i < length; i++) {
      const d = bytes[i]! - Char.Zero;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    digits += i - fractionStart;
    scale = fractionStart - i;
  }
  if (i >= length || digits === 0) return -1;
  const c = bytes[i];
  if (c !== delimiter && c !== Char.Lf && c !== Char.Cr) return -1;
  // Leading zeros add nothing to the mantissa, so "at most 15 significant digits" is mantissa < 10^15
  // (exact: below 2^53 every step is exact, and rounding cannot bring a larger mantissa back under 10^15).
  if (mantissa >= MAX_FAST_MANTISSA || scale < -22) return -1;
  const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa;
  out[at] = negative ? -value : value;
  return i;
}

const ASCII = new TextDecoder('windows-1252');

/** bytes[from, to) known to be ASCII (here: sign, digits, dot, exponent) as a string. */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 64) return ASCII.decode(bytes.subarray(from, to));
  let text = '';
  for (let k = from; k < to; k++) text += String.fromCharCode(bytes[k]!);
  return text;
}

/** How a locale writes numbers: "1.234,5" is { decimal: ',', thousands: '.' }. */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '' | ',' | '.' | ' ' | "'";
}

/** A number written in another locale, rewritten in plain decimal notation for parseNumber. */
export function delocalizeNumber(raw: string, format: NumberFormat): string {
  let s = raw.trim();
  if (format.thousands) s = s.split(format.thousands).join('');
  return format.decimal === ',' ? s.replace(',', '.') : s;
}
