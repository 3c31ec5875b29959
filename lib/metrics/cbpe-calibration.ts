/**
 * Whether CBPE calibrates the scores (lib/metrics/cbpe.ts), decided as NannyML 0.13 decides it
 * (nannyml/calibration.py, needs_calibration with its defaults bin_count = 10, split_count = 10):
 * 1. no calibration when the reference labels hold one class, or its ROC AUC is above 0.999;
 * 2. scikit-learn's StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42) over the
 *    reference rows in file order (lib/stats/shuffle-split.ts); for each split an isotonic
 *    regression is fitted on the train rows and applied to the test rows;
 * 3. the 10 test sets are concatenated, and the expected calibration error of the raw test scores
 *    is compared with that of their calibrated values, on NannyML's equal-count bins
 *    (_get_bin_index_edges, _calculate_expected_calibration_error: rows sorted by np.argsort,
 *    whose tie order lib/stats/argsort.ts reproduces);
 * 4. calibrate when the calibrated ECE is strictly lower.
 * NannyML raises where the split is impossible (a class with 1 row, fewer than 11 rows); here the
 * scores are then used as they are, with the reason in the result.
 */
import { numpyArgsort } from '../stats/argsort';
import { numpySum } from '../stats/numpy-sum';
import { stratifiedShuffleSplit, type TrainTest } from '../stats/shuffle-split';
import { AnalysisError } from '../errors';
import { rocAucScore } from './cbpe-realized';
import { fitIsotonic, predictIsotonic } from './isotonic';

export type CalibrationMode = 'auto' | 'always' | 'never';

export interface CalibrationDecision {
  calibrate: boolean;
  reason: string;
  /** ECE of the raw and the calibrated test scores over NannyML's 10 splits ('auto' mode past the shortcuts). */
  ece: { raw: number; calibrated: number } | null;
}

const SPLITS = 10;
const TEST_SIZE = 0.1;
const SEED = 42;
const ECE_BINS = 10;

/** NannyML's _get_bin_index_edges(n, 10): equal-count bins of width n // bins, the last one stretched to n. */
function binEdges(n: number): number[] {
  const bins = n <= 2 * ECE_BINS ? Math.floor(n / 2) : ECE_BINS;
  const width = Math.floor(n / bins);
  const edges: number[] = [];
  for (let e = 0; e <= n; e += width) edges.push(e);
  edges[edges.length - 1] = n;
  return edges;
}

/** NannyML's ECE: Σ_bins (rows/n)·|mean p − mean y| over rows in np.argsort(p) order. */
function expectedCalibrationError(p: Float64Array, y: Float64Array, edges: number[]): number {
  const order = numpyArgsort(p);
  const sp = Float64Array.from(order, (i) => p[i]!);
  const sy = Float64Array.from(order, (i) => y[i]!);
  const terms = new Float64Array(edges.length - 1);
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b]!;
    const hi = edges[b + 1]!;
    const m = hi - lo;
    terms[b] = (m / p.length) * Math.abs(numpySum(sp.subarray(lo, hi)) / m - numpySum(sy.subarray(lo, hi)) / m);
  }
  return numpySum(terms);
}

/** The 10 splits' test rows, raw and calibrated by isotonic regression fitted on the split's train rows. */
function outOfSample(scores: Float64Array, labels: Float64Array, splits: TrainTest[]) {
  const raw: number[] = [];
  const calibrated: number[] = [];
  const y: number[] = [];
  for (const { train, test } of splits) {
    const model = fitIsotonic(
      Array.from(train, (i) => scores[i]!),
      Array.from(train, (i) => labels[i]!),
    );
    const testScores = Float64Array.from(test, (i) => scores[i]!);
    raw.push(...testScores);
    calibrated.push(...predictIsotonic(model, testScores));
    for (const i of test) y.push(labels[i]!);
  }
  return { raw: Float64Array.from(raw), calibrated: Float64Array.from(calibrated), y: Float64Array.from(y) };
}

/** The calibration decision for reference scores and 0/1 labels (rows already cleaned, in file order). */
export function decideCalibration(scores: Float64Array, labels: Float64Array, mode: CalibrationMode): CalibrationDecision {
  if (mode === 'always') return { calibrate: true, reason: 'calibration: always (option)', ece: null };
  if (mode === 'never') return { calibrate: false, reason: 'calibration: never (option) — scores used as probabilities', ece: null };
  const positives = labels.reduce((s, y) => s + y, 0);
  if (positives === 0 || positives === labels.length) {
    return { calibrate: false, reason: 'not calibrated: reference labels hold a single class', ece: null };
  }
  const auc = rocAucScore(labels, scores, Array.from(scores.keys()))!;
  if (auc > 0.999) return { calibrate: false, reason: `not calibrated: reference ROC AUC ${auc} > 0.999`, ece: null };
  let splits: TrainTest[];
  try {
    splits = stratifiedShuffleSplit(labels, { splits: SPLITS, testSize: TEST_SIZE, seed: SEED });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { calibrate: false, reason: `not calibrated: too few reference rows to test calibration (${error.message})`, ece: null };
  }
  const test = outOfSample(scores, labels, splits);
  const edges = binEdges(test.raw.length);
  const ece = { raw: expectedCalibrationError(test.raw, test.y, edges), calibrated: expectedCalibrationError(test.calibrated, test.y, edges) };
  const how = '10 stratified 90/10 splits, seed 42';
  return ece.raw > ece.calibrated
    ? { calibrate: true, reason: `calibrated: isotonic calibration lowers the reference ECE from ${ece.raw} to ${ece.calibrated} (${how})`, ece }
    : {
        calibrate: false,
        reason: `not calibrated: isotonic calibration does not lower the reference ECE (${ece.raw} raw, ${ece.calibrated} calibrated, ${how})`,
        ece,
      };
}

/** CBPE's calibration of reference scores and 0/1 labels: NannyML's IsotonicCalibrator (out_of_bounds='clip') when decided, else the scores as they are. */
export function cbpeCalibrator(
  scores: Float64Array,
  labels: Float64Array,
  mode: CalibrationMode,
): { decision: CalibrationDecision; calibrate: (s: ArrayLike<number>) => Float64Array } {
  const decision = decideCalibration(scores, labels, mode);
  // 0/1 labels keep the isotonic fit in [0, 1].
  const model = decision.calibrate ? fitIsotonic(scores, labels) : null;
  return { decision, calibrate: (s) => (model ? predictIsotonic(model, s) : Float64Array.from(s)) };
}
