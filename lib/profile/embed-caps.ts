import { formatCount } from '../format';

/**
 * Results embed aggregates, never rows — and a category value is data too: one 50 MB cell would
 * otherwise be copied into every result, report and chart that names it. Values longer than this
 * many characters (code points, Python's len) are cut when embedded; statistics are always
 * computed on the full values before.
 */
export const MAX_EMBEDDED_CHARS = 200;

/** How many embedded values were cut, and the longest one's full length in characters. */
export interface Truncation {
  values: number;
  longest: number;
}

/** Code points of a string (surrogate pairs count once), without materialising it. */
export function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const u = value.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first `max` code points (a surrogate pair is never split). */
function head(value: string, max: number): string {
  let units = 0;
  for (let k = 0; k < max && units < value.length; k++) {
    const u = value.charCodeAt(units);
    units += u >= 0xd800 && u <= 0xdbff && units + 1 < value.length ? 2 : 1;
  }
  return value.slice(0, units);
}

/** Collects the values cut while building one result: each distinct value counts once. */
export class TruncationTally {
  private readonly cut = new Set<string>();
  private longest = 0;

  add(value: string, length: number): void {
    this.cut.add(value);
    this.longest = Math.max(this.longest, length);
  }

  /** The note for the result, or undefined when nothing was cut (results carry it only when it says something). */
  result(): Truncation | undefined {
    return this.cut.size ? { values: this.cut.size, longest: this.longest } : undefined;
  }
}

/**
 * A value as embedded in a result: itself, or its first MAX_EMBEDDED_CHARS characters, '…' and its
 * full length ("abc… (52,428,800 characters)"). Counts the cut in `tally` when given.
 */
export function capValue(value: string, tally?: TruncationTally): string {
  if (value.length <= MAX_EMBEDDED_CHARS) return value;
  const length = codePointLength(value);
  if (length <= MAX_EMBEDDED_CHARS) return value;
  tally?.add(value, length);
  return `${head(value, MAX_EMBEDDED_CHARS)}… (${formatCount(length)} characters)`;
}

/**
 * Labels capped with capValue and kept distinct (a chart keys bars by label): a cut label equal to an
 * earlier one gets " #2", " #3"….
 */
export function capLabels(values: readonly string[], tally?: TruncationTally): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    let label = capValue(value, tally);
    if (label !== value) for (let k = 2; seen.has(label); k++) label = `${capValue(value)} #${k}`;
    seen.add(label);
    out.push(label);
  }
  return out;
}

/** The note a reader sees next to a result whose values were cut. */
export function truncationNote(truncation: Truncation, where = ''): string {
  const values = truncation.values === 1 ? '1 value' : `${formatCount(truncation.values)} values`;
  return `${where}${values} longer than ${MAX_EMBEDDED_CHARS} characters shown cut (longest ${formatCount(truncation.longest)} characters)`;
}
