/**
 * Global importance and its drift: mean |SHAP| per feature on each side, Kendall's τ-b between the
 * two importance vectors (the rank agreement; scipy.stats.kendalltau), and each feature's
 * attribution distribution (its SHAP values, reference vs current) tested with a drift method of
 * lib/drift (Evidently's default for the sample size unless one is chosen).
 */
import { tableFromArrays } from 'apache-arrow';
import { computeColumnDrift } from '../drift/column-drift';
import { profileColumn } from '../profile/column-profile';
import { kendallTau } from '../stats/kendall-tau';
import type { AttributionDrift, ExplainedRow } from './types';

/** SHAP values per feature, one array per feature over the rows. */
export type Attributions = Record<string, Float64Array>;

export function attributionsOf(rows: readonly ExplainedRow[], features: readonly string[]): Attributions {
  return Object.fromEntries(features.map((f) => [f, Float64Array.from(rows, (r) => r.shap[f] ?? NaN)]));
}

/** Mean |SHAP| per feature (missing values skipped). */
export function meanAbs(attributions: Attributions): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [feature, values] of Object.entries(attributions)) {
    let sum = 0;
    let n = 0;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      sum += Math.abs(v);
      n++;
    }
    out[feature] = n ? sum / n : NaN;
  }
  return out;
}

/** Features by decreasing importance (ties keep the features' order). */
export function ranking(global: Record<string, number>, features: readonly string[]): string[] {
  return [...features].sort((a, b) => global[b]! - global[a]!);
}

export function attributionDrift(
  reference: Attributions,
  current: Attributions,
  features: readonly string[],
  options: { method?: string; seed: number },
): AttributionDrift {
  const refGlobal = meanAbs(reference);
  const curGlobal = meanAbs(current);
  const { tau, pValue } = kendallTau(
    features.map((f) => refGlobal[f]!),
    features.map((f) => curGlobal[f]!),
  );
  const rows = features.map((feature) => {
    const drift = computeColumnDrift(
      feature,
      'numeric',
      profileColumn(tableFromArrays({ v: reference[feature]! }), 'v', 'numeric'),
      profileColumn(tableFromArrays({ v: current[feature]! }), 'v', 'numeric'),
      options.method ? { method: options.method } : {},
      { bins: { kind: 'sturges' }, seed: options.seed },
    );
    return {
      feature,
      reference: refGlobal[feature]!,
      current: curGlobal[feature]!,
      method: drift.method ?? '',
      score: drift.tested ? (drift.score ?? null) : null,
      threshold: drift.threshold ?? null,
      drifted: drift.drifted ?? false,
      ...(drift.reason ? { reason: drift.reason } : {}),
    };
  });
  return { kendallTau: tau, pValue, ranking: { reference: ranking(refGlobal, features), current: ranking(curGlobal, features) }, features: rows };
}
