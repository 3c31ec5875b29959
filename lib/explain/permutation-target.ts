/** The target permutation importance scores against: 0/1 for classification metrics (the positive label), numbers otherwise. */
import { readLabels, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { isClassificationMetric } from './permutation';
import type { PermutationMetric } from './types';

/** Default positive label: 1 for numeric labels, "1" or "true" for text (case-insensitive). */
function isDefaultPositive(label: string | number): boolean {
  return typeof label === 'number' ? label === 1 : ['1', 'true'].includes(label.toLowerCase());
}

export function readTarget(dataset: Dataset, target: string, metric: PermutationMetric, positiveLabel?: string): Float64Array {
  if (!dataset.meta.schema.some((c) => c.name === target)) {
    throw new AnalysisError('missing-column', `permutation importance: target column "${target}" is not in ${dataset.meta.name}`);
  }
  if (!isClassificationMetric(metric)) {
    const y = readNumbers(dataset.table, target);
    const bad = y.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new AnalysisError('missing-target', `permutation importance: target "${target}" has no number at row ${bad} of ${dataset.meta.name}`);
    return y;
  }
  const labels = readLabels(dataset.table, target);
  const missing = labels.indexOf(null);
  if (missing >= 0)
    throw new AnalysisError('missing-target', `permutation importance: target "${target}" is missing at row ${missing} of ${dataset.meta.name}`);
  return Float64Array.from(labels, (l) => ((positiveLabel === undefined ? isDefaultPositive(l!) : String(l) === positiveLabel) ? 1 : 0));
}
