import { DataError } from '../errors';
import { csvRecords } from './csv-records';
import { parseSampleValue } from './sample-value';
import { parseSeriesName } from './series-name';
import type { PromSeries } from './types';

export interface GrafanaCsv {
  series: PromSeries[];
  layout: 'wide' | 'long';
  warnings: string[];
}

const fail = (problem: string) => new DataError('bad-grafana-csv', `not a Grafana CSV export: ${problem}`);

// 2024-05-01T10:00:00+02:00 (Grafana 6's default), 2024-05-01 10:00:00 (Grafana ≥ 7, formatted), with optional fraction and offset.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** A time cell in ms: epoch milliseconds (≥ 1e11) or seconds as Grafana writes raw times, or a date-time; undefined if neither. */
function parseTime(text: string): { t: number; zoned: boolean } | undefined {
  const s = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    const n = Number(s);
    return { t: Math.round(n >= 1e11 ? n : n * 1000), zoned: true };
  }
  const m = DATE_TIME.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Math.round(Number(`0.${frac || '0'}`) * 1000));
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return { t, zoned: zone !== undefined };
}

/** A series read from a column header: its labels when the header is `name{…}`, else the header as its name. */
function seriesOf(header: string): PromSeries {
  const metric = parseSeriesName(header);
  return metric ? { metric, points: [] } : { metric: {}, name: header, points: [] };
}

function valueOf(cell: string, line: number, column: string): number | undefined {
  const s = cell.trim();
  if (s === '' || s === 'null' || s === 'undefined') return undefined;
  const v = parseSampleValue(s);
  if (v === undefined) {
    throw fail(
      `line ${line}, column ${JSON.stringify(column)}: ${JSON.stringify(cell)} is not a number — export with "Formatted data" off (Grafana's Inspect → Data → Data options)`,
    );
  }
  return v;
}

/** Points in time order; two values at one time for one series is an error. */
function sortPoints(series: PromSeries, header: string): void {
  series.points.sort((a, b) => a.t - b.t);
  series.points.forEach((p, i) => {
    if (i > 0 && p.t === series.points[i - 1]!.t) throw fail(`two values at ${new Date(p.t).toISOString()} for ${JSON.stringify(header)}`);
  });
}

/**
 * Series from a CSV file exported by Grafana: the "series joined by time" layout (`Time,<series>,…`,
 * Inspect → Data) or the per-series layout (`Series;Time;Value`, Grafana 6's "Export CSV"), comma or
 * semicolon separated, with an optional `sep=;` line. Headers written `name{label="v"}` become label
 * sets; other legends keep their text as the series name. Times without a UTC offset are read as UTC
 * (listed in `warnings`); empty and `null` cells are missing samples.
 */
export function readGrafanaCsv(text: string): GrafanaCsv {
  let body = text.replace(/^\uFEFF/, '');
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/.exec(body);
  if (sep) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
  }
  const firstField = /^"?(Time|Series)"?(.)/i.exec(body);
  if (!firstField) throw fail('the first column must be "Time" (series joined by time) or "Series" (Series, Time, Value)');
  delimiter ??= firstField[2]!;
  const [header, ...rows] = csvRecords(body, delimiter);
  const names = header!.map((name) => name.trim());
  const long = names[0]!.toLowerCase() === 'series';
  if (long && (names.length !== 3 || names[1]!.toLowerCase() !== 'time' || names[2]!.toLowerCase() !== 'value')) {
    throw fail(`header ${JSON.stringify(names.join(delimiter))} — the per-series layout is Series${delimiter}Time${delimiter}Value`);
  }
  if (!long && names.length < 2) throw fail('no series column after "Time"');
  let unzoned = 0;
  const timeOf = (cell: string, line: number) => {
    const time = parseTime(cell);
    if (!time) throw fail(`line ${line}: time ${JSON.stringify(cell)} is not a date-time or epoch milliseconds`);
    if (!time.zoned) unzoned++;
    return time.t;
  };
  const series: PromSeries[] = long ? [] : names.slice(1).map(seriesOf);
  const byName = new Map<string, PromSeries>();
  rows.forEach((row, r) => {
    const line = r + 2 + (sep ? 1 : 0);
    if (row.length !== names.length) throw fail(`line ${line} has ${row.length} fields, the header has ${names.length}`);
    if (long) {
      const [name, time, value] = row as [string, string, string];
      let s = byName.get(name);
      if (!s) byName.set(name, (s = seriesOf(name)));
      const v = valueOf(value, line, name);
      if (v !== undefined) s.points.push({ t: timeOf(time, line), v });
      return;
    }
    const t = timeOf(row[0]!, line);
    series.forEach((s, c) => {
      const v = valueOf(row[c + 1]!, line, names[c + 1]!);
      if (v !== undefined) s.points.push({ t, v });
    });
  });
  const all = long ? [...byName.values()] : series;
  const headers = long ? [...byName.keys()] : names.slice(1);
  all.forEach((s, i) => sortPoints(s, headers[i]!));
  const warnings = unzoned ? [`${unzoned} times have no UTC offset and were read as UTC — Grafana writes them in the dashboard's time zone`] : [];
  return { series: all, layout: long ? 'long' : 'wide', warnings };
}

/** The series of a Grafana CSV export (see readGrafanaCsv). */
export function parseGrafanaCsv(text: string): PromSeries[] {
  return readGrafanaCsv(text).series;
}
