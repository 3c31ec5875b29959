import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BATCH_HISTORY_SOURCE, chartTile, statTile } from '../../../lib/alerts/dashboard-tiles';
import { cellObservation, windowObservations } from '../../../lib/alerts/observations';
import type { TimelineCellResult } from '../../../lib/notebook/kinds/timeline';
import { samplesOf } from '../../../lib/alerts/samples';
import type { AlertRule, Observation } from '../../../lib/alerts/types';
import { sparklineRuns, trendSparkline } from '../../../lib/charts/trend-sparkline';
import { visibleControls } from '../../../lib/format';
import { cellCharts } from '../../../lib/report/dashboard-charts';
import { DASHBOARD_CSP, toDashboardReport } from '../../../lib/report/dashboard-report';
import { resolveTile, statTitle, type DashboardCell, type DashboardInputs } from '../../../lib/report/dashboard-view';
import { hostileWorkspace, rawControls } from './hostile-text';

const HOSTILE = 'evil <img src=x onerror=alert(1)> \u202egpj.exe';
const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;

async function hostileDashboard() {
  const ws = await hostileWorkspace({
    title: HOSTILE,
    datasetNames: [`ref ${HOSTILE}.csv`, `cur ${HOSTILE}.csv`],
    columns: {
      numeric: `num ${HOSTILE}`,
      category: `cat "quoted" \u2066x\u2069`,
      target: 'y',
      prediction: 'y_pred',
      score: 'p',
      group: 'grp',
      latency: 'lat',
      time: 'ts',
      price: 'price',
      pricePred: 'price_pred',
    },
    categories: ['a', 'b'],
    groups: ['g1', 'g2'],
    cellTitle: `cell ${HOSTILE}`,
    segment: 'true',
    note: '',
    kinds: ['drift', 'classification', 'timeline'],
  });
  const cells = ws.input.cells.map((c, i) => ({ id: `c${i}`, title: c.title, kind: c.kind, result: c.result })) as DashboardCell[];
  const [drift, classification, timeline] = cells as [DashboardCell, DashboardCell, DashboardCell];
  const driftSamples = samplesOf('drift', drift.result);
  const score = driftSamples.find((s) => s.metric === 'column_drift_score' && s.labels.column === `num ${HOSTILE}`)!;
  const older = (value: number): Observation => ({ ...cellObservation('w', drift, drift.result, '2026-01-01T00:00:00.000Z'), samples: [{ ...score, value }] });
  const histories: DashboardInputs['histories'] = {
    [drift.id]: { over: 'runs', observations: [older(0.01), older(0.02), cellObservation('w', drift, drift.result, '2026-01-03T00:00:00.000Z')] },
  };
  const rules: AlertRule[] = [
    {
      id: 'r',
      name: `rule ${HOSTILE}`,
      metric: 'column_drift_score',
      labels: {},
      comparator: '>=',
      threshold: 0,
      for: '0s',
      severity: 'critical',
      summary: '',
    },
  ];
  const tiles = [
    statTile(drift.id, score.metric, score.labels, `title ${HOSTILE}`),
    chartTile(classification.id, cellCharts(classification)[0]!.id),
    chartTile(timeline.id, 'timeline'),
    statTile('deleted-cell', 'dataset_drift_share', {}),
    statTile(BATCH_HISTORY_SOURCE, 'dataset_drift_share', {}),
  ];
  const resolved = tiles.map((t) => resolveTile(t, { cells, histories, rules }));
  return { ws, resolved, score };
}

describe('toDashboardReport', async () => {
  const { resolved, score } = await hostileDashboard();
  const text = toDashboardReport({ workspace: `ws ${HOSTILE}`, exportedAt: '2026-12-06T05:00:00.000Z', tiles: resolved }, { document: newDocument() });
  const { document } = parseHTML(text);

  it('resolves each tile: numbers over its history, a chart, or why it shows nothing', () => {
    expect(resolved.map((r) => [r.tile.type, r.stat ? r.stat.points.length : undefined, r.chart?.id, r.problem])).toEqual([
      ['stat', 3, undefined, undefined],
      ['chart', undefined, 'roc', undefined],
      ['chart', undefined, 'timeline', undefined],
      ['stat', undefined, undefined, 'Its cell was deleted: unpin it.'],
      ['stat', undefined, undefined, 'No numbers yet: run the cell.'],
    ]);
    expect(resolved.map((r) => r.title)).toEqual([`title ${HOSTILE}`, 'ROC curve', expect.any(String), 'Dataset drift share', 'Dataset drift share']);
    expect(statTitle('model_metric', { metric: 'accuracy', dataset: 'current' })).toBe('Model metric: accuracy');
    expect(statTitle('column_drift_score', { column: 'age', method: 'psi' })).toBe('Column drift score: age');
    const stat = resolved[0]!.stat!;
    expect(stat.value).toBe(score.value);
    expect(stat.previous).toBe(0.02);
    expect(stat.status).toBe('critical');
  });

  it('is self-contained: the CSP first, forbidding network and script; no script, no external URL', () => {
    expect(text.indexOf('<meta http-equiv="Content-Security-Policy"')).toBeLessThan(text.indexOf('<meta charset'));
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toMatch(/default-src 'none'/);
    expect(DASHBOARD_CSP).not.toMatch(/script-src|connect-src/);
    expect(document.querySelectorAll('script, link, img, iframe, object, embed, form, [src]')).toHaveLength(0);
    expect(text.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]|url\(/i);
    expect([...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))).toEqual([]);
  });

  it('escapes hostile names and isolates them, showing their controls', () => {
    expect(rawControls(text)).toEqual([]);
    expect(text).not.toContain('<img src=x');
    const bdis = new Set([...document.querySelectorAll('bdi')].map((el) => el.textContent));
    for (const name of [`ws ${HOSTILE}`, `title ${HOSTILE}`, `rule ${HOSTILE}`, `cell ${HOSTILE} drift`, `cell ${HOSTILE} classification`]) {
      expect(bdis.has(visibleControls(name)), name).toBe(true);
    }
    expect(bdis.has(visibleControls(`column=num ${HOSTILE} · method=${score.labels.method}`))).toBe(true);
    expect(document.querySelector('title')?.textContent).toBe(visibleControls(`Dashboard: ws ${HOSTILE}`));
  });

  it('draws a sparkline per stat tile and the chart of a chart tile, coloured by status', () => {
    const tiles = [...document.querySelectorAll('section.tile')];
    expect(tiles).toHaveLength(5);
    expect(tiles[0]!.className).toBe('tile stat-tile critical');
    expect(tiles[0]!.querySelectorAll('svg.trend-sparkline polyline')).toHaveLength(1);
    expect(tiles[1]!.querySelector('.chart svg')).not.toBeNull();
    expect(tiles[2]!.querySelector('.chart svg')).not.toBeNull();
    expect(tiles[0]!.querySelector('.change')?.textContent).toMatch(/^\+/);
  });

  it('follows a timeline over its windows: one point per evaluated window, the latest window as the value', async () => {
    const { ws } = await hostileDashboard();
    const cell = { id: 't', title: 'timeline', kind: 'timeline', result: ws.input.cells[2]!.result } as DashboardCell;
    const result = ws.input.cells[2]!.result as TimelineCellResult;
    const observations = windowObservations('w', cell, result);
    const sample = observations.at(-1)!.samples[0]!;
    const { stat } = resolveTile(statTile('t', sample.metric, sample.labels), {
      cells: [cell],
      histories: { t: { over: 'windows', observations } },
      rules: [],
    });
    const evaluated = result.windows.filter((w) => !w.small);
    expect(evaluated.length).toBeGreaterThan(1);
    expect(stat!.points.map((p) => [p.label, p.value])).toEqual(evaluated.map((w) => [w.label, w.value]));
    expect(stat!.over).toBe('windows');
  });

  it('gives the same file for the same input', () => {
    expect(toDashboardReport({ workspace: `ws ${HOSTILE}`, exportedAt: '2026-12-06T05:00:00.000Z', tiles: resolved }, { document: newDocument() })).toBe(text);
  });
});

describe('trendSparkline', () => {
  it('splits the line at missing or non-finite values and dots the latest value', () => {
    expect(sparklineRuns([1, null, 2, 3, NaN, Infinity, 4]).map((run) => run.map((p) => p.i))).toEqual([[0], [2, 3], [6]]);
    const svg = trendSparkline([1, null, 2, 3], { document: newDocument(), width: 100, height: 20 });
    const lines = [...svg.querySelectorAll('polyline')].map((l) => l.getAttribute('points'));
    // x: 3 + i·(100 − 6)/3; y: 20 − 3 − (v − 1)·14/2.
    expect(lines).toEqual(['3,17', '65.67,10 97,3']);
    expect(svg.querySelector('circle')?.getAttribute('cx')).toBe('97');
  });
  it('draws a flat series in the middle and nothing for no values', () => {
    const svg = trendSparkline([2, 2], { document: newDocument(), width: 100, height: 20 });
    expect(svg.querySelector('polyline')?.getAttribute('points')).toBe('3,10 97,10');
    expect(trendSparkline([null], { document: newDocument() }).children).toHaveLength(0);
  });
});
