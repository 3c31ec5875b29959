import type { DatasetMeta } from '../data/types';
import { AnalysisError } from '../errors';
import { computeFairness } from '../fairness/fairness';
import type { FairnessResult, OddsAggregation, ParityMethod, ThresholdCriterion } from '../fairness/types';
import { estimatePerformanceCbpe, type CbpeResult } from './cbpe';
import type { CalibrationMode } from './cbpe-calibration';
import { labelsOf, normaliseLabel } from './labels';
import { labelColumn, modelQuality, numberColumn, resolveModelColumns, timestampColumn, type ModelDataset, type ModelQualityResult } from './model-columns';
import { computeOperationalMetrics, type OperationalResult } from './operational';
import { computeRegressionMetrics } from './compute-regression';
import { defaultPosLabel } from './labels';
import type { WindowOption } from './time-windows';
import { parseBoolean } from '../data/infer-type';

/** Classification quality cell: the columns (default: by role) and how predictions are read. */
export interface ClassificationCellConfig {
  target?: string;
  prediction?: string;
  score?: string[];
  task?: 'classification' | 'binary' | 'multiclass';
  posLabel?: string;
  /** Predict positive when score ≥ threshold, instead of reading the prediction column. */
  threshold?: number;
}

export interface RegressionCellConfig {
  target?: string;
  prediction?: string;
  /** A categorical column: error per value (count, MAE, RMSE, mean error). */
  segment?: string;
  /** A numeric column: mean error per bin of it. */
  feature?: string;
}

export interface OperationalCellConfig {
  /** Latency column in milliseconds; default the first column whose name mentions latency. */
  latency?: string;
  timestamp?: string;
  slaMs?: number;
  window?: WindowOption;
}

export interface EstimatedCellConfig {
  target?: string;
  score?: string;
  prediction?: string;
  posLabel?: string;
  threshold?: number;
  calibration?: CalibrationMode;
  /** Estimates per chunk of the current data: a number of equal row chunks (default 8; NannyML's CountBasedChunker)… */
  chunks?: number;
  /** …or chunks of this many rows (NannyML's SizeBasedChunker; wins over `chunks`)… */
  chunkSize?: number;
  /** …or time windows of this timestamp column instead. */
  timestamp?: string;
  window?: WindowOption;
}

export interface FairnessCellConfig {
  target?: string;
  prediction?: string;
  sensitive?: string[];
  posLabel?: string;
  method?: ParityMethod;
  agg?: OddsAggregation;
  weight?: string;
  score?: string;
  referenceGroup?: string;
  /** Rates with a zero denominator: 0 as Fairlearn/sklearn (default), or null and left out of the aggregates. */
  undefinedRates?: 'zero' | 'null';
  /** Per-group thresholds (with a score) equalise this rate: TPR (default) or selection rate. */
  thresholdCriterion?: ThresholdCriterion;
  /** Predictions from the score (score ≥ threshold → positive label) instead of a prediction column. */
  threshold?: number;
}

export interface OperationalSide extends OperationalResult {
  name: string;
  rows: number;
}

export interface OperationalCellResult {
  kind: 'operational';
  columns: { latency: string; timestamp: string | null };
  slaMs: number;
  reference: OperationalSide;
  current?: OperationalSide;
}

export interface EstimatedCellResult {
  kind: 'estimated';
  columns: { target: string; score: string; prediction: string | null };
  posLabel: string;
  reference: { name: string; rows: number };
  current: { name: string; rows: number; labelled: boolean };
  /** How the current data was chunked: row ranges, or time windows (chunk start/end in ms since the epoch). */
  chunkBy: 'count' | 'time';
  cbpe: CbpeResult;
}

export interface FairnessCellResult {
  kind: 'fairness';
  columns: { target: string; prediction: string; sensitive: string[]; weight: string | null; score: string | null };
  reference: FairnessResult & { name: string };
  current?: FairnessResult & { name: string };
}

export type ModelQualityCellResult = ModelQualityResult;

const DEFAULT_SLA_MS = 200;

const columnsOf = (meta: DatasetMeta) => meta.schema.map((c) => c.name).join(', ');

function byRole(dataset: ModelDataset, role: string): string[] {
  return dataset.meta.schema.map((c) => c.name).filter((name) => dataset.meta.roles?.[name] === role);
}

function required(value: string | undefined, what: string, dataset: ModelDataset): string {
  if (value === undefined)
    throw new AnalysisError(
      `missing-${what}`,
      `${what}: no column chosen and none has the ${what} role in ${dataset.meta.name} — choose one (columns: ${columnsOf(dataset.meta)})`,
    );
  return value;
}

export function classificationCell(reference: ModelDataset, current: ModelDataset | undefined, config: ClassificationCellConfig): ModelQualityResult {
  const target = resolveModelColumns(reference, { target: config.target }).target;
  // A boolean target's labels are "true"/"false": a positive label typed "yes" or "1" means "true".
  const posLabel =
    config.posLabel !== undefined && target !== undefined ? (booleanAware(reference, target, config.posLabel) ?? config.posLabel) : config.posLabel;
  return modelQuality(reference, current, { ...config, ...(posLabel === undefined ? {} : { posLabel }), task: config.task ?? 'classification' });
}

export function regressionCell(reference: ModelDataset, current: ModelDataset | undefined, config: RegressionCellConfig): ModelQualityResult {
  const { segment, feature, ...columns } = config;
  const base = modelQuality(reference, current, { ...columns, task: 'regression' });
  if (!segment && !feature) return base;
  // The same metrics (same inputs) plus the error by segment and against the feature.
  const metrics = (d: ModelDataset) =>
    computeRegressionMetrics({
      target: numberColumn(d, base.columns.target),
      prediction: numberColumn(d, base.columns.prediction!),
      segments: segment ? [{ name: segment, values: labelColumn(d, segment) }] : [],
      features: feature ? [{ name: feature, values: numberColumn(d, feature) }] : [],
    });
  return {
    ...base,
    reference: { ...base.reference, metrics: metrics(reference) },
    ...(current && base.current ? { current: { ...base.current, metrics: metrics(current) } } : {}),
  };
}

export function operationalCell(reference: ModelDataset, current: ModelDataset | undefined, config: OperationalCellConfig): OperationalCellResult {
  // By name only: a latency column with few distinct values is typed categorical, yet holds numbers.
  const latency = config.latency ?? reference.meta.schema.find((c) => /latency|duration|elapsed|response_?time/i.test(c.name))?.name;
  if (!latency)
    throw new AnalysisError(
      'missing-latency',
      `latency: no column chosen and none is named like latency in ${reference.meta.name} — choose the column holding latencies in ms (columns: ${columnsOf(reference.meta)})`,
    );
  const timestamp = config.timestamp ?? byRole(reference, 'timestamp')[0] ?? null;
  const slaMs = config.slaMs ?? DEFAULT_SLA_MS;
  const side = (d: ModelDataset): OperationalSide => {
    const has = timestamp !== null && d.meta.schema.some((c) => c.name === timestamp);
    const metrics = computeOperationalMetrics(numberColumn(d, latency), {
      slaMs,
      ...(has ? { timestamps: timestampColumn(d, timestamp) } : {}),
      window: config.window ?? 'auto',
    });
    return { ...metrics, name: d.meta.name, rows: d.table.numRows };
  };
  return { kind: 'operational', columns: { latency, timestamp }, slaMs, reference: side(reference), ...(current ? { current: side(current) } : {}) };
}

/** A boolean column's labels are read as "true"/"false": a positive label typed "yes" or "1" means "true". */
function booleanAware(dataset: ModelDataset, column: string, label: string): string | null {
  if (dataset.meta.schema.find((c) => c.name === column)?.type !== 'boolean') return normaliseLabel(label);
  const parsed = parseBoolean(label);
  return parsed === undefined ? normaliseLabel(label) : String(parsed);
}

/** 1 where the label is the positive one, 0 for another label, NaN where missing. */
function binary(values: (string | number | null)[], positive: string): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : normaliseLabel(v) === positive ? 1 : 0));
}

export function estimatedCell(reference: ModelDataset, current: ModelDataset, config: EstimatedCellConfig): EstimatedCellResult {
  const resolved = resolveModelColumns(reference, { ...config, score: config.score ? [config.score] : undefined });
  const target = required(resolved.target, 'target', reference);
  const score = required(resolved.score[0], 'score', reference);
  const prediction = config.threshold === undefined ? (resolved.prediction ?? null) : null;
  const refLabels = labelColumn(reference, target);
  const hasTarget = current.meta.schema.some((c) => c.name === target);
  const curLabels = hasTarget ? labelColumn(current, target) : undefined;
  const classes = labelsOf(refLabels, ...(curLabels ? [curLabels] : []));
  if (classes.length > 2)
    throw new AnalysisError(
      'not-binary',
      `target "${target}": ${classes.length} labels (${classes.slice(0, 6).join(', ')}…) — performance estimation (CBPE) is for binary classifiers`,
    );
  const posLabel = config.posLabel === undefined ? defaultPosLabel(classes, []) : booleanAware(reference, target, config.posLabel);
  if (posLabel === null || !classes.includes(posLabel))
    throw new AnalysisError('unknown-pos-label', `pos_label: ${String(config.posLabel)} is not a label — labels seen: ${classes.join(', ')}`);
  const predictionsOf = (d: ModelDataset) => (prediction === null ? undefined : binary(labelColumn(d, prediction), posLabel));
  const refPred = predictionsOf(reference);
  const curPred = predictionsOf(current);
  const cbpe = estimatePerformanceCbpe(
    { scores: numberColumn(reference, score), labels: binary(refLabels, posLabel), ...(refPred ? { predictions: refPred } : {}) },
    {
      scores: numberColumn(current, score),
      ...(curLabels ? { labels: binary(curLabels, posLabel) } : {}),
      ...(curPred ? { predictions: curPred } : {}),
      ...(config.timestamp ? { timestamps: timestampColumn(current, config.timestamp) } : {}),
    },
    {
      threshold: config.threshold ?? 0.5,
      calibration: config.calibration ?? 'auto',
      chunks: config.timestamp
        ? { by: 'time', window: config.window ?? 'auto' }
        : config.chunkSize !== undefined
          ? { by: 'size', size: config.chunkSize }
          : { by: 'count', count: config.chunks ?? 8 },
    },
  );
  return {
    kind: 'estimated',
    columns: { target, score, prediction },
    posLabel,
    reference: { name: reference.meta.name, rows: reference.table.numRows },
    current: { name: current.meta.name, rows: current.table.numRows, labelled: hasTarget },
    chunkBy: config.timestamp ? 'time' : 'count',
    cbpe,
  };
}

export function fairnessCell(reference: ModelDataset, current: ModelDataset | undefined, config: FairnessCellConfig): FairnessCellResult {
  const fromScore = config.threshold !== undefined;
  const resolved = resolveModelColumns(reference, {
    target: config.target,
    ...(fromScore ? {} : { prediction: config.prediction }),
    score: config.score ? [config.score] : [],
  });
  const target = required(resolved.target, 'target', reference);
  const sensitive = config.sensitive?.length ? config.sensitive : byRole(reference, 'sensitive').slice(0, 2);
  if (sensitive.length === 0 || sensitive.length > 2) {
    throw new AnalysisError('missing-sensitive', `sensitive: choose one or two sensitive columns (e.g. sex, race) — columns: ${columnsOf(reference.meta)}`);
  }
  const score = config.score ?? null;
  let predictionsOf: (d: ModelDataset) => (string | number | null)[];
  let prediction: string;
  let posLabel: string | undefined = config.posLabel === undefined ? undefined : (booleanAware(reference, target, config.posLabel) ?? config.posLabel);
  if (fromScore) {
    const t = config.threshold!;
    if (!score) throw new AnalysisError('missing-score', `threshold: ${t} derives predictions from a score — choose the score column too`);
    if (!(t >= 0 && t <= 1)) throw new AnalysisError('bad-threshold', `threshold: ${t} — give a probability between 0 and 1`);
    const classes = labelsOf(...[reference, ...(current ? [current] : [])].map((d) => labelColumn(d, target)));
    if (classes.length > 2) throw new AnalysisError('not-binary', `target "${target}": ${classes.length} labels — group fairness needs a binary target`);
    const positive = config.posLabel === undefined ? defaultPosLabel(classes, []) : booleanAware(reference, target, config.posLabel);
    if (positive === null)
      throw new AnalysisError('missing-pos-label', `pos_label: none given and none can be guessed from ${classes.join(', ')} — type the positive label`);
    const negative = classes.find((c) => c !== positive) ?? `not ${positive}`;
    posLabel = positive;
    prediction = `${score} ≥ ${t}`;
    predictionsOf = (d) => Array.from(numberColumn(d, score), (v) => (Number.isNaN(v) ? null : v >= t ? positive : negative));
  } else {
    const column = required(resolved.prediction, 'prediction', reference);
    prediction = column;
    predictionsOf = (d) => labelColumn(d, column);
  }
  const side = (d: ModelDataset) => ({
    ...computeFairness(
      {
        yTrue: labelColumn(d, target),
        yPred: predictionsOf(d),
        sensitive: sensitive.map((name) => ({ name, values: labelColumn(d, name) })),
        ...(config.weight ? { sampleWeight: numberColumn(d, config.weight) } : {}),
        ...(score ? { scores: numberColumn(d, score) } : {}),
      },
      {
        ...(posLabel === undefined ? {} : { posLabel }),
        ...(config.method ? { method: config.method } : {}),
        ...(config.agg ? { agg: config.agg } : {}),
        ...(config.referenceGroup ? { referenceGroup: config.referenceGroup } : {}),
        ...(config.undefinedRates ? { undefinedRates: config.undefinedRates } : {}),
        thresholds: score ? { criterion: config.thresholdCriterion ?? 'tpr', ...(fromScore ? { baseThreshold: config.threshold } : {}) } : false,
      },
    ),
    name: d.meta.name,
  });
  return {
    kind: 'fairness',
    columns: { target, prediction, sensitive, weight: config.weight ?? null, score },
    reference: side(reference),
    ...(current ? { current: side(current) } : {}),
  };
}
