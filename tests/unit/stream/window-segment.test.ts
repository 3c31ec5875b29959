import { describe, expect, it } from 'vitest';
import { applySegment, checkSegment } from '../../../lib/data/frame';
import { ingestCsv } from '../../../lib/data/ingest';
import { splitWindows, type WindowSplit } from '../../../lib/stream/windows';
import { timestampLayout, windowSegment } from '../../../lib/stream/window-segment';
import type { Dataset } from '../../../lib/data/types';
import { readFixture } from '../../support';

const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/windows/${file}`), file);
const csv = (text: string, name = 't.csv') => ingestCsv(new TextEncoder().encode(text), name);

/** Each window's segment, run through the segments' path, keeps exactly the window's rows. */
function expectExact(data: Dataset, split: Extract<WindowSplit, { by: 'period' }>): number {
  const { windows, numericTimestamps } = splitWindows(data, split);
  const layout = timestampLayout(data, split.timestampColumn, numericTimestamps ?? null);
  expect(layout).not.toBeNull();
  for (const w of windows) {
    const segment = windowSegment(split.timestampColumn, w, layout)!;
    checkSegment(
      segment,
      data.meta.schema.map((c) => c.name),
    );
    const kept = applySegment(data, segment);
    expect(kept.table.numRows, `${w.label}: ${segment}`).toBe(w.rows.length);
  }
  return windows.length;
}

describe('a period window as a segment', () => {
  it('keeps exactly the rows of each Europe/Paris day (UTC ISO text, across the spring switch)', async () => {
    expect(expectExact(await read('events-reference.csv'), { by: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris' })).toBe(17);
    expect(expectExact(await read('events-reference.csv'), { by: 'period', period: 'hour', timestampColumn: 'ts', timeZone: 'Asia/Kolkata' })).toBeGreaterThan(
      300,
    );
  });

  it('bounds epoch seconds and milliseconds as numbers, and quotes any column name', async () => {
    const day = 86_400;
    const seconds = await csv(`"it's ""t""",x\n${day * 20000},1\n${day * 20000 + 10},2\n${day * 20002},3\n,4\n`);
    expect(expectExact(seconds, { by: 'period', period: 'day', timestampColumn: `it's "t"` })).toBe(3);
    const { windows, numericTimestamps } = splitWindows(seconds, { by: 'period', period: 'day', timestampColumn: `it's "t"` });
    expect(windowSegment(`it's "t"`, windows[0]!, timestampLayout(seconds, `it's "t"`, numericTimestamps!))).toBe(
      `d => d["it's \\"t\\""] >= 1728000000 && d["it's \\"t\\""] < 1728086400`,
    );
    const ms = await csv(`t,x\n${day * 20000 * 1000},1\n${day * 20001 * 1000 + 5},2\n`);
    expect(expectExact(ms, { by: 'period', period: 'day', timestampColumn: 't' })).toBe(2);
  });

  it('has none where string order is not time order: zone-less, offsets, mixed layouts, text that is not a date', async () => {
    const cases = ['2026-01-01 10:00:00', '2026-01-01T10:00:00+01:00', '2026-01-01T10:00:00Z\n2026-01-01T10:00:00.5Z', '2026-01-01\n2026-01-01T10:00:00Z'];
    for (const values of cases) {
      const data = await csv(
        `t,x\n${values
          .split('\n')
          .map((v, i) => `${v},${i}`)
          .join('\n')}\n`,
      );
      expect(timestampLayout(data, 't', null), values).toBeNull();
    }
    expect(timestampLayout(await read('events-current.csv'), 'ts', null)).toBeNull();
    expect(
      windowSegment('t', { index: 0, label: '[0:9]', rowStart: 0, rowEnd: 9, rows: new Uint32Array(10) }, { kind: 'number', msPerUnit: 1 }),
    ).toBeUndefined();
  });

  it('keeps fractional seconds of one length', async () => {
    const data = await csv('t,x\n2026-01-01T23:59:59.999Z,1\n2026-01-02T00:00:00.000Z,2\n');
    const { windows } = splitWindows(data, { by: 'period', period: 'day', timestampColumn: 't' });
    const layout = timestampLayout(data, 't', null);
    expect(windowSegment('t', windows[1]!, layout)).toBe(`d => d["t"] >= '2026-01-02T00:00:00.000Z' && d["t"] < '2026-01-03T00:00:00.000Z'`);
    expect(expectExact(data, { by: 'period', period: 'day', timestampColumn: 't' })).toBe(2);
  });

  it('bounds dates alone (YYYY-MM-DD, each a UTC midnight) by the first midnight at or after each bound, in any zone and period', async () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    const data = await csv(`date,x\n${days.map((d, i) => `${d},${i}`).join('\n')}\n`);
    expect(timestampLayout(data, 'date', null)).toEqual({ kind: 'date' });
    const { windows } = splitWindows(data, { by: 'period', period: 'month', timestampColumn: 'date' });
    expect(windowSegment('date', windows[1]!, { kind: 'date' })).toBe(`d => d["date"] >= '2015-02-01' && d["date"] < '2015-03-01'`);
    for (const period of ['day', 'week', 'month', 'quarter'] as const)
      for (const timeZone of ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Kolkata'])
        expect(expectExact(data, { by: 'period', period, timestampColumn: 'date', timeZone })).toBeGreaterThan(0);
    // Hours: most hold no midnight (their segment keeps nothing, as they hold no row).
    const few = await csv(
      `date,x\n${days
        .slice(0, 20)
        .map((d, i) => `${d},${i}`)
        .join('\n')}\n`,
    );
    expect(expectExact(few, { by: 'period', period: 'hour', timestampColumn: 'date', timeZone: 'Asia/Kolkata' })).toBe(19 * 24 + 1);
  });
});
