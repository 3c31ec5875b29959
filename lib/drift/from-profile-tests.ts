/**
 * One drift method on one column from two mergeable profiles (issue 19). Exact methods: chisquare, z,
 * g_test, fisher_exact, psi, kl_div, jensenshannon and hellinger on category counts; psi, kl_div,
 * jensenshannon and hellinger on the reference profile's fixed edges (both sides counted on the same
 * edges, open outer edges); t_test from the moments — each equal to the raw-row run (`--bins edges:` on
 * those edges) to 1e-12 relative. Approximate ones come from the quantile sketches within a stated
 * bound (from-profile-sketch.ts, from-profile-rank-tests.ts); the rest need the rows. Every outcome
 * says which, and why, in `fromProfile` + `fromProfileReason`.
 */

import { AnalysisError } from '../errors';
import type { CategoricalProfile, NumericProfile } from '../profile/column-profile';
import { methodAccuracy } from '../profile/mergeable/accuracy';
import { sketchOf, sketchRankError } from '../profile/mergeable/sketch';
import type { ProfileColumn } from '../profile/mergeable/types';
import { hellingerDiscrete, jensenShannon, klDivergence, psi } from '../stats/divergence';
import { tTestFromMoments } from '../stats/t-test';
import { fillZeroes } from './binning';
import { numericAsCategorical } from './categories';
import { andersonFromSketches, cramerVonMisesFromSketches } from './from-profile-rank-tests';
import { energyDistanceFromSketches, ksFromSketches, ksPValue, wassersteinFromSketches } from './from-profile-sketch';
import type { MethodContext } from './methods/method';
import { getDriftMethod } from './methods/registry';
import type { TestOutcome } from './types';

export type ProfileKind = 'numeric' | 'categorical';

// Each binned method's statistic and whether it fills empty bins, as its raw-row module does (lib/drift/methods/*).
const ON_EDGES: Record<string, { value: (p: Float64Array, q: Float64Array) => number; fill: boolean }> = {
  psi: { value: psi, fill: true },
  kl_div: { value: klDivergence, fill: true },
  jensenshannon: { value: jensenShannon, fill: false },
  hellinger: { value: hellingerDiscrete, fill: false },
};

/** A profile column's exact category counts in the raw-row pipeline's shape. */
export function categoricalOf(column: ProfileColumn): CategoricalProfile {
  const c = column.categories!;
  return { kind: 'categorical', count: column.count, missing: column.missing, categories: [...c.values], counts: [...c.counts] };
}

/** Both sides' histograms when they share their edges, else undefined. */
export function sharedHistograms(ref: ProfileColumn, cur: ProfileColumn) {
  const [h, g] = [ref.histogram, cur.histogram];
  if (!h || !g || h.edges.length !== g.edges.length || h.edges.some((e, i) => e !== g.edges[i])) return undefined;
  return { edges: h.edges, reference: h.counts, current: g.counts };
}

/** The edges as reported: the outer ones are open (values beyond them count in the outer bins), so null. */
export function openEdges(edges: readonly number[]): (number | null)[] {
  return edges.map((e, i) => (i === 0 || i === edges.length - 1 ? null : e));
}

function onEdges(id: string, ref: ProfileColumn, cur: ProfileColumn): TestOutcome {
  if (!ref.histogram || !cur.histogram) throw new AnalysisError('no-histogram', `column "${ref.name}": a side has no histogram (no finite values)`);
  const shared = sharedHistograms(ref, cur);
  if (!shared) {
    throw new AnalysisError('edges-differ', `column "${ref.name}": the profiles have different edges — profile the current with --edges-from the reference`);
  }
  const share = (counts: number[], n: number) => Float64Array.from(counts, (k) => k / n);
  const rule = ON_EDGES[id]!;
  const [rawP, rawQ] = [share(shared.reference, ref.count), share(shared.current, cur.count)];
  const [p, q] = rule.fill ? [fillZeroes(rawP), fillZeroes(rawQ)] : [rawP, rawQ];
  return { statistic: rule.value(p, q), edges: openEdges(shared.edges) };
}

function tTest(ref: ProfileColumn, cur: ProfileColumn): TestOutcome {
  const [a, b] = [ref.moments!, cur.moments!];
  const { statistic, pValue } = tTestFromMoments(a.n, a.mean, a.M2 / (a.n - 1), b.n, b.mean, b.M2 / (b.n - 1));
  return { statistic, pValue };
}

/** Each side's sketch rank error ε (|estimated rank − true rank| ≤ ε·n; null: undocumented), when both sides have a sketch. */
export function rankErrors(ref: ProfileColumn, cur: ProfileColumn): { reference: number | null; current: number | null } | undefined {
  if (!sketchOf(ref) || !sketchOf(cur)) return undefined;
  return { reference: sketchRankError(ref), current: sketchRankError(cur) };
}

/** Said of every approximate p-value: it is the conservative one, so sketch error alone never reads as drift. */
const CONSERVATIVE_P = 'p-value: the largest for any statistic within the bound (conservative — the estimate alone is not a test)';

/** The approximate methods from the two sketches (KLL or engine quantiles), with the bound each states. */
function fromSketches(id: string, ref: ProfileColumn, cur: ProfileColumn): { test: TestOutcome; bound?: string } {
  // An undocumented rank error (null) leaves the bound infinite, said so in its text.
  const eps = rankErrors(ref, cur)!;
  const known = { reference: eps.reference ?? Infinity, current: eps.current ?? Infinity };
  if (id === 'ks') {
    const test = ksFromSketches(ref, cur);
    const low = Math.max(test.statistic! - (known.reference + known.current), 0);
    return { test: { ...test, pValue: ksPValue(low, ref.count, cur.count) }, bound: CONSERVATIVE_P };
  }
  if (id === 'ed') return { test: energyDistanceFromSketches(ref, cur) };
  if (id === 'wasserstein') return { test: wassersteinFromSketches(ref, cur, Math.sqrt(ref.moments!.M2 / ref.moments!.n)) };
  const rank = id === 'anderson' ? andersonFromSketches(ref, cur, known) : id === 'cramer_von_mises' ? cramerVonMisesFromSketches(ref, cur, known) : undefined;
  if (!rank) throw new AnalysisError('no-sketch-method', `${id}: not computed from sketches`);
  return { test: { ...rank.test, pValue: rank.conservativePValue }, bound: `${rank.bound}; ${CONSERVATIVE_P}` };
}

/** A numeric column's finite values when its KLL sketch kept them all (one level: every item has weight 1), sorted. */
export function keptValues(column: ProfileColumn): NumericProfile | undefined {
  const sketch = column.sketch;
  if (!sketch || sketch.levels.length !== 1 || sketch.n !== column.count || !column.moments) return undefined;
  const sorted = Float64Array.from(sketch.levels[0]!).sort();
  const [min, max] = [sorted[0] ?? NaN, sorted[sorted.length - 1] ?? NaN];
  return { kind: 'numeric', count: column.count, missing: column.missing, nonFinite: column.nonFinite, sorted, min, max, mean: column.moments.mean };
}

function exactOutcome(id: string, kind: ProfileKind, ref: ProfileColumn, cur: ProfileColumn, context: MethodContext): TestOutcome {
  if (kind === 'categorical') return getDriftMethod(id).compute(categoricalOf(ref), categoricalOf(cur), context).test;
  if (id === 't_test') return tTest(ref, cur);
  if (ON_EDGES[id]) return onEdges(id, ref, cur);
  // Any other numeric method is exact only on values the sketches kept whole (methodAccuracy's valuesKept);
  // a categorical one (Evidently's default for ≤ 5 distinct values) takes the values as categories, as raw-row drift does.
  const [r, c] = [keptValues(ref)!, keptValues(cur)!];
  const method = getDriftMethod(id);
  if (!method.kinds.includes('numeric')) return method.compute(numericAsCategorical(r), numericAsCategorical(c), context).test;
  return method.compute(r, c, context).test;
}

/**
 * One method on one column from the profiles; unavailable methods (or ones failing on the data) carry no
 * numbers and say why. `context` is the raw-row run's (seed and permutations for permutation tests).
 */
export function profileTest(
  id: string,
  kind: ProfileKind,
  ref: ProfileColumn,
  cur: ProfileColumn,
  context: MethodContext = { bins: { kind: 'sturges' }, seed: 42 },
): TestOutcome {
  const eps = rankErrors(ref, cur);
  const rankError = eps && (eps.reference === null || eps.current === null ? null : Math.max(eps.reference, eps.current));
  const valuesKept = kind === 'numeric' && keptValues(ref) !== undefined && keptValues(cur) !== undefined;
  // A numeric column's values are categories only when the sketches kept them all.
  const categoriesExact = kind === 'numeric' ? valuesKept : !ref.categories?.truncated && !cur.categories?.truncated;
  const accuracy = methodAccuracy(id, { kind, categoriesExact, valuesKept, ...(rankError !== undefined ? { rankError } : {}) });
  const label = { fromProfile: accuracy.fromProfile, fromProfileReason: accuracy.reason };
  if (accuracy.fromProfile === 'unavailable') return { statistic: null, ...label };
  try {
    const { test: outcome, bound } =
      accuracy.fromProfile === 'exact' ? { test: exactOutcome(id, kind, ref, cur, context), bound: undefined } : fromSketches(id, ref, cur);
    if (Number.isNaN(outcome.statistic) || Number.isNaN(outcome.pValue)) throw new Error('undefined (NaN) for these values, e.g. a side with one value');
    return { ...outcome, ...label, ...(bound ? { fromProfileReason: `${accuracy.reason}; ${bound}` } : {}) };
  } catch (error) {
    return { statistic: null, error: error instanceof Error ? error.message : String(error), ...label };
  }
}
