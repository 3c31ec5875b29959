// Plain decimal notation only: Number() alone would also accept "0x1A", "0b1", "" and " ".
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a decimal number exactly (Number() is correctly rounded), or returns undefined when
 * the text is not a plain finite decimal (thousands separators, hex, "inf" are not numbers here).
 */
export function parseNumber(raw: string): number | undefined {
  const s = raw.trim();
  if (!DECIMAL.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}
