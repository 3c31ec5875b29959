import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { dateFormatChecker } from './infer-type';
import { missingTokens } from './missing';
import type { NumberFormat } from './parse-number';
import { CsvTokenizer, unescapeQuotes } from './csv-tokenizer';

/** Where bytes come from: opened once per pass (a File, a Node file, bytes in memory). */
export interface ByteSource {
  name: string;
  /** Size in bytes, when known (for progress). */
  size?: number;
  open(): AsyncIterable<Uint8Array>;
}

export interface ReadProgress {
  phase: 'read' | 'rescan';
  bytes: number;
  totalBytes?: number;
  rows: number;
}

export interface CsvReadOptions {
  /** Column delimiter; sniffed among tab, pipe, semicolon and comma when absent. */
  delimiter?: string;
  /** Extra cell values to read as missing, beside the defaults (lib/data/missing.ts). */
  missingTokens?: readonly string[];
  /** Text encoding: UTF-8 (default, strict) or Windows-1252 (Excel's "CSV" on Western Windows). */
  encoding?: 'utf-8' | 'windows-1252';
  /** Drop rows whose field count differs from the header's (counted in a warning) instead of failing. */
  skipMalformed?: boolean;
  /** Numbers written in another locale (e.g. "1.234,5"); plain decimals when absent. */
  numberFormat?: NumberFormat;
  /** Dates in a user's format (e.g. "DD/MM/YYYY"), read as datetime beside ISO 8601. */
  dateFormat?: string;
  onProgress?: (progress: ReadProgress) => void;
  /** Sees every byte of the first pass, in order (for the file's SHA-256). */
  onBytes?: (chunk: Uint8Array) => void;
  signal?: AbortSignal;
}

/** A delimited file read into typed column builders (see to-arrow for the Arrow table). */
export interface CsvColumns {
  names: string[];
  builders: ColumnBuilder[];
  rows: number;
  delimiter: string;
  warnings: string[];
}

// Enough text to see the header and sniff the delimiter.
const HEAD_CHARS = 64 * 1024;

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DataError('aborted', 'cancelled');
}

/** UTF-8 text chunks of a source; rejects binary (NUL bytes) and invalid UTF-8 with a clear message. */
async function* textChunks(source: ByteSource, options: CsvReadOptions, phase: ReadProgress['phase'], rows: () => number) {
  const decoder = new TextDecoder(options.encoding ?? 'utf-8', { fatal: true });
  let bytes = 0;
  for await (const chunk of source.open()) {
    checkAborted(options.signal);
    if (bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new DataError('utf16', `UTF-16 text: ${source.name} is saved as UTF-16 — save it as UTF-8 (or "CSV UTF-8" in Excel)`);
    }
    if (chunk.includes(0)) {
      throw new DataError('binary-file', `not a text file: ${source.name} contains NUL bytes — is it a binary file renamed .csv?`);
    }
    if (phase === 'read') options.onBytes?.(chunk);
    bytes += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DataError(
        'not-utf8',
        `not UTF-8: ${source.name} contains bytes that are not valid UTF-8 — decode it as Windows-1252, or save it as UTF-8 (or "CSV UTF-8" in Excel)`,
      );
    }
    if (text) yield text;
    options.onProgress?.({ phase, bytes, totalBytes: source.size, rows: rows() });
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new DataError('not-utf8', `not UTF-8: ${source.name} ends inside a multi-byte character — save it as UTF-8`);
  }
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

type Fields = { text: string; starts: Int32Array; ends: Int32Array; escaped: Uint8Array; count: number; line: number };

/**
 * Streams one pass over the source with the tokenizer: the first record is the header (its field
 * count is the one every row must have), every other record goes to `onRow`.
 */
async function parsePass(
  source: ByteSource,
  delimiter: string,
  options: CsvReadOptions,
  phase: ReadProgress['phase'],
  onHeader: (names: string[]) => void,
  onRow: (row: Fields) => void,
): Promise<{ rows: number; skipped: number; firstSkipped: number }> {
  let rows = 0;
  let skipped = 0;
  let firstSkipped = 0;
  let expected = -1;
  const row: Fields = { text: '', starts: new Int32Array(0), ends: new Int32Array(0), escaped: new Uint8Array(0), count: 0, line: 0 };
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), source.name, (text, starts, ends, escaped, count, line) => {
    if (expected < 0) {
      expected = count;
      onHeader(Array.from({ length: count }, (_, k) => fieldText(text, starts[k]!, ends[k]!, escaped[k] === 1)));
      return;
    }
    if (count !== expected) {
      if (options.skipMalformed) {
        if (skipped++ === 0) firstSkipped = line;
        return;
      }
      throw new DataError(
        'ragged-row',
        `ragged row: line ${line} of ${source.name} has ${count} field${count === 1 ? '' : 's'}, the header has ${expected} — fix or remove that row, or skip malformed rows`,
      );
    }
    rows++;
    Object.assign(row, { text, starts, ends, escaped, count, line });
    onRow(row);
  });
  let first = true;
  for await (const text of textChunks(source, options, phase, () => rows)) {
    tokenizer.feed(first ? stripBom(text) : text);
    first = false;
  }
  tokenizer.finish();
  return { rows, skipped, firstSkipped };
}

function fieldText(text: string, start: number, end: number, escaped: boolean): string {
  const raw = text.slice(start, end);
  return escaped ? unescapeQuotes(raw) : raw;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const CANDIDATES = [',', '\t', ';', '|'];

/** The delimiter that splits the header line most often (outside quotes); comma when none does. */
export function sniffDelimiter(head: string): string {
  const counts = new Map(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

async function readHead(source: ByteSource, options: CsvReadOptions): Promise<{ head: string; complete: boolean }> {
  let head = '';
  for await (const text of textChunks(source, { ...options, onBytes: undefined, onProgress: undefined }, 'read', () => 0)) {
    head += text;
    if (head.length >= HEAD_CHARS && /[\r\n]/.test(head)) return { head, complete: false };
  }
  return { head, complete: true };
}

/**
 * Streams a CSV/TSV (RFC 4180 quoting, BOM, CRLF/LF/CR) into typed column builders, chunk by
 * chunk: no whole-file string, no per-row objects kept. A second pass re-reads only the columns
 * that turned out not to be numeric after numbers had been stored.
 */
export async function readCsv(source: ByteSource, options: CsvReadOptions = {}): Promise<CsvColumns> {
  const { name } = source;
  const head = stripBom((await readHead(source, options)).head);
  if (head.trim() === '') {
    throw new DataError('empty-file', `empty file: ${name} has no header and no rows — choose a CSV with a header line and data rows`);
  }
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  const missing = missingTokens(options.missingTokens);
  const isUserDate = options.dateFormat ? dateFormatChecker(options.dateFormat) : undefined;
  const warnings: string[] = [];
  let names: string[] = [];
  let builders: ColumnBuilder[] = [];
  const { rows, skipped, firstSkipped } = await parsePass(
    source,
    delimiter,
    options,
    'read',
    (header) => {
      names = normalizeHeader(header, warnings);
      builders = names.map(() => new ColumnBuilder(missing, options.numberFormat, isUserDate));
    },
    ({ text, starts, ends, escaped }) => {
      for (let c = 0; c < builders.length; c++) builders[c]!.pushSpan(text, starts[c]!, ends[c]!, escaped[c] === 1);
    },
  );
  if (skipped) warnings.push(`skipped ${skipped} malformed row${skipped === 1 ? '' : 's'} (field count differs from the header's; the first on line ${firstSkipped})`);
  if (rows === 0) throw new DataError('no-rows', `header only: ${name} has a header but no data rows — export the data rows too`);
  const rescan = builders.flatMap((b, c) => (b.needsRescan ? [c] : []));
  if (rescan.length) {
    for (const c of rescan) builders[c] = ColumnBuilder.strings(missing, isUserDate);
    await parsePass(source, delimiter, options, 'rescan', () => undefined, ({ text, starts, ends, escaped }) => {
      for (const c of rescan) builders[c]!.pushSpan(text, starts[c]!, ends[c]!, escaped[c] === 1);
    });
  }
  return { names, builders, rows, delimiter, warnings };
}

/** A source over bytes already in memory, read in 1 MiB chunks. */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      const step = 1 << 20;
      for (let offset = 0; offset < bytes.length; offset += step) yield bytes.subarray(offset, offset + step);
    },
  };
}
