/**
 * GX partition objects (great_expectations/execution_engine/util.py,
 * is_valid_{categorical,continuous}_partition_object): `{values, weights}` with as many values as
 * weights, or `{bins, weights[, tail_weights]}` with one more edge than weights and strictly
 * increasing edges; weights (plus tail weights) sum to 1 as np.allclose judges. JSON has no
 * infinity, so an edge may be written "-Infinity"/"Infinity" (or "-inf"/"inf").
 */

export type Partition =
  { kind: 'categorical'; values: unknown[]; weights: number[] } | { kind: 'continuous'; bins: number[]; weights: number[]; tailWeights?: [number, number] };

const isNumberList = (value: unknown): value is number[] => Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));

function edge(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[+-]?(inf|infinity)$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  return NaN;
}

// np.allclose(sum, 1): |sum − 1| ≤ 1e-8 + 1e-5·1.
const sumsToOne = (weights: readonly number[]) => Math.abs(weights.reduce((s, w) => s + w, 0) - 1) <= 1e-8 + 1e-5;

/** The partition, or the problem with it (as a phrase completing "partition_object …"). */
export function readPartition(value: unknown): Partition | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object with "weights" and "bins" or "values"';
  const p = value as Record<string, unknown>;
  if (!isNumberList(p.weights)) return 'must have "weights": a list of numbers';
  const weights = p.weights;
  if ('bins' in p) {
    const bins = Array.isArray(p.bins) ? p.bins.map(edge) : [];
    if (!Array.isArray(p.bins) || bins.some((b) => Number.isNaN(b))) return 'bins must be a list of numbers ("-Infinity"/"Infinity" for open ends)';
    if (bins.length !== weights.length + 1) return `must have one more bin edge than weights (${bins.length} edges, ${weights.length} weights)`;
    if (bins.some((b, i) => i > 0 && !(b > bins[i - 1]!))) return 'bins must increase strictly';
    let tailWeights: [number, number] | undefined;
    if (p.tail_weights !== undefined) {
      if (!isNumberList(p.tail_weights) || p.tail_weights.length !== 2) return 'tail_weights must be two numbers';
      tailWeights = [p.tail_weights[0]!, p.tail_weights[1]!];
    }
    if (!sumsToOne([...weights, ...(tailWeights ?? [])])) return 'weights (with tail_weights) must sum to 1';
    return { kind: 'continuous', bins, weights, ...(tailWeights ? { tailWeights } : {}) };
  }
  if (!Array.isArray(p.values)) return 'must have "bins" (continuous) or "values" (categorical)';
  if (p.values.length !== weights.length) return `must have as many values as weights (${p.values.length} values, ${weights.length} weights)`;
  if (!sumsToOne(weights)) return 'weights must sum to 1';
  return { kind: 'categorical', values: p.values, weights };
}
