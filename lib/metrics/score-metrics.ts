/**
 * The score-based part of computeClassificationMetrics: ROC / PR curves and areas, log loss,
 * Brier score, calibration and the threshold sweep, for a binary score or multiclass
 * probability columns. Rows here are already filtered (target present, scores finite).
 */
import { splitScores } from './binary-curve';
import { brierScore } from './brier';
import { calibrationCurve } from './calibration';
import { binaryLogLoss, multiclassLogLoss } from './log-loss';
import { averagePrecisionOf, precisionRecallCurveOf, precisionRecallForDisplay } from './precision-recall';
import { rocAucOvr, rocCurveOf, rocForDisplay, trapezoidArea } from './roc';
import { thresholdSweep } from './threshold';
import type { CalibrationResult, PrecisionRecallCurve, RocCurve, RocOvrEntry, ThresholdSweep } from './types';

export interface ScoreDisplayOptions {
  maxCurvePoints: number;
  calibrationBins: number;
  calibrationStrategy: 'uniform' | 'quantile';
  thresholds?: readonly number[];
}

export interface BinaryScoreMetrics {
  roc_auc: number | null;
  average_precision: number | null;
  log_loss: number | null;
  brier_score: number | null;
  roc: RocCurve | null;
  precision_recall: PrecisionRecallCurve | null;
  calibration: CalibrationResult | null;
  threshold_sweep: ThresholdSweep | null;
}

function allProbabilities(columns: ArrayLike<number>[]): boolean {
  for (const column of columns) for (let i = 0; i < column.length; i++) if (!(column[i]! >= 0 && column[i]! <= 1)) return false;
  return true;
}

/** Scores of pos_label (`isPositive` 1/0 per row). */
export function binaryScoreMetrics(
  isPositive: Uint8Array,
  score: Float64Array,
  posLabel: string,
  options: ScoreDisplayOptions,
  warnings: string[],
): BinaryScoreMetrics {
  const split = splitScores(isPositive, score);
  const none = {
    roc_auc: null,
    average_precision: null,
    log_loss: null,
    brier_score: null,
    roc: null,
    precision_recall: null,
    calibration: null,
    threshold_sweep: null,
  };
  if (score.length === 0) {
    warnings.push('score metrics: no rows with both a target and a finite score');
    return none;
  }
  const roc = rocCurveOf(split);
  if (!roc) {
    const only = split.positive.length === 0 ? 'negative' : `positive (${posLabel})`;
    warnings.push(`roc_auc: undefined — only the ${only} class is present among scored rows`);
  }
  const pr = precisionRecallCurveOf(split);
  const ap = averagePrecisionOf(split);
  if (ap === null) warnings.push(`average_precision: undefined — no row of the positive class (${posLabel}) among scored rows`);
  const probabilities = allProbabilities([score]);
  if (!probabilities) warnings.push('log_loss, brier_score, calibration: scores are not probabilities (some lie outside [0, 1])');
  return {
    roc_auc: roc ? trapezoidArea(roc.fpr, roc.tpr) : null,
    average_precision: ap,
    log_loss: probabilities ? binaryLogLoss(isPositive, score) : null,
    brier_score: probabilities ? brierScore(isPositive, score) : null,
    roc: roc ? rocForDisplay(roc, options.maxCurvePoints) : null,
    precision_recall: precisionRecallForDisplay(pr, options.maxCurvePoints),
    calibration: probabilities ? calibrationCurve(isPositive, score, { nBins: options.calibrationBins, strategy: options.calibrationStrategy }) : null,
    threshold_sweep: options.thresholds ? thresholdSweep(split, options.thresholds) : thresholdSweep(split),
  };
}

export interface MulticlassScoreMetrics {
  roc_auc_ovr_macro: number | null;
  roc_auc_ovr_weighted: number | null;
  log_loss: number | null;
  roc_ovr: RocOvrEntry[];
  calibration: CalibrationResult | null;
}

/** Probability columns in label order; `truth` indexes them. */
export function multiclassScoreMetrics(
  truth: Int32Array,
  columns: Float64Array[],
  labels: readonly string[],
  options: ScoreDisplayOptions,
  warnings: string[],
): MulticlassScoreMetrics {
  const n = truth.length;
  if (n === 0) {
    warnings.push('score metrics: no rows with both a target and finite probabilities');
    return { roc_auc_ovr_macro: null, roc_auc_ovr_weighted: null, log_loss: null, roc_ovr: [], calibration: null };
  }
  // roc_auc_score(multi_class="ovr") demands rows summing to 1 (np.allclose); here a warning.
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const column of columns) sum += column[i]!;
    if (Math.abs(sum - 1) > 1e-8 + 1e-5 * Math.abs(sum)) worst = Math.max(worst, Math.abs(sum - 1));
  }
  if (worst > 0)
    warnings.push(`probabilities: rows do not sum to 1 (largest |sum − 1| = ${worst.toPrecision(3)}); log_loss renormalises them, roc_auc uses them as given`);
  const ovr = rocAucOvr(truth, columns);
  const absent = labels.filter((_, c) => ovr.auc[c] === null);
  if (absent.length > 0) warnings.push(`roc_auc_ovr: undefined — class(es) absent from (or the only class of) the scored target: ${absent.join(', ')}`);
  const probabilities = allProbabilities(columns);
  if (!probabilities) warnings.push('log_loss, calibration: scores are not probabilities (some lie outside [0, 1])');
  // Top-label calibration: confidence = the largest probability, correct = its class is the target.
  let calibration: CalibrationResult | null = null;
  if (probabilities) {
    const confidence = new Float64Array(n);
    const correct = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < columns.length; c++) if (columns[c]![i]! > columns[best]![i]!) best = c;
      confidence[i] = columns[best]![i]!;
      correct[i] = best === truth[i] ? 1 : 0;
    }
    calibration = calibrationCurve(correct, confidence, { nBins: options.calibrationBins, strategy: options.calibrationStrategy, kind: 'top-label' });
  }
  return {
    roc_auc_ovr_macro: ovr.macro,
    roc_auc_ovr_weighted: ovr.weighted,
    log_loss: probabilities ? multiclassLogLoss(truth, columns) : null,
    roc_ovr: labels.map((label, c) => {
      const curve = ovr.curves[c];
      return { label, auc: ovr.auc[c] ?? null, curve: curve ? rocForDisplay(curve, options.maxCurvePoints) : null };
    }),
    calibration,
  };
}
