import { isIsoDate, MAX_CATEGORICAL_INTEGERS, parseBoolean, type ColumnEvidence } from './infer-type';
import { MISSING_TOKENS, parseNonFinite } from './missing';
import { unescapeQuotes } from './csv-tokenizer';
import { delocalizeNumber, parseNumber, parseNumberSpan, type NumberFormat } from './parse-number';

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

// Small to start: a 10,000-column file must not reserve gigabytes; doubling covers long columns.
const INITIAL = 1 << 9;

const MAX_TRACKED_NUMBERS = MAX_CATEGORICAL_INTEGERS;

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
  /** ±Infinity values (numeric columns): kept, counted apart, never tested. */
  nonFinite = 0;
  private allIntegers = true;
  // Distinct numbers, tracked only while there are few (the ≤ 10 distinct integers rule).
  private fewNumbers: Set<number> | undefined = new Set();
  private allBooleans = true;
  private readonly missingMaxLength: number;
  private numbers = new Growable(new Float64Array(INITIAL), (n) => new Float64Array(n));
  private indices = new Growable(new Int32Array(INITIAL), (n) => new Int32Array(n));
  private valid = new Growable(new Uint8Array(INITIAL), (n) => new Uint8Array(n));
  private lookup = new Map<string, number>();
  readonly dictionary: string[] = [];
  nullCount = 0;
  /** True while every distinct string is an ISO 8601 date. */
  allDates = true;

  constructor(
    private readonly missing: ReadonlySet<string> = MISSING_TOKENS,
    /** Numbers written in another locale (decimal comma, thousands separators); plain decimals when absent. */
    private readonly numberFormat?: NumberFormat,
    /** Dates written in a user's format (beside ISO 8601). */
    private readonly isUserDate?: (raw: string) => boolean,
  ) {
    let longest = 0;
    for (const token of missing) longest = Math.max(longest, token.length);
    this.missingMaxLength = longest;
  }

  // A value longer than every token, without surrounding spaces, cannot be a missing token.
  private isMissingToken(raw: string): boolean {
    const n = raw.length;
    if (n === 0) return true;
    if (n > this.missingMaxLength && raw.charCodeAt(0) > 32 && raw.charCodeAt(n - 1) > 32) return false;
    return this.missing.has(raw.trim());
  }

  private pushFinite(value: number): void {
    this.numbers.push(value);
    this.valid.push(1);
    const few = this.fewNumbers;
    if (few !== undefined) {
      if (this.allIntegers && !Number.isInteger(value)) this.allIntegers = false;
      if (!few.has(value)) {
        few.add(value);
        if (few.size > MAX_TRACKED_NUMBERS) this.fewNumbers = undefined;
      }
    }
  }

  /** A builder that takes strings from the start (second pass of a rescanned column). */
  static strings(missing: ReadonlySet<string> = MISSING_TOKENS, isUserDate?: (raw: string) => boolean): ColumnBuilder {
    const builder = new ColumnBuilder(missing, undefined, isUserDate);
    builder.kind = 'string';
    return builder;
  }

  /** Adds text[start, end) — a field as the tokenizer found it (`escaped`: it holds doubled quotes). */
  pushSpan(text: string, start: number, end: number, escaped: boolean): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric' && !escaped && !this.numberFormat) {
      const value = start === end ? undefined : parseNumberSpan(text, start, end);
      if (value !== undefined) {
        this.pushFinite(value);
        return;
      }
    }
    const raw = text.slice(start, end);
    this.push(escaped ? unescapeQuotes(raw) : raw);
  }

  /** Adds an already-typed value (Parquet, Arrow, JSON readers): null, undefined and NaN are missing. */
  pushNumber(value: number | null | undefined): void {
    if (this.needsRescan) return;
    if (value === null || value === undefined || Number.isNaN(value)) {
      this.pushMissing();
      return;
    }
    if (this.kind === 'numeric') {
      if (Number.isFinite(value)) this.pushFinite(value);
      else {
        this.numbers.push(value);
        this.valid.push(1);
        this.nonFinite++;
      }
      return;
    }
    this.pushString(String(value));
  }

  /** Adds a missing cell. */
  pushMissing(): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric') this.numbers.push(NaN);
    else this.indices.push(0);
    this.valid.push(0);
    this.nullCount++;
  }

  push(raw: string): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric') {
      const value = raw === '' ? undefined : parseNumber(this.numberFormat ? delocalizeNumber(raw, this.numberFormat) : raw);
      if (value !== undefined) {
        this.pushFinite(value);
        return;
      }
      if (this.isMissingToken(raw)) {
        this.numbers.push(NaN);
        this.valid.push(0);
        this.nullCount++;
        return;
      }
      const infinite = parseNonFinite(raw);
      if (infinite !== undefined) {
        this.numbers.push(infinite);
        this.valid.push(1);
        this.nonFinite++;
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
    if (this.isMissingToken(raw)) {
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
      if (this.allDates && !isIsoDate(value) && !this.isUserDate?.(value)) this.allDates = false;
      if (this.allBooleans && parseBoolean(value) === undefined) this.allBooleans = false;
    }
    this.indices.push(index);
    this.valid.push(1);
  }

  get length(): number {
    return this.valid.length;
  }

  /** What this column held, for its type (lib/data/infer-type.ts). */
  evidence(): ColumnEvidence {
    const values = this.valid.length - this.nullCount;
    if (this.kind === 'numeric') {
      return { numeric: true, values, distinct: this.fewNumbers?.size, allIntegers: this.allIntegers && this.nonFinite === 0, allDates: false, allBooleans: false };
    }
    return { numeric: false, values, distinct: this.dictionary.length, allIntegers: false, allDates: this.allDates, allBooleans: this.allBooleans };
  }

  finishNumbers(): { values: Float64Array; valid: Uint8Array } {
    return { values: this.numbers.finish(), valid: this.valid.finish() };
  }

  finishStrings(): { indices: Int32Array; valid: Uint8Array; dictionary: string[] } {
    return { indices: this.indices.finish(), valid: this.valid.finish(), dictionary: this.dictionary };
  }
}
