import { MAX_CATEGORICAL_INTEGERS, parseBoolean, type ColumnEvidence } from './infer-type';
import { isIsoDate } from './time';
import { MISSING_TOKENS, parseNonFinite } from './missing';
import { ESCAPED_FIELD, NUMBER_FIELD, unescapeQuotes, type CsvBatch } from './csv-tokenizer';
import { ABSENT, ByteInterner } from './byte-interner';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from './growable';
import { delocalizeNumber, parseNumber, parseNumberBytes, type NumberFormat } from './parse-number';

/** Turns a field's bytes into text, in the file's encoding. */
export interface FieldDecoder {
  decode(bytes: Uint8Array): string;
}

// Small to start: a 100,000-column file must not reserve hundreds of megabytes (at 512 values it
// was ~7 KB per column); doubling, or the reader's reserve(estimate), covers long columns.
const INITIAL = 16;

const MAX_TRACKED_NUMBERS = MAX_CATEGORICAL_INTEGERS;
// Distinct string values looked up by their bytes before a column may be judged free text.
const MAX_INTERNED = 1 << 16;

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
  // Distinct numbers, tracked only while there are few (the ≤ 10 distinct integers rule): a short
  // list searched with === (SameValueZero for finite numbers, as a Set would), undefined count once there are more.
  private readonly fewNumbers = new Float64Array(MAX_TRACKED_NUMBERS + 1);
  private fewCount: number | undefined = 0;
  private allBooleans = true;
  private readonly missingMaxLength: number;
  // The values of the user's missing tokens that read as numbers (`--missing -999`): a CSV number
  // equal to one is missing, as pandas' na_values (-999, -999.0 and "-999" alike).
  private readonly numericMissing: ReadonlySet<number> | undefined;
  private numbers = new GrowableFloat64(new Float64Array(INITIAL));
  private indices = new GrowableInt32(new Int32Array(INITIAL));
  private valid = new GrowableUint8(new Uint8Array(INITIAL));
  // Created on the first string value: most columns of a wide file are numeric.
  private lookup: Map<string, number> | undefined;
  // Raw bytes → stringCode, for CSV fields (pushFields); null once the column looks like free text.
  private seen: ByteInterner | null | undefined;
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
    const numeric = new Set<number>();
    for (const token of missing) {
      longest = Math.max(longest, token.length);
      const value = parseNumber(numberFormat ? delocalizeNumber(token.trim(), numberFormat) : token.trim());
      if (value !== undefined) numeric.add(value);
    }
    this.missingMaxLength = longest;
    this.numericMissing = numeric.size ? numeric : undefined;
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
    const count = this.fewCount;
    if (count !== undefined) {
      if (this.allIntegers && !Number.isInteger(value)) this.allIntegers = false;
      const few = this.fewNumbers;
      let k = 0;
      while (k < count && few[k] !== value) k++;
      if (k === count) {
        few[count] = value;
        this.fewCount = count + 1 > MAX_TRACKED_NUMBERS ? undefined : count + 1;
      }
    }
  }

  // A parsed number may be ±Infinity: an `inf` token, a JSON/Parquet value, or a decimal literal beyond ±1.8e308 ("1e400").
  private pushParsed(value: number): void {
    if (value === Infinity || value === -Infinity) this.pushNonFinite(value);
    else this.pushFinite(value);
  }

  /** A number read from CSV text: missing when it equals one of the user's numeric missing tokens. */
  private pushCsvNumber(value: number): void {
    if (this.numericMissing?.has(value)) this.pushMissing();
    else this.pushParsed(value);
  }

  private pushNonFinite(value: number): void {
    this.numbers.push(value);
    this.valid.push(1);
    this.nonFinite++;
  }

  /** A builder that takes strings from the start (second pass of a rescanned column). */
  static strings(missing: ReadonlySet<string> = MISSING_TOKENS, isUserDate?: (raw: string) => boolean): ColumnBuilder {
    const builder = new ColumnBuilder(missing, undefined, isUserDate);
    builder.kind = 'string';
    return builder;
  }

  /**
   * Adds `rows` fields of a CSV batch: field `at`, at + stride, … (one column of consecutive records).
   * A field's bytes are decoded only when it is neither a number nor a string value seen before
   * (numbers come parsed from the tokenizer or are parsed from the bytes; strings are looked up by
   * their bytes): the result is always what push(decoded text) gives.
   */
  pushFields(batch: CsvBatch, at: number, rows: number, stride: number, decoder: FieldDecoder): void {
    const { bytes, starts, ends, kinds, numbers } = batch;
    for (let r = 0; r < rows; r++, at += stride) {
      if (this.needsRescan) return;
      const start = starts[at]!;
      const end = ends[at]!;
      const kind = kinds[at];
      if (start === end) {
        this.pushMissing();
      } else if (kind === ESCAPED_FIELD) {
        this.push(unescapeQuotes(decoder.decode(bytes.subarray(start, end))));
      } else if (this.kind === 'numeric') {
        if (kind === NUMBER_FIELD && !this.numberFormat) this.pushCsvNumber(numbers[at]!);
        else this.pushNumberBytes(bytes, start, end, decoder);
      } else {
        this.pushStringBytes(bytes, start, end, decoder);
      }
    }
  }

  private pushNumberBytes(bytes: Uint8Array, start: number, end: number, decoder: FieldDecoder): void {
    if (!this.numberFormat) {
      const value = parseNumberBytes(bytes, start, end);
      if (value !== undefined) {
        this.pushCsvNumber(value);
        return;
      }
    }
    this.push(decoder.decode(bytes.subarray(start, end)));
  }

  // A string value's code (index, or -1 for missing) depends on its bytes alone, so repeats are looked up by them.
  private pushStringBytes(bytes: Uint8Array, start: number, end: number, decoder: FieldDecoder): void {
    const seen = this.seen === undefined ? (this.seen = new ByteInterner()) : this.seen;
    if (seen === null) {
      this.pushString(decoder.decode(bytes.subarray(start, end)));
      return;
    }
    let code = seen.get(bytes, start, end);
    if (code === ABSENT) {
      code = this.stringCode(decoder.decode(bytes.subarray(start, end)));
      seen.add(bytes, start, end, code);
      // Mostly distinct values (free text, ids): lookups would rarely hit, and the table would copy every value.
      if (seen.size >= MAX_INTERNED && seen.size * 4 > this.valid.length) this.seen = null;
    }
    this.pushCode(code);
  }

  /** Makes room for `rows` values in all (a reader's estimate), sparing the copies of repeated doubling. */
  reserve(rows: number): void {
    if (this.needsRescan) return;
    if (this.kind === 'numeric') this.numbers.reserve(rows);
    else this.indices.reserve(rows);
    this.valid.reserve(rows);
  }

  /** Adds an already-typed value (Parquet, Arrow, JSON readers): null, undefined and NaN are missing. */
  pushNumber(value: number | null | undefined): void {
    if (this.needsRescan) return;
    if (value === null || value === undefined || Number.isNaN(value)) {
      this.pushMissing();
      return;
    }
    if (this.kind === 'numeric') {
      this.pushParsed(value);
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
        this.pushCsvNumber(value);
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
        this.pushNonFinite(infinite);
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
    this.pushCode(this.stringCode(raw));
  }

  /**
   * A string value's dictionary index (added when new), or -1 for a missing token. The value is kept
   * exactly, surrounding whitespace included (as pandas and Great Expectations keep it: " a" and "a"
   * are two categories); only missing tokens are matched after trimming.
   */
  private stringCode(value: string): number {
    if (this.isMissingToken(value)) return -1;
    const lookup = (this.lookup ??= new Map());
    let index = lookup.get(value);
    if (index === undefined) {
      index = this.dictionary.length;
      lookup.set(value, index);
      this.dictionary.push(value);
      if (this.allDates && !isIsoDate(value) && !this.isUserDate?.(value)) this.allDates = false;
      if (this.allBooleans && parseBoolean(value) === undefined) this.allBooleans = false;
    }
    return index;
  }

  private pushCode(code: number): void {
    if (code < 0) {
      this.indices.push(0);
      this.valid.push(0);
      this.nullCount++;
      return;
    }
    this.indices.push(code);
    this.valid.push(1);
  }

  get length(): number {
    return this.valid.length;
  }

  /** What this column held, for its type (lib/data/infer-type.ts). */
  evidence(): ColumnEvidence {
    const values = this.valid.length - this.nullCount;
    if (this.kind === 'numeric') {
      return { numeric: true, values, distinct: this.fewCount, allIntegers: this.allIntegers && this.nonFinite === 0, allDates: false, allBooleans: false };
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
