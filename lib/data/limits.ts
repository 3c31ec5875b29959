import { DataError } from '../errors';
import { formatCount } from '../format';

/**
 * The most columns a file may have. Measured (scripts/bench/wide.mts, README "Known limits"):
 * 100,000 columns × 2 rows ingest in ~4 s and take ~0.6 GB in Node; memory grows by ~6 KB per column
 * (Arrow field, vector and type objects), so twice that would pass 1 GB in a browser tab's worker.
 */
export const MAX_COLUMNS = 100_000;

/** Refuses a file with more than MAX_COLUMNS columns, before any column is built. */
export function checkColumnCount(columns: number, name: string): void {
  if (columns <= MAX_COLUMNS) return;
  throw new DataError(
    'too-many-columns',
    `too many columns: ${formatCount(columns)} in ${name} (limit ${formatCount(MAX_COLUMNS)}) — keep the columns you need (e.g. cut -d, -f1-1000 ${name}) or split the file into files of at most ${formatCount(MAX_COLUMNS)} columns`,
  );
}
