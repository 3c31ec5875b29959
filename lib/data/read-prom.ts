/**
 * Prometheus and Grafana exports as datasets: a query_range JSON response (`driftbook prom query`,
 * curl of /api/v1/query_range) or a Grafana CSV export whose headers are series (`name{label="v"}`)
 * or whose layout is Series,Time,Value becomes a table with a datetime `time` column (UTC, ISO 8601)
 * and one numeric column per series, named as Prometheus names it (lib/prom/series-name.ts).
 */
import { DataError } from '../errors';
import { readGrafanaCsv } from '../prom/grafana-csv';
import { parseQueryRange } from '../prom/query-range';
import { parseSeriesName } from '../prom/series-name';
import { seriesToColumns } from '../prom/to-columns';
import type { PromSeries } from '../prom/types';
import { ColumnBuilder } from './column-builder';
import type { ByteSource, ReadColumns, ReadOptions } from './reader-types';
import type { ColumnType } from './types';

export type PromFileKind = 'query-range' | 'grafana-csv';

const UTF8_BOM = /^\uFEFF/;
const QUERY_RANGE_HEAD = /^\s*\{\s*"status"\s*:/;
const GRAFANA_HEAD = /^(?:sep=.\r?\n)?"?(?:Time|Series)"?[,;]/i;
// A Grafana header line is short; a CSV whose first line is longer is not one.
const MAX_HEADER_BYTES = 1 << 20;

/** The text before the first line break (or the first MAX_HEADER_BYTES), after a `sep=` line. */
async function headerLine(source: ByteSource): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of source.open()) {
    text += decoder.decode(chunk, { stream: true });
    const lines = text
      .replace(UTF8_BOM, '')
      .replace(/^sep=.\r?\n/, '')
      .split('\n');
    if (lines.length > 1 || text.length > MAX_HEADER_BYTES) return lines[0]!;
  }
  return text.replace(UTF8_BOM, '').replace(/^sep=.\r?\n/, '');
}

/**
 * Whether a JSON file starting `{"status":` is a query_range response rather than JSON Lines rows
 * that happen to have a status field: Prometheus writes one line with data.resultType (or
 * errorType); a first line that is no complete JSON value is pretty-printed JSON, not JSON Lines.
 */
function isQueryRangeLine(line: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return true;
  }
  const body = value as { data?: { resultType?: unknown }; errorType?: unknown };
  return typeof body.data?.resultType === 'string' || typeof body.errorType === 'string';
}

/**
 * Which Prometheus export a file is, from its first bytes (and, for a CSV starting with Time or
 * Series, its header line): a CSV is Grafana's when it is Series,Time,Value or when a column after
 * Time is written as a series (`name{…}`); other Time-first CSVs stay ordinary CSVs.
 */
export async function detectPromFile(source: ByteSource, head: Uint8Array): Promise<PromFileKind | undefined> {
  const start = new TextDecoder('utf-8').decode(head).replace(UTF8_BOM, '');
  if (QUERY_RANGE_HEAD.test(start)) return isQueryRangeLine(await headerLine(source)) ? 'query-range' : undefined;
  if (!GRAFANA_HEAD.test(start)) return undefined;
  const line = (await headerLine(source)).trim();
  const delimiter = /^"?(?:Time|Series)"?(.)/i.exec(line)?.[1] ?? ',';
  const names = line.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, ''));
  if (/^series$/i.test(names[0]!)) return names.length === 3 ? 'grafana-csv' : undefined;
  // A quoted header may hold the delimiter (name{a="x", b="y"}): look for a series anywhere after Time.
  const seriesLike =
    /[a-zA-Z_:]*\{[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*"/.test(line) || names.slice(1).some((name) => Object.keys(parseSeriesName(name) ?? {}).length > 1);
  return seriesLike ? 'grafana-csv' : undefined;
}

async function readText(source: ByteSource, options: ReadOptions): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let bytes = 0;
  try {
    for await (const chunk of source.open()) {
      options.signal?.throwIfAborted();
      options.onBytes?.(chunk);
      bytes += chunk.length;
      text += decoder.decode(chunk, { stream: true });
      options.onProgress?.({ phase: 'read', bytes, totalBytes: source.size, rows: 0 });
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new DataError('not-utf8', `not UTF-8: ${source.name} contains bytes that are not valid UTF-8 — save it as UTF-8`);
    throw error;
  }
}

/** Series → reader columns: `time` (ISO 8601 strings, typed datetime) and one numeric column per series. */
export function seriesReadColumns(series: readonly PromSeries[], warnings: string[] = []): { columns: ReadColumns; types: Record<string, ColumnType> } {
  const { times, columns } = seriesToColumns(series);
  const taken = new Set(columns.map((c) => c.name));
  const timeName = ['time', 'timestamp', '__time'].find((name) => !taken.has(name))!;
  const time = ColumnBuilder.strings();
  for (const t of times) time.push(new Date(t).toISOString());
  const builders = [time];
  for (const column of columns) {
    const builder = new ColumnBuilder();
    // NaN samples and times without a sample are both missing; ±Inf are kept.
    for (const v of column.values) builder.pushNumber(v);
    builders.push(builder);
  }
  const types: Record<string, ColumnType> = { [timeName]: 'datetime' };
  for (const column of columns) types[column.name] = 'numeric';
  const names = [timeName, ...columns.map((c) => c.name)];
  return { columns: { names, builders, rows: times.length, delimiter: ',', warnings }, types };
}

/** Reads a detected Prometheus export (see detectPromFile) into reader columns and their forced types. */
export async function readPromFile(source: ByteSource, kind: PromFileKind, options: ReadOptions = {}) {
  const { series, warnings } = await readPromSeries(source, kind, options);
  if (series.length === 0) throw new DataError('no-series', `no series: ${source.name} holds none — the query matched nothing in its time range`);
  return seriesReadColumns(series, warnings);
}

async function readPromSeries(source: ByteSource, kind: PromFileKind, options: ReadOptions): Promise<{ series: PromSeries[]; warnings: string[] }> {
  const text = await readText(source, options);
  if (kind === 'grafana-csv') {
    const { series, layout, warnings } = readGrafanaCsv(text);
    const what = layout === 'wide' ? 'series joined by time' : 'Series, Time, Value';
    return { series, warnings: [`read as a Grafana CSV export (${what}): ${series.length} series`, ...warnings] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError('bad-query-range', `invalid JSON: ${source.name} — ${(error as Error).message}; expected a Prometheus query_range response`);
  }
  const series = parseQueryRange(json);
  return { series, warnings: [`read as a Prometheus query_range response: ${series.length} series`] };
}
