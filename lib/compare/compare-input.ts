/**
 * The columns of a comparison, read once: the task, classes and positive label, and per model its
 * rows with target, prediction and score. Shadow: every model on the same rows — the rows where
 * the target, every prediction and every score are present (the rest are counted in a warning),
 * so every per-model metric, pair statistic and bootstrap uses identical rows. Canary: the rows
 * with a target, a prediction and a serving model, grouped by that model (names in sorted order).
 */
import type { Label } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { decideTask, labelColumn, numberColumn, type ModelTask } from '../metrics/model-columns';
import { defaultPosLabel, labelsOf, normaliseLabel, sortLabels } from '../metrics/labels';
import type { CompareConfig } from './compare-models';

export interface ModelSide {
  name: string;
  /** Dataset rows this model is measured on. */
  rows: Uint32Array;
  /** Labels (classification) or numbers (regression), one per entry of `rows`. */
  target: Label[] | Float64Array;
  prediction: Label[] | Float64Array;
  /** Binary: the positive class's score, one per entry of `rows`. */
  score: Float64Array | null;
}

export interface CompareInput {
  mode: 'shadow' | 'canary';
  task: ModelTask;
  /** Classes (sorted) and the positive label (binary); empty and null for regression. */
  labels: string[];
  posLabel: string | null;
  sides: ModelSide[];
  warnings: string[];
}

const present = (v: Label | number | undefined): boolean => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v));

function taskOf(config: CompareConfig, target: Label[], predictions: Label[][]): { task: ModelTask; labels: string[] } {
  const labels = () => labelsOf(target, ...predictions);
  const task = decideTask(config.task, [target], labels);
  return { task, labels: task === 'regression' ? [] : labels() };
}

function positiveLabel(config: CompareConfig, task: ModelTask, labels: string[], warnings: string[]): string | null {
  const given = config.posLabel === undefined ? null : normaliseLabel(config.posLabel);
  if (task !== 'binary') {
    if (given !== null) throw new AnalysisError('bad-option', `pos_label: ${JSON.stringify(given)} — ${task} comparisons have no positive label; leave it out`);
    return null;
  }
  if (given !== null && !labels.includes(given))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${JSON.stringify(given)} is not a label — labels seen: ${labels.join(', ')}`);
  return given ?? defaultPosLabel(labels, warnings);
}

/** A column's values on some rows: numbers for regression, labels otherwise. */
function valuesOn(column: Label[] | Float64Array, rows: Uint32Array): Label[] | Float64Array {
  return column instanceof Float64Array ? Float64Array.from(rows, (i) => column[i]!) : Array.from(rows, (i) => column[i]!);
}

function shadowInput(dataset: Dataset, config: CompareConfig, models: string[], warnings: string[]): CompareInput {
  if (models.length < 2) throw new AnalysisError('too-few-models', `models: ${models.length} given — compare two or more prediction columns`);
  const duplicate = models.find((m, i) => models.indexOf(m) !== i);
  if (duplicate !== undefined) throw new AnalysisError('bad-option', `models: "${duplicate}" is listed twice — list each prediction column once`);
  const scores = config.scores ?? [];
  if (scores.length > 0 && scores.length !== models.length)
    throw new AnalysisError('bad-option', `scores: ${scores.length} columns for ${models.length} models — give one score column per model, in the same order`);
  const targetLabels = labelColumn(dataset, config.target);
  const predictionLabels = models.map((m) => labelColumn(dataset, m));
  const { task, labels } = taskOf(config, targetLabels, predictionLabels);
  if (task === 'multiclass' && scores.length > 0)
    throw new AnalysisError('bad-option', 'scores: multiclass comparisons take no score columns (DeLong and ROC AUC are binary here) — leave them out');
  if (task === 'regression' && scores.length > 0) throw new AnalysisError('bad-option', 'scores: regression takes no score columns — leave them out');
  const regression = task === 'regression';
  const target = regression ? numberColumn(dataset, config.target) : targetLabels;
  const predictions = regression ? models.map((m) => numberColumn(dataset, m)) : predictionLabels;
  const scoreColumns = scores.map((s) => numberColumn(dataset, s));
  const n = dataset.table.numRows;
  const complete: number[] = [];
  for (let i = 0; i < n; i++) {
    const finite = (v: Label | number) => (regression ? Number.isFinite(v) : present(v));
    if (finite(target[i]!) && predictions.every((p) => finite(p[i]!)) && scoreColumns.every((s) => Number.isFinite(s[i]!))) complete.push(i);
  }
  if (complete.length === 0)
    throw new AnalysisError('no-rows', `rows: none has the target, every prediction${scores.length ? ' and every score' : ''} — check the columns`);
  if (complete.length < n)
    warnings.push(
      `rows: ${n - complete.length} of ${n} left out (a missing target, prediction or score) — every model is measured on the same ${complete.length} rows`,
    );
  const rows = Uint32Array.from(complete);
  const posLabel = positiveLabel(config, task, labels, warnings);
  const sides = models.map((name, k) => ({
    name,
    rows,
    target: valuesOn(target, rows),
    prediction: valuesOn(predictions[k]!, rows),
    score: scoreColumns[k] ? Float64Array.from(rows, (i) => scoreColumns[k]![i]!) : null,
  }));
  return { mode: 'shadow', task, labels, posLabel, sides, warnings };
}

function canaryInput(dataset: Dataset, config: CompareConfig, canary: NonNullable<CompareConfig['canary']>, warnings: string[]): CompareInput {
  if (config.scores?.length) throw new AnalysisError('bad-option', 'scores: canary comparisons take no score columns — leave them out');
  const targetLabels = labelColumn(dataset, config.target);
  const predictionLabels = labelColumn(dataset, canary.prediction);
  const served = labelColumn(dataset, canary.modelColumn);
  const { task, labels } = taskOf(config, targetLabels, [predictionLabels]);
  const regression = task === 'regression';
  const target = regression ? numberColumn(dataset, config.target) : targetLabels;
  const prediction = regression ? numberColumn(dataset, canary.prediction) : predictionLabels;
  const groups = new Map<string, number[]>();
  let skipped = 0;
  for (let i = 0; i < target.length; i++) {
    const model = normaliseLabel(served[i]);
    const ok = regression ? Number.isFinite(target[i]) && Number.isFinite(prediction[i]) : present(target[i]) && present(prediction[i]);
    if (model === null || !ok) skipped++;
    else (groups.get(model) ?? groups.set(model, []).get(model)!).push(i);
  }
  if (groups.size < 2)
    throw new AnalysisError(
      'too-few-models',
      `model column "${canary.modelColumn}": ${groups.size} model(s) with usable rows — a canary comparison needs two or more`,
    );
  if (skipped > 0) warnings.push(`rows: ${skipped} left out (a missing target, prediction or serving model)`);
  const posLabel = positiveLabel(config, task, labels, warnings);
  const sides = sortLabels(groups.keys()).map((name) => {
    const rows = Uint32Array.from(groups.get(name)!);
    return { name, rows, target: valuesOn(target, rows), prediction: valuesOn(prediction, rows), score: null };
  });
  return { mode: 'canary', task, labels, posLabel, sides, warnings };
}

export function readCompareInput(dataset: Dataset, config: CompareConfig): CompareInput {
  const warnings: string[] = [];
  if (config.canary && config.models) throw new AnalysisError('bad-option', 'models and canary: both given — choose shadow (models) or canary');
  if (config.canary) return canaryInput(dataset, config, config.canary, warnings);
  if (!config.models) throw new AnalysisError('too-few-models', 'models: none given — list two or more prediction columns, or use canary mode');
  return shadowInput(dataset, config, config.models, warnings);
}
