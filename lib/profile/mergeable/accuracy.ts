/**
 * How exactly each drift method can be computed from two mergeable profiles (issue 19): exact (equal
 * to the raw-row result to 1e-12 relative), approximate with a stated bound (from the quantile
 * sketches), or unavailable (the method needs the raw rows). Every drift result from a profile
 * carries this as `fromProfile` + `reason`.
 */

export type ProfileAccuracy = 'exact' | 'approximate' | 'unavailable';

export interface MethodAccuracy {
  fromProfile: ProfileAccuracy;
  reason: string;
}

/** What decides a method's accuracy on one column pair. */
export interface AccuracyContext {
  kind: 'numeric' | 'categorical';
  /** Both sides' category counts are complete (fewer distinct values than the profile's category limit). */
  categoriesExact: boolean;
  /**
   * The sketches' normalised rank error ε (|estimated rank − true rank| ≤ ε·n), the larger side's; null when
   * a side's engine quantiles document no bound; absent when a side has no sketch.
   */
  rankError?: number | null;
  /** Both sides' KLL sketches kept every finite value (n ≤ k, no compaction): any numeric method runs on them as on the rows. */
  valuesKept?: boolean;
}

const VALUES_KEPT: MethodAccuracy = {
  fromProfile: 'exact',
  reason: 'both sketches kept every value (n ≤ k, never compacted): the raw-row method on those values, the raw-row result',
};

const CATEGORY_COUNTS = 'computed from the exact category counts of both profiles';
const ON_EDGES = "exact on the profile's fixed histogram edges (the same as a raw-row run with --bins edges: on those edges)";
const NEEDS_ROWS = 'needs the raw rows';

/** The rule per method id (Evidently ids, as lib/drift/methods/registry.ts), before the column's own facts. */
export const PROFILE_ACCURACY: Readonly<Record<string, MethodAccuracy>> = {
  chisquare: { fromProfile: 'exact', reason: CATEGORY_COUNTS },
  z: { fromProfile: 'exact', reason: CATEGORY_COUNTS },
  g_test: { fromProfile: 'exact', reason: CATEGORY_COUNTS },
  fisher_exact: { fromProfile: 'exact', reason: CATEGORY_COUNTS },
  t_test: { fromProfile: 'exact', reason: 'computed from the count, mean and M2 of both profiles (Chan et al. merged moments)' },
  psi: { fromProfile: 'exact', reason: ON_EDGES },
  kl_div: { fromProfile: 'exact', reason: ON_EDGES },
  jensenshannon: { fromProfile: 'exact', reason: ON_EDGES },
  hellinger: { fromProfile: 'exact', reason: ON_EDGES },
  ks: { fromProfile: 'approximate', reason: 'statistic from the quantile sketches: |D − D_rows| ≤ ε_ref + ε_cur' },
  wasserstein: {
    fromProfile: 'approximate',
    reason: 'from the quantile sketches: |W − W_rows| ≤ (ε_ref + ε_cur)·(max − min) / std_ref (normed)',
  },
  anderson: {
    fromProfile: 'approximate',
    reason:
      "scipy's midrank formula on the quantile sketches read as weighted samples: |A − A_rows| ≤ 4·N·c/σ_N (c grows with ε_ref + ε_cur, the size ratio and the largest item weight)",
  },
  cramer_von_mises: {
    fromProfile: 'approximate',
    reason:
      "scipy's midrank formula on the quantile sketches read as weighted samples: |T − T_rows| ≤ N·c/2 (c grows with ε_ref + ε_cur, the size ratio and the largest item weight)",
  },
  ed: { fromProfile: 'approximate', reason: 'from the quantile sketches: |ED² − ED²_rows| ≤ 4·(ε_ref + ε_cur)·(max − min)' },
  es: { fromProfile: 'unavailable', reason: `${NEEDS_ROWS}: the Epps–Singleton statistic uses the empirical characteristic function of every value` },
  mannw: { fromProfile: 'unavailable', reason: `${NEEDS_ROWS}: the Mann–Whitney U statistic counts every pair of values (ties included)` },
  empirical_mmd: { fromProfile: 'unavailable', reason: `${NEEDS_ROWS}: the kernel MMD and its permutation p-value need every value` },
  TVD: { fromProfile: 'unavailable', reason: `${NEEDS_ROWS}: the permutation p-value reshuffles the rows` },
};

/** A method's accuracy from profiles on one column pair: the rule, narrowed by the column's facts. */
export function methodAccuracy(id: string, context: AccuracyContext): MethodAccuracy {
  const rule = PROFILE_ACCURACY[id];
  if (!rule) return { fromProfile: 'unavailable', reason: `${id}: no profile rule for this method` };
  if (context.kind === 'numeric' && context.valuesKept && rule.fromProfile !== 'exact') return VALUES_KEPT;
  if (rule.fromProfile === 'unavailable') return rule;
  const usesCategories = context.kind === 'categorical' || rule.reason === CATEGORY_COUNTS;
  if (usesCategories && !context.categoriesExact) {
    return {
      fromProfile: 'unavailable',
      reason: `${NEEDS_ROWS}: the profile keeps only the top categories plus "other" (category limit reached) — rebuild with a higher --max-categories`,
    };
  }
  if (rule.fromProfile === 'approximate') {
    if (context.rankError === undefined)
      return { fromProfile: 'unavailable', reason: `${NEEDS_ROWS}: a profile has no quantile sketch (KLL or engine quantiles)` };
    if (context.rankError === null)
      return { fromProfile: 'approximate', reason: `${rule.reason} — no bound here: a side's quantiles have no documented rank error` };
    return { fromProfile: 'approximate', reason: `${rule.reason}, ε = ${Number(context.rankError.toPrecision(4))} per sketch` };
  }
  return rule;
}
