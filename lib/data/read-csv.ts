import { DataError } from '../errors';
import { ColumnBuilder, type FieldDecoder } from './column-builder';
import { checkColumnCount } from './limits';
import { normalizeHeader } from './normalize-header';
import type { ByteSource, ReadColumns, ReadOptions, ReadProgress } from './reader-types';
import { dateFormatChecker } from './time';
import { missingTokens } from './missing';
import { CsvTokenizer, ESCAPED_FIELD, unescapeQuotes, type CsvBatch } from './csv-tokenizer';
import { byteChunks } from './byte-chunks';

// Enough text to see the header and sniff the delimiter.
const HEAD_CHARS = 64 * 1024;
// Column storage is sized from the first rows (rows per byte × file size), with a margin for longer rows later.
const ESTIMATE_AFTER_ROWS = 1000;
const ESTIMATE_MARGIN = 1.05;

/** Consecutive well-formed records of a batch: field `first + c` of each is column c's, `stride` (= columns) apart. */
type RowsHandler = (batch: CsvBatch, first: number, rows: number, stride: number) => void;

/**
 * Streams one pass over the source with the tokenizer: the first record is the header (its field
 * count is the one every row must have), runs of well-formed records go to `onRows`. With
 * `sepLine`, the first record is Excel's `sep=;` line and the header is the record after it.
 */
async function parsePass(
  source: ByteSource,
  delimiter: string,
  sepLine: boolean,
  options: ReadOptions,
  phase: ReadProgress['phase'],
  onHeader: (names: string[]) => void,
  onRows: RowsHandler,
  onEstimate?: (rows: number) => void,
): Promise<{ rows: number; skipped: number; firstSkipped: number }> {
  let rows = 0;
  let skipped = 0;
  let firstSkipped = 0;
  let expected = -1;
  let skip = sepLine ? 1 : 0;
  const decoder = fieldDecoder(options);
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), source.name, (batch) => {
    const { records, recordStarts, recordFields } = batch;
    // The sep= line is dropped, not read: its field count is not the table's.
    let r = Math.min(skip, records);
    skip -= r;
    if (expected < 0 && r < records) {
      expected = recordFields[r]!;
      const first = recordStarts[r]!;
      onHeader(Array.from({ length: expected }, (_, k) => fieldText(decoder, batch, first + k)));
      r++;
    }
    while (r < records) {
      let end = r;
      while (end < records && recordFields[end] === expected) end++;
      if (end > r) {
        rows += end - r;
        onRows(batch, recordStarts[r]!, end - r, expected);
        r = end;
        continue;
      }
      const count = recordFields[r]!;
      const line = batch.recordLines[r]!;
      if (!options.skipMalformed) {
        throw new DataError(
          'ragged-row',
          `ragged row: line ${line} of ${source.name} has ${count} field${count === 1 ? '' : 's'}, the header has ${expected} — fix or remove that row, or skip malformed rows`,
        );
      }
      if (skipped++ === 0) firstSkipped = line;
      r++;
    }
  });
  let fed = 0;
  let estimated = false;
  for await (const chunk of byteChunks(source, options, phase, () => rows)) {
    tokenizer.feed(chunk);
    fed += chunk.length;
    // Once a sample of rows is in, the file's size tells about how many there will be.
    if (!estimated && rows >= ESTIMATE_AFTER_ROWS && source.size) {
      estimated = true;
      onEstimate?.(Math.ceil((rows * source.size * ESTIMATE_MARGIN) / fed));
    }
  }
  tokenizer.finish();
  return { rows, skipped, firstSkipped };
}

/**
 * Decodes one field's bytes (whole characters: the bytes were checked as they streamed). UTF-8
 * keeps a U+FEFF that starts a field (only the file's BOM is dropped). Always in streaming mode,
 * which leaves no state behind for whole characters: Node 20's one-shot Windows-1252 decode reads
 * 0x80–0x9F as Latin-1 (0x80 → U+0080, not €).
 */
function fieldDecoder(options: ReadOptions): FieldDecoder {
  const encoding = options.encoding ?? 'utf-8';
  const decoder = encoding === 'utf-8' ? new TextDecoder(encoding, { ignoreBOM: true }) : new TextDecoder(encoding);
  const stream = { stream: true };
  return { decode: (bytes) => decoder.decode(bytes, stream) };
}

function fieldText(decoder: FieldDecoder, batch: CsvBatch, f: number): string {
  const raw = decoder.decode(batch.bytes.subarray(batch.starts[f], batch.ends[f]));
  return batch.kinds[f] === ESCAPED_FIELD ? unescapeQuotes(raw) : raw;
}

const CANDIDATES = [',', '\t', ';', '|'];

// Excel's first line naming the delimiter ("sep=;", also quoted, as Excel and LibreOffice write it).
const SEP_LINE = /^(?:sep=([^\r\n"])|"sep=([^\r\n"])")(?:\r\n|\n|\r|$)/i;

/**
 * The delimiter named by an Excel `sep=X` first line (the file's BOM already dropped), and the text
 * after that line; undefined when the file does not start with one.
 */
export function excelSepLine(head: string): { delimiter: string; rest: string } | undefined {
  const match = SEP_LINE.exec(head);
  if (!match) return undefined;
  return { delimiter: (match[1] ?? match[2])!, rest: head.slice(match[0].length) };
}

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

async function readHead(source: ByteSource, options: ReadOptions): Promise<{ head: string; complete: boolean }> {
  let head = '';
  let lineBreak = false;
  const decoder = fieldDecoder(options);
  for await (const bytes of byteChunks(source, { ...options, onBytes: undefined, onProgress: undefined }, 'read', () => 0)) {
    const text = decoder.decode(bytes);
    head += text;
    // Only the new text is searched: a long first line in small chunks stays linear.
    lineBreak ||= /[\r\n]/.test(text);
    if (head.length >= HEAD_CHARS && lineBreak) return { head, complete: false };
  }
  return { head, complete: true };
}

/**
 * Streams a CSV/TSV (RFC 4180 quoting, BOM, CRLF/LF/CR) into typed column builders, chunk by
 * chunk: no whole-file string, no per-row objects kept. A second pass re-reads only the columns
 * that turned out not to be numeric after numbers had been stored.
 */
export async function readCsv(source: ByteSource, options: ReadOptions = {}): Promise<ReadColumns> {
  const { name } = source;
  const { head } = await readHead(source, options);
  if (head.trim() === '') {
    throw new DataError('empty-file', `empty file: ${name} has no header and no rows — choose a CSV with a header line and data rows`);
  }
  // A `sep=` line is skipped (the header is then file line 2); a delimiter chosen by the caller still wins over it.
  const sep = excelSepLine(head);
  if (sep && sep.rest.trim() === '') {
    throw new DataError('empty-file', `empty file: ${name} has only a "sep=" line, no header and no rows — choose a CSV with a header line and data rows`);
  }
  const delimiter = options.delimiter ?? sep?.delimiter ?? sniffDelimiter(sep ? sep.rest : head);
  const missing = missingTokens(options.missingTokens);
  const isUserDate = options.dateFormat ? dateFormatChecker(options.dateFormat) : undefined;
  const warnings: string[] = [];
  const decoder = fieldDecoder(options);
  let names: string[] = [];
  let builders: ColumnBuilder[] = [];
  const { rows, skipped, firstSkipped } = await parsePass(
    source,
    delimiter,
    sep !== undefined,
    options,
    'read',
    (header) => {
      checkColumnCount(header.length, name);
      names = normalizeHeader(header, warnings);
      builders = names.map(() => new ColumnBuilder(missing, options.numberFormat, isUserDate));
    },
    (batch, first, rows, stride) => {
      for (let c = 0; c < builders.length; c++) builders[c]!.pushFields(batch, first + c, rows, stride, decoder);
    },
    (estimate) => {
      for (const builder of builders) builder.reserve(estimate);
    },
  );
  if (skipped)
    warnings.push(`skipped ${skipped} malformed row${skipped === 1 ? '' : 's'} (field count differs from the header's; the first on line ${firstSkipped})`);
  if (rows === 0) throw new DataError('no-rows', `header only: ${name} has a header but no data rows — export the data rows too`);
  const rescan = builders.flatMap((b, c) => (b.needsRescan ? [c] : []));
  if (rescan.length) {
    for (const c of rescan) {
      builders[c] = ColumnBuilder.strings(missing, isUserDate);
      builders[c].reserve(rows);
    }
    await parsePass(
      source,
      delimiter,
      sep !== undefined,
      options,
      'rescan',
      () => undefined,
      (batch, first, rows, stride) => {
        for (const c of rescan) builders[c]!.pushFields(batch, first + c, rows, stride, decoder);
      },
    );
  }
  return { names, builders, rows, delimiter, warnings };
}
