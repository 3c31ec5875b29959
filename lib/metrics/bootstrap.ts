/**
 * Seeded percentile-bootstrap confidence intervals of the model metrics (accuracy, precision,
 * recall, F1, ROC AUC; MAE, RMSE, R²), each resample computed by the same functions as the cell.
 *
 * Definition (so anyone can redo it with numpy): `rs = np.random.RandomState(seed)`; for each of
 * `resamples` resamples, `idx = rs.randint(0, n, size=n)` over the side's n rows (all rows, in file
 * order); the metric of rows[idx] is computed as the cell does (rows with a missing target,
 * prediction or score left out, the full data's classes and positive label); the interval is
 * `np.percentile(values, [50·(1 − level), 50·(1 + level)])` (numpy's default linear method) over the
 * resamples where the metric is defined. A resample where it is not (ROC AUC with one class only,
 * no usable row, R² of fewer than two rows) is left out and counted (`undefined`); with none
 * defined there is no interval.
 */
import { sortFloat64 } from '../stats/sort-float64';
import { percentileSorted } from '../stats/quantile';
import { mt19937, randomInterval, type Rng } from '../stats/random';
import { AnalysisError } from '../errors';
import { accuracy, classMetrics, precisionRecallF1 } from './classification';
import { encodeClassification, type ClassificationInput, type ClassificationOptions } from './compute-classification';
import { rocAucOvr, rocFromClfCurve, trapezoidArea } from './roc';
import { maeRmseR2 } from './regression';
import type { ConfusionMatrix } from './types';

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 42;
export const DEFAULT_LEVEL = 0.95;

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Seed of numpy's legacy RandomState, an integer in [0, 2^32) (default 42). */
  seed?: number;
  /** Coverage, e.g. 0.95 (default) for the 2.5th and 97.5th percentiles. */
  level?: number;
  /** Resamples done of the total, every 25 resamples and at the end (a 100,000-row side takes seconds). */
  onProgress?: (done: number, total: number) => void;
}

export interface BootstrapInterval {
  lower: number;
  upper: number;
  level: number;
  resamples: number;
  seed: number;
  /** Resamples where the metric was undefined and left out of the percentiles. */
  undefined: number;
}

export type ClassificationIntervalMetric = 'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc';
export type RegressionIntervalMetric = 'mae' | 'rmse' | 'r2';

/** Per metric: its interval, or null when no resample defined it (e.g. no score column: no ROC AUC). */
export type BootstrapIntervals<M extends string> = Record<M, BootstrapInterval | null>;

function settings({ resamples = DEFAULT_RESAMPLES, seed = DEFAULT_SEED, level = DEFAULT_LEVEL }: BootstrapOptions) {
  if (!Number.isInteger(resamples) || resamples < 1) throw new AnalysisError('bad-option', `resamples: ${resamples} — give a whole number ≥ 1`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new AnalysisError('bad-option', `seed: ${seed} — give a whole number from 0 to 4294967295`);
  if (!(level > 0 && level < 1)) throw new AnalysisError('bad-option', `level: ${level} — give a coverage between 0 and 1, e.g. 0.95`);
  return { resamples, seed, level };
}

/**
 * numpy's legacy `RandomState.randint(0, n, size=n)`: each draw is a masked rejection on 32-bit
 * outputs over [0, n − 1] (random_bounded_uint64_fill with use_masked=True, range < 2^32), so it is
 * randomInterval once per index; n = 1 consumes nothing (range 0), as numpy.
 */
export function randintIndices(rng: Rng, n: number, out: Uint32Array = new Uint32Array(n)): Uint32Array {
  if (!Number.isInteger(n) || n < 1 || n > 0x100000000) throw new RangeError(`bootstrap: row count must be an integer in [1, 2^32], got ${n}`);
  for (let i = 0; i < n; i++) out[i] = randomInterval(rng, n - 1);
  return out;
}

/** The lower and upper percentiles of a level: 2.5 and 97.5 for 0.95 (rounded, so they are numpy's literals). */
function percentilesOf(level: number): [number, number] {
  const round = (x: number) => Number(x.toFixed(10));
  return [round(50 * (1 - level)), round(50 * (1 + level))];
}

/** The interval of the defined resample values: np.percentile(values, [lo, hi]) (linear). */
function intervalOf(values: number[], total: number, { resamples, seed, level }: ReturnType<typeof settings>): BootstrapInterval | null {
  if (values.length === 0) return null;
  const sorted = sortFloat64(Float64Array.from(values));
  const [lo, hi] = percentilesOf(level);
  return { lower: percentileSorted(sorted, lo)!, upper: percentileSorted(sorted, hi)!, level, resamples, seed, undefined: total - values.length };
}

/** Per resample and group: how many times each row was drawn (counts) and the draws in order (indices). */
export type ResampleMetric<M extends string> = (counts: Int32Array[], indices: Uint32Array[]) => Record<M, number | null>;

/**
 * Runs `metric` on each resample (null = undefined there) and returns the percentile intervals.
 * Each resample draws every group in turn, `rs.randint(0, n_g, size=n_g)` for g = 0, 1, … (one
 * group: the rows of one side; two: e.g. a canary's two independent groups).
 */
export function resampleGroups<M extends string>(
  sizes: readonly number[],
  names: readonly M[],
  options: BootstrapOptions,
  metric: ResampleMetric<M>,
): BootstrapIntervals<M> {
  const s = settings(options);
  const values = Object.fromEntries(names.map((m) => [m, [] as number[]])) as Record<M, number[]>;
  if (sizes.every((n) => n > 0)) {
    const rng = mt19937(s.seed);
    const indices = sizes.map((n) => new Uint32Array(n));
    const counts = sizes.map((n) => new Int32Array(n));
    for (let b = 0; b < s.resamples; b++) {
      sizes.forEach((n, g) => {
        randintIndices(rng, n, indices[g]);
        counts[g]!.fill(0);
        for (let i = 0; i < n; i++) counts[g]![indices[g]![i]!]!++;
      });
      const out = metric(counts, indices);
      for (const m of names) {
        const v = out[m];
        if (v !== null && Number.isFinite(v)) values[m].push(v);
      }
      if (options.onProgress && ((b + 1) % 25 === 0 || b + 1 === s.resamples)) options.onProgress(b + 1, s.resamples);
    }
  }
  return Object.fromEntries(names.map((m) => [m, intervalOf(values[m], s.resamples, s)])) as BootstrapIntervals<M>;
}

/** The scored rows (target present, finite score) and each one's distinct score, decreasing: the ROC's thresholds. */
interface ScoreGroups {
  rows: Uint32Array;
  /** Index of each scored row's score in `thresholds`. */
  group: Uint32Array;
  thresholds: Float64Array;
  positive: Uint8Array;
}

function scoreGroups(truth: Int32Array, score: Float64Array, pos: number): ScoreGroups {
  const scored: number[] = [];
  for (let i = 0; i < truth.length; i++) if (truth[i]! >= 0 && !Number.isNaN(score[i]!)) scored.push(i);
  const rows = Uint32Array.from(scored).sort((a, b) => score[b]! - score[a]!);
  const group = new Uint32Array(rows.length);
  const thresholds: number[] = [];
  rows.forEach((i, k) => {
    if (thresholds.length === 0 || thresholds[thresholds.length - 1] !== score[i]) thresholds.push(score[i]!);
    group[k] = thresholds.length - 1;
  });
  return { rows, group, thresholds: Float64Array.from(thresholds), positive: Uint8Array.from(rows, (i) => (truth[i] === pos ? 1 : 0)) };
}

/**
 * Binary ROC AUC of a resample: _binary_clf_curve's cumulative counts at each distinct score the
 * resample holds (a row drawn c times counts c times), then rocFromClfCurve and trapezoidArea as
 * for the cell's roc_auc — the curve depends only on those counts, so no per-resample sort.
 */
function resampledRocAuc(g: ScoreGroups, counts: Int32Array, tp: Float64Array, fp: Float64Array): number | null {
  tp.fill(0);
  fp.fill(0);
  for (let k = 0; k < g.rows.length; k++) {
    const c = counts[g.rows[k]!]!;
    if (c === 0) continue;
    if (g.positive[k]) tp[g.group[k]!]! += c;
    else fp[g.group[k]!]! += c;
  }
  const m = g.thresholds.length;
  const fps = new Float64Array(m);
  const tps = new Float64Array(m);
  const thresholds = new Float64Array(m);
  let n = 0;
  let cumTp = 0;
  let cumFp = 0;
  for (let j = 0; j < m; j++) {
    if (tp[j] === 0 && fp[j] === 0) continue;
    cumTp += tp[j]!;
    cumFp += fp[j]!;
    fps[n] = cumFp;
    tps[n] = cumTp;
    thresholds[n++] = g.thresholds[j]!;
  }
  if (cumTp === 0 || cumFp === 0) return null;
  const curve = rocFromClfCurve({ fps: fps.subarray(0, n), tps: tps.subarray(0, n), thresholds: thresholds.subarray(0, n) });
  return trapezoidArea(curve.fpr, curve.tpr);
}

/** Multiclass ROC AUC (one-vs-rest, macro) of a resample: the scored rows, each repeated `count` times. */
function resampledRocAucOvr(rows: Uint32Array, truth: Int32Array, proba: Float64Array[], counts: Int32Array): number | null {
  let m = 0;
  for (const i of rows) m += counts[i]!;
  const t = new Int32Array(m);
  const columns = proba.map(() => new Float64Array(m));
  let k = 0;
  for (const i of rows) {
    for (let c = 0; c < counts[i]!; c++, k++) {
      t[k] = truth[i]!;
      proba.forEach((column, j) => (columns[j]![k] = column[i]!));
    }
  }
  return rocAucOvr(t, columns).macro;
}

export const CLASSIFICATION_INTERVAL_METRICS: readonly ClassificationIntervalMetric[] = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc'];

/**
 * Accuracy, precision, recall, F1 (binary: of the positive label; multiclass: macro,
 * zero_division=0 over the full data's classes) and ROC AUC (binary; multiclass one-vs-rest macro)
 * of a resample, for the same input and options computeClassificationMetrics takes.
 */
export function classificationResampler(
  input: ClassificationInput,
  options: ClassificationOptions = {},
): { rows: number; metric: (counts: Int32Array) => Record<ClassificationIntervalMetric, number | null> } {
  const { labels, posLabel, truth, pred, score, proba } = encodeClassification(input, options);
  const k = labels.length;
  const pos = posLabel === null ? -1 : labels.indexOf(posLabel);
  const groups = posLabel !== null && score ? scoreGroups(truth, score, pos) : null;
  const tp = new Float64Array(groups?.thresholds.length ?? 0);
  const fp = new Float64Array(groups?.thresholds.length ?? 0);
  const allProba = posLabel === null && proba.length > 0 && proba.every((c) => c !== null) ? (proba as Float64Array[]) : null;
  const multiRows = allProba
    ? Uint32Array.from(Array.from({ length: truth.length }, (_, i) => i).filter((i) => truth[i]! >= 0 && allProba.every((c) => !Number.isNaN(c[i]!))))
    : null;
  const metric = (counts: Int32Array) => {
    const cm: ConfusionMatrix = { labels, matrix: Array.from({ length: k }, () => new Array<number>(k).fill(0)) };
    let used = 0;
    for (let i = 0; i < truth.length; i++) {
      const c = counts[i]!;
      if (c > 0 && truth[i]! >= 0 && pred[i]! >= 0) {
        cm.matrix[truth[i]!]![pred[i]!]! += c;
        used += c;
      }
    }
    let prf: { precision: number; recall: number; f1: number } | null = null;
    if (used > 0 && posLabel !== null) prf = classMetrics(cm, posLabel);
    else if (used > 0) {
      const all = precisionRecallF1(cm);
      prf = { precision: all.precision_macro, recall: all.recall_macro, f1: all.f1_macro };
    }
    const rocAuc = groups ? resampledRocAuc(groups, counts, tp, fp) : allProba && multiRows ? resampledRocAucOvr(multiRows, truth, allProba, counts) : null;
    return { accuracy: used > 0 ? accuracy(cm) : null, precision: prf?.precision ?? null, recall: prf?.recall ?? null, f1: prf?.f1 ?? null, roc_auc: rocAuc };
  };
  return { rows: truth.length, metric };
}

/** Intervals of the classificationResampler metrics over the rows of `input`. */
export function bootstrapClassification(
  input: ClassificationInput,
  options: ClassificationOptions & BootstrapOptions = {},
): BootstrapIntervals<ClassificationIntervalMetric> {
  const { rows, metric } = classificationResampler(input, options);
  return resampleGroups([rows], CLASSIFICATION_INTERVAL_METRICS, options, ([counts]) => metric(counts!));
}

export const REGRESSION_INTERVAL_METRICS: readonly RegressionIntervalMetric[] = ['mae', 'rmse', 'r2'];

/** MAE, RMSE and R² of a resample (rows without a finite target and prediction left out, as the cell). */
export function regressionResampler(input: { target: ArrayLike<number | null>; prediction: ArrayLike<number | null> }): {
  rows: number;
  metric: (indices: Uint32Array) => Record<RegressionIntervalMetric, number | null>;
} {
  const n = input.target.length;
  if (input.prediction.length !== n)
    throw new AnalysisError('length-mismatch', `prediction: ${input.prediction.length} values, target ${n} — give one per row`);
  const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const ok = Uint8Array.from({ length: n }, (_, i) => (finite(input.target[i]) && finite(input.prediction[i]) ? 1 : 0));
  const [abs, sq] = [new Float64Array(n), new Float64Array(n)];
  const metric = (indices: Uint32Array) => {
    // Resampled rows in draw order (as y[idx] in numpy), so the sums run in the same order.
    let m = 0;
    for (const i of indices) m += ok[i]!;
    const actual = new Float64Array(m);
    const predicted = new Float64Array(m);
    let k = 0;
    for (const i of indices) {
      if (!ok[i]) continue;
      actual[k] = input.target[i]!;
      predicted[k++] = input.prediction[i]!;
    }
    const scores = maeRmseR2(actual, predicted, abs, sq);
    return { mae: scores?.mae ?? null, rmse: scores?.rmse ?? null, r2: scores?.r2 ?? null };
  };
  return { rows: n, metric };
}

/** Intervals of MAE, RMSE and R² (rows without a finite target and prediction left out, as the cell). */
export function bootstrapRegression(
  input: { target: ArrayLike<number | null>; prediction: ArrayLike<number | null> },
  options: BootstrapOptions = {},
): BootstrapIntervals<RegressionIntervalMetric> {
  const { rows, metric } = regressionResampler(input);
  return resampleGroups([rows], REGRESSION_INTERVAL_METRICS, options, (_counts, [indices]) => metric(indices!));
}
