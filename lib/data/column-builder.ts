import { isIsoDate } from './infer-type';
import { MISSING_TOKENS } from './missing';
import { unescapeQuotes } from './csv-tokenizer';
import { parseNumber, parseNumberSpan } from './parse-number';

/** A growable typed array: doubling capacity, trimmed on finish. */
class Growable<T extends Float64Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(private data: T, private readonly make: (n: number) => T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  finish(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const INITIAL = 1 << 14;

// Every missing token is at most 4 characters: longer text without surrounding spaces is a value.
function isMissingToken(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  if (n > 4 && raw.charCodeAt(0) > 32 && raw.charCodeAt(n - 1) > 32) return false;
  return MISSING_TOKENS.has(raw.trim());
}

/**
 * Collects one column's values while the file streams. Starts numeric (Float64, NaN + invalid for
 * missing); the first value that is neither a number nor a missing token turns it into strings.
 * Values seen before that were stored as numbers, so such a column is marked `needsRescan` and
 * re-read from the file in a second pass, rather than rebuilding text from numbers (which would
 * lose "1.50" vs "1.5").
 */
export class ColumnBuilder {
  kind: 'numeric' | 'string' = 'numeric';
  needsRescan = false;
  private numbers = new Growable(new Float64Array(INITIAL), (n) => new Float64Array(n));
  private indices = new Growable(new Int32Array(INITIAL), (n) => new Int32Array(n));
  private valid = new Growable(new Uint8Array(INITIAL), (n) => new Uint8Array(n));
  private lookup = new Map<string, number>();
  readonly dictionary: string[] = [];
  nullCount = 0;
  /** True while every distinct string is an ISO 8601 date. */
  allDates = true;

  /** A builder that takes strings from the start (second pass of a rescanned column). */
  static strings(): ColumnBuilder {
    const builder = new ColumnBuilder();
    builder.kind = 'string';
    return builder;
  }

  /** Adds text[start, end) — a field as the tokenizer found it (`escaped`: it holds doubled quotes). */
  pushSpan(text: string, start: number, end: number, escaped: boolean): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric' && !escaped) {
      const value = start === end ? undefined : parseNumberSpan(text, start, end);
      if (value !== undefined) {
        this.numbers.push(value);
        this.valid.push(1);
        return;
      }
    }
    const raw = text.slice(start, end);
    this.push(escaped ? unescapeQuotes(raw) : raw);
  }

  push(raw: string): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric') {
      const value = raw === '' ? undefined : parseNumber(raw);
      if (value !== undefined) {
        this.numbers.push(value);
        this.valid.push(1);
        return;
      }
      if (isMissingToken(raw)) {
        this.numbers.push(NaN);
        this.valid.push(0);
        this.nullCount++;
        return;
      }
      if (this.valid.length > this.nullCount) {
        this.needsRescan = true;
        return;
      }
      this.kind = 'string';
      // Only missing values so far: they stay missing in the string column.
      for (let i = 0; i < this.valid.length; i++) this.indices.push(0);
    }
    this.pushString(raw);
  }

  private pushString(raw: string): void {
    if (isMissingToken(raw)) {
      this.indices.push(0);
      this.valid.push(0);
      this.nullCount++;
      return;
    }
    const value = raw.trim();
    let index = this.lookup.get(value);
    if (index === undefined) {
      index = this.dictionary.length;
      this.lookup.set(value, index);
      this.dictionary.push(value);
      if (this.allDates && !isIsoDate(value)) this.allDates = false;
    }
    this.indices.push(index);
    this.valid.push(1);
  }

  get length(): number {
    return this.valid.length;
  }

  finishNumbers(): { values: Float64Array; valid: Uint8Array } {
    return { values: this.numbers.finish(), valid: this.valid.finish() };
  }

  finishStrings(): { indices: Int32Array; valid: Uint8Array; dictionary: string[] } {
    return { indices: this.indices.finish(), valid: this.valid.finish(), dictionary: this.dictionary };
  }
}
