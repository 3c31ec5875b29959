const enum Char {
  Plus = 43,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  LowerE = 101,
  UpperE = 69,
  Space = 32,
}

// Exact powers of ten: every 10^k with k ≤ 22 is a double without rounding.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_FAST_DIGITS = 15;

/**
 * Parses a plain decimal number exactly, or returns undefined when the text is not one:
 * `[+-]digits[.digits][e[+-]digits]`, surrounding spaces allowed (Number() alone would also accept
 * "0x1A", "0b1", "Infinity", "" and " "). A char scan, not a regex: this runs once per cell.
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
  const value = Number(raw.slice(start, end));
  return Number.isFinite(value) ? value : undefined;
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
