import { describe, expect, it } from 'vitest';
import { findSample, formatTileChange, formatTileValue, MAX_TILE_POINTS, seriesPoints, statView, tileStatus } from '../../../lib/alerts/dashboard';
import { BATCH_HISTORY_SOURCE, chartTile, moveAnnouncement, movedIndex, sameLabels, statTile } from '../../../lib/alerts/dashboard-tiles';
import type { AlertRule, Observation, Sample } from '../../../lib/alerts/types';

const psi = { column: 'a"b\\c', method: 'psi' };
const obs = (at: string, samples: Sample[], window?: string): Observation => ({
  at,
  source: { workspaceId: 'w', key: 'cell:c1', cellId: 'c1', ...(window ? { window: { index: 0, label: window } } : {}) },
  samples,
});
const drift = (value: number | null): Sample => ({ metric: 'column_drift_score', labels: { method: 'psi', column: 'a"b\\c' }, value });
const rule = (over: Partial<AlertRule>): AlertRule => ({
  id: 'r',
  name: 'PSI high',
  metric: 'column_drift_score',
  labels: { method: 'psi' },
  comparator: '>',
  threshold: 0.2,
  for: '0s',
  severity: 'warning',
  summary: '',
  ...over,
});

describe('tile ids and moves', () => {
  it('derives ids from what a tile shows, so pinning the same series twice names the same tile (label order ignored)', () => {
    const a = statTile('c1', 'column_drift_score', { column: 'x', method: 'psi' });
    const b = statTile('c1', 'column_drift_score', { method: 'psi', column: 'x' });
    expect(a.id).toBe(b.id);
    expect(statTile('c2', 'column_drift_score', { column: 'x', method: 'psi' }).id).not.toBe(a.id);
    expect(statTile('c1', 'column_drift_score', { column: 'x', method: 'ks' }).id).not.toBe(a.id);
    // A label value holding the separator characters cannot make two series collide.
    expect(statTile('c1', 'm', { a: 'x","b' }).id).not.toBe(statTile('c1', 'm', { a: 'x', b: '' }).id);
    expect(chartTile('c1', 'roc')).toEqual({ id: 'chart:c1:roc', type: 'chart', cellId: 'c1', chart: 'roc' });
    expect(BATCH_HISTORY_SOURCE).toBe('batches');
  });

  it('moves one place by keyboard, stopping at the ends, and says where the tile went', () => {
    const tiles = ['a', 'b', 'c'].map((id) => chartTile(id, 'x'));
    const [a, b, c] = tiles.map((t) => t.id) as [string, string, string];
    expect(movedIndex(tiles, b, -1)).toBe(0);
    expect(movedIndex(tiles, b, 1)).toBe(2);
    expect(movedIndex(tiles, a, -1)).toBe(0);
    expect(movedIndex(tiles, c, 1)).toBe(2);
    expect(movedIndex(tiles, 'gone', 1)).toBe(-1);
    expect(moveAnnouncement('Accuracy', 1, 5)).toBe('Moved “Accuracy” to position 2 of 5.');
  });

  it('compares label sets, not objects', () => {
    expect(sameLabels({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameLabels({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameLabels({ a: '1', b: '2' }, { a: '1', c: '2' })).toBe(false);
    expect(sameLabels({}, {})).toBe(true);
  });
});

describe('statView', () => {
  const history = [
    obs('2026-01-01T00:00:00.000Z', [drift(0.05)], 'Jan 1'),
    obs('2026-01-02T00:00:00.000Z', [drift(0.1)], 'Jan 2'),
    obs('2026-01-03T00:00:00.000Z', [drift(0.35)], 'Jan 3'),
  ];

  it('shows the latest value, the change from the one before and the whole history, oldest first', () => {
    const view = statView('column_drift_score', psi, history, []);
    expect(view.value).toBe(0.35);
    expect(view.previous).toBe(0.1);
    expect(view.change).toBeCloseTo(0.25, 15);
    expect(view.points.map((p) => [p.label, p.value])).toEqual([
      ['Jan 1', 0.05],
      ['Jan 2', 0.1],
      ['Jan 3', 0.35],
    ]);
    expect(view.unit).toBe('score');
    expect(view.status).toBe('unwatched');
  });

  it('keeps a gap where the series is absent or undefined, and gives no change across it', () => {
    const gappy = [history[0]!, obs('2026-01-02T00:00:00.000Z', []), obs('2026-01-03T00:00:00.000Z', [drift(0.4)])];
    const view = statView('column_drift_score', psi, gappy, []);
    expect(view.points.map((p) => p.value)).toEqual([0.05, null, 0.4]);
    expect(view.value).toBe(0.4);
    expect(view.previous).toBeNull();
    expect(view.change).toBeNull();
    expect(statView('column_drift_score', psi, [obs('t', [drift(Infinity)]), obs('u', [drift(0.3)])], []).change).toBeNull();
  });

  it('uses a window label, a batch name, else its date, else the time to the minute as a point label', () => {
    const batch = (name?: string): Observation => ({
      at: '2026-02-01T00:00:00.000Z',
      source: { workspaceId: 'w', key: 'batches', batch: { id: 'b', date: '2026-02-01', ...(name ? { name } : {}) } },
      samples: [drift(0.1)],
    });
    expect(seriesPoints([batch('feb.csv'), batch(), obs('2026-03-01T00:00:00.000Z', [drift(1)])], 'column_drift_score', psi).map((p) => p.label)).toEqual([
      'feb.csv',
      '2026-02-01',
      '2026-03-01 00:00 UTC',
    ]);
    expect(seriesPoints([obs('not a time', [drift(1)])], 'column_drift_score', psi)[0]!.label).toBe('not a time');
  });

  it(`keeps the latest ${MAX_TILE_POINTS} points`, () => {
    const many = Array.from({ length: MAX_TILE_POINTS + 5 }, (_, i) => obs(`t${i}`, [drift(i)]));
    const points = seriesPoints(many, 'column_drift_score', psi);
    expect(points).toHaveLength(MAX_TILE_POINTS);
    expect(points[0]!.value).toBe(5);
    expect(points.at(-1)!.value).toBe(MAX_TILE_POINTS + 4);
  });

  it('finds a sample by its exact label set', () => {
    const samples = [drift(0.1), { metric: 'column_drift_score', labels: { column: 'a"b\\c', method: 'ks' }, value: 0.9 }];
    expect(findSample(samples, 'column_drift_score', { column: 'a"b\\c', method: 'ks' })?.value).toBe(0.9);
    expect(findSample(samples, 'column_drift_score', { column: 'a"b\\c' })).toBeUndefined();
  });
});

describe('tileStatus: the colour from the rules', () => {
  const sample = drift(0.35);
  it('is the most severe enabled rule on the series whose condition holds', () => {
    const rules = [
      rule({ id: 'i', severity: 'info', threshold: 0.1 }),
      rule({ id: 'c', severity: 'critical', threshold: 0.3 }),
      rule({ id: 'w', severity: 'warning' }),
    ];
    const { status, holding } = tileStatus(rules, sample);
    expect(status).toBe('critical');
    expect(holding.map((r) => r.id)).toEqual(['c', 'w', 'i']);
  });
  it('is ok when rules watch the series and none holds, unwatched when none watches it', () => {
    expect(tileStatus([rule({ threshold: 0.5 })], sample).status).toBe('ok');
    expect(tileStatus([rule({ labels: { method: 'ks' } })], sample).status).toBe('unwatched');
    expect(tileStatus([rule({ metric: 'dataset_drift_share', labels: {} })], sample).status).toBe('unwatched');
  });
  it('skips disabled rules and never holds for an undefined value', () => {
    expect(tileStatus([rule({ enabled: false })], sample).status).toBe('unwatched');
    expect(tileStatus([rule({ comparator: '<', threshold: 1 })], drift(null)).status).toBe('ok');
  });
  it('compares with the rule comparator at the threshold itself', () => {
    expect(tileStatus([rule({ comparator: '>=', threshold: 0.35 })], sample).status).toBe('warning');
    expect(tileStatus([rule({ comparator: '>', threshold: 0.35 })], sample).status).toBe('ok');
    expect(tileStatus([rule({ comparator: '<=', threshold: 0.35 })], sample).status).toBe('warning');
    expect(tileStatus([rule({ comparator: '<', threshold: 0.35 })], sample).status).toBe('ok');
  });
  it('is part of the view, against the latest value', () => {
    const view = statView('column_drift_score', psi, [obs('t', [drift(0.1)]), obs('u', [drift(0.35)])], [rule({})]);
    expect(view.status).toBe('warning');
    expect(view.holding.map((r) => r.name)).toEqual(['PSI high']);
  });
});

describe('tile formats', () => {
  it('shows each unit as a reader expects', () => {
    expect(formatTileValue(0.25, 'seconds')).toBe('250 ms');
    expect(formatTileValue(2.5, 'seconds')).toBe('2.5 s');
    expect(formatTileValue(0.4567, 'ratio')).toBe('45.7%');
    expect(formatTileValue(1, 'boolean')).toBe('yes');
    expect(formatTileValue(0, 'boolean')).toBe('no');
    expect(formatTileValue(1234567, 'count')).toBe('1,234,567');
    expect(formatTileValue(0.123456, 'score')).toBe('0.1235');
    expect(formatTileValue(null, 'score')).toBe('—');
    expect(formatTileValue(Infinity, 'score')).toBe('∞');
  });
  it('signs changes, ratios in percentage points', () => {
    expect(formatTileChange(0.025, 'ratio')).toBe('+2.5 pp');
    expect(formatTileChange(-0.05, 'seconds')).toBe('−50 ms');
    expect(formatTileChange(-1200, 'count')).toBe('−1,200');
    expect(formatTileChange(0.25, 'score')).toBe('+0.25');
    expect(formatTileChange(0, 'score')).toBe('±0');
    expect(formatTileChange(null, 'score')).toBe('—');
  });
});
