/** Cell values read as missing (the walking-skeleton definition; matched exactly, after trimming). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'null', 'None']);

export function isMissing(raw: string): boolean {
  return MISSING_TOKENS.has(raw.trim());
}
