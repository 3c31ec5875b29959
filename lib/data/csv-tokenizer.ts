import { DataError } from '../errors';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Receives each complete record as spans into `text` (reused arrays: read them before returning), with the line it starts on. */
export type RecordHandler = (text: string, starts: Int32Array, ends: Int32Array, escaped: Uint8Array, fields: number, line: number) => void;

/**
 * An RFC 4180 tokenizer that streams: feed it text chunks, it hands over each complete record as
 * field spans (no per-field strings, no per-row arrays), so numbers can be parsed straight from the
 * text. Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and CR end
 * records; blank lines are skipped; a record split across chunks is carried over. Line numbers
 * (1-based, counting line breaks inside quotes) travel with each record for messages.
 *
 * Written for this project rather than taken from a library: it replaced uDSV here (measured in
 * README: ~2× faster on the bench file) because it checks the field count of every record as it
 * goes (uDSV silently merges a short row into the next one) and parses without allocating.
 */
export class CsvTokenizer {
  private carry = '';
  private line = 1;
  private skipLf = false;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);

  constructor(
    private readonly delimiter: number,
    private readonly name: string,
    private readonly onRecord: RecordHandler,
  ) {}

  feed(chunk: string): void {
    this.scan(this.carry + chunk, false);
  }

  finish(): void {
    if (this.carry) this.scan(this.carry, true);
    this.carry = '';
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const [s, e, q] = [new Int32Array(n), new Int32Array(n), new Uint8Array(n)];
    s.set(this.starts);
    e.set(this.ends);
    q.set(this.escaped);
    [this.starts, this.ends, this.escaped] = [s, e, q];
  }

  private scan(text: string, final: boolean): void {
    const { delimiter } = this;
    const length = text.length;
    let i = 0;
    if (this.skipLf && length > 0) {
      if (text.charCodeAt(0) === LF) i = 1;
      this.skipLf = false;
    }
    for (;;) {
      const recordStart = i;
      const firstLine = this.line;
      let line = firstLine;
      let fields = 0;
      let c = 0;
      // One record: fields until a line break (or the end of the last chunk).
      for (;;) {
        if (fields === this.starts.length) this.grow();
        if (i < length && text.charCodeAt(i) === QUOTE) {
          let j = i + 1;
          let doubled = 0;
          let close = -1;
          for (;;) {
            const q = text.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 < length && text.charCodeAt(q + 1) === QUOTE) {
              doubled = 1;
              j = q + 2;
              continue;
            }
            if (q + 1 >= length && !final) break;
            close = q;
            break;
          }
          if (close < 0) {
            if (!final) return this.keep(text, recordStart);
            throw new DataError('unclosed-quote', `unclosed quote: the quoted field on line ${line} of ${this.name} never ends — check its quotes`);
          }
          this.starts[fields] = i + 1;
          this.ends[fields] = close;
          this.escaped[fields] = doubled;
          line += lineBreaks(text, i + 1, close);
          i = close + 1;
          c = i < length ? text.charCodeAt(i) : -1;
          if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
            throw new DataError(
              'stray-quote',
              `stray quote: line ${line} of ${this.name} has text right after a closing quote — quote the whole field, doubling quotes inside it`,
            );
          }
        } else {
          const start = i;
          while (i < length) {
            c = text.charCodeAt(i);
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          if (i >= length) {
            if (!final) return this.keep(text, recordStart);
            c = -1;
          }
          this.starts[fields] = start;
          this.ends[fields] = i;
          this.escaped[fields] = 0;
        }
        fields++;
        if (c === delimiter) {
          i++;
          continue;
        }
        break;
      }
      // c is a line break or the end of data.
      if (c === CR) {
        if (i + 1 < length) {
          if (text.charCodeAt(i + 1) === LF) i++;
        } else if (!final) this.skipLf = true;
      }
      if (c !== -1) {
        i++;
        this.line = line + 1;
      }
      const blank = fields === 1 && this.ends[0] === this.starts[0] && text.charCodeAt(recordStart) !== QUOTE;
      if (!blank) this.onRecord(text, this.starts, this.ends, this.escaped, fields, firstLine);
      if (i >= length) {
        this.carry = '';
        return;
      }
    }
  }

  private keep(text: string, from: number): void {
    this.carry = text.slice(from);
  }
}

/** Line breaks (LF, CRLF or a lone CR, as the file uses) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) n++;
  }
  return n;
}

/** A quoted field's content with its doubled quotes undone. */
export function unescapeQuotes(text: string): string {
  return text.replace(/""/g, '"');
}
