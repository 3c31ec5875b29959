/**
 * From a dataset's columns to a model-quality result: label, number and timestamp arrays out of
 * the Arrow table (numbers are Float64 vectors, everything else dictionary-encoded strings — see
 * lib/data/to-arrow.ts), the target/prediction/score columns picked by name or by role, and
 * modelQuality(), which the CLI's `quality --target …` and the app's cells share.
 */
import type { Vector } from 'apache-arrow';
import { AnalysisError } from '../errors';
import { readLabels, readNumbers, readTimes, type Label } from '../data/columns';
import type { ColumnRole, Dataset } from '../data/types';
import { computeClassificationMetrics, type ClassificationInput } from './compute-classification';
import { computeRegressionMetrics } from './compute-regression';
import { defaultPosLabel, labelsOf, normaliseLabel } from './labels';
import { matchProbaColumns } from './proba-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from './types';

export type ModelTask = 'binary' | 'multiclass' | 'regression';

function columnList(dataset: Dataset): string {
  return dataset.meta.schema.map((c) => c.name).join(', ');
}

function vectorOf(dataset: Dataset, name: string): Vector {
  const vector = dataset.table.getChild(name);
  if (!vector) {
    throw new AnalysisError('unknown-column', `column "${name}": not in ${dataset.meta.name} — its columns are ${columnList(dataset)}`);
  }
  return vector;
}

/** A column as labels: numbers stay numbers, categories and booleans ("false"/"true") strings, missing (and "") null. */
export function labelColumn(dataset: Dataset, name: string): Label[] {
  const out = readLabels(vectorOf(dataset, name), name);
  for (let i = 0; i < out.length; i++) if (out[i] === '') out[i] = null;
  return out;
}

/** A column as numbers, NaN where missing; text that is not a number (nor inf/-inf) is an error. */
export function numberColumn(dataset: Dataset, name: string): Float64Array {
  return readNumbers(vectorOf(dataset, name), name, {
    onText: (value, row) => {
      throw new AnalysisError('not-numeric', `column "${name}" of ${dataset.meta.name}: "${value}" (row ${row + 1}) is not a number — choose a numeric column`);
    },
  });
}

// Below this magnitude a numeric timestamp column holds seconds: 1e11 s is the year 5138, 1e11 ms is 3 March 1973.
const EPOCH_SECONDS_BELOW = 1e11;

/**
 * A column as milliseconds since 1970-01-01 UTC, NaN where missing. ISO 8601 strings are parsed
 * (lib/data/time.ts: a date or time without a zone is UTC). Numbers are epoch times: seconds when
 * every finite value is below 1e11 in magnitude (before the year 5138), else milliseconds — so
 * millisecond columns from before March 1973 must be converted first.
 */
export function timestampColumn(dataset: Dataset, name: string): Float64Array {
  const { values, numeric, firstUnparsed } = readTimes(vectorOf(dataset, name), name);
  if (firstUnparsed) {
    throw new AnalysisError(
      'not-a-date',
      `column "${name}" of ${dataset.meta.name}: "${firstUnparsed.text}" (row ${firstUnparsed.row + 1}) is not an ISO 8601 date — use YYYY-MM-DD[THH:mm[:ss]][Z], or epoch seconds or milliseconds`,
    );
  }
  if (!numeric) return values;
  let largest = 0;
  for (const x of values) if (Number.isFinite(x)) largest = Math.max(largest, Math.abs(x));
  if (largest < EPOCH_SECONDS_BELOW) for (let i = 0; i < values.length; i++) values[i] = values[i]! * 1000;
  return values;
}

export interface ModelColumnNames {
  target?: string;
  prediction?: string;
  /** Binary: the positive class's score (or per-class probabilities); multiclass: proba_<label> columns. */
  score?: readonly string[];
}

export interface ResolvedModelColumns {
  target?: string;
  prediction?: string;
  score: string[];
}

function checkColumn(dataset: Dataset, name: string): string {
  vectorOf(dataset, name);
  return name;
}

/**
 * The model's columns: the names given, the others from the roles (default the dataset's guessed
 * or confirmed roles): the first target and prediction columns, every score column. A name the
 * dataset lacks is an error naming its columns.
 */
export function resolveModelColumns(
  dataset: Dataset,
  names: ModelColumnNames,
  roles: Readonly<Record<string, ColumnRole>> = dataset.meta.roles ?? {},
): ResolvedModelColumns {
  const withRole = (role: ColumnRole) => dataset.meta.schema.map((c) => c.name).filter((name) => roles[name] === role);
  const target = names.target ?? withRole('target')[0];
  const prediction = names.prediction ?? withRole('prediction')[0];
  const score = names.score ? [...names.score] : withRole('score');
  return {
    ...(target === undefined ? {} : { target: checkColumn(dataset, target) }),
    ...(prediction === undefined ? {} : { prediction: checkColumn(dataset, prediction) }),
    score: score.map((name) => checkColumn(dataset, name)),
  };
}

export interface ModelQualityOptions extends ModelColumnNames {
  /** 'classification' picks binary or multiclass from the labels; default: regression for a numeric target with > 10 distinct values. */
  task?: 'classification' | ModelTask;
  posLabel?: string | number | boolean;
  /** Binary: predict positive when score ≥ threshold (default 0.5), instead of reading a prediction column. */
  threshold?: number;
  /** Roles to fill unnamed columns from; default the reference's. */
  roles?: Readonly<Record<string, ColumnRole>>;
}

export interface ModelQualitySide<M> {
  name: string;
  rows: number;
  metrics: M;
}

export interface ModelQualityResult {
  kind: 'model-quality';
  schemaVersion: 1;
  task: ModelTask;
  columns: { target: string; prediction: string | null; score: string[] };
  reference: ModelQualitySide<ClassificationMetricsResult | RegressionMetricsResult>;
  current?: ModelQualitySide<ClassificationMetricsResult | RegressionMetricsResult>;
}

/** Evidently's rule: a numeric target with more than this many distinct values is a regression target. */
const MAX_CLASSIFICATION_VALUES = 10;

export function decideTask(task: ModelQualityOptions['task'], targets: (string | number | null)[][], labels: () => string[]): ModelTask {
  if (task === 'binary' || task === 'multiclass' || task === 'regression') return task;
  if (task === undefined) {
    const numeric = targets.every((t) => t.every((v) => v === null || typeof v === 'number'));
    if (numeric && labelsOf(...targets).length > MAX_CLASSIFICATION_VALUES) return 'regression';
  } else if (task !== 'classification') {
    throw new AnalysisError('bad-option', `task: ${JSON.stringify(task)} — use classification, binary, multiclass or regression`);
  }
  return labels().length <= 2 ? 'binary' : 'multiclass';
}

const PROBA_PREFIX = /^(?:proba|prob|p)_(.+)$/;

/** The score part of a classification input: one positive-class score, or per-class probability columns (modelQuality and the card bootstrap share it). */
export function scoreInput(
  dataset: Dataset,
  score: readonly string[],
  task: 'binary' | 'multiclass',
  labels: string[],
  posLabel: string | null,
): Pick<ClassificationInput, 'score' | 'proba'> {
  if (score.length === 0) return {};
  if (task === 'binary' && score.length === 1) {
    const name = score[0]!;
    const suffix = PROBA_PREFIX.exec(name)?.[1];
    const of = suffix === undefined ? null : normaliseLabel(suffix);
    if (of !== null && of !== posLabel && labels.includes(of)) {
      throw new AnalysisError(
        'proba-columns',
        `score column "${name}": the probability of ${JSON.stringify(of)}, not of the positive label ${JSON.stringify(posLabel)} — give proba_${posLabel} or set the positive label to ${of}`,
      );
    }
    return { score: numberColumn(dataset, name) };
  }
  const match = matchProbaColumns(score, labels);
  return { proba: { labels: match.columns.map((c) => c.label), columns: match.columns.map((c) => numberColumn(dataset, c.column)) } };
}

/**
 * Model quality of a reference and (optionally) a current dataset with the same columns: sklearn's
 * classification or regression metrics (computeClassificationMetrics / computeRegressionMetrics).
 * Both sides share one label set (the union of targets and predictions) and one positive label,
 * so their metrics compare; the current side's majority baseline learns from the reference target.
 */
export function modelQuality(reference: Dataset, current: Dataset | undefined, options: ModelQualityOptions = {}): ModelQualityResult {
  const resolved = resolveModelColumns(reference, options, options.roles);
  // A threshold means predictions are derived from the score: a prediction column by role is set aside.
  const { prediction: _byRole, ...withoutPrediction } = resolved;
  const columns: ResolvedModelColumns = options.threshold !== undefined && options.prediction === undefined ? withoutPrediction : resolved;
  if (options.threshold !== undefined && options.prediction !== undefined) {
    throw new AnalysisError(
      'bad-option',
      `threshold: ${options.threshold} applies only when predictions are derived from the score, and column "${options.prediction}" holds them — leave out one of the two`,
    );
  }
  if (columns.target === undefined) {
    throw new AnalysisError(
      'missing-target',
      `target: none chosen and no column of ${reference.meta.name} has the target role — choose the target column (its columns are ${columnList(reference)})`,
    );
  }
  const target = columns.target;
  if (current) resolveModelColumns(current, { target, score: columns.score, ...(columns.prediction === undefined ? {} : { prediction: columns.prediction }) });
  const sides = current ? [reference, current] : [reference];
  const targets = sides.map((d) => labelColumn(d, target));
  const predictions = columns.prediction === undefined ? [] : sides.map((d) => labelColumn(d, columns.prediction!));
  const labels = () => labelsOf(...targets, ...predictions);
  const task = decideTask(options.task, targets, labels);
  const result = {
    kind: 'model-quality' as const,
    schemaVersion: 1 as const,
    task,
    columns: { target, prediction: columns.prediction ?? null, score: columns.score },
  };
  const side = <M>(dataset: Dataset, metrics: M): ModelQualitySide<M> => ({ name: dataset.meta.name, rows: dataset.table.numRows, metrics });

  if (task === 'regression') {
    if (columns.prediction === undefined)
      throw new AnalysisError(
        'missing-prediction',
        `prediction: regression needs a prediction column (columns of ${reference.meta.name}: ${columnList(reference)})`,
      );
    if (options.score?.length) throw new AnalysisError('bad-option', `score: regression takes no score columns (${options.score.join(', ')}) — leave them out`);
    const metrics = sides.map((d) => computeRegressionMetrics({ target: numberColumn(d, target), prediction: numberColumn(d, columns.prediction!) }));
    // Score columns found by role have no use here.
    return {
      ...result,
      columns: { ...result.columns, score: [] },
      reference: side(reference, metrics[0]!),
      ...(current ? { current: side(current, metrics[1]!) } : {}),
    };
  }

  const classes = labels();
  if (classes.length === 0) throw new AnalysisError('no-labels', `target "${target}": no labels — the column is empty or all missing`);
  const given = options.posLabel === undefined ? null : normaliseLabel(options.posLabel);
  if (given !== null && task === 'multiclass')
    throw new AnalysisError('bad-option', `pos_label: ${JSON.stringify(given)} — multiclass metrics have no positive label; leave it out`);
  if (given !== null && !classes.includes(given))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${JSON.stringify(given)} is not a label — labels seen: ${classes.join(', ')}`);
  // The default positive label is computeClassificationMetrics' own (it warns when it has to guess).
  const posLabel = task === 'multiclass' ? null : (given ?? defaultPosLabel(classes, []));
  const metrics = sides.map((d, k) =>
    computeClassificationMetrics(
      {
        target: targets[k]!,
        ...(columns.prediction === undefined ? {} : { prediction: predictions[k]! }),
        ...scoreInput(d, columns.score, task, classes, posLabel),
      },
      {
        task,
        labels: classes,
        ...(given === null ? {} : { posLabel: given }),
        ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
        ...(k > 0 ? { referenceTarget: targets[0]! } : {}),
      },
    ),
  );
  return { ...result, reference: side(reference, metrics[0]!), ...(current ? { current: side(current, metrics[1]!) } : {}) };
}
