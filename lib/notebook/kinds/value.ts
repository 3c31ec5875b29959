import { valueMatrixProblems } from '../../compare/business-value';
import type { ValueMatrix } from '../../compare/types';
import { computeBusinessValue, type BusinessValueAnalysis } from '../../compare/value-analysis';
import type { CalibrationMode } from '../../metrics/cbpe-calibration';
import type { WindowOption } from '../../metrics/time-windows';
import { booleanAware, byRole, required } from '../model-inputs';
import { need, type CellKindSpec } from '../types';

export { valueRows, valueSettingsNote, VALUE_COLUMNS, type ValueRow } from '../view/value-rows';

/** The Business value cell: which models, the value of each outcome, the serving cost, and how to split the rows. */
export interface ValueCellConfig {
  target?: string;
  /** Prediction columns, one per model (default: the prediction column by role). */
  predictions?: string[];
  /** Score columns: to estimate without labels (CBPE), one per prediction column in order; alone, predictions are score ≥ threshold. */
  scores?: string[];
  posLabel?: string;
  threshold?: number;
  /** Value of each outcome, per row (or per unit of `unit`); negative for a cost. */
  matrix: ValueMatrix;
  unit?: string;
  costPerPrediction?: number;
  timestamp?: string;
  window?: WindowOption;
  chunks?: number;
  segmentColumn?: string;
  calibration?: CalibrationMode;
}

export interface ValueCellResult extends BusinessValueAnalysis {
  kind: 'value';
  columns: { target: string; predictions: string[]; scores: string[]; unit: string | null; timestamp: string | null; segment: string | null };
  matrix: ValueMatrix;
  costPerPrediction: number | null;
}

/** A starting matrix: a caught positive earns 1, a false alarm and a miss cost 1, a true negative is neutral. */
export const DEFAULT_VALUE_MATRIX: ValueMatrix = { tp: 1, fp: -1, tn: 0, fn: -1 };

export const valueKind: CellKindSpec<'value', ValueCellConfig, ValueCellResult> = {
  kind: 'value',
  label: 'Business value',
  description: 'Value of TP/FP/TN/FN → total, per prediction and ROI per model, window and segment; estimated without labels (CBPE)',
  inputs: { required: ['reference'], optional: ['current'], labels: { reference: 'labelled data (or CBPE reference)', current: 'data to value' } },
  defaultConfig: () => ({ matrix: { ...DEFAULT_VALUE_MATRIX } }),
  validate(config) {
    const problems = valueMatrixProblems(config.matrix, config.costPerPrediction);
    if (config.threshold !== undefined && !(config.threshold >= 0 && config.threshold <= 1)) problems.push('The threshold is a probability: between 0 and 1');
    if (config.chunks !== undefined && (!Number.isInteger(config.chunks) || config.chunks < 1 || config.chunks > 50))
      problems.push('Chunks: a whole number from 1 to 50');
    return problems;
  },
  async compute(input, config) {
    const reference = need(input, 'reference');
    const current = input.current;
    const target = required(config.target ?? byRole(reference, 'target')[0], 'target', reference);
    const scores = config.scores ?? (config.threshold !== undefined ? byRole(reference, 'score').slice(0, 1) : []);
    const predictions = config.predictions ?? (config.threshold !== undefined ? [] : byRole(reference, 'prediction').slice(0, 1));
    const posLabel = config.posLabel === undefined ? undefined : (booleanAware(reference, target, config.posLabel) ?? config.posLabel);
    const analysis = computeBusinessValue(reference, current, {
      target,
      predictions,
      scores,
      matrix: config.matrix,
      ...(posLabel === undefined ? {} : { posLabel }),
      ...(config.threshold === undefined ? {} : { threshold: config.threshold }),
      ...(config.unit ? { unit: config.unit } : {}),
      ...(config.costPerPrediction === undefined ? {} : { costPerPrediction: config.costPerPrediction }),
      ...(config.timestamp ? { timestamp: config.timestamp, window: config.window ?? 'auto' } : {}),
      ...(config.chunks === undefined ? {} : { chunks: config.chunks }),
      ...(config.segmentColumn ? { segmentColumn: config.segmentColumn } : {}),
      ...(config.calibration ? { calibration: config.calibration } : {}),
    });
    return {
      kind: 'value',
      columns: {
        target,
        predictions,
        scores,
        unit: config.unit ?? null,
        timestamp: config.timestamp ?? null,
        segment: config.segmentColumn ?? null,
      },
      matrix: config.matrix,
      costPerPrediction: config.costPerPrediction ?? null,
      ...analysis,
    };
  },
  capabilities: { autoRun: true },
};
