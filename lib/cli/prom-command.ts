/**
 * `driftbook prom query`: a range query against a real Prometheus (`GET /api/v1/query_range`), written
 * as Prometheus' own JSON response (which the app imports as a dataset) or as wide CSV (Time + one
 * column per series). The CLI may use the network; the app does not.
 */
import { DataError } from '../errors';
import { csvCell } from '../fairness/csv-cell';
import { parseQueryRange } from '../prom/query-range';
import { formatSampleValue } from '../prom/sample-value';
import { seriesToColumns } from '../prom/to-columns';
import type { PromSeries } from '../prom/types';
import { parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';

export const PROM_OPTION_SPECS = {
  url: { type: 'string' },
  query: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  step: { type: 'string' },
  format: { type: 'string' },
  timeout: { type: 'string' },
} as const;

// RFC 3339 as Prometheus takes it (a zone is required), or Unix seconds with an optional fraction.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
const UNIX = /^\d+(?:\.\d+)?$/;
// A step in seconds, or a Prometheus duration such as 30s, 1m, 1h30m.
const DURATION = /^(?:\d+(?:ms|[smhdwy]))+$/;

/** --start/--end as Unix seconds text for the API (RFC 3339 is checked here, so a typo is our error, not Prometheus'). */
function timeArg(flag: string, text: string | undefined): string {
  if (text === undefined) throw new UsageError(`prom query needs --${flag} (RFC 3339 such as 2026-12-05T10:00:00Z, or Unix seconds)`);
  if (UNIX.test(text)) return text;
  if (RFC3339.test(text) && !Number.isNaN(Date.parse(text))) return String(Date.parse(text) / 1000);
  throw new UsageError(`--${flag}: ${text} is not an RFC 3339 time with a zone (2026-12-05T10:00:00Z) or Unix seconds`);
}

function stepArg(text: string | undefined): string {
  if (text === undefined) throw new UsageError('prom query needs --step (seconds, e.g. 60, or a duration such as 1m)');
  if ((UNIX.test(text) && Number(text) > 0) || DURATION.test(text)) return text;
  throw new UsageError(`--step: ${text} is not a positive number of seconds or a duration such as 30s, 1m`);
}

function baseUrl(text: string | undefined): URL {
  if (!text) throw new UsageError('prom query needs --url, the Prometheus server (e.g. http://127.0.0.1:9090)');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--url: ${text} is not a URL — e.g. http://127.0.0.1:9090`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url: ${text} is not http(s)`);
  return url;
}

/** Why fetch failed, in its own words (Node puts the socket error in `cause`). */
const fetchReason = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.message ?? cause?.code ?? (error as Error).message;
};

/** The query_range response body, parsed; unreachable servers and non-JSON answers are DataErrors saying so. */
export async function fetchQueryRange(
  base: URL,
  params: { query: string; start: string; end: string; step: string },
  timeoutMs: number,
): Promise<{ text: string; series: PromSeries[] }> {
  const url = new URL('api/v1/query_range', base.href.endsWith('/') ? base : `${base.href}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new DataError('prometheus-unreachable', `cannot reach Prometheus at ${base.origin}: ${fetchReason(error)} — is it running, and is --url right?`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataError(
      'prometheus-not-json',
      `not a Prometheus API answer: HTTP ${response.status} from ${url.href} is not JSON — is --url the Prometheus server (e.g. http://host:9090)?`,
    );
  }
  return { text, series: parseQueryRange(json) };
}

/** Wide CSV: Time (RFC 3339, UTC) and one column per series; an empty cell where a series has no sample. */
export function seriesCsv(series: readonly PromSeries[]): string {
  const { times, columns } = seriesToColumns(series);
  const header = ['Time', ...columns.map((c) => c.name)].map(csvCell).join(',');
  const rows = times.map((t, i) => [new Date(t).toISOString(), ...columns.map((c) => (c.values[i] === null ? '' : formatSampleValue(c.values[i]!)))].join(','));
  return [header, ...rows].map((line) => `${line}\r\n`).join('');
}

/** `driftbook prom query --url U --query Q --start T --end T --step S [--format json|csv] [--timeout SECONDS] [--out FILE]`. */
export async function promCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'query')
    throw new UsageError(`prom: unknown subcommand ${sub ?? '(none)'} — use: driftbook prom query --url … --query … --start … --end … --step …`);
  const { values } = parseCommandArgs(rest, PROM_OPTION_SPECS);
  const base = baseUrl(values.url);
  if (!values.query) throw new UsageError("prom query needs --query, a PromQL expression (e.g. 'rate(node_cpu_seconds_total[5m])')");
  const start = timeArg('start', values.start);
  const end = timeArg('end', values.end);
  if (Number(end) < Number(start)) throw new UsageError(`--end: ${values.end} is before --start ${values.start}`);
  const step = stepArg(values.step);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: ${format} — use json (Prometheus' response) or csv`);
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout: ${values.timeout} is not a positive number of seconds`);
  const { text, series } = await fetchQueryRange(base, { query: values.query, start, end, step }, timeout * 1000);
  await writeOutput(format === 'csv' ? seriesCsv(series) : text.endsWith('\n') ? text : `${text}\n`, values.out, out);
}
