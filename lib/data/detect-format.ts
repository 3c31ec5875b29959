import { DataError } from '../errors';

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'arrow' | 'jsonl';

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  arrow: 'arrow',
  arrows: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** How many leading bytes detectFormat needs. */
export const FORMAT_HEAD_BYTES = 64;

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));

const PAR1 = ascii('PAR1');
const ARROW1 = ascii('ARROW1');
// Arrow IPC stream messages start with the continuation marker 0xFFFFFFFF (format ≥ 0.15).
const CONTINUATION = [0xff, 0xff, 0xff, 0xff];
const FEATHER_V1 = ascii('FEA1');

type Magic = 'parquet' | 'arrow-file' | 'arrow-stream' | 'feather-v1';

/** A binary format recognised from its first bytes, if any. */
function sniffMagic(head: Uint8Array): Magic | undefined {
  if (startsWith(head, PAR1)) return 'parquet';
  if (startsWith(head, ARROW1)) return 'arrow-file';
  if (startsWith(head, CONTINUATION)) return 'arrow-stream';
  if (startsWith(head, FEATHER_V1)) return 'feather-v1';
  return undefined;
}

const DESCRIBE: Record<Magic, string> = {
  parquet: 'a Parquet file (starts with PAR1)',
  'arrow-file': 'an Arrow IPC file (starts with ARROW1)',
  'arrow-stream': 'an Arrow IPC stream (starts with 0xFFFFFFFF)',
  'feather-v1': 'a Feather v1 file (starts with FEA1)',
};

const RENAME: Record<Magic, string> = {
  parquet: 'rename it .parquet',
  'arrow-file': 'rename it .arrow',
  'arrow-stream': 'rename it .arrows',
  'feather-v1': 're-save it as Feather v2 (Arrow IPC), e.g. pyarrow.feather.write_feather(df, path)',
};

/** The first non-whitespace byte (after a UTF-8 BOM), or -1. */
function firstTextByte(head: Uint8Array): number {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return i < head.length ? head[i]! : -1;
}

function mismatch(name: string, message: string): DataError {
  return new DataError('format-mismatch', `format mismatch: ${name} ${message}`);
}

/**
 * A file's format from its extension, checked against its first bytes (`head`, at least
 * FORMAT_HEAD_BYTES when the file is that long): a binary file under a text extension, or a
 * .parquet/.arrow file without its magic bytes, is an error that says which extension fits.
 * Unknown extensions are sniffed: Parquet and Arrow by magic bytes, `{` as JSON Lines, else CSV.
 */
export function detectFormat(name: string, head: Uint8Array): FileFormat {
  const dot = name.lastIndexOf('.');
  const declared = dot >= 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
  const magic = sniffMagic(head);
  if (declared === undefined) {
    if (magic === 'feather-v1') throw mismatch(name, `looks like ${DESCRIBE[magic]} — ${RENAME[magic]}`);
    if (magic === 'parquet') return 'parquet';
    if (magic) return 'arrow';
    return firstTextByte(head) === 0x7b ? 'jsonl' : 'csv';
  }
  if (head.length === 0) return declared; // an empty file: its reader says so
  if (declared === 'parquet') {
    if (magic === 'parquet') return declared;
    throw mismatch(
      name,
      magic
        ? `looks like ${DESCRIBE[magic]} — ${RENAME[magic]}`
        : 'is not a Parquet file (does not start with PAR1) — export it as Parquet again, or give it its real extension',
    );
  }
  if (declared === 'arrow') {
    if (magic === 'arrow-file' || magic === 'arrow-stream') return declared;
    throw mismatch(
      name,
      magic
        ? `looks like ${DESCRIBE[magic]} — ${RENAME[magic]}`
        : 'is not an Arrow IPC file or stream (starts with neither ARROW1 nor 0xFFFFFFFF) — export it as Arrow IPC / Feather v2 again, or give it its real extension',
    );
  }
  if (magic) throw mismatch(name, `looks like ${DESCRIBE[magic]} — ${RENAME[magic]}`);
  if (declared === 'jsonl' && firstTextByte(head) === 0x5b) {
    throw mismatch(name, 'looks like a JSON array (starts with [) — write one JSON object per line (JSON Lines), e.g. jq -c ".[]"');
  }
  return declared;
}
