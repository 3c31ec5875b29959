/**
 * Runs as CSV in the MLflow UI's export layout (mlflow/server/js/src/experiment-tracking/utils/
 * CsvUtils.ts, runInfosToCsv; helpers in common/utils/Utils.tsx): Start Time (YYYY-MM-DD HH:mm:ss),
 * Duration (Utils.formatDuration: ms / s / min / h / d), Run ID, Name, Source Type, Source Name,
 * User, Status, then one column per param key, per metric key and per tag key (the keys' names as
 * headers), metric cells holding the latest value. Every field is quoted (RFC 4180: quotes doubled,
 * CRLF between records); a text cell starting with = + - @ tab or CR gets a leading ' so a
 * spreadsheet does not run it as a formula (OWASP CSV injection) — plain numbers such as -0.5 are
 * left as they are (MLflow's UI prefixes them too).
 */
import { metricValue, type MetricAggregate } from './search';
import type { Run } from './types';

export interface RunsCsvOptions {
  /** Default: every param key of the runs, sorted. */
  paramKeys?: readonly string[];
  /** Default: every metric key of the runs, sorted. */
  metricKeys?: readonly string[];
  /** Default: every tag key not starting with "mlflow." (MLflow's visible tags), sorted. */
  tagKeys?: readonly string[];
  /** Which value of a metric's history: MLflow's latest (default), min or max. */
  aggregate?: MetricAggregate;
  /** Start Time in the reader's local time (MLflow's UI) or UTC. Default local. */
  timeZone?: 'local' | 'utc';
  /** Default CRLF (RFC 4180); MLflow's UI writes \n. */
  lineEnding?: '\r\n' | '\n';
}

export const CSV_FIXED_COLUMNS = ['Start Time', 'Duration', 'Run ID', 'Name', 'Source Type', 'Source Name', 'User', 'Status'] as const;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV field: quoted, quotes doubled, a formula-looking start neutralised with '. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = typeof value === 'number' ? numberText(value) : value;
  if (/^[=+\-@\t\r]/.test(text) && !(typeof value === 'number' || PLAIN_NUMBER.test(text))) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const numberText = (v: number): string => (Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD HH:mm:ss' (no comma, as MLflow's export writes it). */
export function formatStartTime(ms: number, timeZone: 'local' | 'utc' = 'local'): string {
  const d = new Date(ms);
  if (timeZone === 'utc')
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** MLflow UI's Utils.formatDuration (milliseconds → "420ms", "1.5s", "2.0min", "3.2h", "1.1d"); empty without both times. */
export function formatDuration(startTime: number | null, endTime: number | null): string {
  // MLflow's getDuration: only when both are set (a 0 start counts as unset there too).
  if (!startTime || !endTime) return '';
  const d = endTime - startTime;
  if (d < 500) return `${d}ms`;
  if (d < 60_000) return `${(d / 1000).toFixed(1)}s`;
  if (d < 3_600_000) return `${(d / 60_000).toFixed(1)}min`;
  if (d < 86_400_000) return `${(d / 3_600_000).toFixed(1)}h`;
  return `${(d / 86_400_000).toFixed(1)}d`;
}

const sortedKeys = (runs: readonly Run[], pick: (run: Run) => Record<string, unknown>, keep: (key: string) => boolean = () => true): string[] =>
  [...new Set(runs.flatMap((r) => Object.keys(pick(r))))].filter(keep).sort();

/** The runs as CSV text in the MLflow UI's layout (a header row, one row per run in the given order). */
export function runsToCsv(runs: readonly Run[], options: RunsCsvOptions = {}): string {
  const {
    paramKeys = sortedKeys(runs, (r) => r.params),
    metricKeys = sortedKeys(runs, (r) => r.metrics),
    tagKeys = sortedKeys(
      runs,
      (r) => r.tags,
      (k) => !k.startsWith('mlflow.'),
    ),
    aggregate = 'last',
    timeZone = 'local',
    lineEnding = '\r\n',
  } = options;
  const header = [...CSV_FIXED_COLUMNS, ...paramKeys, ...metricKeys, ...tagKeys];
  const rows = runs.map((run) => [
    formatStartTime(run.startTime, timeZone),
    formatDuration(run.startTime, run.endTime),
    run.id,
    run.name ?? run.tags['mlflow.runName'] ?? '',
    run.tags['mlflow.source.type'] ?? '',
    run.tags['mlflow.source.name'] ?? '',
    run.tags['mlflow.user'] ?? run.user,
    run.status,
    ...paramKeys.map((k) => run.params[k] ?? ''),
    ...metricKeys.map((k) => metricValue(run.metrics[k], aggregate) ?? ''),
    ...tagKeys.map((k) => run.tags[k] ?? ''),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join(lineEnding) + lineEnding;
}
