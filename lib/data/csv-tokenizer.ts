import { DataError } from '../errors';
import { parseDecimalField } from './parse-number';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
// Records are handed over in batches of about this many fields (and at the end of every chunk).
const BATCH_FIELDS = 1 << 16;

/** How a field was written (CsvBatch.kinds): plain text, quoted with doubled quotes inside, or a plain decimal already parsed. */
export const PLAIN_FIELD = 0;
export const ESCAPED_FIELD = 1;
export const NUMBER_FIELD = 2;

/**
 * Complete records, as the tokenizer found them. Record r has recordFields[r] fields, the first at
 * index recordStarts[r] (the next ones follow it), and starts on file line recordLines[r] (header
 * = 1). Field f is bytes[starts[f], ends[f]) (inside its quotes when quoted); when kinds[f] is
 * NUMBER_FIELD, numbers[f] is its value. Reused from batch to batch: read it before the handler returns.
 */
export interface CsvBatch {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  records: number;
  recordStarts: Int32Array;
  recordFields: Int32Array;
  recordLines: Int32Array;
}

export type BatchHandler = (batch: CsvBatch) => void;

/**
 * An RFC 4180 tokenizer that streams: feed it byte chunks, it hands over complete records in
 * batches of field spans (no per-field strings, no per-row arrays), so a column builder can take a
 * whole batch of its column in one loop. Quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF and CR end records; blank lines are skipped; a record split across chunks is
 * carried over. Line numbers (counting line breaks inside quotes) travel with each record.
 *
 * Bytes, not decoded text: delimiters, quotes and line breaks are ASCII, and in UTF-8 (as in
 * Windows-1252) an ASCII byte never occurs inside another character, so spans always hold whole
 * characters, and numbers need no string. Plain decimals (-digits[.digits]) are parsed while they
 * are scanned, with the exact fast path of parseNumberBytes; anything else is left to it.
 *
 * Written for this project rather than taken from a library: it replaced uDSV here because it checks
 * the field count of every record (uDSV silently merges a short row into the next one).
 */
export class CsvTokenizer {
  // The unfinished record, then the chunks after it, until they are scanned together.
  private carry: Uint8Array = new Uint8Array(0);
  private carried = 0;
  private spare: Uint8Array = new Uint8Array(0);
  // Carried bytes are rescanned from the record's start only once they have doubled since the last
  // scan: a record longer than many chunks (a huge field, an unclosed quote) costs O(n), not O(n²).
  private rescanAt = 0;
  private line = 1;
  private skipLf = false;
  // Off when the delimiter could be read as part of a number (a digit, '-' or '.').
  private readonly numbersInline: boolean;
  private used = 0;
  private readonly batch: CsvBatch = {
    bytes: new Uint8Array(0),
    starts: new Int32Array(256),
    ends: new Int32Array(256),
    kinds: new Uint8Array(256),
    numbers: new Float64Array(256),
    records: 0,
    recordStarts: new Int32Array(64),
    recordFields: new Int32Array(64),
    recordLines: new Int32Array(64),
  };

  constructor(
    private readonly delimiter: number,
    private readonly name: string,
    private readonly onBatch: BatchHandler,
  ) {
    if (!(delimiter > 0 && delimiter < 128) || delimiter === QUOTE || delimiter === LF || delimiter === CR) {
      throw new DataError(
        'bad-delimiter',
        `unsupported delimiter: ${JSON.stringify(String.fromCharCode(delimiter))} — use one ASCII character other than a quote or a line break`,
      );
    }
    this.numbersInline = !(delimiter >= ZERO && delimiter <= ZERO + 9) && delimiter !== MINUS && delimiter !== DOT;
  }

  feed(chunk: Uint8Array): void {
    if (this.carried === 0) {
      this.scan(chunk, false);
      return;
    }
    const total = this.carried + chunk.length;
    if (this.carry.length < total) this.carry = grownTo(this.carry, this.carried, total);
    this.carry.set(chunk, this.carried);
    this.carried = total;
    if (total < this.rescanAt) return;
    this.scan(this.carry.subarray(0, total), false);
  }

  finish(): void {
    if (this.carried) this.scan(this.carry.slice(0, this.carried), true);
    this.carried = 0;
  }

  private scan(bytes: Uint8Array, final: boolean): void {
    try {
      this.scanRecords(bytes, final);
    } finally {
      // Records already complete go first, also before an error further on (a ragged row above a stray quote is reported first).
      this.flush(bytes);
    }
  }

  private flush(bytes: Uint8Array): void {
    const { batch } = this;
    if (batch.records === 0) return;
    batch.bytes = bytes;
    try {
      this.onBatch(batch);
    } finally {
      batch.records = 0;
      this.used = 0;
    }
  }

  private scanRecords(bytes: Uint8Array, final: boolean): void {
    const { delimiter, batch, numbersInline } = this;
    const length = bytes.length;
    let i = 0;
    if (this.skipLf && length > 0) {
      if (bytes[0] === LF) i = 1;
      this.skipLf = false;
    }
    for (;;) {
      const recordStart = i;
      const firstLine = this.line;
      const base = this.used;
      let line = firstLine;
      let f = base;
      let c = 0;
      // One record: fields until a line break (or the end of the last chunk).
      for (;;) {
        if (f === batch.starts.length) this.grow();
        if (i < length && bytes[i] === QUOTE) {
          let j = i + 1;
          let doubled = 0;
          let close = -1;
          for (;;) {
            const q = bytes.indexOf(QUOTE, j);
            if (q < 0) break;
            if (q + 1 < length && bytes[q + 1] === QUOTE) {
              doubled = 1;
              j = q + 2;
              continue;
            }
            if (q + 1 >= length && !final) break;
            close = q;
            break;
          }
          if (close < 0) {
            if (!final) return this.keep(bytes, recordStart);
            throw new DataError('unclosed-quote', `unclosed quote: the quoted field on line ${line} of ${this.name} never ends — check its quotes`);
          }
          batch.starts[f] = i + 1;
          batch.ends[f] = close;
          batch.kinds[f] = doubled ? ESCAPED_FIELD : PLAIN_FIELD;
          line += lineBreaks(bytes, i + 1, close);
          i = close + 1;
          c = i < length ? bytes[i]! : -1;
          if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
            throw new DataError(
              'stray-quote',
              `stray quote: line ${line} of ${this.name} has text right after a closing quote — quote the whole field, doubling quotes inside it`,
            );
          }
        } else {
          const start = i;
          const end = numbersInline ? parseDecimalField(bytes, i, delimiter, batch.numbers, f) : -1;
          if (end >= 0) {
            i = end;
            c = bytes[i]!;
            batch.kinds[f] = NUMBER_FIELD;
          } else {
            while (i < length) {
              c = bytes[i]!;
              if (c === delimiter || c === LF || c === CR) break;
              i++;
            }
            if (i >= length) {
              if (!final) return this.keep(bytes, recordStart);
              c = -1;
            }
            batch.kinds[f] = PLAIN_FIELD;
          }
          batch.starts[f] = start;
          batch.ends[f] = i;
        }
        f++;
        if (c === delimiter) {
          i++;
          continue;
        }
        break;
      }
      // c is a line break or the end of data.
      if (c === CR) {
        if (i + 1 < length) {
          if (bytes[i + 1] === LF) i++;
        } else if (!final) this.skipLf = true;
      }
      if (c !== -1) {
        i++;
        this.line = line + 1;
      }
      const blank = f === base + 1 && batch.ends[base] === batch.starts[base] && bytes[recordStart] !== QUOTE;
      if (!blank) this.commit(base, f - base, firstLine);
      if (i >= length) {
        this.carried = 0;
        return;
      }
      if (this.used >= BATCH_FIELDS) this.flush(bytes);
    }
  }

  private commit(base: number, fields: number, line: number): void {
    const { batch } = this;
    const r = batch.records;
    if (r === batch.recordStarts.length) {
      batch.recordStarts = grown(batch.recordStarts);
      batch.recordFields = grown(batch.recordFields);
      batch.recordLines = grown(batch.recordLines);
    }
    batch.recordStarts[r] = base;
    batch.recordFields[r] = fields;
    batch.recordLines[r] = line;
    batch.records = r + 1;
    this.used = base + fields;
  }

  private grow(): void {
    const { batch } = this;
    batch.starts = grown(batch.starts);
    batch.ends = grown(batch.ends);
    batch.kinds = grown(batch.kinds);
    batch.numbers = grown(batch.numbers);
  }

  /** Copies the unfinished record bytes[from…] aside for the next chunk (the chunk may be reused by its source). */
  private keep(bytes: Uint8Array, from: number): void {
    const n = bytes.length - from;
    // Scanning the carry itself: its records are handed over after this returns, so copy to the spare buffer.
    let target = this.carry;
    if (bytes.buffer === this.carry.buffer) [target, this.spare] = [this.spare, this.carry];
    if (target.length < n) target = new Uint8Array(Math.max(n, target.length * 2, 1024));
    target.set(bytes.subarray(from));
    this.carry = target;
    this.carried = n;
    this.rescanAt = 2 * n;
  }
}

/** Line breaks (LF, CRLF or a lone CR, as the file uses) in bytes[from, to). */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = bytes[k];
    if (c === LF || (c === CR && bytes[k + 1] !== LF)) n++;
  }
  return n;
}

/** A larger copy of bytes[0, used), at least `size` long (doubling, so appends are amortised O(1)). */
function grownTo(bytes: Uint8Array, used: number, size: number): Uint8Array {
  const next = new Uint8Array(Math.max(size, bytes.length * 2, 1024));
  next.set(bytes.subarray(0, used));
  return next;
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T): T {
  const next = new (array.constructor as new (n: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/** A quoted field's content with its doubled quotes undone. */
export function unescapeQuotes(text: string): string {
  return text.replace(/""/g, '"');
}
