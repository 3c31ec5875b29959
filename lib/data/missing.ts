/** Cell values read as missing, matched exactly after trimming (Evidently/pandas-like defaults). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None']);

export function isMissing(raw: string, tokens: ReadonlySet<string> = MISSING_TOKENS): boolean {
  return tokens.has(raw.trim());
}

/** The default tokens plus a user's own (e.g. "-", "?", "n.a."). */
export function missingTokens(extra: readonly string[] = []): ReadonlySet<string> {
  return extra.length ? new Set([...MISSING_TOKENS, ...extra.map((t) => t.trim())]) : MISSING_TOKENS;
}

// inf, -inf, +inf, infinity, -Infinity…: non-finite numbers, counted apart and never tested.
const NON_FINITE = /^([+-]?)(inf|infinity)$/i;

/** ±Infinity for a non-finite number token, undefined otherwise. */
export function parseNonFinite(raw: string): number | undefined {
  const match = NON_FINITE.exec(raw.trim());
  if (!match) return undefined;
  return match[1] === '-' ? -Infinity : Infinity;
}
