import { inferSchema, initParser } from 'udsv';
import { DataError } from '../errors';

export interface CsvOptions {
  /** File name, used in messages. */
  name: string;
  /** Column delimiter; sniffed among tab, pipe, semicolon and comma when absent. */
  delimiter?: string;
}

/** A parsed delimited file as column-major raw strings (typing happens in to-arrow). */
export interface CsvColumns {
  names: string[];
  /** columns[c][r] is the raw text of row r in column c. */
  columns: string[][];
  rows: number;
  delimiter: string;
  warnings: string[];
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Checks that every record has the header's field count, before the parser runs: uDSV assumes a
 * well-formed file and would otherwise merge a short row into its neighbour without a word.
 * Quote-aware (a doubled quote toggles twice), counts file lines for messages (header = line 1),
 * and skips blank lines as the parser does.
 */
function checkRecordShape(text: string, delimiter: number, expected: number, name: string): void {
  let line = 1;
  let recordLine = 1;
  let fields = 1;
  let chars = 0;
  let inQuotes = false;
  let record = 0;
  const end = (): void => {
    if (chars > 0 && record > 0 && fields !== expected) {
      throw new DataError(
        'ragged-row',
        `ragged row: line ${recordLine} of ${name} has ${fields} fields, the header has ${expected} — fix or remove that row`,
      );
    }
    if (chars > 0) record++;
    fields = 1;
    chars = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      inQuotes = !inQuotes;
      chars++;
    } else if (ch === LF || ch === CR) {
      if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
      if (!inQuotes) {
        end();
        recordLine = line + 1;
      }
      line++;
    } else {
      if (!inQuotes && ch === delimiter) fields++;
      chars++;
    }
  }
  if (inQuotes) {
    throw new DataError('unclosed-quote', `unclosed quote: the quoted field starting on or after line ${recordLine} of ${name} never ends — check its quotes`);
  }
  end();
}

/** Unique, non-empty column names: empty → column_N, repeats → name_2, name_3 (each warned). */
export function normalizeHeader(raw: readonly string[], warnings: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((value, i) => {
    let name = value.trim();
    if (name === '') {
      name = `column_${i + 1}`;
      warnings.push(`empty header name: column ${i + 1} named "${name}"`);
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      warnings.push(`duplicate header name: "${name}" renamed "${name}_${k}"`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
}

/** Parses CSV/TSV text (RFC 4180 quoting, BOM, CRLF/LF/CR) into raw string columns with uDSV. */
export function readCsv(input: string, options: CsvOptions): CsvColumns {
  const { name } = options;
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    throw new DataError('empty-file', `empty file: ${name} has no header and no rows — choose a CSV with a header line and data rows`);
  }
  // uDSV finds the header by its line ending, so a header-only file without one needs it added.
  if (!/[\r\n]$/.test(text)) text += '\n';
  const schema = inferSchema(text, options.delimiter ? { col: options.delimiter } : {}, 1);
  const warnings: string[] = [];
  const names = normalizeHeader(schema.cols.map((c) => c.name), warnings);
  checkRecordShape(text, schema.col.charCodeAt(0), names.length, name);
  const rows = initParser(schema).stringArrs(text);
  if (rows.length === 0) {
    throw new DataError('no-rows', `header only: ${name} has a header but no data rows — export the data rows too`);
  }
  const columns = names.map(() => new Array<string>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < names.length; c++) columns[c]![r] = row[c] ?? '';
  }
  return { names, columns, rows: rows.length, delimiter: schema.col, warnings };
}
