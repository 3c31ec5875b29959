import { DataError } from '../errors';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Checks, chunk by chunk, that every record has the header's field count, before the parser sees
 * it: uDSV assumes a well-formed file and would merge a short row into its neighbour without a
 * word. Quote-aware (a doubled quote toggles twice), counts file lines for messages (header =
 * line 1; a quoted newline counts), skips blank lines as the parser does, and handles a CRLF split
 * across two chunks.
 */
export class CsvShapeChecker {
  private line = 1;
  private recordLine = 1;
  private fields = 1;
  private chars = 0;
  private inQuotes = false;
  private afterCr = false;
  /** Data records seen so far (the header excluded). */
  records = 0;
  private seenHeader = false;

  private pending = '';

  /**
   * @param onRecord when set, receives each data record's raw text (used to read one-column
   * files, where uDSV 0.7.3 with quote handling on returns only the last row).
   */
  constructor(
    private readonly delimiter: number,
    private readonly expected: number,
    private readonly name: string,
    private readonly onRecord?: (text: string) => void,
  ) {}

  private endRecord(): void {
    const text = this.pending;
    this.pending = '';
    if (this.chars > 0) {
      if (this.seenHeader && this.fields !== this.expected) {
        throw new DataError(
          'ragged-row',
          `ragged row: line ${this.recordLine} of ${this.name} has ${this.fields} fields, the header has ${this.expected} — fix or remove that row`,
        );
      }
      if (this.seenHeader) {
        this.records++;
        this.onRecord?.(text);
      }
      this.seenHeader = true;
    }
    this.fields = 1;
    this.chars = 0;
  }

  feed(text: string): void {
    const { delimiter } = this;
    const collect = this.onRecord !== undefined;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === LF && this.afterCr) {
        this.afterCr = false;
        start = i + 1;
        continue;
      }
      this.afterCr = false;
      if (ch === QUOTE) {
        this.inQuotes = !this.inQuotes;
        this.chars++;
      } else if (ch === LF || ch === CR) {
        this.afterCr = ch === CR;
        if (!this.inQuotes) {
          if (collect) this.pending += text.slice(start, i);
          this.endRecord();
          this.recordLine = this.line + 1;
          start = i + 1;
        }
        this.line++;
      } else {
        if (ch === delimiter && !this.inQuotes) this.fields++;
        this.chars++;
      }
    }
    if (collect && start < text.length) this.pending += text.slice(start);
  }

  finish(): void {
    if (this.inQuotes) {
      throw new DataError(
        'unclosed-quote',
        `unclosed quote: the quoted field starting on or after line ${this.recordLine} of ${this.name} never ends — check its quotes`,
      );
    }
    this.endRecord();
  }
}

/** One field's raw CSV text → its value: outer quotes removed and doubled quotes undone. */
export function unquoteField(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw;
}
