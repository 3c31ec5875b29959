/**
 * Drift between two mergeable profiles (issue 19), for the methods that are exact from a profile:
 * chisquare, z, g_test, fisher_exact, psi, kl_div, jensenshannon and hellinger on category counts;
 * psi, kl_div, jensenshannon and hellinger on the reference profile's fixed edges (both sides
 * counted on the same edges, open outer edges); t_test from the moments. Each result equals the
 * raw-row run (`--bins edges:` on those edges) to 1e-12 relative; every test says `fromProfile` and why.
 */

import { AnalysisError } from '../errors';
import type { CategoricalProfile } from '../profile/column-profile';
import { methodAccuracy, type MethodAccuracy } from '../profile/mergeable/accuracy';
import { kllRankErrorBound } from '../profile/mergeable/kll';
import type { DbProfile, ProfileColumn } from '../profile/mergeable/types';
import { hellingerDiscrete, jensenShannon, klDivergence, psi } from '../stats/divergence';
import { tTestFromMoments } from '../stats/t-test';
import { fillZeroes } from './binning';
import { energyDistanceFromSketches, ksFromSketches, wassersteinFromSketches } from './from-profile-sketch';
import { distanceOutcome } from './methods/binned';
import { getDriftMethod } from './methods/registry';
import type { TestOutcome } from './types';

export type ProfileTestOutcome = TestOutcome & MethodAccuracy;

export interface ProfileColumnDrift {
  name: string;
  kind: 'numeric' | 'categorical';
  count: { reference: number; current: number };
  missing: { reference: number; current: number };
  /** The deciding method, its score and threshold (absent when it could not be computed from the profiles). */
  method: string;
  score?: number | null;
  threshold?: number;
  drifted?: boolean;
  tests: Record<string, ProfileTestOutcome>;
}

export interface ProfileDriftOptions {
  /** Deciding method per kind (defaults: psi on the fixed edges for numeric, chisquare for categorical). */
  numericMethod?: string;
  categoricalMethod?: string;
  /** Also run these methods where they apply. */
  methods?: string[];
  threshold?: number;
}

// Each binned method's statistic and whether it fills empty bins, as its raw-row module does (lib/drift/methods/*).
const ON_EDGES: Record<string, { value: (p: Float64Array, q: Float64Array) => number; fill: boolean }> = {
  psi: { value: psi, fill: true },
  kl_div: { value: klDivergence, fill: true },
  jensenshannon: { value: jensenShannon, fill: false },
  hellinger: { value: hellingerDiscrete, fill: false },
};

function categoricalOf(column: ProfileColumn): CategoricalProfile {
  const c = column.categories!;
  return { kind: 'categorical', count: column.count, missing: column.missing, categories: [...c.values], counts: [...c.counts] };
}

function sameEdges(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

function onEdges(id: string, ref: ProfileColumn, cur: ProfileColumn): TestOutcome {
  const [h, g] = [ref.histogram, cur.histogram];
  if (!h || !g) throw new AnalysisError('no-histogram', `column "${ref.name}": a side has no histogram (no finite values)`);
  if (!sameEdges(h.edges, g.edges)) {
    throw new AnalysisError('edges-differ', `column "${ref.name}": the profiles have different edges — profile the current with --edges-from the reference`);
  }
  const share = (counts: number[], n: number) => Float64Array.from(counts, (k) => k / n);
  const rule = ON_EDGES[id]!;
  const [rawP, rawQ] = [share(h.counts, ref.count), share(g.counts, cur.count)];
  const [p, q] = rule.fill ? [fillZeroes(rawP), fillZeroes(rawQ)] : [rawP, rawQ];
  return distanceOutcome(rule.value(p, q), { reference: p, current: q, edges: h.edges }).test;
}

function tTest(ref: ProfileColumn, cur: ProfileColumn): TestOutcome {
  const [a, b] = [ref.moments!, cur.moments!];
  const { statistic, pValue } = tTestFromMoments(a.n, a.mean, a.M2 / (a.n - 1), b.n, b.mean, b.M2 / (b.n - 1));
  if (Number.isNaN(statistic)) throw new AnalysisError('undefined', 'undefined (NaN) for these values, e.g. a side with one value');
  return { statistic, pValue };
}

/** One method on one column from the profiles; unavailable or approximate methods say why and carry no numbers. */
function runFromProfile(id: string, kind: 'numeric' | 'categorical', ref: ProfileColumn, cur: ProfileColumn): ProfileTestOutcome {
  const categoriesExact = kind === 'numeric' || (!ref.categories?.truncated && !cur.categories?.truncated);
  // The sketches' rank-error bound (99 % confidence per query), the larger of the two sides.
  const rankError = ref.sketch && cur.sketch ? Math.max(kllRankErrorBound(ref.sketch.k), kllRankErrorBound(cur.sketch.k)) : undefined;
  const accuracy = methodAccuracy(id, { kind, categoriesExact, ...(rankError === undefined ? {} : { rankError }) });
  if (accuracy.fromProfile === 'approximate' && ref.sketch && cur.sketch && ref.moments) {
    if (id === 'ks') return { ...ksFromSketches(ref.sketch, cur.sketch), ...accuracy };
    if (id === 'ed') return { ...energyDistanceFromSketches(ref.sketch, cur.sketch), ...accuracy };
    if (id === 'wasserstein') return { ...wassersteinFromSketches(ref.sketch, cur.sketch, Math.sqrt(ref.moments.M2 / ref.moments.n)), ...accuracy };
  }
  if (accuracy.fromProfile !== 'exact') {
    const computed = accuracy.fromProfile === 'approximate' ? ' — not computed from profiles in this version' : '';
    return { statistic: null, ...accuracy, reason: accuracy.reason + computed };
  }
  try {
    if (kind === 'categorical') {
      return { ...getDriftMethod(id).compute(categoricalOf(ref), categoricalOf(cur), { bins: { kind: 'sturges' }, seed: 42 }).test, ...accuracy };
    }
    if (id === 't_test') return { ...tTest(ref, cur), ...accuracy };
    return { ...onEdges(id, ref, cur), ...accuracy };
  } catch (error) {
    return { statistic: null, error: error instanceof Error ? error.message : String(error), ...accuracy };
  }
}

function columnDrift(ref: ProfileColumn, cur: ProfileColumn, options: ProfileDriftOptions): ProfileColumnDrift {
  const kind: ProfileColumnDrift['kind'] = ref.type === 'numeric' ? 'numeric' : 'categorical';
  const method = getDriftMethod((kind === 'numeric' ? options.numericMethod : options.categoricalMethod) ?? (kind === 'numeric' ? 'psi' : 'chisquare'));
  const ids = [method.id, ...(options.methods ?? []).filter((id) => id !== method.id && getDriftMethod(id).kinds.includes(kind))];
  const tests = Object.fromEntries(ids.map((id) => [id, runFromProfile(id, kind, ref, cur)]));
  const deciding = tests[method.id]!;
  const base = { name: ref.name, kind, count: { reference: ref.count, current: cur.count }, missing: { reference: ref.missing, current: cur.missing } };
  if (deciding.fromProfile !== 'exact' || deciding.error !== undefined) return { ...base, method: method.id, tests };
  const score = method.scoreKind === 'p-value' ? (deciding.pValue ?? null) : deciding.statistic;
  const threshold = options.threshold ?? method.defaultThreshold;
  return { ...base, method: method.id, score, threshold, drifted: score !== null && method.isDrifted(score, threshold), tests };
}

/** Drift of every numeric and categorical column both profiles hold (datetime columns are not tested). */
export function computeProfileDrift(reference: DbProfile, current: DbProfile, options: ProfileDriftOptions = {}): ProfileColumnDrift[] {
  const byName = new Map(current.columns.map((c) => [c.name, c]));
  const tested = reference.columns.filter((c) => c.type !== 'datetime' && c.count > 0 && (byName.get(c.name)?.count ?? 0) > 0);
  for (const c of tested) {
    const other = byName.get(c.name)!;
    if ((c.type === 'numeric') !== (other.type === 'numeric')) {
      throw new AnalysisError('type-conflict', `column "${c.name}": ${c.type} in the reference profile, ${other.type} in the current`);
    }
  }
  return tested.map((c) => columnDrift(c, byName.get(c.name)!, options));
}
