/** Checks one kwarg's value against its type (lib/validation/kwargs.ts): the problem, or null. */
import type { KwargSpec } from './kwargs';

const isStringList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isNumberList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));

/** A partition object: {bins, weights[, tail_weights]} (continuous) or {values, weights} (categorical). */
function partitionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object with "weights" and "bins" or "values"';
  const p = value as Record<string, unknown>;
  if (!isNumberList(p.weights)) return 'must have "weights": a list of numbers';
  const weights = p.weights as number[];
  if (weights.some((w) => w < 0)) return 'weights must not be negative';
  if ('bins' in p) {
    if (!isNumberList(p.bins)) return 'bins must be a list of numbers';
    const bins = p.bins as number[];
    if (bins.length !== weights.length + 1) return `must have one more bin edge than weights (${bins.length} edges, ${weights.length} weights)`;
    if (bins.some((b, i) => i > 0 && b < bins[i - 1]!)) return 'bins must be sorted ascending';
    if (p.tail_weights !== undefined && !(isNumberList(p.tail_weights) && (p.tail_weights as number[]).length === 2)) return 'tail_weights must be two numbers';
    return null;
  }
  if (!Array.isArray(p.values)) return 'must have "bins" (continuous) or "values" (categorical)';
  if (p.values.length !== weights.length) return `must have as many values as weights (${p.values.length} values, ${weights.length} weights)`;
  return null;
}

export function checkKwargValue(spec: KwargSpec, value: unknown): string | null {
  const nullable = !spec.required;
  if (value === null && nullable) return null;
  switch (spec.type) {
    case 'column':
      return typeof value === 'string' && value !== '' ? null : 'must be a column name (a non-empty string)';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be an integer';
    case 'bound':
      return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string' ? null : 'must be a number, a string or null';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'mostly':
      return typeof value === 'number' && value >= 0 && value <= 1 ? null : 'must be a number between 0 and 1';
    case 'regex':
      return typeof value === 'string' ? null : 'must be a string (a Python regular expression)';
    case 'values':
      return Array.isArray(value) ? null : 'must be a list of values';
    case 'columns':
      return isStringList(value) ? null : 'must be a list of column names';
    case 'partition':
      return partitionProblem(value);
  }
}
