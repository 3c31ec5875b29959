/**
 * What the "Change detection" cell's detector reads, per data row: a column, the model's error
 * indicator (1 where the prediction differs from the target — classification, the binary detectors'
 * input) or its absolute error |target − prediction| (regression). The model's columns are chosen as
 * the model kinds choose them (lib/metrics/model-columns.ts: by name or role; predictions from a score
 * at a threshold, with the positive label read as the classification cell reads it), and the same
 * series is built for the reference whose mean and standard deviation are CUSUM's targets.
 */
import type { Dataset } from '../data/types';
import { AnalysisError, DataError } from '../errors';
import { formatScore } from '../format';
import { encodeClassification } from '../metrics/compute-classification';
import { defaultPosLabel, labelsOf, normaliseLabel } from '../metrics/labels';
import { decideTask, labelColumn, numberColumn, resolveModelColumns, scoreInput } from '../metrics/model-columns';
import { columnValues, type RowSeries } from '../stream/detect';
import { booleanAware, required } from './model-inputs';

export type ChangeSource = 'column' | 'error' | 'abs_error' | 'window_metric';

export const CHANGE_SOURCES: readonly ChangeSource[] = ['column', 'error', 'abs_error', 'window_metric'];

/** The model's columns, as the classification cell takes them. */
export interface ModelErrorColumns {
  target?: string;
  prediction?: string;
  /** Binary: the positive class's score; multiclass: proba_<label> columns. */
  score?: string[];
  posLabel?: string;
  /** Predict positive when score ≥ threshold (instead of a prediction column). */
  threshold?: number;
}

/** The columns the errors were read from, as the result reports them. */
export interface ErrorColumnsUsed {
  target: string;
  prediction: string | null;
  score: string[];
  /** Binary predictions from the score: the positive label and the threshold. */
  posLabel?: string | null;
  threshold?: number;
}

/** Per-row series of each dataset (the stream first, then the reference), and the columns used. */
export interface RowSources {
  series: RowSeries[];
  columns?: ErrorColumnsUsed;
}

function missingOf(what: string) {
  return (name: string) => `has no ${what} ("${name}")`;
}

/** 1 where the predicted label differs from the target, 0 where equal, NaN where either is missing. */
function errorIndicators(datasets: readonly Dataset[], config: ModelErrorColumns): RowSources {
  const main = datasets[0]!;
  if (config.threshold !== undefined && config.prediction !== undefined) {
    throw new AnalysisError(
      'bad-option',
      `threshold: ${config.threshold} derives predictions from the score, and column "${config.prediction}" holds them — leave out one of the two`,
    );
  }
  const resolved = resolveModelColumns(main, { target: config.target, prediction: config.prediction, ...(config.score ? { score: config.score } : {}) });
  // A threshold means predictions come from the score: a prediction column by role is set aside (as modelQuality).
  const prediction = config.threshold === undefined ? resolved.prediction : undefined;
  const target = required(resolved.target, 'target', main);
  const score = resolved.score;
  if (prediction === undefined && score.length === 0)
    throw new AnalysisError(
      'missing-prediction',
      `prediction: no prediction or score column chosen, and none has the prediction or score role in ${main.meta.name} — choose one`,
    );
  for (const d of datasets.slice(1)) resolveModelColumns(d, { target, score, ...(prediction === undefined ? {} : { prediction }) });
  const targets = datasets.map((d) => labelColumn(d, target));
  const predictions = prediction === undefined ? [] : datasets.map((d) => labelColumn(d, prediction));
  const classes = labelsOf(...targets, ...predictions);
  if (classes.length === 0) throw new AnalysisError('no-labels', `target "${target}": no labels — the column is empty or all missing`);
  const task = decideTask('classification', targets, () => classes) as 'binary' | 'multiclass';
  const given = config.posLabel === undefined ? null : normaliseLabel(booleanAware(main, target, config.posLabel) ?? config.posLabel);
  if (given !== null && task === 'multiclass')
    throw new AnalysisError('bad-option', `pos_label: ${JSON.stringify(given)} — multiclass labels have no positive one; leave it out`);
  if (given !== null && !classes.includes(given))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${JSON.stringify(given)} is not a label — labels seen: ${classes.join(', ')}`);
  const posLabel = task === 'multiclass' ? null : (given ?? defaultPosLabel(classes, []));
  const fromScore = prediction === undefined;
  const label = fromScore ? `${target} ≠ prediction from ${score.join(', ')}` : `${target} ≠ ${prediction}`;
  const series = datasets.map((d, k): RowSeries => {
    const { truth, pred } = encodeClassification(
      { target: targets[k]!, ...(fromScore ? scoreInput(d, score, task, classes, posLabel) : { prediction: predictions[k]! }) },
      { task, labels: classes, ...(posLabel === null ? {} : { posLabel }), ...(config.threshold === undefined ? {} : { threshold: config.threshold }) },
    );
    const values = Float64Array.from(truth, (t, i) => (t < 0 || pred[i]! < 0 ? NaN : t === pred[i] ? 0 : 1));
    const noTarget = missingOf('target');
    const noPrediction = missingOf(fromScore ? 'score' : 'prediction');
    return {
      values,
      label,
      what: `error of "${target}" vs ${fromScore ? `the score "${score.join(', ')}"` : `"${prediction}"`}`,
      missing: (row) => (truth[row]! < 0 ? noTarget(target) : noPrediction(fromScore ? score.join(', ') : prediction!)),
    };
  });
  return {
    series,
    columns: {
      target,
      prediction: prediction ?? null,
      score: fromScore ? score : [],
      // Multiclass predictions are the most probable class: no threshold.
      ...(fromScore ? { posLabel, ...(posLabel === null ? {} : { threshold: config.threshold ?? 0.5 }) } : {}),
    },
  };
}

/** |target − prediction| per row (regression), NaN where either is missing. */
function absoluteErrors(datasets: readonly Dataset[], config: ModelErrorColumns): RowSources {
  const main = datasets[0]!;
  if (config.score?.length || config.threshold !== undefined || config.posLabel !== undefined)
    throw new AnalysisError('bad-option', 'absolute error: a regression has no score, threshold or positive label — leave them out');
  const resolved = resolveModelColumns(main, { target: config.target, prediction: config.prediction });
  const target = required(resolved.target, 'target', main);
  const prediction = required(resolved.prediction, 'prediction', main);
  const series = datasets.map((d): RowSeries => {
    const y = numberColumn(d, target);
    const p = numberColumn(d, prediction);
    return {
      values: Float64Array.from(y, (v, i) => Math.abs(v - p[i]!)),
      label: `|${target} − ${prediction}|`,
      what: `absolute error of "${prediction}" against "${target}"`,
      missing: (row) => (Number.isNaN(y[row]!) ? `has no target ("${target}")` : `has no prediction ("${prediction}")`),
    };
  });
  return { series, columns: { target, prediction, score: [] } };
}

/** The per-row series of the stream and (when given) the reference, for the row sources. */
export function rowSources(
  source: Exclude<ChangeSource, 'window_metric'>,
  datasets: readonly Dataset[],
  config: ModelErrorColumns & { column?: string },
): RowSources {
  if (source === 'error') return errorIndicators(datasets, config);
  if (source === 'abs_error') return absoluteErrors(datasets, config);
  const column = config.column;
  if (!column) throw new AnalysisError('missing-column', "no column to monitor — choose one in the cell's settings");
  return { series: datasets.map((d) => ({ values: columnValues(d, column), what: `column "${column}"`, label: column })) };
}

/** CUSUM's targets when they were not typed: the reference series' mean and sample standard deviation (ddof = 1). */
export interface ChangeTargets {
  mu: number;
  sigma: number;
  /** The dataset and the number of its values (rows, or reference chunks of a window metric). */
  reference: string;
  count: number;
}

/** The mean and sample standard deviation (ddof = 1, the estimated σ0 of Montgomery §9.1) of a reference series. */
export function referenceTargets(values: ArrayLike<number>, where: (i: number) => string, reference: string): ChangeTargets {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i]!))
      throw new DataError(
        'missing-value',
        `reference ${reference}: ${where(i)} has no value — CUSUM's targets need every one; fill it or drop the row (e.g. with a segment)`,
      );
  }
  if (n < 2)
    throw new DataError('too-few', `reference ${reference}: ${n} value${n === 1 ? '' : 's'} — CUSUM's standard deviation needs 2 or more; type mu and sigma`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mu = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mu) ** 2;
  const sigma = Math.sqrt(squares / (n - 1));
  if (!(sigma > 0))
    throw new DataError(
      'constant-reference',
      `reference ${reference}: every value is ${formatScore(mu)} (standard deviation 0) — CUSUM needs sigma > 0; type sigma`,
    );
  return { mu, sigma, reference, count: n };
}
