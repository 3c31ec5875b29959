import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { periodWindows, splitWindows, windowDataset } from '../../../lib/stream/windows';
import { instantOf, zoneOf, zonedIso } from '../../../lib/stream/zoned-time';
import { readFixture, readJson } from '../../support';

/** tests/fixtures/generate_windows.py: pandas 1.5 tz_convert + to_period (hours: the local hour elapsed). */
interface PeriodCase {
  name: string;
  period: 'hour' | 'day' | 'week' | 'month' | 'quarter';
  timeZone: string;
  times: (number | null)[];
  windows: [label: string, start: number, end: number, rows: number[]][];
}
const { cases } = readJson<{ cases: PeriodCase[] }>('tests/fixtures/windows/periods.json');

describe('calendar-period windows (pandas)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const windows = periodWindows(
      c.times.map((t) => t ?? NaN),
      c.period,
      c.timeZone,
    );
    expect(windows.map((w) => w.label)).toEqual(c.windows.map((w) => w[0]));
    expect(windows.map((w) => Date.parse(w.start!))).toEqual(c.windows.map((w) => w[1]));
    expect(windows.map((w) => Date.parse(w.end!))).toEqual(c.windows.map((w) => w[2]));
    expect(windows.map((w) => [...w.rows])).toEqual(c.windows.map((w) => w[3]));
  });

  it('makes a Europe/Paris day 23 h at the spring switch and 25 h at the autumn one', () => {
    const spring = periodWindows([Date.parse('2026-03-29T12:00:00Z')], 'day', 'Europe/Paris')[0]!;
    expect(Date.parse(spring.end!) - Date.parse(spring.start!)).toBe(23 * 3_600_000);
    expect([spring.start, spring.end]).toEqual(['2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00']);
    const autumn = periodWindows([Date.parse('2026-10-25T12:00:00Z')], 'day', 'Europe/Paris')[0]!;
    expect(Date.parse(autumn.end!) - Date.parse(autumn.start!)).toBe(25 * 3_600_000);
  });

  it('keeps ISO week 2026-W53 (2026-12-28 … 2027-01-03) whole', () => {
    const [w] = periodWindows([Date.parse('2027-01-01T00:00:00Z')], 'week');
    expect(w).toMatchObject({ label: '2026-W53', start: '2026-12-28T00:00:00+00:00', end: '2027-01-04T00:00:00+00:00' });
  });

  it('keeps empty periods as windows with 0 rows, never drops them', () => {
    const windows = periodWindows([Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-05T00:00:00Z')], 'day');
    expect(windows.map((w) => w.rows.length)).toEqual([1, 0, 0, 0, 1]);
  });

  it('refuses an unknown time zone or period with what to write', () => {
    expect(() => periodWindows([0], 'day', 'Mars/Olympus')).toThrow(/time zone: Mars\/Olympus is not an IANA time zone — use e\.g\. UTC/);
    expect(() => periodWindows([0], 'fortnight' as 'day')).toThrow(/period: fortnight — use hour, day, week, month, quarter/);
  });

  it('maps a skipped wall time to the instant after the gap and a repeated one to its first occurrence', () => {
    const paris = zoneOf('Europe/Paris');
    expect(zonedIso(paris, instantOf(paris, Date.parse('2026-03-29T02:30:00Z')))).toBe('2026-03-29T03:00:00+02:00');
    expect(zonedIso(paris, instantOf(paris, Date.parse('2026-10-25T02:30:00Z')))).toBe('2026-10-25T02:30:00+02:00');
    // America/Santiago skips midnight (00:00 → 01:00) in September: the day starts at 01:00.
    const santiago = zoneOf('America/Santiago');
    expect(zonedIso(santiago, instantOf(santiago, Date.parse('2026-09-06T00:00:00Z')))).toBe('2026-09-06T01:00:00-03:00');
  });
});

describe('splitWindows on a dataset', () => {
  const current = () => ingestCsv(readFixture('tests/fixtures/windows/events-current.csv'), 'events-current.csv');

  it('counts and reports rows whose timestamp is missing or not a date (in no window)', async () => {
    const data = await current();
    const split = splitWindows(data, { by: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris' });
    expect(split.unplaced).toEqual({ missing: 2, unparsed: 2, firstUnparsed: { row: expect.any(Number), text: 'not a date' } });
    expect(split.warnings).toContain('2 current rows have no ts and are in no window');
    expect(split.warnings.some((w) => /^2 current rows have a ts that is not a date \(first: "not a date", row \d+\) and are in no window$/.test(w))).toBe(
      true,
    );
    expect(split.warnings).toContain('1 of 13 current day windows are empty (gaps, kept with 0 rows)');
    const placed = split.windows.reduce((n, w) => n + w.rows.length, 0);
    expect(placed + 4).toBe(data.table.numRows);
  });

  it("splits rows as NannyML's chunkers (size with the rest kept; count → size rows // count)", async () => {
    const data = await current();
    const n = data.table.numRows;
    const bySize = splitWindows(data, { by: 'rows', size: 100 }).windows;
    expect(bySize.map((w) => w.label)).toEqual(['[0:99]', '[100:199]', '[200:299]', '[300:399]', `[400:${n - 1}]`]);
    const byCount = splitWindows(data, { by: 'count', count: 7 }).windows;
    const size = Math.floor(n / 7);
    expect(byCount).toHaveLength(n % 7 ? 8 : 7);
    expect(byCount.slice(0, 7).every((w) => w.rows.length === size)).toBe(true);
    expect(byCount.map((w) => w.rows[0])).toEqual(byCount.map((_, i) => i * size));
    expect(() => splitWindows(data, { by: 'count', count: n + 1 })).toThrow(/chunk count/);
  });

  it('takes a window into a dataset through the segments path, with its rows and schema', async () => {
    const data = await current();
    const [first] = splitWindows(data, { by: 'rows', size: 100 }).windows;
    const sub = windowDataset(data, first!);
    expect(sub.table.numRows).toBe(100);
    expect(sub.meta.rows).toBe(100);
    expect(sub.meta.segment).toBe('window [0:99]');
    expect(sub.meta.schema).toEqual(data.meta.schema);
    expect(sub.table.getChild('x1')!.get(5)).toBe(data.table.getChild('x1')!.get(5));
  });

  it("reads numeric timestamps as epoch seconds or milliseconds (the model cells' rule)", async () => {
    const day = 86_400;
    const seconds = await ingestCsv(new TextEncoder().encode(`t,x\n${day * 20000},1\n${day * 20000 + 10},2\n${day * 20002},3\n`), 's.csv');
    const split = splitWindows(seconds, { by: 'period', period: 'day', timestampColumn: 't' });
    expect(split.windows.map((w) => [w.label, w.rows.length])).toEqual([
      ['2024-10-04', 2],
      ['2024-10-05', 0],
      ['2024-10-06', 1],
    ]);
    const ms = await ingestCsv(new TextEncoder().encode(`t,x\n${day * 20000 * 1000},1\n,2\n`), 'ms.csv');
    const byMs = splitWindows(ms, { by: 'period', period: 'day', timestampColumn: 't' });
    expect(byMs.windows.map((w) => w.label)).toEqual(['2024-10-04']);
    expect(byMs.unplaced).toEqual({ missing: 1, unparsed: 0 });
  });

  it('names the missing timestamp column', async () => {
    const data = await current();
    expect(() => splitWindows(data, { by: 'period', period: 'day', timestampColumn: 'when' })).toThrow(/timestamp column "when": not in events-current\.csv/);
  });
});
