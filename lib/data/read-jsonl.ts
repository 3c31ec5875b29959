import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { missingTokens } from './missing';
import { normalizeHeader } from './normalize-header';
import type { ByteSource, ReadColumns, ReadOptions, ReadProgress } from './reader-types';

export type ReadJsonlOptions = Pick<ReadOptions, 'missingTokens' | 'onProgress' | 'onBytes' | 'signal'>;

type Row = Record<string, unknown>;

const LF = 10;

/**
 * Each JSON object of a JSON Lines source with its 1-based line number, read chunk by chunk: the
 * file is never held as one string. Lines are split on their bytes (LF never occurs inside a UTF-8
 * character) and each is decoded alone, so the first problem in the file is the one reported,
 * however it is chunked. Blank lines are skipped.
 */
async function* jsonLines(source: ByteSource, options: ReadJsonlOptions, phase: ReadProgress['phase'], rows: () => number) {
  const { name } = source;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  let line = 0;
  // The unfinished line's bytes (grown by doubling: a long line in small chunks stays linear).
  let rest: Uint8Array = new Uint8Array(0);
  let kept = 0;
  const parse = (lineBytes: Uint8Array): Row | undefined => {
    line++;
    let text: string;
    try {
      text = decoder.decode(lineBytes);
    } catch {
      throw new DataError('not-utf8', `not UTF-8: line ${line} of ${name} contains bytes that are not valid UTF-8 — save it as UTF-8`);
    }
    // The file's byte order mark (only the first line's; trim() drops it too).
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const detail = (error as Error).message.replace(/\.$/, '').replace(/[\r\n]+/g, ' ');
      throw new DataError('bad-jsonl', `invalid JSON: line ${line} of ${name} — ${detail}; each line must hold one complete JSON object`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      throw new DataError('bad-jsonl', `not an object: line ${line} of ${name} is ${what} — each line must hold one JSON object`);
    }
    return value as Row;
  };
  const append = (part: Uint8Array) => {
    if (kept + part.length > rest.length) {
      const grown = new Uint8Array(Math.max(kept + part.length, rest.length * 2, 1024));
      grown.set(rest.subarray(0, kept));
      rest = grown;
    }
    rest.set(part, kept);
    kept += part.length;
  };
  for await (const chunk of source.open()) {
    if (options.signal?.aborted) throw new DataError('aborted', 'cancelled');
    if (phase === 'read') options.onBytes?.(chunk);
    bytes += chunk.length;
    let start = 0;
    for (let end = chunk.indexOf(LF); end >= 0; end = chunk.indexOf(LF, start)) {
      let lineBytes = chunk.subarray(start, end);
      if (kept) {
        append(lineBytes);
        lineBytes = rest.subarray(0, kept);
        kept = 0;
      }
      const row = parse(lineBytes);
      if (row) yield { row, line };
      start = end + 1;
    }
    append(chunk.subarray(start));
    options.onProgress?.({ phase, bytes, totalBytes: source.size, rows: rows() });
  }
  const row = parse(rest.subarray(0, kept));
  if (row) yield { row, line };
}

// JSON.stringify of a parsed value cannot fail (no BigInt, no cycles).
function pushValue(builder: ColumnBuilder, value: unknown): void {
  if (value === null || value === undefined) builder.pushMissing();
  else if (typeof value === 'number') builder.pushNumber(value);
  else if (typeof value === 'string') builder.push(value);
  else if (typeof value === 'boolean') builder.push(value ? 'true' : 'false');
  else builder.push(JSON.stringify(value));
}

/**
 * Streams JSON Lines (one object per line) into typed column builders. Columns are the union of
 * keys in first-seen order; a key absent from a line is a missing cell. Numbers stay numbers,
 * strings/booleans/nested values (as JSON text) make a string column. A column that mixes numbers
 * with text is re-read as text in a second pass, as readCsv does.
 */
export async function readJsonl(source: ByteSource, options: ReadJsonlOptions = {}): Promise<ReadColumns> {
  const { name } = source;
  const warnings: string[] = [];
  const missing = missingTokens(options.missingTokens);
  const keys: string[] = [];
  const indexOf = new Map<string, number>();
  const builders: ColumnBuilder[] = [];
  const nested: boolean[] = [];
  // lastRow[c] = the last row that filled column c; the rest get a missing cell.
  const lastRow: number[] = [];
  let rows = 0;
  for await (const { row } of jsonLines(source, options, 'read', () => rows)) {
    for (const key in row) {
      let c = indexOf.get(key);
      if (c === undefined) {
        c = keys.length;
        indexOf.set(key, c);
        keys.push(key);
        // A column first seen on row k: rows 0..k-1 lacked it.
        const builder = new ColumnBuilder(missing);
        for (let r = 0; r < rows; r++) builder.pushMissing();
        builders.push(builder);
        nested.push(false);
        lastRow.push(-1);
      }
      const value = row[key];
      let builder = builders[c]!;
      const text = typeof value === 'string' || typeof value === 'boolean' || (value !== null && typeof value === 'object');
      // Text in a column that holds no number yet: strings from here on, so "007" stays "007".
      if (text && builder.kind === 'numeric' && builder.length === builder.nullCount) {
        builder = ColumnBuilder.strings(missing);
        for (let r = 0; r < rows; r++) builder.pushMissing();
        builders[c] = builder;
      }
      if (value !== null && typeof value === 'object' && !nested[c]) {
        nested[c] = true;
        warnings.push(`nested values: column "${key}" holds objects or arrays, stored as JSON text`);
      }
      pushValue(builder, value);
      lastRow[c] = rows;
    }
    for (let c = 0; c < builders.length; c++) if (lastRow[c] !== rows) builders[c]!.pushMissing();
    rows++;
  }
  if (rows === 0) {
    throw new DataError('empty-file', `empty file: ${name} has no JSON lines — choose a file with one JSON object per line`);
  }
  const rescan = builders.flatMap((b, c) => (b.needsRescan ? [c] : []));
  if (rescan.length) {
    for (const c of rescan) builders[c] = ColumnBuilder.strings(missing);
    for await (const { row } of jsonLines(source, options, 'rescan', () => rows)) {
      for (const c of rescan) pushValue(builders[c]!, row[keys[c]!]);
    }
  }
  const names = normalizeHeader(keys, warnings);
  return { names, builders, rows, delimiter: '', warnings };
}
