import { AnalysisError } from '../errors';
import type { AequitasMetric, Confusion, DisparityResult, DisparityRow, GroupKey } from './types';
import { listPreview } from './values';

export const AEQUITAS_METRICS: readonly AequitasMetric[] = ['fpr', 'fnr', 'fdr', 'for', 'precision', 'ppr', 'pprev'];
/** Aequitas' default fairness threshold τ = 0.8: parity when τ ≤ disparity ≤ 1/τ. */
export const DEFAULT_BAND: readonly [number, number] = [0.8, 1.25];

export interface DisparityOptions {
  referenceGroup?: string;
  band?: readonly [number, number];
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Aequitas Group metrics from (weighted) counts: FDR = FP/PP, FOR = FN/PN, PPR = PP / all predicted
 * positives, PPrev = PP / group size; null where the denominator is 0 (NaN in Aequitas).
 */
export function aequitasMetrics(c: Confusion, allPredictedPositive: number): Record<AequitasMetric, number | null> {
  const pp = c.tp + c.fp;
  return {
    fpr: ratio(c.fp, c.fp + c.tn),
    fnr: ratio(c.fn, c.fn + c.tp),
    fdr: ratio(c.fp, pp),
    for: ratio(c.fn, c.fn + c.tn),
    precision: ratio(c.tp, pp),
    ppr: ratio(pp, allPredictedPositive),
    pprev: ratio(pp, c.weight),
  };
}

/** Default reference: the largest group by count (Aequitas' 'majority'); ties go to the first. */
function pickReference(groups: readonly GroupKey[], confusion: readonly Confusion[], chosen: string | undefined): number {
  if (chosen !== undefined) {
    const index = groups.findIndex((g) => g.group === chosen);
    if (index < 0) {
      throw new AnalysisError(
        'unknown-group',
        `referenceGroup: ${JSON.stringify(chosen)} is not a group (${listPreview(groups.map((g) => g.group))}) — pick one of them`,
      );
    }
    return index;
  }
  let best = 0;
  confusion.forEach((c, i) => {
    if (c.count > confusion[best]!.count) best = i;
  });
  return best;
}

/** Aequitas-style disparities: each group's metric divided by the reference group's, flagged outside the band. */
export function computeDisparities(groups: readonly GroupKey[], confusion: readonly Confusion[], options: DisparityOptions = {}): DisparityResult {
  const { referenceGroup, band = DEFAULT_BAND } = options;
  const [low, high] = band;
  if (!(Number.isFinite(low) && Number.isFinite(high) && low > 0 && low <= high)) {
    throw new AnalysisError('bad-option', `disparityBand: [${low}, ${high}] — give two finite numbers 0 < low ≤ high, e.g. [0.8, 1.25]`);
  }
  const allPredictedPositive = confusion.reduce((s, c) => s + c.tp + c.fp, 0);
  const metrics = confusion.map((c) => aequitasMetrics(c, allPredictedPositive));
  const ref = pickReference(groups, confusion, referenceGroup);
  const refMetrics = metrics[ref]!;
  const rows = groups.map((g, i): DisparityRow => {
    const own = metrics[i]!;
    const disparity = {} as Record<AequitasMetric, number | null>;
    const flagged: AequitasMetric[] = [];
    for (const m of AEQUITAS_METRICS) {
      const value = own[m];
      const base = refMetrics[m];
      const d = value === null || base === null || base === 0 ? null : value / base;
      disparity[m] = d;
      if (d !== null && (d < low || d > high)) flagged.push(m);
    }
    return { group: g.group, values: g.values, count: confusion[i]!.count, metrics: own, disparity, flagged };
  });
  return {
    reference_group: groups[ref]!.group,
    reference_rule: referenceGroup === undefined ? 'largest' : 'chosen',
    band: [low, high],
    groups: rows,
  };
}

/** Warnings for metrics whose disparities are null because the reference value is 0 or undefined. */
export function disparityWarnings(result: DisparityResult): string[] {
  const ref = result.groups.find((g) => g.group === result.reference_group);
  if (!ref) return [];
  const out: string[] = [];
  for (const m of AEQUITAS_METRICS) {
    const v = ref.metrics[m];
    if (v === null) out.push(`disparities: ${m} of reference group ${JSON.stringify(ref.group)} is undefined — ${m} disparities are null`);
    else if (v === 0)
      out.push(`disparities: ${m} of reference group ${JSON.stringify(ref.group)} is 0 — ${m} disparities are null (choose another referenceGroup)`);
  }
  return out;
}
