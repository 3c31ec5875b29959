/**
 * From a dataset's columns to a model-quality result: label, number and timestamp arrays out of
 * the Arrow table (numbers are Float64 vectors, everything else dictionary-encoded strings — see
 * lib/data/to-arrow.ts), the target/prediction/score columns picked by name or by role, and
 * modelQuality(), which the CLI's `quality --target …` and the app's cells share.
 */
import { Type, type Data, type Vector } from 'apache-arrow';
import { AnalysisError } from '../errors';
import type { IngestedDataset } from '../data/ingest';
import { parseNonFinite } from '../data/missing';
import { parseNumber } from '../data/parse-number';
import type { ColumnRole } from '../data/types';
import { computeClassificationMetrics, type ClassificationInput } from './compute-classification';
import { computeRegressionMetrics } from './compute-regression';
import { defaultPosLabel, labelsOf, normaliseLabel } from './labels';
import { matchProbaColumns } from './proba-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from './types';

/** What the helpers read of a dataset: its name, schema and roles, and the table. */
export type ModelDataset = Pick<IngestedDataset, 'meta' | 'table'>;

export type ModelTask = 'binary' | 'multiclass' | 'regression';

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const j = data.offset + i;
  return ((bitmap[j >> 3]! >> (j & 7)) & 1) === 1;
}

function columnList(dataset: ModelDataset): string {
  return dataset.meta.schema.map((c) => c.name).join(', ');
}

function vectorOf(dataset: ModelDataset, name: string): Vector {
  const vector = dataset.table.getChild(name);
  if (!vector) {
    throw new AnalysisError('unknown-column', `column "${name}": not in ${dataset.meta.name} — its columns are ${columnList(dataset)}`);
  }
  return vector;
}

/** Calls `visit(row, value)` for every row: numbers for Float64 chunks, strings for dictionaries, null when missing. */
function forEachValue(vector: Vector, visit: (row: number, value: number | string | null) => void): void {
  let row = 0;
  for (const data of vector.data) {
    if (data.typeId === Type.Float) {
      // Arrow slices the values buffer to the data's offset (the validity bitmap it does not).
      const values = data.values as Float64Array;
      for (let i = 0; i < data.length; i++, row++) visit(row, isValid(data, i) && values[i] === values[i] ? values[i]! : null);
    } else if (data.typeId === Type.Dictionary) {
      const dictionary = data.dictionary!;
      const words = Array.from({ length: dictionary.length }, (_, d) => String(dictionary.get(d)));
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++, row++) visit(row, isValid(data, i) ? words[indices[i]!]! : null);
    } else {
      for (let i = 0; i < data.length; i++, row++) {
        const value: unknown = isValid(data, i) ? vector.get(row) : null;
        visit(row, value === null || value === undefined ? null : typeof value === 'number' ? value : String(value));
      }
    }
  }
}

/** A column as labels: numbers stay numbers, categories and booleans ("false"/"true") strings, missing null. */
export function labelColumn(dataset: ModelDataset, name: string): (string | number | null)[] {
  const out: (string | number | null)[] = new Array<string | number | null>(dataset.table.numRows).fill(null);
  forEachValue(vectorOf(dataset, name), (row, value) => {
    out[row] = value === '' ? null : value;
  });
  return out;
}

/** A column as numbers, NaN where missing; text that is not a number (nor inf/-inf) is an error. */
export function numberColumn(dataset: ModelDataset, name: string): Float64Array {
  const out = new Float64Array(dataset.table.numRows).fill(NaN);
  forEachValue(vectorOf(dataset, name), (row, value) => {
    if (value === null || typeof value === 'number') {
      out[row] = value ?? NaN;
      return;
    }
    const parsed = parseNumber(value) ?? parseNonFinite(value);
    if (parsed === undefined) {
      throw new AnalysisError('not-numeric', `column "${name}" of ${dataset.meta.name}: "${value}" (row ${row + 1}) is not a number — choose a numeric column`);
    }
    out[row] = parsed;
  });
  return out;
}

// Below this magnitude a numeric timestamp column holds seconds: 1e11 s is the year 5138, 1e11 ms is 3 March 1973.
const EPOCH_SECONDS_BELOW = 1e11;
// ISO 8601 date, optionally with a time; a trailing zone (Z, +01:00, +0100) is kept as given.
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO 8601 date; a date or time without a zone is UTC (never the machine's zone). */
function parseIsoMs(text: string): number {
  const match = ISO.exec(text.trim());
  if (!match) return NaN;
  const [, date, time, zone] = match;
  const offset = zone && zone !== 'Z' && !zone.includes(':') ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return Date.parse(time ? `${date}T${time}${offset ?? 'Z'}` : `${date}T00:00:00Z`);
}

/**
 * A column as milliseconds since 1970-01-01 UTC, NaN where missing. ISO 8601 strings are parsed
 * (a date or time without a zone is UTC). Numbers are epoch times: seconds when every finite
 * value is below 1e11 in magnitude (before the year 5138), else milliseconds — so millisecond
 * columns from before March 1973 must be converted first.
 */
export function timestampColumn(dataset: ModelDataset, name: string): Float64Array {
  const out = new Float64Array(dataset.table.numRows).fill(NaN);
  let numeric = false;
  let largest = 0;
  forEachValue(vectorOf(dataset, name), (row, value) => {
    if (value === null) return;
    if (typeof value === 'number') {
      numeric = true;
      out[row] = value;
      if (Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
      return;
    }
    const ms = parseIsoMs(value);
    if (Number.isNaN(ms)) {
      throw new AnalysisError(
        'not-a-date',
        `column "${name}" of ${dataset.meta.name}: "${value}" (row ${row + 1}) is not an ISO 8601 date — use YYYY-MM-DD[THH:mm[:ss]][Z], or epoch seconds or milliseconds`,
      );
    }
    out[row] = ms;
  });
  if (numeric && largest < EPOCH_SECONDS_BELOW) for (let i = 0; i < out.length; i++) out[i] = out[i]! * 1000;
  return out;
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

function checkColumn(dataset: ModelDataset, name: string): string {
  vectorOf(dataset, name);
  return name;
}

/**
 * The model's columns: the names given, the others from the roles (default the dataset's guessed
 * or confirmed roles): the first target and prediction columns, every score column. A name the
 * dataset lacks is an error naming its columns.
 */
export function resolveModelColumns(
  dataset: ModelDataset,
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

function decideTask(task: ModelQualityOptions['task'], targets: (string | number | null)[][], labels: () => string[]): ModelTask {
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

/** The score part of a classification input: one positive-class score, or per-class probability columns. */
function scoreInput(
  dataset: ModelDataset,
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
export function modelQuality(reference: ModelDataset, current: ModelDataset | undefined, options: ModelQualityOptions = {}): ModelQualityResult {
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
  const side = <M>(dataset: ModelDataset, metrics: M): ModelQualitySide<M> => ({ name: dataset.meta.name, rows: dataset.table.numRows, metrics });

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
