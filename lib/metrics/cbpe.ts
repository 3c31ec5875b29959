/**
 * Confidence-Based Performance Estimation (CBPE, NannyML 0.13) for binary classifiers: estimate
 * accuracy, precision, recall, F1 and ROC AUC on current data without labels, from the scores'
 * calibrated probabilities (lib/metrics/cbpe-estimated.ts). Each piece follows NannyML's code:
 * - calibration: isotonic regression of reference labels on reference scores, when NannyML's
 *   needs_calibration says so (lib/metrics/cbpe-calibration.ts);
 * - chunks: NannyML's Size/CountBasedChunker over the current rows (lib/metrics/cbpe-chunks.ts);
 * - per chunk: the estimate, NannyML's sampling error std / sqrt(n · fraction) from reference
 *   components (lib/metrics/cbpe-realized.ts) with the band estimate ∓ 3 SE clipped to [0, 1], the
 *   realized value where labels exist, and an alert against thresholds from the reference chunks'
 *   realized values (lib/metrics/cbpe-thresholds.ts).
 */
import { AnalysisError, DataError } from '../errors';
import { cbpeCalibrator, type CalibrationMode } from './cbpe-calibration';
import { DEFAULT_CHUNK_COUNT, range, rowChunks, timeChunks, type CbpeChunking, type ChunkSpan } from './cbpe-chunks';
import { estimatedMetrics } from './cbpe-estimated';
import { METRIC_NAMES, realizedMetrics, samplingErrorComponents, type BinaryMetrics, type SamplingErrorComponents } from './cbpe-realized';
import { alertsOf, nannymlRealized, thresholdsOf, type CbpeThresholds, type MetricAlerts, type MetricValues } from './cbpe-thresholds';

export type { BinaryMetrics, ConfusionMatrix, MetricName } from './cbpe-realized';
export type { CbpeChunking } from './cbpe-chunks';
export type { CbpeThresholds, MetricAlerts, MetricValues } from './cbpe-thresholds';

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

export interface CbpeOptions {
  /** Decision threshold on the raw score for sides without a predictions column (default 0.5). */
  threshold?: number;
  calibration?: CalibrationMode;
  chunks?: CbpeChunking;
}

export interface CbpeChunk {
  index: number;
  /**
   * [start, end): current row indices, 0-based data rows (count and size chunks: NannyML's
   * start_index = start, end_index = end − 1), or ms since the epoch (time chunks).
   */
  start: number;
  end: number;
  /** Rows used (with a score and prediction). */
  rows: number;
  estimated: BinaryMetrics;
  /** NannyML's realized metrics of the chunk's labelled rows (null values where it gets NaN); null without labels. */
  realized: MetricValues | null;
  /** NannyML's sampling error: reference std / sqrt(rows · fraction) (see samplingErrorComponents). */
  samplingError: MetricValues;
  /** estimated ∓ 3 · samplingError, clipped to [0, 1]. */
  lower: MetricValues;
  upper: MetricValues;
  /** Estimate outside [thresholds.lower, thresholds.upper] (NannyML's alert). */
  alert: MetricAlerts;
}

export interface CbpeResult {
  calibrated: boolean;
  calibrationReason: string;
  /** NannyML's calibration test: ECE of raw and calibrated scores over its 10 reference splits ('auto' mode). */
  ece: { raw: number; calibrated: number } | null;
  /** Threshold used for sides without predictions; null when both sides supplied predictions. */
  threshold: number | null;
  assumptions: string[];
  reference: { rows: number; dropped: number; positiveRate: number; realized: BinaryMetrics; estimated: BinaryMetrics };
  current: { rows: number; dropped: number; labelled: number; estimated: BinaryMetrics; realized: BinaryMetrics | null };
  chunks?: CbpeChunk[];
  /** Alert thresholds from the reference chunks' realized metrics (with chunks only). */
  thresholds?: CbpeThresholds;
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

function rowsWhere(n: number, keep: (i: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) rows.push(i);
  return rows;
}

interface ChunkInputs {
  p: Float64Array;
  current: CbpeCurrentInput;
  pred: Float64Array;
  components: SamplingErrorComponents;
  thresholds: CbpeThresholds;
}

/** One current chunk of `members` (its rows, missing values included). */
function chunkOf(index: number, span: ChunkSpan, members: number[], { p, current, pred, components, thresholds }: ChunkInputs): CbpeChunk {
  const scores = current.scores;
  // NannyML drops missing values per metric: [score, prediction] for most, [score] for ROC AUC.
  const scored = members.filter((i) => !Number.isNaN(scores[i]!));
  const rows = scored.filter((i) => !Number.isNaN(pred[i]!));
  const estimated = estimatedMetrics(p, scores, pred, rows, scored);
  const samplingError = {} as MetricValues;
  const lower = {} as MetricValues;
  const upper = {} as MetricValues;
  for (const name of METRIC_NAMES) {
    const c = components[name];
    const n = name === 'rocAuc' ? scored.length : rows.length;
    const se = c && n > 0 ? c.std / Math.sqrt(n * c.fraction) : null;
    const value = estimated[name];
    samplingError[name] = se;
    lower[name] = se === null || value === null ? null : Math.max(0, value - SAMPLING_ERROR_RANGE * se);
    upper[name] = se === null || value === null ? null : Math.min(1, value + SAMPLING_ERROR_RANGE * se);
  }
  const labels = current.labels;
  const realized = labels && members.some((i) => !Number.isNaN(labels[i]!)) ? nannymlRealized(labels, pred, scores, members) : null;
  return {
    index,
    start: span.start,
    end: span.end,
    rows: rows.length,
    estimated,
    realized,
    samplingError,
    lower,
    upper,
    alert: alertsOf(estimated, thresholds),
  };
}

const span = (start: number, end: number): number[] => Array.from({ length: end - start }, (_, k) => start + k);

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

  const { decision, calibrate } = cbpeCalibrator(refScores, refLabels, calibration);
  const positiveRate = refLabels.reduce((s, y) => s + y, 0) / refRows.length;
  if (positiveRate === 0 || positiveRate === 1) warnings.push(`reference labels are all ${positiveRate}: estimates cannot be checked against both classes`);

  const curPred = predictionsOf(current.scores, current.predictions, threshold);
  const curRows = rowsWhere(nCur, (i) => !Number.isNaN(current.scores[i]!) && !Number.isNaN(curPred[i]!));
  if (curRows.length < nCur) warnings.push(`${nCur - curRows.length} of ${nCur} current rows lack a score or prediction and are left out`);
  if (curRows.length === 0) warnings.push('current: no rows to estimate on — every metric is null');
  const p = calibrate(current.scores);
  const [refMin, refMax] = range(refScores);
  const outside = curRows.filter((i) => current.scores[i]! < refMin || current.scores[i]! > refMax).length;
  if (decision.calibrate && outside > 0)
    warnings.push(
      `${outside} current scores fall outside the reference range [${refMin}, ${refMax}]: their calibrated probability is clipped to the range's ends`,
    );
  const labelled = current.labels ? curRows.filter((i) => !Number.isNaN(current.labels![i]!)) : [];
  if (current.labels && labelled.length < curRows.length)
    warnings.push(`realized metrics use the ${labelled.length} of ${curRows.length} current rows that have a label`);

  const estimated = estimatedMetrics(p, current.scores, curPred, curRows);
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
      estimated: estimatedMetrics(calibrate(reference.scores), reference.scores, refPred, refRows),
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
    const parts =
      chunking.by === 'time'
        ? timeChunks(current.timestamps, curRows, chunking.window ?? 'auto', warnings).map((c) => ({ span: c, members: c.rows }))
        : rowChunks(nCur, chunking, 'current').map((c) => ({ span: c, members: span(c.start, c.end) }));
    // Thresholds: the reference split by the same chunker (NannyML's Metric.fit); for time chunks by NannyML's default.
    const refChunking: CbpeChunking = chunking.by === 'time' ? { by: 'count', count: Math.min(DEFAULT_CHUNK_COUNT, nRef) } : chunking;
    const refSpans = rowChunks(nRef, refChunking, 'reference');
    const thresholds = thresholdsOf(
      refSpans.map((c) => ({ ...c, realized: nannymlRealized(reference.labels, refPred, reference.scores, span(c.start, c.end)) })),
    );
    const inputs = { p, current, pred: curPred, components, thresholds };
    result.chunks = parts.map((c, k) => chunkOf(k, c.span, c.members, inputs));
    result.thresholds = thresholds;
    const small = result.chunks.filter((c) => c.rows < SMALL_CHUNK).length;
    if (small > 0)
      warnings.push(`${small} of ${result.chunks.length} chunks have fewer than ${SMALL_CHUNK} rows: their estimates are noisy (see samplingError)`);
  }
  return result;
}
