import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_REPORT_CSP, toExperimentReport, type ExperimentReportInput } from '../../../lib/report/experiment-report';
import type { Run } from '../../../lib/tracking/types';
import { rawControls } from './hostile-text';

const HOSTILE = 'evil <img src=x onerror=alert(1)> \u202egpj.exe';
const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;
const history = (values: number[]) => values.map((value, step) => ({ value, step, timestamp: 1_700_000_000_000 + step * 1000 }));

const run = (id: string, over: Partial<Run>): Run => ({
  id,
  experimentId: '1',
  name: null,
  status: 'FINISHED',
  startTime: 1_700_000_000_000,
  endTime: 1_700_000_060_000,
  lifecycleStage: 'active',
  user: 'ana',
  artifactUri: '',
  params: {},
  tags: {},
  metrics: {},
  artifacts: [],
  inputs: [],
  ...over,
});

const runs = [
  run('a1', { name: HOSTILE, params: { lr: '0.1', model: 'xgb', seed: '1' }, metrics: { auc: history([0.7, 0.8]) }, tags: { team: HOSTILE } }),
  run('b2', { name: 'rf run', params: { lr: '0.2', model: HOSTILE, seed: '1' }, metrics: { auc: history([0.6, 0.9, NaN]) }, tags: { team: HOSTILE } }),
];

const input = (over: Partial<ExperimentReportInput> = {}): ExperimentReportInput => ({
  title: `Compare ${HOSTILE}`,
  exportedAt: '2026-12-06T05:00:00.000Z',
  appVersion: '0.0.0-test',
  runs,
  experimentNames: { '1': HOSTILE },
  aggregate: 'last',
  differencesOnly: true,
  history: { metric: 'auc', x: 'step', smoothing: 0.5, log: false },
  axes: ['params.lr', 'params.model', 'metrics.auc'],
  scatter: { x: 'params.model', y: 'metrics.auc' },
  ...over,
});

describe('toExperimentReport', () => {
  const text = toExperimentReport(input(), { document: newDocument() });
  const { document } = parseHTML(text);

  it('is self-contained: a CSP without network or script, no script, no external URL', () => {
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(EXPERIMENT_REPORT_CSP);
    expect(EXPERIMENT_REPORT_CSP).toMatch(/default-src 'none'/);
    expect(document.querySelectorAll('script, link, img, iframe, object')).toHaveLength(0);
    // The only URL is the SVG namespace.
    expect(text.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(text).not.toMatch(/NaN<\/text>|undefined|Infinity/);
  });

  it('escapes and isolates every user string; no raw bidi control', () => {
    expect(text).not.toContain('<img src=x');
    expect(rawControls(text)).toEqual([]);
    const bdis = Array.from(document.querySelectorAll('bdi')).map((b) => b.textContent);
    expect(bdis).toContain('evil <img src=x onerror=alert(1)> ⟨U+202E⟩gpj.exe');
  });

  it('shows only the differing rows when differences only is on, all rows otherwise', () => {
    const keys = (doc: Document) => Array.from(doc.querySelectorAll('table.compare tbody th')).map((th) => th.textContent);
    expect(keys(document)).toEqual(['params.lr', 'params.model', 'metrics.auc']);
    const all = parseHTML(toExperimentReport(input({ differencesOnly: false }), { document: newDocument() })).document;
    expect(keys(all)).toEqual(['params.lr', 'params.model', 'params.seed', 'metrics.auc', 'tags.team']);
    // The last auc of b2 is NaN (its latest step): shown as such.
    expect(Array.from(all.querySelectorAll('table.compare tbody tr')).map((tr) => tr.textContent)[3]).toContain('NaN');
  });

  it('embeds the history (smoothed), parallel coordinates and the box view of a categorical param as SVG', () => {
    const svgs = Array.from(document.querySelectorAll('svg')).map((s) => s.getAttribute('aria-label'));
    expect(svgs).toEqual([
      'History of a metric over steps',
      'Parallel coordinates of the compared runs',
      'Box plot of a metric per value of a categorical param',
    ]);
    expect(document.querySelectorAll('g[aria-description="smoothed history"] path')).toHaveLength(2);
    expect(text).toContain('EMA smoothing 0.50');
  });
});
