import { parseBoolean } from '../data/infer-type';
import type { Dataset, DatasetMeta } from '../data/types';
import { AnalysisError } from '../errors';
import { normaliseLabel } from '../metrics/labels';

/** Helpers the model kinds share to turn a config and its datasets into columns. */

export const columnsOf = (meta: DatasetMeta) => meta.schema.map((c) => c.name).join(', ');

export function byRole(dataset: Dataset, role: string): string[] {
  return dataset.meta.schema.map((c) => c.name).filter((name) => dataset.meta.roles?.[name] === role);
}

export function required(value: string | undefined, what: string, dataset: Dataset): string {
  if (value === undefined)
    throw new AnalysisError(
      `missing-${what}`,
      `${what}: no column chosen and none has the ${what} role in ${dataset.meta.name} — choose one (columns: ${columnsOf(dataset.meta)})`,
    );
  return value;
}

/** A boolean column's labels are read as "true"/"false": a positive label typed "yes" or "1" means "true". */
export function booleanAware(dataset: Dataset, column: string, label: string): string | null {
  if (dataset.meta.schema.find((c) => c.name === column)?.type !== 'boolean') return normaliseLabel(label);
  // 1/0 are not boolean tokens when reading (such a column is numeric), but typed as a label they mean true/false.
  const parsed = parseBoolean(label) ?? ({ '1': true, '0': false } as Partial<Record<string, boolean>>)[label.trim()];
  return parsed === undefined ? normaliseLabel(label) : String(parsed);
}

/** 1 where the label is the positive one, 0 for another label, NaN where missing. */
export function binary(values: (string | number | null)[], positive: string): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : normaliseLabel(v) === positive ? 1 : 0));
}

/** The checks every model form shares: a probability threshold, distinct target and prediction. */
export function thresholdProblems(config: { threshold?: number; prediction?: string }, { exclusive }: { exclusive: boolean }): string[] {
  const problems: string[] = [];
  if (exclusive && config.threshold !== undefined && config.prediction !== undefined)
    problems.push('A threshold derives predictions from the score: clear the prediction column or the threshold');
  if (config.threshold !== undefined && !(config.threshold >= 0 && config.threshold <= 1)) problems.push('The threshold is a probability: between 0 and 1');
  return problems;
}

export function sameColumnProblem(config: { target?: string; prediction?: string }): string[] {
  return config.target !== undefined && config.target === config.prediction ? ['Target and prediction are the same column: choose the prediction column'] : [];
}
