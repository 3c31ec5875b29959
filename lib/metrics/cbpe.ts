/**
 * Confidence-Based Performance Estimation (CBPE, NannyML) for binary classifiers: estimate
 * accuracy, precision, recall, F1 and ROC AUC on current data without labels, from the scores'
 * calibrated probabilities. With p_i = P(y_i = 1) and predictions ŷ_i, the expected confusion
 * matrix is TP = Σ_{ŷ=1} p, FP = Σ_{ŷ=1} (1 − p), FN = Σ_{ŷ=0} p, TN = Σ_{ŷ=0} (1 − p).
 *
 * Estimated ROC AUC: the curve through the sorted distinct calibrated probabilities t (descending),
 * TPR(t) = Σ_{p≥t} p / Σ p and FPR(t) = Σ_{p≥t} (1 − p) / Σ (1 − p), from (0, 0) to (1, 1),
 * trapezoid area. NannyML walks the same curve row by row in raw-score order (isotonic calibration
 * is monotone, so the vertices lie on the same segments) but rounds the cumulative sums to 5
 * decimals first; we do not round, so results differ from NannyML's in the last digits (≤ 4e-9 on
 * tests/fixtures/cbpe).
 *
 * Calibration: isotonic regression of reference labels on reference scores, decided as described
 * in lib/metrics/cbpe-calibration.ts.
 */
import { AnalysisError, DataError } from '../errors';
import { NeumaierSum } from '../stats/neumaier-sum';
import {
  METRIC_NAMES,
  metricsFromConfusion,
  realizedMetrics,
  samplingErrorComponents,
  type BinaryMetrics,
  type MetricName,
  type SamplingErrorComponents,
} from './cbpe-realized';
import { decideCalibration, type CalibrationMode } from './cbpe-calibration';
import { fitIsotonic, predictIsotonic } from './isotonic';
import { windowGrid, windowOf, type WindowOption } from './time-windows';

export type { BinaryMetrics, ConfusionMatrix, MetricName } from './cbpe-realized';

export interface CbpeReferenceInput {
  /** Scores: the model's probability of class 1, in [0, 1] (NaN = missing, row dropped). */
  scores: ArrayLike<number>;
  /** Labels 0/1 (NaN = missing, row dropped). */
  labels: ArrayLike<number>;
  /** Predicted classes 0/1; default: score ≥ threshold. */
  predictions?: ArrayLike<number>;
}

export interface CbpeCurrentInput {
  scores: ArrayLike<number>;
  /** Labels where known (NaN = not yet known): realized metrics use the labelled rows. */
  labels?: ArrayLike<number>;
  predictions?: ArrayLike<number>;
  /** ms since the Unix epoch, for time chunks. */
  timestamps?: ArrayLike<number>;
}

export type CbpeChunking = { by: 'count'; count: number } | { by: 'time'; window?: WindowOption };

export interface CbpeOptions {
  /** Decision threshold on the raw score for sides without a predictions column (default 0.5). */
  threshold?: number;
  calibration?: CalibrationMode;
  chunks?: CbpeChunking;
}

export type MetricValues = Record<MetricName, number | null>;

export interface CbpeChunk {
  index: number;
  /** [start, end): current row indices (count chunks) or ms since epoch (time chunks). */
  start: number;
  end: number;
  /** Rows used (with a score and prediction). */
  rows: number;
  estimated: BinaryMetrics;
  /** Null without labels in the chunk. */
  realized: BinaryMetrics | null;
  /** NannyML's sampling error: reference std / sqrt(rows · fraction) (see samplingErrorComponents). */
  samplingError: MetricValues;
  /** estimated ∓ 3 · samplingError, clipped to [0, 1]. */
  lower: MetricValues;
  upper: MetricValues;
}

export interface CbpeResult {
  calibrated: boolean;
  calibrationReason: string;
  /** Expected calibration error on reference of raw and out-of-fold calibrated scores ('auto' mode). */
  ece: { raw: number; calibrated: number } | null;
  /** Threshold used for sides without predictions; null when both sides supplied predictions. */
  threshold: number | null;
  assumptions: string[];
  reference: { rows: number; dropped: number; positiveRate: number; realized: BinaryMetrics; estimated: BinaryMetrics };
  current: { rows: number; dropped: number; labelled: number; estimated: BinaryMetrics; realized: BinaryMetrics | null };
  chunks?: CbpeChunk[];
  warnings: string[];
}

export const CBPE_ASSUMPTIONS: readonly string[] = [
  'No concept drift: the chance of each label given the inputs, P(y | x), is the same in current data as in reference data; only the mix of inputs may change.',
  'On reference data the (calibrated) scores are probabilities: of the rows scored 0.8, about 80 % are positive.',
  'The calibration learnt on reference holds on current data; current scores outside the reference score range are clipped to it.',
  'Binary classification only: one score per row, the probability of class 1.',
  'Estimates have sampling error: small chunks give noisy estimates.',
];

const SAMPLING_ERROR_RANGE = 3;
const SMALL_CHUNK = 100;

function checkBinary(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== 0 && v !== 1 && !Number.isNaN(v)) {
      throw new DataError('not-binary', `${what} on row ${i + 1}: ${v} — CBPE needs 0/1 values (1 = positive class); recode the column`);
    }
  }
}

function checkLength(values: ArrayLike<number> | undefined, n: number, what: string): void {
  if (values && values.length !== n) {
    throw new DataError('length-mismatch', `${what}: ${values.length} values for ${n} scores — give one per row`);
  }
}

function checkScores(scores: ArrayLike<number>, what: string): void {
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s < 0 || s > 1) {
      throw new DataError('bad-score', `${what} score on row ${i + 1}: ${s} — CBPE needs probabilities in [0, 1]; pass predict_proba-style scores`);
    }
  }
}

/** Predictions: the column when given, else score ≥ threshold. */
function predictionsOf(scores: ArrayLike<number>, column: ArrayLike<number> | undefined, threshold: number): Float64Array {
  if (column) return Float64Array.from(column);
  return Float64Array.from(scores, (s) => (s >= threshold ? 1 : Number.isNaN(s) ? NaN : 0));
}

/** Estimated ROC AUC from calibrated probabilities (see the file comment); null if Σp or Σ(1 − p) is 0. */
function estimatedRocAuc(p: ArrayLike<number>, rows: ArrayLike<number>): number | null {
  const order = Array.from(rows).sort((a, b) => p[b]! - p[a]!);
  const tps = new NeumaierSum();
  const fps = new NeumaierSum();
  const cumT: number[] = [0];
  const cumF: number[] = [0];
  for (let k = 0; k < order.length; k++) {
    const pi = p[order[k]!]!;
    tps.add(pi);
    fps.add(1 - pi);
    const next = order[k + 1];
    if (next === undefined || p[next] !== pi) {
      cumT.push(tps.value);
      cumF.push(fps.value);
    }
  }
  const totalT = tps.value;
  const totalF = fps.value;
  if (!(totalT > 0) || !(totalF > 0)) return null;
  const area = new NeumaierSum();
  for (let k = 1; k < cumT.length; k++) {
    area.add((((cumF[k]! - cumF[k - 1]!) / totalF) * ((cumT[k]! + cumT[k - 1]!) / totalT)) / 2);
  }
  return area.value;
}

function estimatedMetrics(p: ArrayLike<number>, predictions: ArrayLike<number>, rows: ArrayLike<number>): BinaryMetrics {
  const tp = new NeumaierSum();
  const fp = new NeumaierSum();
  const fn = new NeumaierSum();
  const tn = new NeumaierSum();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const pi = p[i]!;
    if (predictions[i] === 1) {
      tp.add(pi);
      fp.add(1 - pi);
    } else {
      fn.add(pi);
      tn.add(1 - pi);
    }
  }
  const cm = { tp: tp.value, fp: fp.value, fn: fn.value, tn: tn.value };
  return metricsFromConfusion(cm, estimatedRocAuc(p, rows));
}

/** [min, max] without spreading (spread arguments overflow the stack on large arrays). */
function range(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < min) min = values[i]!;
    if (values[i]! > max) max = values[i]!;
  }
  return [min, max];
}

function rowsWhere(n: number, keep: (i: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) rows.push(i);
  return rows;
}

function chunkOf(
  index: number,
  start: number,
  end: number,
  rows: number[],
  p: Float64Array,
  current: { scores: ArrayLike<number>; labels?: ArrayLike<number> },
  pred: Float64Array,
  components: SamplingErrorComponents,
): CbpeChunk {
  const estimated = estimatedMetrics(p, pred, rows);
  const labelled = current.labels ? rows.filter((i) => !Number.isNaN(current.labels![i]!)) : [];
  const samplingError = {} as MetricValues;
  const lower = {} as MetricValues;
  const upper = {} as MetricValues;
  for (const name of METRIC_NAMES) {
    const c = components[name];
    const se = c && rows.length > 0 ? c.std / Math.sqrt(rows.length * c.fraction) : null;
    const value = estimated[name];
    samplingError[name] = se;
    lower[name] = se === null || value === null ? null : Math.max(0, value - SAMPLING_ERROR_RANGE * se);
    upper[name] = se === null || value === null ? null : Math.min(1, value + SAMPLING_ERROR_RANGE * se);
  }
  const realized = labelled.length ? realizedMetrics(current.labels!, pred, current.scores, labelled) : null;
  return { index, start, end, rows: rows.length, estimated, realized, samplingError, lower, upper };
}

function splitChunks(
  chunking: CbpeChunking,
  current: CbpeCurrentInput,
  kept: number[],
  n: number,
  warnings: string[],
): { start: number; end: number; rows: number[] }[] {
  if (chunking.by === 'count') {
    const count = chunking.count;
    if (!Number.isInteger(count) || count < 1 || count > n) {
      throw new AnalysisError('bad-chunks', `chunk count: ${count} for ${n} current rows — use a whole number from 1 to ${n}`);
    }
    // np.array_split: the first n % count chunks get one extra row.
    const size = Math.floor(n / count);
    const extra = n % count;
    // `kept` is ascending, so one pass hands each chunk its rows.
    let at = 0;
    return Array.from({ length: count }, (_, c) => {
      const start = c * size + Math.min(c, extra);
      const end = start + size + (c < extra ? 1 : 0);
      const rows: number[] = [];
      while (at < kept.length && kept[at]! < end) rows.push(kept[at++]!);
      return { start, end, rows };
    });
  }
  const ts = current.timestamps;
  if (!ts) throw new AnalysisError('missing-timestamps', 'time chunks: no current timestamps — pass current.timestamps or chunk by count');
  const timed = kept.filter((i) => !Number.isNaN(ts[i]!));
  for (const i of timed) {
    if (!Number.isFinite(ts[i]!))
      throw new DataError('bad-timestamp', `timestamp on row ${i + 1}: ${ts[i]} — timestamps must be finite ms since the Unix epoch`);
  }
  if (timed.length < kept.length) warnings.push(`${kept.length - timed.length} current rows have no timestamp and are left out of the chunks`);
  if (timed.length === 0) return [];
  const [min, max] = range(timed.map((i) => ts[i]!));
  const grid = windowGrid(min, max, chunking.window ?? 'auto');
  const chunks = Array.from({ length: grid.count }, (_, w) => ({ start: grid.start + w * grid.ms, end: grid.start + (w + 1) * grid.ms, rows: [] as number[] }));
  for (const i of timed) chunks[windowOf(ts[i]!, grid)]!.rows.push(i);
  return chunks;
}

/** CBPE: performance of a binary classifier on current data estimated from reference scores and labels. */
export function estimatePerformanceCbpe(reference: CbpeReferenceInput, current: CbpeCurrentInput, options: CbpeOptions = {}): CbpeResult {
  const { threshold = 0.5, calibration = 'auto', chunks: chunking } = options;
  if (!Number.isFinite(threshold)) throw new AnalysisError('bad-threshold', `threshold: ${threshold} — give a number, e.g. 0.5`);
  const nRef = reference.scores.length;
  const nCur = current.scores.length;
  checkLength(reference.labels, nRef, 'reference labels');
  checkLength(reference.predictions, nRef, 'reference predictions');
  checkLength(current.labels, nCur, 'current labels');
  checkLength(current.predictions, nCur, 'current predictions');
  checkLength(current.timestamps, nCur, 'current timestamps');
  checkScores(reference.scores, 'reference');
  checkScores(current.scores, 'current');
  checkBinary(reference.labels, 'reference label');
  if (reference.predictions) checkBinary(reference.predictions, 'reference prediction');
  if (current.labels) checkBinary(current.labels, 'current label');
  if (current.predictions) checkBinary(current.predictions, 'current prediction');
  const warnings: string[] = [];

  const refPred = predictionsOf(reference.scores, reference.predictions, threshold);
  const refRows = rowsWhere(nRef, (i) => !Number.isNaN(reference.scores[i]!) && !Number.isNaN(reference.labels[i]!) && !Number.isNaN(refPred[i]!));
  if (refRows.length === 0) {
    throw new AnalysisError('empty-reference', 'reference: no row has a score, a label and a prediction — CBPE learns from labelled reference data');
  }
  if (refRows.length < nRef) warnings.push(`${nRef - refRows.length} of ${nRef} reference rows lack a score, label or prediction and are left out`);
  const refScores = Float64Array.from(refRows, (i) => reference.scores[i]!);
  const refLabels = Float64Array.from(refRows, (i) => reference.labels[i]!);

  const decision = decideCalibration(refScores, refLabels, calibration);
  const model = decision.calibrate ? fitIsotonic(refScores, refLabels, { yMin: 0, yMax: 1 }) : null;
  const calibrate = (s: ArrayLike<number>) => (model ? predictIsotonic(model, s) : Float64Array.from(s));
  const positiveRate = refLabels.reduce((s, y) => s + y, 0) / refRows.length;
  if (positiveRate === 0 || positiveRate === 1) warnings.push(`reference labels are all ${positiveRate}: estimates cannot be checked against both classes`);

  const curPred = predictionsOf(current.scores, current.predictions, threshold);
  const curRows = rowsWhere(nCur, (i) => !Number.isNaN(current.scores[i]!) && !Number.isNaN(curPred[i]!));
  if (curRows.length < nCur) warnings.push(`${nCur - curRows.length} of ${nCur} current rows lack a score or prediction and are left out`);
  if (curRows.length === 0) warnings.push('current: no rows to estimate on — every metric is null');
  const p = calibrate(current.scores);
  const [refMin, refMax] = range(refScores);
  const outside = curRows.filter((i) => current.scores[i]! < refMin || current.scores[i]! > refMax).length;
  if (model && outside > 0)
    warnings.push(
      `${outside} current scores fall outside the reference range [${refMin}, ${refMax}]: their calibrated probability is clipped to the range's ends`,
    );
  const labelled = current.labels ? curRows.filter((i) => !Number.isNaN(current.labels![i]!)) : [];
  if (current.labels && labelled.length < curRows.length)
    warnings.push(`realized metrics use the ${labelled.length} of ${curRows.length} current rows that have a label`);

  const estimated = estimatedMetrics(p, curPred, curRows);
  if (curRows.length > 0 && estimated.precision === null) warnings.push('no current row is predicted positive: estimated precision is undefined (null)');

  const result: CbpeResult = {
    calibrated: decision.calibrate,
    calibrationReason: decision.reason,
    ece: decision.ece,
    threshold: reference.predictions && current.predictions ? null : threshold,
    assumptions: [...CBPE_ASSUMPTIONS],
    reference: {
      rows: refRows.length,
      dropped: nRef - refRows.length,
      positiveRate,
      realized: realizedMetrics(reference.labels, refPred, reference.scores, refRows),
      estimated: estimatedMetrics(calibrate(reference.scores), refPred, refRows),
    },
    current: {
      rows: curRows.length,
      dropped: nCur - curRows.length,
      labelled: labelled.length,
      estimated,
      realized: labelled.length ? realizedMetrics(current.labels!, curPred, current.scores, labelled) : null,
    },
    warnings,
  };
  if (chunking) {
    const components = samplingErrorComponents(reference.labels, refPred, reference.scores, refRows);
    const parts = splitChunks(chunking, current, curRows, nCur, warnings);
    result.chunks = parts.map((c, k) => chunkOf(k, c.start, c.end, c.rows, p, current, curPred, components));
    const small = result.chunks.filter((c) => c.rows < SMALL_CHUNK).length;
    if (small > 0)
      warnings.push(`${small} of ${result.chunks.length} chunks have fewer than ${SMALL_CHUNK} rows: their estimates are noisy (see samplingError)`);
  }
  return result;
}
