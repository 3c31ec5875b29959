import { applySegment } from '../data/frame';
import { ingestSource } from '../data/ingest';
import type { NumberFormat } from '../data/parse-number';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { COLUMN_TYPES, type ColumnType } from '../data/types';
import { UsageError } from './drift-options';
import type { ReadSettings } from './pool-protocol';
import { SEGMENT_OPTION_SPECS } from './segment-options';

/** How files are read, for every command. */
export const READ_OPTION_SPECS = {
  'column-type': { type: 'string', multiple: true },
  missing: { type: 'string' },
  encoding: { type: 'string' },
  'skip-malformed': { type: 'boolean' },
  'decimal-comma': { type: 'boolean' },
  thousands: { type: 'string' },
  'date-format': { type: 'string' },
  ...SEGMENT_OPTION_SPECS,
} as const;

export function readSettings(values: {
  'column-type'?: string[];
  missing?: string;
  encoding?: string;
  'skip-malformed'?: boolean;
  'decimal-comma'?: boolean;
  thousands?: string;
  'date-format'?: string;
}): ReadSettings {
  const settings: ReadSettings = {};
  if (values['date-format'] !== undefined) {
    if (!/YYYY/.test(values['date-format'])) throw new UsageError(`--date-format: ${values['date-format']} has no YYYY — use e.g. DD/MM/YYYY`);
    settings.dateFormat = values['date-format'];
  }
  if (values['decimal-comma'] || values.thousands !== undefined) {
    const thousands = values.thousands === 'space' ? ' ' : (values.thousands ?? '');
    if (!['', ',', '.', ' ', "'"].includes(thousands)) {
      throw new UsageError(`--thousands: ${values.thousands} is not one of , . ' space`);
    }
    settings.numberFormat = { decimal: values['decimal-comma'] ? ',' : '.', thousands: thousands as NumberFormat['thousands'] };
  }
  if (values.encoding !== undefined) {
    if (values.encoding !== 'utf-8' && values.encoding !== 'windows-1252') {
      throw new UsageError(`--encoding: ${values.encoding} is not one of utf-8, windows-1252`);
    }
    settings.encoding = values.encoding;
  }
  if (values['skip-malformed']) settings.skipMalformed = true;
  for (const text of values['column-type'] ?? []) {
    const at = text.lastIndexOf('=');
    const [name, type] = [text.slice(0, at), text.slice(at + 1)];
    if (at <= 0 || !COLUMN_TYPES.includes(type as ColumnType)) {
      throw new UsageError(`--column-type: expected COLUMN=TYPE with TYPE one of ${COLUMN_TYPES.join(', ')}, got ${text}`);
    }
    (settings.columnTypes ??= {})[name] = type as ColumnType;
  }
  if (values.missing !== undefined) settings.missingTokens = values.missing.split(',');
  return settings;
}

/** One local file read as the app reads it (Node's sha256 for the dataset id), keeping the rows of `segment` if given. */
export async function load(path: string, read: ReadSettings, segment?: string) {
  const source = await localFileSource(path);
  try {
    return applySegment(await ingestSource(source, { ...read, createHasher: nodeSha256 }), segment);
  } finally {
    source.close(); // a pipe or stdin stops here, also after an error
  }
}
