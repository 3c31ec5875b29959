import { DataError } from '../errors';
import { ColumnBuilder } from './column-builder';
import { missingTokens } from './missing';
import { normalizeHeader } from './normalize-header';
import type { ByteSource, ReadColumns, ReadOptions, ReadProgress } from './reader-types';

export type ReadJsonlOptions = Pick<ReadOptions, 'missingTokens' | 'onProgress' | 'onBytes' | 'signal'>;

type Row = Record<string, unknown>;

/**
 * Each JSON object of a JSON Lines source with its 1-based line number, decoded chunk by chunk
 * (streaming TextDecoder): the file is never held as one string. Blank lines are skipped.
 */
async function* jsonLines(source: ByteSource, options: ReadJsonlOptions, phase: ReadProgress['phase'], rows: () => number) {
  const { name } = source;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let line = 0;
  let rest = '';
  const parse = (text: string): Row | undefined => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const detail = (error as Error).message.replace(/\.$/, '');
      throw new DataError('bad-jsonl', `invalid JSON: line ${line} of ${name} — ${detail}; each line must hold one complete JSON object`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
      throw new DataError('bad-jsonl', `not an object: line ${line} of ${name} is ${what} — each line must hold one JSON object`);
    }
    return value as Row;
  };
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new DataError('not-utf8', `not UTF-8: ${name} contains bytes that are not valid UTF-8 — save it as UTF-8`);
    }
  };
  for await (const chunk of source.open()) {
    if (options.signal?.aborted) throw new DataError('aborted', 'cancelled');
    if (phase === 'read') options.onBytes?.(chunk);
    bytes += chunk.length;
    let text = rest + decode(chunk);
    if (bytes === chunk.length && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const row = parse(text.slice(start, end));
      if (row) yield { row, line };
      start = end + 1;
    }
    rest = text.slice(start);
    options.onProgress?.({ phase, bytes, totalBytes: source.size, rows: rows() });
  }
  const row = parse(rest + decode());
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
