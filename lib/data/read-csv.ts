import { inferSchema, initParser, type Schema } from 'udsv';
import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { CsvShapeChecker, unquoteField } from './csv-shape';

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
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for await (const chunk of source.open()) {
    checkAborted(options.signal);
    if (chunk.includes(0)) {
      throw new DataError('binary-file', `not a text file: ${source.name} contains NUL bytes — is it a binary file renamed .csv?`);
    }
    if (phase === 'read') options.onBytes?.(chunk);
    bytes += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DataError('not-utf8', `not UTF-8: ${source.name} contains bytes that are not valid UTF-8 — save it as UTF-8 (or "CSV UTF-8" in Excel)`);
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

/**
 * Streams one pass of the parser over the source, handing each row to `onRow`. The first text
 * given to uDSV holds the whole header line (its header skip only works on a first chunk that
 * contains one), and one-column files are split by the shape checker (see CsvShapeChecker).
 */
async function parsePass(
  source: ByteSource,
  schema: Schema,
  columns: number,
  options: CsvReadOptions,
  phase: ReadProgress['phase'],
  onRow: (row: string[]) => void,
): Promise<{ rows: number; records: number }> {
  let rows = 0;
  const each = (row: string[]): void => {
    rows++;
    onRow(row);
  };
  const single = columns === 1;
  const checker = new CsvShapeChecker(schema.col.charCodeAt(0), columns, source.name, single ? (text) => each([unquoteField(text)]) : undefined);
  const parser = single ? undefined : initParser(schema);
  let buffer: string | undefined = '';
  let last = '';
  const send = (text: string): void => {
    checker.feed(text);
    parser?.chunk<string[]>(text, parser.stringArrs, each);
    last = text.slice(-1);
  };
  for await (const text of textChunks(source, options, phase, () => rows)) {
    if (buffer === undefined) {
      send(text);
      continue;
    }
    buffer += text;
    if (buffer.length >= HEAD_CHARS && /[\r\n]/.test(buffer)) {
      send(stripBom(buffer));
      buffer = undefined;
    }
  }
  // A final line break (the file's own kind), so a last line without one, even a lone header, ends like every other.
  if (buffer) send(/[\r\n]$/.test(buffer) ? stripBom(buffer) : `${stripBom(buffer)}${schema.row}`);
  if (last !== '\n' && last !== '\r') send(schema.row);
  parser?.end();
  checker.finish();
  return { rows, records: checker.records };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
 * Streams a CSV/TSV (RFC 4180 quoting, BOM, CRLF/LF/CR) into typed column builders with uDSV,
 * chunk by chunk: no whole-file string, no per-row objects kept. A second pass re-reads only the
 * columns that turned out not to be numeric after numbers had been stored.
 */
export async function readCsv(source: ByteSource, options: CsvReadOptions = {}): Promise<CsvColumns> {
  const { name } = source;
  const { head: raw, complete } = await readHead(source, options);
  const head = stripBom(raw);
  if (head.trim() === '') {
    throw new DataError('empty-file', `empty file: ${name} has no header and no rows — choose a CSV with a header line and data rows`);
  }
  // uDSV finds the header by its line ending, so a header-only file without one needs it added.
  const sample = complete && !/[\r\n]$/.test(head) ? `${head}\n` : head;
  const inferred = inferSchema(sample, { ...(options.delimiter ? { col: options.delimiter } : {}), encl: '"' }, 1);
  const warnings: string[] = [];
  // uDSV 0.7.3 misreads one-column files with quote handling on: take that header line ourselves.
  const rawNames = inferred.cols.length === 1 ? [unquoteField(head.split(/\r\n|\r|\n/, 1)[0]!)] : inferred.cols.map((c) => c.name);
  const names = normalizeHeader(rawNames, warnings);
  const schema: Schema = { ...inferred, encl: '"', esc: '"' };
  const builders = names.map(() => new ColumnBuilder());
  const { rows, records } = await parsePass(source, schema, names.length, options, 'read', (row) => {
    for (let c = 0; c < builders.length; c++) builders[c]!.push(row[c] ?? '');
  });
  if (rows !== records) {
    // The shape check and the parser disagree on the records: refuse rather than mis-assign values.
    throw new DataError('parse-mismatch', `cannot parse ${name} reliably: found ${records} records but parsed ${rows} rows — check its quoting`);
  }
  if (rows === 0) throw new DataError('no-rows', `header only: ${name} has a header but no data rows — export the data rows too`);
  const rescan = builders.flatMap((b, c) => (b.needsRescan ? [c] : []));
  if (rescan.length) {
    for (const c of rescan) builders[c] = ColumnBuilder.strings();
    await parsePass(source, schema, names.length, options, 'rescan', (row) => {
      for (const c of rescan) builders[c]!.push(row[c] ?? '');
    });
  }
  return { names, builders, rows, delimiter: schema.col, warnings };
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
