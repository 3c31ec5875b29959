import { afterAll, describe, expect, it } from 'vitest';
import { computeClassificationMetrics, type ClassificationInput } from '../../../lib/metrics/compute-classification';
import { precisionRecallCurve } from '../../../lib/metrics/precision-recall';
import { rocCurve } from '../../../lib/metrics/roc';
import { calibrationCurve } from '../../../lib/metrics/calibration';
import { thresholdSweep } from '../../../lib/metrics/threshold';
import { splitScores } from '../../../lib/metrics/binary-curve';
import { normaliseLabel } from '../../../lib/metrics/labels';
import type { CalibrationResult } from '../../../lib/metrics/types';
import { close, closeArray, decodeColumn, loadMetricsFixture, maxError, type FloatColumn, type Num } from '../../support/sklearn';

type Label = string | number | null;
interface Curve {
  length: number;
  every: number;
  [k: string]: Num[] | number;
}
interface Calib {
  edges: Num[];
  prob_true: Num[];
  prob_pred: Num[];
  counts: number[];
  ece: Num;
}
interface Expected {
  labels: string[];
  pos_label?: string;
  excluded_rows: number;
  excluded_score_rows?: number;
  accuracy: Num;
  balanced_accuracy: Num;
  precision?: Num;
  recall?: Num;
  f1?: Num;
  confusion_matrix: number[][];
  confusion_matrix_normalized: Num[][];
  per_class: Record<string, { precision: Num; recall: Num; f1: Num; support: number }>;
  precision_macro: Num;
  recall_macro: Num;
  f1_macro: Num;
  precision_weighted: Num;
  recall_weighted: Num;
  f1_weighted: Num;
  baseline: { label: string; accuracy: Num; balanced_accuracy: Num; f1_macro: Num; precision?: Num; recall?: Num; f1?: Num };
  roc_auc?: Num | null;
  roc?: Curve | null;
  precision_recall?: Curve & { thresholds: Num[] };
  average_precision?: Num | null;
  log_loss?: Num | null;
  brier_score?: Num | null;
  calibration?: Record<string, Calib> | null;
  threshold_sweep?: Record<string, Num[]>;
  roc_auc_ovr_macro?: Num | null;
  roc_auc_ovr_weighted?: Num | null;
  roc_auc_ovr_per_class?: (Num | null)[];
  rows_sum_to_one?: boolean;
}
interface Case {
  name: string;
  task: 'binary' | 'multiclass';
  target: Label[];
  prediction: Label[];
  pos_label?: Label;
  score?: FloatColumn;
  proba?: { labels: Label[]; columns: FloatColumn[] };
  expected: Expected;
}

const fixture = loadMetricsFixture<{ sklearn: string; cases: Case[] }>('classification.json');

function inputOf(c: Case): ClassificationInput {
  return {
    target: c.target,
    prediction: c.prediction,
    ...(c.score ? { score: decodeColumn(c.score) } : {}),
    ...(c.proba ? { proba: { labels: c.proba.labels, columns: c.proba.columns.map(decodeColumn) } } : {}),
  };
}

function checkCalibration(actual: CalibrationResult | null, e: Calib, what: string): void {
  expect(actual, what).not.toBeNull();
  closeArray(actual!.edges, e.edges, `${what} edges`);
  closeArray(actual!.prob_true, e.prob_true, `${what} prob_true`);
  closeArray(actual!.prob_pred, e.prob_pred, `${what} prob_pred`);
  expect(actual!.counts, `${what} counts`).toEqual(e.counts);
  close(actual!.ece, e.ece, `${what} ece`);
}

describe(`computeClassificationMetrics vs sklearn ${fixture.sklearn}`, () => {
  afterAll(() => console.log(`classification: ${fixture.cases.length} cases, max relative error ${maxError.value.toExponential(2)} (${maxError.what})`));

  it('fixture covers the cases the issue lists', () => {
    const names = fixture.cases.map((c) => c.name).join('\n');
    for (const part of ['pos_label=0', 'strings', 'ties', 'all correct', 'one class', 'imbalanced', 'n=20000', 'zero division', 'multiclass 5', 'missing']) {
      expect(names).toContain(part);
    }
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const e = c.expected;
      const res = computeClassificationMetrics(inputOf(c), {
        task: c.task,
        ...(c.pos_label !== undefined && c.pos_label !== null ? { posLabel: c.pos_label } : {}),
        maxCurvePoints: 1e9,
      });
      expect(res.task).toBe(c.task);
      expect(res.labels).toEqual(e.labels);
      expect(res.excluded_rows).toBe(e.excluded_rows);
      expect(res.confusion_matrix).toEqual({ labels: e.labels, matrix: e.confusion_matrix });
      res.confusion_matrix_normalized.matrix.forEach((row, i) => closeArray(row, e.confusion_matrix_normalized[i]!, `cm_normalized[${i}]`));
      close(res.accuracy, e.accuracy, 'accuracy');
      close(res.balanced_accuracy, e.balanced_accuracy, 'balanced_accuracy');
      for (const label of e.labels) {
        const want = e.per_class[label]!;
        const got = res.per_class[label]!;
        close(got.precision, want.precision, `precision[${label}]`);
        close(got.recall, want.recall, `recall[${label}]`);
        close(got.f1, want.f1, `f1[${label}]`);
        expect(got.support).toBe(want.support);
      }
      expect(res.baseline?.label).toBe(e.baseline.label);
      close(res.baseline?.accuracy, e.baseline.accuracy, 'baseline accuracy');
      close(res.baseline?.balanced_accuracy, e.baseline.balanced_accuracy, 'baseline balanced_accuracy');
      close(res.baseline?.f1_macro, e.baseline.f1_macro, 'baseline f1_macro');
      if (c.task === 'binary') {
        expect(res.pos_label).toBe(e.pos_label);
        close(res.precision, e.precision, 'precision');
        close(res.recall, e.recall, 'recall');
        close(res.f1, e.f1, 'f1');
        close(res.baseline?.precision, e.baseline.precision, 'baseline precision');
        close(res.baseline?.f1, e.baseline.f1, 'baseline f1');
      } else {
        for (const k of ['precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'] as const)
          close(res[k], e[k], k);
        close(res.precision, e.precision_macro, 'precision (macro)');
      }
      if (c.score) {
        expect(res.excluded_score_rows).toBe(e.excluded_score_rows);
        close(res.roc_auc, e.roc_auc, 'roc_auc');
        close(res.average_precision, e.average_precision, 'average_precision');
        close(res.log_loss, e.log_loss, 'log_loss');
        close(res.brier_score, e.brier_score, 'brier_score');
        if (e.roc_auc === null) expect(res.warnings.some((w) => w.startsWith('roc_auc: undefined'))).toBe(true);
        // Full curves from the lower-level functions, on the same rows.
        const score = decodeColumn(c.score);
        const pos = e.pos_label!;
        const rows = c.target.map((_, i) => i).filter((i) => c.target[i] !== null && score[i] !== null);
        const isPos = Uint8Array.from(rows, (i) => (normaliseLabel(c.target[i]) === pos ? 1 : 0));
        const s = Float64Array.from(rows, (i) => score[i]!);
        const roc = rocCurve(isPos, s);
        if (!e.roc) expect(roc).toBeNull();
        else {
          for (const k of ['fpr', 'tpr', 'thresholds'] as const) closeArray(roc![k], e.roc[k] as Num[], `roc ${k}`, e.roc.every, e.roc.length);
          // the display copy in the result is the same curve
          expect(res.curves.roc!.fpr).toEqual(Array.from(roc!.fpr));
        }
        const pr = precisionRecallCurve(isPos, s);
        const epr = e.precision_recall!;
        closeArray(pr.precision, epr.precision as Num[], 'pr precision', epr.every, epr.length);
        closeArray(pr.recall, epr.recall as Num[], 'pr recall', epr.every, epr.length);
        closeArray(pr.thresholds, epr.thresholds, 'pr thresholds', epr.every, epr.length - 1);
        if (e.calibration) {
          for (const [key, want] of Object.entries(e.calibration)) {
            const [strategy, bins] = key.split('_') as ['uniform' | 'quantile', string];
            checkCalibration(calibrationCurve(isPos, s, { strategy, nBins: Number(bins) }), want, `calibration ${key}`);
          }
          checkCalibration(res.calibration, e.calibration['uniform_10']!, 'result calibration');
        } else expect(res.calibration).toBeNull();
        if (e.threshold_sweep) {
          const grid = Array.from({ length: 101 }, (_, i) => i / 100);
          const sw = thresholdSweep(splitScores(isPos, s), grid);
          expect(res.threshold_sweep!.thresholds).toEqual(grid);
          for (const k of ['precision', 'recall', 'f1', 'selection_rate', 'accuracy'] as const) closeArray(sw[k], e.threshold_sweep[k]!, `sweep ${k}`);
          expect(sw.tp).toEqual(e.threshold_sweep['tp']);
          expect(sw.fp).toEqual(e.threshold_sweep['fp']);
        }
      }
      if (c.proba) {
        expect(res.excluded_score_rows).toBe(e.excluded_score_rows);
        close(res.log_loss, e.log_loss, 'log_loss');
        close(res.roc_auc_ovr_macro, e.roc_auc_ovr_macro, 'roc_auc_ovr_macro');
        close(res.roc_auc_ovr_weighted, e.roc_auc_ovr_weighted, 'roc_auc_ovr_weighted');
        close(res.roc_auc, e.roc_auc_ovr_macro, 'roc_auc (ovr macro)');
        e.roc_auc_ovr_per_class!.forEach((a, j) => close(res.curves.roc_ovr![j]!.auc, a, `roc_auc ovr ${e.labels[j]}`));
        checkCalibration(res.calibration, e.calibration!['uniform_10']!, 'top-label calibration');
        expect(res.warnings.some((w) => w.startsWith('probabilities: rows do not sum to 1'))).toBe(!e.rows_sum_to_one);
      }
    });
  }
});
