/**
 * How CBPE splits data into chunks (lib/metrics/cbpe.ts). Row chunks follow NannyML 0.13's
 * chunkers (nannyml/chunk.py) over every row of the file, missing values included (each metric
 * then drops its own missing rows inside the chunk):
 * - SizeBasedChunker(chunk_size, incomplete='keep'): chunks of `size` rows from row 0, then the
 *   rows left over (fewer than `size`) as one last, incomplete chunk;
 * - CountBasedChunker(chunk_number): chunk_size = rows // count, then as SizeBasedChunker — so
 *   when count does not divide the rows there is one more, incomplete chunk.
 * NannyML's default chunker is CountBasedChunker(10). Time chunks are UTC windows of a timestamp
 * column (lib/metrics/time-windows.ts), Driftbook's own; thresholds then come from the
 * reference's default 10 row chunks.
 */
import { AnalysisError, DataError } from '../errors';
import { windowGrid, windowOf, type WindowOption } from './time-windows';

export type CbpeChunking = { by: 'count'; count: number } | { by: 'size'; size: number } | { by: 'time'; window?: WindowOption };

/** A chunk: [start, end) as row indices (row chunks) or ms since the epoch (time chunks). */
export interface ChunkSpan {
  start: number;
  end: number;
}

/** NannyML's default chunker is CountBasedChunker(10); the reference uses it when current is chunked by time. */
export const DEFAULT_CHUNK_COUNT = 10;

/** SizeBasedChunker(size, incomplete='keep') over n rows. */
export function sizeChunks(n: number, size: number): ChunkSpan[] {
  if (!Number.isInteger(size) || size < 1) throw new AnalysisError('bad-chunks', `chunk size: ${size} — use a whole number of rows, 1 or more`);
  if (n === 0) return [];
  const spans: ChunkSpan[] = [];
  for (let start = 0; start + size <= n; start += size) spans.push({ start, end: start + size });
  if (n % size !== 0) spans.push({ start: n - (n % size), end: n });
  return spans;
}

/** CountBasedChunker(count) over n rows: chunks of n // count rows, plus an incomplete one when rows are left. */
export function countChunks(n: number, count: number, what: string): ChunkSpan[] {
  if (!Number.isInteger(count) || count < 1) throw new AnalysisError('bad-chunks', `chunk count: ${count} — use a whole number, 1 or more`);
  if (n === 0) return [];
  if (count > n) throw new AnalysisError('bad-chunks', `chunk count: ${count} for ${n} ${what} rows — use a whole number from 1 to ${n}`);
  return sizeChunks(n, Math.floor(n / count));
}

/** Row chunks of n rows (`what` names the data in messages: "current", "reference"). */
export function rowChunks(n: number, chunking: CbpeChunking, what: string): ChunkSpan[] {
  if (chunking.by === 'size') return sizeChunks(n, chunking.size);
  if (chunking.by === 'count') return countChunks(n, chunking.count, what);
  return countChunks(n, DEFAULT_CHUNK_COUNT, what);
}

/** [min, max] without spreading (spread arguments overflow the stack on large arrays). */
export function range(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < min) min = values[i]!;
    if (values[i]! > max) max = values[i]!;
  }
  return [min, max];
}

/** UTC time windows over the timestamps of rows `kept`; each window lists its rows. */
export function timeChunks(
  timestamps: ArrayLike<number> | undefined,
  kept: number[],
  window: WindowOption,
  warnings: string[],
): (ChunkSpan & { rows: number[] })[] {
  if (!timestamps) throw new AnalysisError('missing-timestamps', 'time chunks: no current timestamps — pass current.timestamps or chunk by count');
  const timed = kept.filter((i) => !Number.isNaN(timestamps[i]!));
  for (const i of timed) {
    if (!Number.isFinite(timestamps[i]!))
      throw new DataError('bad-timestamp', `timestamp on row ${i + 1}: ${timestamps[i]} — timestamps must be finite ms since the Unix epoch`);
  }
  if (timed.length < kept.length) warnings.push(`${kept.length - timed.length} current rows have no timestamp and are left out of the chunks`);
  if (timed.length === 0) return [];
  const [min, max] = range(timed.map((i) => timestamps[i]!));
  const grid = windowGrid(min, max, window);
  const chunks = Array.from({ length: grid.count }, (_, w) => ({ start: grid.start + w * grid.ms, end: grid.start + (w + 1) * grid.ms, rows: [] as number[] }));
  for (const i of timed) chunks[windowOf(timestamps[i]!, grid)]!.rows.push(i);
  return chunks;
}
