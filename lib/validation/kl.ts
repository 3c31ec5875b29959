/**
 * expect_column_kl_divergence_to_be_less_than as GX 1.x computes it
 * (great_expectations/expectations/core/expect_column_kl_divergence_to_be_less_than.py, `_validate`):
 * KL = scipy.stats.entropy(observed, expected), natural log, both renormalised. Categorical: the
 * observed share of each value, values outside the partition share `tail_weight_holdout` (the
 * expected weights scaled by 1 − holdout). Continuous: np.histogram counts over the bins, values
 * below the first / above the last edge as tails, expected weights scaled by
 * 1 − tail − internal holdout, zero-weight bins sharing `internal_weight_holdout`, the tail
 * holdout split between the open ends. An infinite or NaN divergence is observed_value null and fails.
 */
import { AnalysisError } from '../errors';
import { histogramCounts, lowerBound, upperBound } from '../stats/histogram';
import { klDivergence } from '../stats/divergence';
import type { ExpectationOutcome } from './context';
import { comparePython, type GxColumn, type GxValue } from './column-values';
import { valueKey } from './expectations/map';
import { readPartition, type Partition } from './partition';

const fail = (message: string) => new AnalysisError('bad-kwarg', message);

function outcome(kl: number, threshold: number | null, details: Record<string, unknown>): ExpectationOutcome {
  const finite = Number.isFinite(kl);
  // GX: success = kl <= threshold (False for NaN, False for inf unless the threshold is inf); no threshold passes.
  const success = threshold === null ? true : kl <= threshold;
  return { success, result: { observed_value: finite ? kl : null, details } };
}

function categorical(partition: Extract<Partition, { kind: 'categorical' }>, column: GxColumn, tail: number, threshold: number | null): ExpectationOutcome {
  const counts = new Map<string, { value: GxValue; count: number }>();
  let nonnull = 0;
  for (const v of column.values) {
    if (v === null) continue;
    nonnull++;
    const key = valueKey(v);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value: v, count: 1 });
  }
  // pd.concat([expected, observed], axis=1): the partition's values, then unexpected observed values in value order.
  const rows: { value: unknown; expected: number | null; count: number }[] = partition.values.map((value, i) => ({
    value,
    expected: partition.weights[i]!,
    count: counts.get(valueKey(value))?.count ?? 0,
  }));
  const known = new Set(partition.values.map(valueKey));
  const extra = [...counts.values()].filter((c) => !known.has(valueKey(c.value))).sort((a, b) => comparePython(a.value, b.value));
  for (const c of extra) rows.push({ value: c.value, expected: null, count: c.count });
  // pandas fills the observed share of an unseen value with 0 (and an all-null column has only zeros).
  const pk = rows.map((r) => (nonnull > 0 ? r.count / nonnull : 0));
  const qk = extra.length > 0 ? rows.map((r) => (r.expected === null ? tail / extra.length : r.expected * (1 - tail))) : rows.map((r) => r.expected!);
  const values = rows.map((r) => r.value);
  return outcome(klDivergence(pk, qk), threshold, { observed_partition: { values, weights: pk }, expected_partition: { values, weights: qk } });
}

function continuous(
  partition: Extract<Partition, { kind: 'continuous' }>,
  column: GxColumn,
  tail: number,
  internal: number,
  threshold: number | null,
): ExpectationOutcome {
  if (!column.numeric) throw new AnalysisError('not-numeric', `column "${column.name}" is not numeric: a continuous partition (bins) needs numbers`);
  const sorted = Float64Array.from(column.values.filter((v) => v !== null) as number[]).sort();
  const n = sorted.length;
  const { bins } = partition;
  // np.histogram: [e_i, e_i+1) and the last bin closed; below = x < first edge, above = x > last edge.
  const observed = Array.from(histogramCounts(sorted, bins), (c) => c / n);
  const below = lowerBound(sorted, bins[0]!) / n;
  const above = (n - upperBound(sorted, bins[bins.length - 1]!)) / n;
  const expected = partition.weights.map((w) => w * (1 - tail - internal));
  if (internal > 0) {
    const zeros = expected.filter((w) => w === 0).length;
    if (zeros > 0) expected.forEach((w, i) => (expected[i] = w === 0 ? internal / zeros : w));
  }
  const lowOpen = bins[0] === -Infinity;
  const highOpen = bins[bins.length - 1] === Infinity;
  if ((lowOpen || highOpen) && partition.tailWeights) throw fail('There can be no tail weights for partitions with one or both endpoints at infinity');
  if (lowOpen && highOpen && tail > 0) throw fail('tail_weight_holdout cannot be used for partitions with infinite endpoints.');
  let comb: { observed: number[]; expected: number[] };
  let details: { bins: number[]; observed: number[]; expected: number[]; observedTails: number[]; expectedTails: number[] };
  if (lowOpen && highOpen) {
    comb = { observed, expected };
    details = {
      bins: bins.slice(1, -1),
      observed: observed.slice(1, -1),
      expected: expected.slice(1, -1),
      observedTails: [observed[0]!, observed.at(-1)!],
      expectedTails: [expected[0]!, expected.at(-1)!],
    };
  } else if (lowOpen) {
    comb = { observed: [...observed, above], expected: [...expected, tail] };
    details = {
      bins: bins.slice(1),
      observed: observed.slice(1),
      expected: expected.slice(1),
      observedTails: [observed[0]!, above],
      expectedTails: [expected[0]!, tail],
    };
  } else if (highOpen) {
    comb = { observed: [below, ...observed], expected: [tail, ...expected] };
    details = {
      bins: bins.slice(0, -1),
      observed: observed.slice(0, -1),
      expected: expected.slice(0, -1),
      observedTails: [below, observed.at(-1)!],
      expectedTails: [tail, expected.at(-1)!],
    };
  } else {
    const tails = partition.tailWeights ?? [tail / 2, tail / 2];
    comb = { observed: [below, ...observed, above], expected: [tails[0], ...expected, tails[1]] };
    details = { bins, observed, expected, observedTails: [below, above], expectedTails: [...tails] };
  }
  return outcome(klDivergence(comb.observed, comb.expected), threshold, {
    observed_partition: { bins: details.bins, weights: details.observed, tail_weights: details.observedTails },
    expected_partition: { bins: details.bins, weights: details.expected, tail_weights: details.expectedTails },
  });
}

/** Runs the expectation on a column (kwargs already checked against the spec). */
export function klOutcome(kwargs: Readonly<Record<string, unknown>>, column: GxColumn): ExpectationOutcome {
  const partition = readPartition(kwargs.partition_object);
  if (typeof partition === 'string') throw fail(`partition_object ${partition}`);
  const threshold = typeof kwargs.threshold === 'number' ? kwargs.threshold : null;
  if (threshold !== null && threshold < 0) throw fail('Threshold must be specified, greater than or equal to zero.');
  const tail = typeof kwargs.tail_weight_holdout === 'number' ? kwargs.tail_weight_holdout : 0;
  const internal = typeof kwargs.internal_weight_holdout === 'number' ? kwargs.internal_weight_holdout : 0;
  if (tail < 0 || tail > 1) throw fail('tail_weight_holdout must be between zero and one.');
  if (internal < 0 || internal > 1) throw fail('internal_weight_holdout must be between zero and one.');
  if (partition.kind === 'continuous' && partition.tailWeights && tail !== 0)
    throw fail('tail_weight_holdout must be 0 when using tail_weights in partition object');
  if (partition.kind === 'categorical') {
    if (internal > 0) throw fail('Internal weight holdout cannot be used for discrete data.');
    return categorical(partition, column, tail, threshold);
  }
  if (kwargs.bucketize_data === false)
    throw fail('KL Divergence cannot be computed with a continuous partition object and the bucketize_data parameter set to false.');
  return continuous(partition, column, tail, internal, threshold);
}
