import { describe, expect, it } from 'vitest';
import { computeClassificationMetrics } from '../../../lib/metrics/compute-classification';
import { binaryLogLoss, multiclassLogLoss } from '../../../lib/metrics/log-loss';
import { averagePrecision } from '../../../lib/metrics/precision-recall';
import { rocAuc, rocCurve } from '../../../lib/metrics/roc';
import { confusionMatrix } from '../../../lib/metrics/confusion';
import { balancedAccuracy } from '../../../lib/metrics/classification';
import { expectClose } from '../../support';

/** Every value JSON can carry: no NaN, no Infinity, no typed arrays. */
function expectPlainJson(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('sklearn docstring vectors', () => {
  it('log_loss(["spam","ham","ham","spam"], …) = 0.21616…', () => {
    // classes sorted: ham, spam; truth codes 1, 0, 0, 1
    const loss = multiclassLogLoss(Int32Array.from([1, 0, 0, 1]), [
      [0.1, 0.9, 0.8, 0.35],
      [0.9, 0.1, 0.2, 0.65],
    ]);
    expectClose(loss, 0.21616187468057912, 1e-12, 'log_loss');
    expectClose(binaryLogLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]), 0.21616187468057912, 1e-12, 'binary log_loss');
  });
  it('roc_curve / roc_auc / average_precision on [0.1, 0.4, 0.35, 0.8]', () => {
    const y = [0, 0, 1, 1];
    const s = [0.1, 0.4, 0.35, 0.8];
    const roc = rocCurve(y, s)!;
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(roc.thresholds)).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
    expect(rocAuc(y, s)).toBe(0.75);
    expectClose(averagePrecision(y, s), 0.8333333333333333, 1e-15, 'AP');
  });
  it('balanced_accuracy_score([0,1,0,0,1,0], [0,1,0,0,0,1]) = 0.625', () => {
    expect(balancedAccuracy(confusionMatrix([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]))).toBe(0.625);
  });
});

describe('computeClassificationMetrics', () => {
  const target = ['yes', 'no', 'yes', 'no', 'yes', 'no', 'no', 'yes'];
  const score = [0.9, 0.2, 0.6, 0.4, 0.3, 0.1, 0.7, 0.8];

  it('derives binary predictions from the score at the threshold and keeps the JSON shape', () => {
    const res = computeClassificationMetrics({ target, score }, { posLabel: 'yes' });
    expect(res.task).toBe('binary');
    expect(res.labels).toEqual(['no', 'yes']);
    // score ≥ 0.5 → yes: predictions yes, no, yes, no, no, no, yes, yes
    expect(res.confusion_matrix).toEqual({
      labels: ['no', 'yes'],
      matrix: [
        [3, 1],
        [1, 3],
      ],
    });
    expect(res.accuracy).toBe(0.75);
    expect(res.warnings).toEqual([]);
    for (const key of [
      'accuracy',
      'balanced_accuracy',
      'precision',
      'recall',
      'f1',
      'roc_auc',
      'average_precision',
      'log_loss',
      'brier_score',
      'confusion_matrix',
    ]) {
      expect(res).toHaveProperty(key);
    }
    expectPlainJson(res);
    const at = computeClassificationMetrics({ target, score }, { posLabel: 'yes', threshold: 0.25 });
    expect(at.confusion_matrix.matrix).toEqual([
      [2, 2],
      [0, 4],
    ]);
  });

  it('the threshold sweep uses a 0.01 grid for probabilities and finds the best F1', () => {
    const res = computeClassificationMetrics({ target, score }, { posLabel: 'yes' });
    const sweep = res.threshold_sweep!;
    expect(sweep.thresholds).toHaveLength(101);
    expect(sweep.selection_rate[0]).toBe(1);
    expect(sweep.tp[0]! + sweep.fn[0]!).toBe(4);
    expect(sweep.best_f1).not.toBeNull();
    const decision = computeClassificationMetrics({ target, score: score.map((s) => 10 * s - 5) }, { posLabel: 'yes' });
    expect(decision.threshold_sweep!.thresholds[0]).toBe(-4);
    expect(decision.threshold_sweep!.thresholds[100]).toBe(4);
    expect(decision.log_loss).toBeNull();
    expect(decision.warnings.some((w) => w.startsWith('log_loss, brier_score, calibration: scores are not probabilities'))).toBe(true);
  });

  it('downsamples curves for display but not the scalars', () => {
    const n = 5000;
    const t = Array.from({ length: n }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
    const s = t.map((y, i) => ((i * 104729) % 1000) / 1000 / 2 + y * 0.25);
    const small = computeClassificationMetrics({ target: t, score: s }, { maxCurvePoints: 50 });
    const full = computeClassificationMetrics({ target: t, score: s }, { maxCurvePoints: 1e9 });
    expect(small.curves.roc!.fpr).toHaveLength(50);
    expect(small.curves.roc!.total_points).toBe(full.curves.roc!.fpr.length);
    expect(small.curves.precision_recall!.recall).toHaveLength(50);
    expect(small.curves.precision_recall!.recall.at(-1)).toBe(0);
    expect(small.roc_auc).toBe(full.roc_auc);
    expect(small.average_precision).toBe(full.average_precision);
  });

  it('one class only: roc_auc is null with a warning, never NaN', () => {
    const res = computeClassificationMetrics({ target: [1, 1, 1], prediction: [1, 0, 1], score: [0.9, 0.4, 0.7] });
    expect(res.roc_auc).toBeNull();
    expect(res.curves.roc).toBeNull();
    expect(res.warnings).toContain('roc_auc: undefined — only the positive (1) class is present among scored rows');
    expect(res.average_precision).toBe(1);
    expectPlainJson(res);
  });

  it('no usable rows: every metric null with warnings', () => {
    const res = computeClassificationMetrics({ target: [0, 1, null], prediction: [null, null, 1], score: [NaN, null, 0.5] });
    expect(res.n_used).toBe(0);
    expect(res.excluded_rows).toBe(3);
    expect(res.excluded_score_rows).toBe(3);
    for (const k of ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss', 'brier_score'] as const) expect(res[k]).toBeNull();
    expect(res.warnings).toContain('label metrics: no rows with both a target and a prediction');
    expectPlainJson(res);
  });

  it('throws on mismatched lengths, unknown pos_label, a third label in a binary task', () => {
    expect(() => computeClassificationMetrics({ target: [0, 1], prediction: [0] })).toThrow(
      'prediction length: 1, target has 2 rows — pass columns of the same table',
    );
    expect(() => computeClassificationMetrics({ target: [0, 1], prediction: [0, 1] }, { posLabel: 2 })).toThrow(
      'pos_label: "2" is not a label — use one of 0, 1',
    );
    expect(() => computeClassificationMetrics({ target: [0, 1, 2], prediction: [0, 1, 2] }, { task: 'binary' })).toThrow(/task binary: 3 labels/);
    expect(() => computeClassificationMetrics({ target: [0, 1] })).toThrow(/pass at least one/);
  });

  it('a pos_label absent from a one-class target is accepted (sklearn: fewer than two labels present)', () => {
    const res = computeClassificationMetrics({ target: ['a', 'a'], prediction: ['a', 'a'] }, { posLabel: 'b' });
    expect(res.labels).toEqual(['a', 'b']);
    expect(res.precision).toBe(0);
    expect(res.warnings.some((w) => w.startsWith('precision: ill-defined'))).toBe(true);
  });

  it('multiclass: argmax predictions, proba columns in any order, top-label calibration', () => {
    const t = ['a', 'b', 'c', 'a', 'b', 'c'];
    const proba = {
      labels: ['c', 'a', 'b'],
      columns: [
        [0.1, 0.2, 0.7, 0.1, 0.5, 0.3],
        [0.8, 0.1, 0.2, 0.6, 0.2, 0.3],
        [0.1, 0.7, 0.1, 0.3, 0.3, 0.4],
      ],
    };
    const res = computeClassificationMetrics({ target: t, proba });
    expect(res.task).toBe('multiclass');
    expect(res.pos_label).toBeNull();
    // argmax: a, b, c, a, c, b
    expect(res.confusion_matrix.matrix).toEqual([
      [2, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ]);
    expect(res.calibration!.kind).toBe('top-label');
    expect(res.curves.roc_ovr!.map((r) => r.label)).toEqual(['a', 'b', 'c']);
    expect(res.average_precision).toBeNull();
    expect(res.brier_score).toBeNull();
    expectPlainJson(res);
  });

  it('multiclass with a class missing a probability column warns and skips score metrics', () => {
    const res = computeClassificationMetrics({
      target: ['a', 'b', 'c'],
      prediction: ['a', 'b', 'b'],
      proba: {
        labels: ['a', 'b'],
        columns: [
          [1, 0, 0],
          [0, 1, 1],
        ],
      },
    });
    expect(res.log_loss).toBeNull();
    expect(res.warnings).toContain('score metrics: no probability column for class(es) c');
  });

  it('baseline: the majority label of a reference target, ties to the first label', () => {
    const res = computeClassificationMetrics({ target: [0, 0, 1, 1, 1], prediction: [0, 1, 1, 1, 0] }, { referenceTarget: [0, 0, 0, 1] });
    expect(res.baseline).toMatchObject({ label: '0', source: 'reference', accuracy: 0.4, recall: 0 });
    const tie = computeClassificationMetrics({ target: ['b', 'a', 'b', 'a'], prediction: ['a', 'a', 'b', 'b'] });
    expect(tie.baseline).toMatchObject({ label: 'a', source: 'target', accuracy: 0.5, balanced_accuracy: 0.5 });
  });
});

describe('binary with probability columns', () => {
  it("takes pos_label's column as the score", () => {
    const target = ['n', 'p', 'p', 'n'];
    const proba = {
      labels: ['p', 'n'],
      columns: [
        [0.2, 0.7, 0.4, 0.6],
        [0.8, 0.3, 0.6, 0.4],
      ],
    };
    const res = computeClassificationMetrics({ target, proba }, { posLabel: 'p' });
    expect(res.task).toBe('binary');
    expect(res.roc_auc).toBe(rocAuc([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.6]));
    expect(res.confusion_matrix.matrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
