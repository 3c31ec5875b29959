import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { CBPE_ASSUMPTIONS } from '../../../lib/metrics/cbpe';
import { classificationCell } from '../../../lib/notebook/kinds/classification';
import { estimatedCell } from '../../../lib/notebook/kinds/estimated';
import { fairnessCell } from '../../../lib/notebook/kinds/fairness';
import { operationalCell } from '../../../lib/notebook/kinds/operational';
import { regressionCell } from '../../../lib/notebook/kinds/regression';
import type { CellConfigs, CellKind, CellResults } from '../../../lib/notebook/registry';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../../../lib/metrics/types';
import { formatCount, formatScore, formatShare } from '../../../lib/report/format';
import { toWorkspaceReport, type ReportCellOf } from '../../../lib/report/workspace-report';
import { ROOT } from '../../support';

const XSS = '<img src=x onerror=alert(1)>';
const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const csv = (text: string, name: string) => ingestCsv(new TextEncoder().encode(text), name);
const fixture = (name: string) => ingestCsv(new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/model', name))), name);
/** Deterministic numbers in [0, 1) (a Lehmer generator), so the data and the expected text are stable. */
const uniform = (seed: number) => () => (seed = (seed * 48271) % 2147483647) / 2147483647;
/** An attribute value for a selector in double quotes. */
const quoted = (value: string) => value.replace(/["\\]/g, '\\$&');
const score = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatScore(x));

/** Binary data whose target column, positive label and file name are hostile. */
function binaryCsv(seed: number, shift: number): string {
  const next = uniform(seed);
  const rows = Array.from({ length: 60 }, () => {
    const s = Math.min(0.99, Math.max(0.01, next() + shift));
    const positive = next() < s;
    return `${positive ? XSS : 'ok'},${s >= 0.5 ? XSS : 'ok'},${s.toFixed(3)}`;
  });
  return `${XSS},pred,score\n${rows.join('\n')}\n`;
}

function fairnessCsv(seed: number): string {
  const next = uniform(seed);
  const rows = Array.from({ length: 80 }, (_, i) => {
    const group = i % 3 === 0 ? XSS : 'b';
    const s = Math.min(0.99, next() + (group === 'b' ? 0.15 : -0.1));
    return `${next() < s ? 1 : 0},${s >= 0.5 ? 1 : 0},${group},${s.toFixed(3)}`;
  });
  return `y,pred,grp,score\n${rows.join('\n')}\n`;
}

function operationalCsv(seed: number, slow: number): string {
  const next = uniform(seed);
  const start = Date.UTC(2026, 0, 5, 9);
  const rows = Array.from({ length: 90 }, (_, i) => `${(20 + 200 * next() ** 3 * slow).toFixed(1)},${new Date(start + i * 40_000).toISOString()}`);
  return `latency_ms,ts\n${rows.join('\n')}\n`;
}

async function results() {
  const [binRef, binCur] = await Promise.all([csv(binaryCsv(7, 0), 'ref.csv'), csv(binaryCsv(11, -0.1), `${XSS}.csv`)]);
  const [multiRef, multiCur] = await Promise.all([fixture('multiclass-ref.csv'), fixture('multiclass-cur.csv')]);
  const [regRef, regCur] = await Promise.all([fixture('regression-ref.csv'), fixture('regression-cur.csv')]);
  const [opRef, opCur] = await Promise.all([csv(operationalCsv(3, 1), 'ops-ref.csv'), csv(operationalCsv(5, 1.6), 'ops-cur.csv')]);
  const [fairRef, fairCur] = await Promise.all([csv(fairnessCsv(13), 'fair-ref.csv'), csv(fairnessCsv(17), 'fair-cur.csv')]);
  const estRef = await csv('label,s\n' + Array.from({ length: 40 }, (_, i) => `${i % 3 ? 'yes' : 'no'},${((i * 37) % 100) / 100}`).join('\n'), 'est-ref.csv');
  const estCur = await csv(
    'label,s\n' + Array.from({ length: 30 }, (_, i) => `${i % 4 ? 'yes' : i % 8 ? '' : 'no'},${((i * 53) % 100) / 100}`).join('\n'),
    'est-cur.csv',
  );
  return {
    binary: classificationCell(binRef, binCur, { target: XSS, prediction: 'pred', score: ['score'], posLabel: XSS }),
    multiclass: classificationCell(multiRef, multiCur, { target: 'animal', prediction: 'animal_pred', score: ['proba_bird', 'proba_cat', 'proba_dog'] }),
    regression: regressionCell(regRef, regCur, { target: 'price', prediction: 'price_pred' }),
    operational: operationalCell(opRef, opCur, { latency: 'latency_ms', timestamp: 'ts', slaMs: 100 }),
    estimated: estimatedCell(estRef, estCur, { target: 'label', score: 's', posLabel: 'yes', chunks: 3 }),
    fairness: fairnessCell(fairRef, fairCur, { target: 'y', prediction: 'pred', sensitive: ['grp'], score: 'score' }),
  };
}

type Results = Awaited<ReturnType<typeof results>>;

async function report(r: Results): Promise<{ out: string; document: Document }> {
  const cell = <K extends CellKind>(kind: K, result: CellResults[K], config: CellConfigs[K]): ReportCellOf<K> => ({
    kind,
    title: kind,
    config,
    result,
    inputs: {},
  });
  const out = await toWorkspaceReport(
    {
      title: 'Model report',
      appVersion: '0.1.0',
      engineVersion: 1,
      exportedAt: '2026-11-28T10:00:00.000Z',
      datasets: [],
      cells: [
        cell('classification', r.binary, { threshold: 0.5 }),
        cell('classification', r.multiclass, {}),
        cell('regression', r.regression, {}),
        cell('operational', r.operational, {}),
        cell('estimated', r.estimated, {}),
        cell('fairness', r.fairness, {}),
      ],
    },
    { document: newDocument() },
  );
  return { out, document: parseHTML(out).document };
}

/** The texts of a metric row's cells after the label: reference, current, Δ (and realized). */
function metricRow(section: Element, testId: string, metric: string): string[] {
  const row = section.querySelector(`[data-testid="${testId}"] tr[data-metric="${metric}"]`);
  expect(row, `${testId} ${metric}`).not.toBeNull();
  return [...row!.querySelectorAll('td')].slice(1).map((td) => td.textContent ?? '');
}

const delta = (ref: number, cur: number) => {
  const d = cur - ref;
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${formatScore(Math.abs(d))}`;
};

describe('model sections in the notebook report', () => {
  let r: Results;
  let out: string;
  let document: Document;
  beforeAll(async () => {
    r = await results();
    ({ out, document } = await report(r));
  });
  const section = (i: number) => document.querySelector(`#cell-${i}`)!;

  it('classification: the metric table shows both sides and Δ as computed, worse Δ flagged', () => {
    const ref = r.binary.reference.metrics as ClassificationMetricsResult;
    const cur = r.binary.current!.metrics as ClassificationMetricsResult;
    for (const metric of ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'log_loss', 'brier_score'] as const) {
      const [a, b, d] = metricRow(section(0), 'classification-metrics', metric);
      expect([a, b], metric).toEqual([score(ref[metric]), score(cur[metric])]);
      expect(d, metric).toBe(delta(ref[metric]!, cur[metric]!));
    }
    const accuracyDelta = section(0).querySelector('[data-metric="accuracy"] td:nth-child(4)')!;
    expect(accuracyDelta.classList.contains('flagged')).toBe(cur.accuracy! < ref.accuracy!);
    const logLossDelta = section(0).querySelector('[data-metric="log_loss"] td:nth-child(4)')!;
    expect(logLossDelta.classList.contains('flagged')).toBe(cur.log_loss! > ref.log_loss!);
    expect(metricRow(section(0), 'classification-metrics', 'n_used').slice(0, 2)).toEqual([formatCount(ref.n_used), formatCount(cur.n_used)]);
    // Per class: the hostile label is a row, as text.
    const perClass = section(0).querySelector(`[data-testid="classification-per-class"] tr[data-class="${quoted(XSS)}"]`);
    expect(perClass?.querySelector('td')?.textContent).toBe(XSS);
    expect(perClass?.querySelector('[data-metric="recall"]')?.textContent).toBe(`${score(ref.per_class[XSS]!.recall)} → ${score(cur.per_class[XSS]!.recall)}`);
  });

  it('classification: ROC, PR, both confusion matrices, reliability and threshold charts; multiclass one-vs-rest', () => {
    const labels = [...section(0).querySelectorAll('svg[aria-label]')].map((svg) => svg.getAttribute('aria-label'));
    expect(labels).toEqual(
      expect.arrayContaining([
        'ROC curves of reference and current',
        'Precision-recall curves of reference and current',
        'Reliability diagram of reference and current',
        'Classification metrics against the decision threshold',
      ]),
    );
    expect(labels.filter((l) => l === 'Confusion matrix')).toHaveLength(2);
    const multi = section(1);
    expect(multi.querySelector('svg[aria-label="One-vs-rest ROC curves per class"]')).not.toBeNull();
    const ref = r.multiclass.reference.metrics as ClassificationMetricsResult;
    expect(metricRow(multi, 'classification-metrics', 'f1_weighted')[0]).toBe(score(ref.f1_weighted));
    expect(multi.querySelector('[data-metric="f1"] td')?.textContent).toBe('F1 (macro)');
    expect(multi.querySelectorAll('[data-testid="classification-per-class"] tbody tr')).toHaveLength(ref.labels.length);
  });

  it('regression: errors, R² and the two charts', () => {
    const ref = r.regression.reference.metrics as RegressionMetricsResult;
    const cur = r.regression.current!.metrics as RegressionMetricsResult;
    for (const metric of ['mean_error', 'mae', 'rmse', 'mse', 'mape', 'r2', 'max_error'] as const) {
      const [a, b, d] = metricRow(section(2), 'regression-metrics', metric);
      expect([a, b, d], metric).toEqual([score(ref[metric]), score(cur[metric]), delta(ref[metric]!, cur[metric]!)]);
    }
    expect(section(2).querySelector('svg[aria-label="Predicted against actual values"]')).not.toBeNull();
    expect(section(2).querySelector('svg[aria-label="Histogram of prediction errors"]')).not.toBeNull();
  });

  it('operational: latency percentiles in ms, share over the SLA, latency and throughput charts per side', () => {
    const { reference: ref, current: cur } = r.operational;
    for (const metric of ['p50', 'p90', 'p95', 'p99', 'mean', 'max'] as const) {
      expect(metricRow(section(3), 'operational-metrics', metric).slice(0, 2), metric).toEqual([
        `${formatScore(ref[metric]!)} ms`,
        `${formatScore(cur![metric]!)} ms`,
      ]);
    }
    expect(metricRow(section(3), 'operational-metrics', 'share_over_sla').slice(0, 2)).toEqual([
      formatShare(ref.shareOverSla!),
      formatShare(cur!.shareOverSla!),
    ]);
    expect(section(3).querySelectorAll('svg[aria-label="Latency percentiles per time window"]')).toHaveLength(2);
    expect(section(3).querySelectorAll('svg[aria-label="Throughput per time window"]')).toHaveLength(2);
    expect(section(3).textContent).toContain('SLA 100 ms');
  });

  it('estimated: reference realized vs current estimated and realized, chunk charts, the assumptions', () => {
    const { cbpe } = r.estimated;
    expect(cbpe.current.realized).not.toBeNull();
    for (const [metric, name] of [
      ['accuracy', 'accuracy'],
      ['f1', 'f1'],
      ['roc_auc', 'rocAuc'],
    ] as const) {
      const [refRealized, curEstimated, , curRealized] = metricRow(section(4), 'estimated-metrics', metric);
      expect([refRealized, curEstimated, curRealized], metric).toEqual([
        score(cbpe.reference.realized[name]),
        score(cbpe.current.estimated[name]),
        score(cbpe.current.realized![name]),
      ]);
    }
    expect(section(4).querySelectorAll('svg[aria-label^="Estimated "]').length).toBeGreaterThan(0);
    const text = section(4).textContent ?? '';
    for (const assumption of CBPE_ASSUMPTIONS) expect(text).toContain(assumption);
    expect(cbpe.ece).not.toBeNull();
    expect(text).toContain(`reference ECE from ${formatScore(cbpe.ece!.raw)} to ${formatScore(cbpe.ece!.calibrated)} (10 stratified 90/10 splits, seed 42)`);
  });

  it('fairness: per-group rates, the six aggregates, disparity chart, reweighing and thresholds', () => {
    const { reference: ref, current: cur } = r.fairness;
    const groups = section(5).querySelector('[data-testid="fairness-groups"]')!;
    for (const g of ref.groups) {
      const row = groups.querySelector(`tr[data-group="${quoted(g.group)}"]`)!;
      expect(row.querySelector('td')?.textContent).toBe(g.group);
      for (const metric of ['selection_rate', 'tpr', 'fpr', 'fnr', 'tnr', 'precision', 'accuracy'] as const) {
        expect(row.querySelector(`[data-metric="${metric}"]`)?.textContent, `${g.group} ${metric}`).toBe(score(g[metric]));
      }
      expect(row.querySelector('[data-metric="count"]')?.textContent).toBe(formatCount(g.count));
    }
    for (const metric of [
      'demographic_parity_difference',
      'demographic_parity_ratio',
      'equal_opportunity_difference',
      'equal_opportunity_ratio',
      'equalized_odds_difference',
      'equalized_odds_ratio',
    ] as const) {
      expect(metricRow(section(5), 'fairness-aggregates', metric).slice(0, 2), metric).toEqual([score(ref[metric]), score(cur![metric])]);
    }
    expect(section(5).querySelector('svg[aria-label="selection rate per group"]')).not.toBeNull();
    expect(section(5).querySelector('svg[aria-label="pprev disparity per group against the reference group"]')).not.toBeNull();
    const weights = [...section(5).querySelectorAll('[data-testid="fairness-reweighing"]')[0]!.querySelectorAll('tbody tr td:last-child')].map(
      (td) => td.textContent,
    );
    expect(weights).toEqual(ref.reweighing.rows.map((row) => score(row.weight)));
    expect(ref.thresholds).not.toBeNull();
    expect(metricRow(section(5), 'fairness-threshold-outcome', 'accuracy').slice(0, 2)).toEqual([
      score(ref.thresholds!.before.accuracy),
      score(ref.thresholds!.after.accuracy),
    ]);
  });

  it('shows hostile labels, columns, groups and file names as text only', () => {
    expect(document.querySelectorAll('img, [src]')).toHaveLength(0);
    const withHandlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)));
    expect(withHandlers).toHaveLength(0);
    expect(out.split('<script>')).toHaveLength(2);
    expect(out).not.toContain(XSS);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section(0).querySelector('code')?.textContent).toBe(XSS);
    expect(section(0).textContent).toContain(`${XSS}.csv`);
    expect(section(0).textContent).toContain(`positive label “${XSS}”`);
  });
});
