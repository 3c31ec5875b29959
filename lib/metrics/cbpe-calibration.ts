/**
 * Whether CBPE calibrates the scores (lib/metrics/cbpe.ts).
 *
 * Calibration: isotonic regression (lib/metrics/isotonic.ts) of reference labels on reference
 * scores. In 'auto' mode (NannyML's needs_calibration, simplified and deterministic): no calibration
 * when the reference has one class or ROC AUC > 0.999; otherwise compare the expected calibration
 * error (NannyML's 10 equal-count bins over rows sorted by probability) of the raw scores with that
 * of out-of-fold isotonic probabilities from a 10-fold stratified split (the j-th row of each class,
 * in row order, goes to fold j mod 10) — NannyML uses 10 random 90/10 splits — and calibrate when
 * calibration lowers it.
 */
import { numpySum } from '../stats/numpy-sum';
import { rocAucScore } from './cbpe-realized';
import { fitIsotonic, predictIsotonic } from './isotonic';

export type CalibrationMode = 'auto' | 'always' | 'never';

export interface CalibrationDecision {
  calibrate: boolean;
  reason: string;
  /** Reference ECE of the raw and the out-of-fold calibrated scores ('auto' mode past the shortcuts). */
  ece: { raw: number; calibrated: number } | null;
}

const FOLDS = 10;
const ECE_BINS = 10;

/**
 * NannyML's _get_bin_index_edges: b = 10 bins (n // 2 for n ≤ 20) of width n // b; left-over rows
 * can add bins of that width, and the last bin is stretched to end at n.
 */
function binEdges(n: number): number[] | null {
  const bins = n <= 2 * ECE_BINS ? Math.floor(n / 2) : ECE_BINS;
  if (bins < 2) return null;
  const width = Math.floor(n / bins);
  const edges: number[] = [];
  for (let e = 0; e <= n; e += width) edges.push(e);
  edges[edges.length - 1] = n;
  return edges;
}

/** Σ_bins (rows/n)·|mean p − mean y| over rows sorted by p (stable). */
function expectedCalibrationError(p: Float64Array, y: Float64Array, edges: number[]): number {
  const n = p.length;
  const order = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]! || a - b);
  const sp = Float64Array.from(order, (i) => p[i]!);
  const sy = Float64Array.from(order, (i) => y[i]!);
  const terms = new Float64Array(edges.length - 1);
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b]!;
    const hi = edges[b + 1]!;
    const m = hi - lo;
    terms[b] = (m / n) * Math.abs(numpySum(sp.subarray(lo, hi)) / m - numpySum(sy.subarray(lo, hi)) / m);
  }
  return numpySum(terms);
}

/** The calibration decision for reference scores and 0/1 labels (rows already cleaned). */
export function decideCalibration(scores: Float64Array, labels: Float64Array, mode: CalibrationMode): CalibrationDecision {
  if (mode === 'always') return { calibrate: true, reason: 'calibration: always (option)', ece: null };
  if (mode === 'never') return { calibrate: false, reason: 'calibration: never (option) — scores used as probabilities', ece: null };
  const n = scores.length;
  const all = Array.from(scores.keys());
  const positives = labels.reduce((s, y) => s + y, 0);
  if (positives === 0 || positives === n) {
    return { calibrate: false, reason: 'not calibrated: reference labels hold a single class', ece: null };
  }
  const auc = rocAucScore(labels, scores, all)!;
  if (auc > 0.999) return { calibrate: false, reason: `not calibrated: reference ROC AUC ${auc} > 0.999`, ece: null };
  const edges = binEdges(n);
  if (!edges) return { calibrate: false, reason: `not calibrated: ${n} reference rows are too few to measure calibration`, ece: null };
  const fold = new Int32Array(n);
  const seen = [0, 0];
  for (let i = 0; i < n; i++) fold[i] = seen[labels[i]!]!++ % FOLDS;
  const outOfFold = new Float64Array(n);
  for (let f = 0; f < FOLDS; f++) {
    const test = all.filter((i) => fold[i] === f);
    if (test.length === 0) continue;
    const train = all.filter((i) => fold[i] !== f);
    const model = fitIsotonic(
      train.map((i) => scores[i]!),
      train.map((i) => labels[i]!),
      { yMin: 0, yMax: 1 },
    );
    const predicted = predictIsotonic(
      model,
      test.map((i) => scores[i]!),
    );
    test.forEach((i, k) => (outOfFold[i] = predicted[k]!));
  }
  const ece = { raw: expectedCalibrationError(scores, labels, edges), calibrated: expectedCalibrationError(outOfFold, labels, edges) };
  return ece.raw > ece.calibrated
    ? { calibrate: true, reason: `calibrated: isotonic calibration lowers the reference ECE from ${ece.raw} to ${ece.calibrated} (10-fold)`, ece }
    : {
        calibrate: false,
        reason: `not calibrated: isotonic calibration does not lower the reference ECE (${ece.raw} raw, ${ece.calibrated} calibrated, 10-fold)`,
        ece,
      };
}
