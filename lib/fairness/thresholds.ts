import { AnalysisError } from '../errors';
import { confusionByGroup, ratesOf } from './group-metrics';
import { combineOdds, differenceOf } from './parity';
import type { PreparedData } from './prepare';
import type {
  OddsAggregation,
  ParityMethod,
  RateSet,
  ThresholdCriterion,
  ThresholdGroup,
  ThresholdOptions,
  ThresholdOutcome,
  ThresholdResult,
  UndefinedRatePolicy,
} from './types';

const CANDIDATES: Record<ThresholdCriterion, string> = {
  tpr: 'TPR is closest to the target; candidates are the scores of the group’s positive rows',
  selection_rate: 'selection rate is closest to the target; candidates are the group’s scores',
};

/** One line per criterion, returned with the result so the trade-off can be read with its method. */
function describeAlgorithm(criterion: ThresholdCriterion): string {
  return (
    `Per group, the threshold t (positive when score ≥ t) whose ${CANDIDATES[criterion]} plus one just above its highest score; ` +
    'ties go to the t nearest the base threshold, then the higher t. "before" predicts positive when score ≥ the base threshold. ' +
    'A deterministic post-processing, not Fairlearn’s randomised ThresholdOptimizer.'
  );
}

export interface ThresholdContext {
  method: ParityMethod;
  agg: OddsAggregation;
  policy: UndefinedRatePolicy;
}

/** The smallest double above x (numpy nextafter(x, inf)): a threshold that selects nothing. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] = bits[0]! + (x > 0 ? 1n : -1n);
  return buf[0]!;
}

/** Share of the eligible rows' weight with score ≥ t, from cumulative sums in (score desc, row) order. */
interface RateCurve {
  /** Distinct scores, descending, and the rate at each as a threshold. */
  thresholds: number[];
  rates: number[];
  /** Rate at an arbitrary threshold. */
  at(t: number): number;
}

function rateCurve(order: readonly number[], score: Float64Array, weight: Float64Array): RateCurve | null {
  const cum: number[] = [];
  let s = 0;
  for (const i of order) cum.push((s += weight[i]!));
  const total = s;
  if (order.length === 0 || total === 0) return null;
  const thresholds: number[] = [];
  const rates: number[] = [];
  order.forEach((i, k) => {
    const next = order[k + 1];
    if (next === undefined || score[next]! !== score[i]!) {
      thresholds.push(score[i]!);
      rates.push(cum[k]! / total);
    }
  });
  const at = (t: number): number => {
    let last = -1;
    while (last + 1 < order.length && score[order[last + 1]!]! >= t) last++;
    return last < 0 ? 0 : cum[last]! / total;
  };
  return { thresholds, rates, at };
}

function outcome(rates: RateSet[], overall: RateSet, ctx: ThresholdContext): ThresholdOutcome {
  const col = (k: 'selection_rate' | 'tpr' | 'fpr'): (number | null)[] => rates.map((r) => r[k]);
  const tprDiff = differenceOf(col('tpr'), overall.tpr, ctx.method);
  const fprDiff = differenceOf(col('fpr'), overall.fpr, ctx.method);
  return {
    accuracy: overall.accuracy,
    demographic_parity_difference: differenceOf(col('selection_rate'), overall.selection_rate, ctx.method),
    equal_opportunity_difference: tprDiff,
    equalized_odds_difference: combineOdds([tprDiff, fprDiff], ctx.agg, 'difference'),
  };
}

/**
 * Per-group decision thresholds on the scores that bring every group's TPR (or selection rate)
 * closest to one common target, with the before/after rates, accuracy and parity differences.
 */
export function computeThresholds(
  data: PreparedData,
  scores: ArrayLike<number | null>,
  options: ThresholdOptions,
  ctx: ThresholdContext,
  warnings: string[],
): ThresholdResult | null {
  const { criterion = 'tpr', baseThreshold = 0.5, target: chosenTarget } = options;
  if (criterion !== 'tpr' && criterion !== 'selection_rate') {
    throw new AnalysisError('bad-option', `thresholds.criterion: ${JSON.stringify(criterion)} — use "tpr" or "selection_rate"`);
  }
  if (!Number.isFinite(baseThreshold)) throw new AnalysisError('bad-option', `thresholds.baseThreshold: ${baseThreshold} — give a finite score`);
  if (chosenTarget !== undefined && !(chosenTarget >= 0 && chosenTarget <= 1)) {
    throw new AnalysisError('bad-option', `thresholds.target: ${chosenTarget} — give a rate between 0 and 1`);
  }
  // Scored rows only: a missing or non-finite score leaves the row out of this analysis.
  const used: number[] = [];
  const score = new Float64Array(data.rows.length);
  data.rows.forEach((row, i) => {
    const s = scores[row];
    score[i] = s === null || s === undefined ? NaN : s;
    if (Number.isFinite(score[i]!)) used.push(i);
  });
  const missing = data.rows.length - used.length;
  if (missing > 0) warnings.push(`thresholds: ${missing} rows have no finite score and are left out of the threshold analysis`);
  const eligible = (i: number): boolean => criterion === 'selection_rate' || data.yTrue[i] === 1;
  const byScore = [...used].sort((a, b) => score[b]! - score[a]! || a - b);

  const overallCurve = rateCurve(byScore.filter(eligible), score, data.weight);
  const target = chosenTarget ?? overallCurve?.at(baseThreshold) ?? null;
  if (target === null) {
    warnings.push(`thresholds: not computed — ${criterion === 'tpr' ? 'no scored row has a positive label' : 'no scored rows'} to set a target rate from`);
    return null;
  }

  const groupCount = data.groups.length;
  const thresholds: (number | null)[] = data.groups.map((g, gi) => {
    const inGroup = byScore.filter((i) => data.groupOf[i] === gi);
    if (inGroup.length === 0) return null;
    const curve = rateCurve(inGroup.filter(eligible), score, data.weight);
    if (!curve) {
      warnings.push(
        `thresholds: group ${JSON.stringify(g.group)} has no ${criterion === 'tpr' ? 'scored positive rows' : 'scored weight'} — kept at the base threshold`,
      );
      return baseThreshold;
    }
    const candidates = [nextUp(score[inGroup[0]!]!), ...curve.thresholds];
    const rates = [0, ...curve.rates];
    // Pick the rate closest to the target; ties → t nearest the base, then the higher t (candidates run high → low).
    let best = 0;
    for (let k = 1; k < candidates.length; k++) {
      const d = Math.abs(rates[k]! - target);
      const dBest = Math.abs(rates[best]! - target);
      const nearer = Math.abs(candidates[k]! - baseThreshold) < Math.abs(candidates[best]! - baseThreshold);
      if (d < dBest || (d === dBest && nearer)) best = k;
    }
    return candidates[best]!;
  });

  const yTrue = Uint8Array.from(used, (i) => data.yTrue[i]!);
  const weight = Float64Array.from(used, (i) => data.weight[i]!);
  const groupOf = Int32Array.from(used, (i) => data.groupOf[i]!);
  const before = Uint8Array.from(used, (i) => (score[i]! >= baseThreshold ? 1 : 0));
  const after = Uint8Array.from(used, (i) => (score[i]! >= (thresholds[data.groupOf[i]!] ?? Infinity) ? 1 : 0));
  const tableBefore = confusionByGroup(yTrue, before, weight, groupOf, groupCount);
  const tableAfter = confusionByGroup(yTrue, after, weight, groupOf, groupCount);
  const ratesBefore = tableBefore.byGroup.map((c) => ratesOf(c, ctx.policy));
  const ratesAfter = tableAfter.byGroup.map((c) => ratesOf(c, ctx.policy));
  const key = criterion === 'tpr' ? 'tpr' : 'selection_rate';
  // Groups without scored rows are left out of the comparison (they have no rates).
  const present = data.groups.map((_, gi) => tableBefore.byGroup[gi]!.count > 0);
  const groups: ThresholdGroup[] = data.groups.flatMap((g, gi) =>
    present[gi]
      ? [
          {
            group: g.group,
            values: g.values,
            count: tableBefore.byGroup[gi]!.count,
            threshold: thresholds[gi] ?? null,
            rate_before: ratesBefore[gi]![key],
            rate_after: ratesAfter[gi]![key],
            before: ratesBefore[gi]!,
            after: ratesAfter[gi]!,
          },
        ]
      : [],
  );
  return {
    algorithm: describeAlgorithm(criterion),
    criterion,
    base_threshold: baseThreshold,
    target,
    rows: used.length,
    missing_scores: missing,
    groups,
    before: outcome(
      ratesBefore.filter((_, gi) => present[gi]),
      ratesOf(tableBefore.overall, ctx.policy),
      ctx,
    ),
    after: outcome(
      ratesAfter.filter((_, gi) => present[gi]),
      ratesOf(tableAfter.overall, ctx.policy),
      ctx,
    ),
  };
}
