/**
 * Business value of one or more binary models on a dataset, overall, per window and per segment
 * (lib/compare/business-value.ts for the definitions). Realized where the analysed data has labels;
 * estimated from CBPE's expected confusion matrix where a score column and a labelled reference let
 * CBPE calibrate (both when both are possible, so the estimate can be checked).
 */
import { readLabels } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { cbpeCalibrator, type CalibrationMode } from '../metrics/cbpe-calibration';
import { countChunks } from '../metrics/cbpe-chunks';
import { defaultPosLabel, labelsOf, normaliseLabel, sortLabels } from '../metrics/labels';
import { labelColumn, numberColumn, timestampColumn } from '../metrics/model-columns';
import { windowGrid, windowOf, type WindowOption } from '../metrics/time-windows';
import { businessValue, expectedOutcomes, realizedOutcomes } from './business-value';
import type { BusinessValueResult, ValueMatrix } from './types';

export interface BusinessValueConfig {
  target: string;
  /** One model per prediction column… */
  predictions: string[];
  /** …or per score column (prediction = score ≥ threshold) when no prediction column is given; with predictions, the score of each, in order. */
  scores: string[];
  posLabel?: string;
  threshold?: number;
  matrix: ValueMatrix;
  /** Values are per unit of this column (e.g. the amount at stake), not per row. */
  unit?: string;
  costPerPrediction?: number;
  /** Per window: time windows of this column… */
  timestamp?: string;
  window?: WindowOption;
  /** …or this many row chunks (NannyML's CountBasedChunker). */
  chunks?: number;
  /** Per segment: one group per value of this column. */
  segmentColumn?: string;
  calibration?: CalibrationMode;
}

export interface ValueGroup {
  label: string;
  rows: number;
  realized: BusinessValueResult | null;
  estimated: BusinessValueResult | null;
}

export interface ModelValue {
  name: string;
  prediction: string | null;
  score: string | null;
  /** CBPE's calibration decision when the value is estimated. */
  calibration: string | null;
  overall: ValueGroup;
  windows: ValueGroup[];
  segments: ValueGroup[];
}

export interface BusinessValueAnalysis {
  posLabel: string;
  data: { name: string; rows: number; labelled: number };
  /** The labelled data CBPE calibrated on (estimates need it), when distinct from the analysed data. */
  reference: { name: string; rows: number } | null;
  windowBy: 'time' | 'rows' | null;
  models: ModelValue[];
  warnings: string[];
}

interface Grouping {
  label: string;
  rows: number[];
}

const MISSING = '(missing)';

function has(dataset: Dataset, column: string): boolean {
  return dataset.meta.schema.some((c) => c.name === column);
}

/** 1 for the positive label, 0 for another, NaN where missing. */
function binaryOf(values: (string | number | null)[], positive: string): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : normaliseLabel(v) === positive ? 1 : 0));
}

function windowsOf(data: Dataset, config: BusinessValueConfig, all: number[]): { by: 'time' | 'rows' | null; groups: Grouping[] } {
  if (config.timestamp) {
    const times = timestampColumn(data, config.timestamp);
    const timed = all.filter((i) => Number.isFinite(times[i]!));
    if (timed.length === 0) return { by: 'time', groups: [] };
    let min = Infinity;
    let max = -Infinity;
    for (const i of timed) [min, max] = [Math.min(min, times[i]!), Math.max(max, times[i]!)];
    const grid = windowGrid(min, max, config.window ?? 'auto');
    const groups: Grouping[] = Array.from({ length: grid.count }, (_, w) => ({ label: new Date(grid.start + w * grid.ms).toISOString(), rows: [] }));
    for (const i of timed) groups[windowOf(times[i]!, grid)]!.rows.push(i);
    return { by: 'time', groups };
  }
  if (config.chunks === undefined || all.length === 0) return { by: null, groups: [] };
  const spans = countChunks(all.length, Math.min(config.chunks, all.length), 'data');
  return { by: 'rows', groups: spans.map((s) => ({ label: `rows ${s.start + 1}–${s.end}`, rows: all.slice(s.start, s.end) })) };
}

function segmentsOf(data: Dataset, column: string | undefined, all: number[]): Grouping[] {
  if (!column) return [];
  const values = readLabels(data.table.getChild(column) ?? missingColumn(data, column), column).map(normaliseLabel);
  const byLabel = new Map<string, number[]>();
  for (const i of all) {
    const key = values[i] ?? MISSING;
    byLabel.set(key, [...(byLabel.get(key) ?? []), i]);
  }
  const labels = sortLabels([...byLabel.keys()].filter((l) => l !== MISSING));
  if (byLabel.has(MISSING)) labels.push(MISSING);
  return labels.map((label) => ({ label, rows: byLabel.get(label)! }));
}

function missingColumn(data: Dataset, column: string): never {
  throw new AnalysisError('unknown-column', `column "${column}": not in ${data.meta.name} — its columns are ${data.meta.schema.map((c) => c.name).join(', ')}`);
}

/** Business value per model, overall, per window and per segment, on `current` (or on `reference` alone). */
export function computeBusinessValue(reference: Dataset, current: Dataset | undefined, config: BusinessValueConfig): BusinessValueAnalysis {
  const data = current ?? reference;
  const warnings: string[] = [];
  for (const column of [config.target, ...config.predictions, ...config.scores, config.unit, config.timestamp, config.segmentColumn])
    if (column !== undefined && column !== config.target && !has(data, column)) missingColumn(data, column);
  if (config.predictions.length === 0 && config.scores.length === 0)
    throw new AnalysisError('missing-prediction', 'business value: no prediction or score column — choose the model’s prediction column(s)');
  if (config.predictions.length > 0 && config.scores.length > 0 && config.scores.length !== config.predictions.length)
    throw new AnalysisError(
      'bad-option',
      `scores: ${config.scores.length} for ${config.predictions.length} prediction columns — give one score per prediction, in the same order`,
    );
  const labelled = has(data, config.target) ? labelColumn(data, config.target) : null;
  const refLabels = has(reference, config.target) ? labelColumn(reference, config.target) : null;
  const predictionLabels = config.predictions.map((c) => labelColumn(data, c));
  const classes = labelsOf(...(labelled ? [labelled] : []), ...(refLabels && current ? [refLabels] : []), ...predictionLabels);
  if (classes.length > 2)
    throw new AnalysisError(
      'not-binary',
      `target "${config.target}": ${classes.length} labels (${classes.slice(0, 6).join(', ')}…) — business value needs a binary classifier`,
    );
  const posLabel = config.posLabel === undefined ? defaultPosLabel(classes.length ? classes : ['1'], []) : normaliseLabel(config.posLabel);
  if (posLabel === null || (classes.length > 0 && !classes.includes(posLabel)))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${String(config.posLabel)} is not a label — labels seen: ${classes.join(', ')}`);
  const threshold = config.threshold ?? 0.5;
  const labels = labelled ? binaryOf(labelled, posLabel) : null;
  const units = config.unit ? numberColumn(data, config.unit) : undefined;
  const rows = Array.from({ length: data.table.numRows }, (_, i) => i);
  const all = units ? rows.filter((i) => Number.isFinite(units[i]!)) : rows;
  if (all.length < rows.length) warnings.push(`${rows.length - all.length} of ${rows.length} rows have no finite unit "${config.unit}" and are left out`);
  const labelledRows = labels ? all.filter((i) => !Number.isNaN(labels[i]!)).length : 0;
  if (labels && labelledRows < all.length)
    warnings.push(`${all.length - labelledRows} of ${all.length} rows have no label: realized value uses the labelled rows`);
  const windows = windowsOf(data, config, all);
  const segments = segmentsOf(data, config.segmentColumn, all);
  const canEstimate = current !== undefined && refLabels !== null;
  if (!labels && !canEstimate)
    throw new AnalysisError(
      'missing-target',
      `target "${config.target}": not in ${data.meta.name} — without labels, choose a labelled reference and a score column to estimate (CBPE)`,
    );

  const predictionsOf = (d: Dataset, k: number): Float64Array => {
    if (config.predictions.length) return binaryOf(labelColumn(d, config.predictions[k]!), posLabel);
    return Float64Array.from(numberColumn(d, config.scores[k]!), (s) => (Number.isNaN(s) ? NaN : s >= threshold ? 1 : 0));
  };
  const count = Math.max(config.predictions.length, config.scores.length);
  const models: ModelValue[] = Array.from({ length: count }, (_, k) => {
    const prediction = config.predictions[k] ?? null;
    const score = config.scores[k] ?? null;
    const pred = predictionsOf(data, k);
    let estimate: ((rows: number[]) => BusinessValueResult) | null = null;
    let calibration: string | null = null;
    if (score !== null && canEstimate) {
      const refScores = numberColumn(reference, score);
      const refPred = predictionsOf(reference, k);
      const refY = binaryOf(refLabels!, posLabel);
      const kept = Array.from({ length: reference.table.numRows }, (_, i) => i).filter(
        (i) => !Number.isNaN(refScores[i]!) && !Number.isNaN(refY[i]!) && !Number.isNaN(refPred[i]!),
      );
      if (kept.length === 0)
        throw new AnalysisError('empty-reference', `reference: no row has a label, a prediction and a score "${score}" — CBPE learns from them`);
      const { decision, calibrate } = cbpeCalibrator(
        Float64Array.from(kept, (i) => refScores[i]!),
        Float64Array.from(kept, (i) => refY[i]!),
        config.calibration ?? 'auto',
      );
      calibration = decision.reason;
      const scores = numberColumn(data, score);
      const p = calibrate(scores);
      estimate = (rows) =>
        businessValue(
          expectedOutcomes(
            p,
            pred,
            rows.filter((i) => !Number.isNaN(scores[i]!) && !Number.isNaN(pred[i]!)),
            units,
          ),
          config.matrix,
          { costPerPrediction: config.costPerPrediction, estimated: true },
        );
    }
    const group = ({ label, rows }: Grouping): ValueGroup => ({
      label,
      rows: rows.length,
      realized: labels ? businessValue(realizedOutcomes(labels, pred, rows, units), config.matrix, { costPerPrediction: config.costPerPrediction }) : null,
      estimated: estimate ? estimate(rows) : null,
    });
    return {
      name: prediction ?? score!,
      prediction,
      score,
      calibration,
      overall: group({ label: 'all rows', rows: all }),
      windows: windows.groups.map(group),
      segments: segments.map(group),
    };
  });
  return {
    posLabel,
    data: { name: data.meta.name, rows: data.table.numRows, labelled: labelledRows },
    reference: current ? { name: reference.meta.name, rows: reference.table.numRows } : null,
    windowBy: windows.by,
    models,
    warnings,
  };
}
