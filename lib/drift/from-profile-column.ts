/**
 * One column's drift from two profiles, in the raw-row pipeline's ColumnDriftResult shape: the
 * deciding method chosen by the same options (per column, per kind, for all columns), the same
 * thresholds, extra methods, effect size, missing-value drift and the distributions to draw.
 */

import type { ColumnRole, ColumnType } from '../data/types';
import { truncationNote } from '../profile/embed-caps';
import { sketchOf } from '../profile/mergeable/sketch';
import type { ProfileColumn } from '../profile/mergeable/types';
import { jensenShannon } from '../stats/divergence';
import { alignCategories, distinctCount } from './categories';
import { chooseConfiguredMethod, missingDrift, thresholdFor, type DefaultChoice } from './column-drift';
import { defaultMethod } from './default-method';
import { summarizeCategorical, thinEcdf } from './distribution';
import { categoricalOf, keptValues, profileTest, sharedHistograms, type ProfileKind } from './from-profile-tests';
import { wassersteinFromSketches } from './from-profile-sketch';
import type { MethodContext } from './methods/method';
import { DRIFT_METHODS, getDriftMethod } from './methods/registry';
import { DEFAULT_SEED } from './compute-drift';
import type { ColumnDriftResult, DistributionSummary, DriftConfig, TestOutcome } from './types';

export interface ProfilePair {
  reference: ProfileColumn;
  current: ProfileColumn;
}

const NOT_TESTED_ROLES = new Set<ColumnRole>(['id', 'timestamp', 'ignored']);

function base(name: string, type: ColumnType, pair: ProfilePair) {
  const { reference: r, current: c } = pair;
  return {
    name,
    type,
    count: { reference: r.count, current: c.count },
    missing: { reference: r.missing, current: c.missing },
    ...(r.nonFinite + c.nonFinite > 0 ? { nonFinite: { reference: r.nonFinite, current: c.nonFinite } } : {}),
  };
}

/** Drift from profiles keeps an exact default: psi on the fixed edges (numeric), Evidently's rule over the exact category counts. */
function profileDefault(kind: ProfileKind, pair: ProfilePair): DefaultChoice {
  return () => {
    const [r, c] = [keptValues(pair.reference), keptValues(pair.current)];
    if (kind === 'numeric' && r && c) {
      const fallback = defaultMethod('numeric', r.count, distinctCount(r, c));
      return { ...fallback, selection: `Evidently's default — ${fallback.rule} (both sketches kept every value: exact)` };
    }
    if (kind === 'numeric') {
      const why = "psi on the reference profile's fixed edges, exact (Evidently's default for numeric columns, ks or wasserstein, needs the rows)";
      return { id: 'psi', rule: why, selection: `from profiles — ${why}` };
    }
    const distinct = distinctCount(categoricalOf(pair.reference), categoricalOf(pair.current));
    const fallback = defaultMethod('categorical', pair.reference.count, distinct);
    return { ...fallback, selection: `Evidently's default — ${fallback.rule} (exact from the category counts)` };
  };
}

/** Normed Wasserstein from the sketches (approximate) or Jensen–Shannon over the exact category counts. */
function effectSize(kind: ProfileKind, pair: ProfilePair, deciding: { id: string; test: TestOutcome }): ColumnDriftResult['effectSize'] {
  const { reference: r, current: c } = pair;
  if (kind === 'numeric') {
    // Exact when both sketches kept every value (the weighted-sample formula is then the raw rows').
    const fromProfile = keptValues(r) && keptValues(c) ? 'exact' : 'approximate';
    if (deciding.id === 'wasserstein' && typeof deciding.test.statistic === 'number') {
      return { method: 'wasserstein', value: deciding.test.statistic, fromProfile };
    }
    if (!sketchOf(r) || !sketchOf(c) || !r.moments) return undefined;
    const value = wassersteinFromSketches(r, c, Math.sqrt(r.moments.M2 / r.moments.n)).statistic;
    return value === null ? undefined : { method: 'wasserstein', value, fromProfile };
  }
  if (r.categories?.truncated || c.categories?.truncated) return undefined;
  const aligned = alignCategories(categoricalOf(r), categoricalOf(c));
  const share = (counts: number[], n: number) => counts.map((k) => k / n);
  return { method: 'jensenshannon', value: jensenShannon(share(aligned.reference, r.count), share(aligned.current, c.count)), fromProfile: 'exact' };
}

/** Shared-edge histograms (the reference profile's edges; values beyond the outer edges are in the outer bins) or category counts. */
function distribution(kind: ProfileKind, pair: ProfilePair): DistributionSummary | undefined {
  if (kind === 'categorical') return summarizeCategorical(categoricalOf(pair.reference), categoricalOf(pair.current));
  const shared = sharedHistograms(pair.reference, pair.current);
  if (!shared) return undefined;
  // The empirical CDFs only where they are exact: sketches that kept every value.
  const [r, c] = [keptValues(pair.reference), keptValues(pair.current)];
  const ecdf = r && c ? { ecdf: { reference: thinEcdf(r.sorted), current: thinEcdf(c.sorted) } } : {};
  return { kind: 'histogram', edges: [...shared.edges], reference: [...shared.reference], current: [...shared.current], ...ecdf };
}

function scoreOf(test: TestOutcome, scoreKind: 'p-value' | 'distance'): number | null {
  return scoreKind === 'p-value' ? (test.pValue ?? null) : test.statistic;
}

/** Tests one column from its two profiles; `type` is the type both sides are compared as (resolveColumnType). */
export function columnFromProfiles(name: string, type: ColumnType, pair: ProfilePair, config: DriftConfig, role?: ColumnRole): ColumnDriftResult {
  const head = { ...base(name, type, pair), ...(role ? { role } : {}) };
  const untested = (reason: string, extra: Partial<ColumnDriftResult> = {}): ColumnDriftResult => ({ ...head, tested: false, reason, ...extra });
  if (role && NOT_TESTED_ROLES.has(role) && type !== 'datetime' && type !== 'text') return untested(role);
  if (type === 'datetime' || type === 'text') return untested(type);
  if (pair.reference.count === 0 || pair.current.count === 0) return untested(`no values in ${pair.reference.count === 0 ? 'reference' : 'current'}`);
  const kind: ProfileKind = type === 'numeric' ? 'numeric' : 'categorical';
  const sideKinds = [pair.reference, pair.current].map((c) => (c.type === 'numeric' ? 'numeric' : 'categorical'));
  if (sideKinds.some((k) => k !== kind)) return untested('type conflict: a profile keeps numbers on one side and categories on the other — needs the rows');
  // A configuration error (an inapplicable per-column method) stops the run, as in the raw-row pipeline.
  const { method, selection, warning } = chooseConfiguredMethod(name, kind, config, profileDefault(kind, pair));
  const threshold = thresholdFor(name, kind, method, config);
  const context: MethodContext = { bins: { kind: 'sturges' }, seed: config.seed ?? DEFAULT_SEED, permutations: config.permutations };
  const extra = config.methods === 'all' ? [...DRIFT_METHODS.keys()] : (config.methods ?? []);
  const ids = [method.id, ...extra.filter((id) => id !== method.id && getDriftMethod(id).kinds.includes(kind))];
  const tests: Record<string, TestOutcome> = Object.fromEntries(ids.map((id) => [id, profileTest(id, kind, pair.reference, pair.current, context)]));
  const deciding = tests[method.id]!;
  if (deciding.fromProfile === 'unavailable' || deciding.error !== undefined) {
    const why = deciding.error !== undefined ? `${method.id} failed: ${deciding.error}` : `${method.id} from profiles: ${deciding.fromProfileReason}`;
    return untested(why, { method: method.id, selection, tests });
  }
  const score = scoreOf(deciding, method.scoreKind);
  const dist = distribution(kind, pair);
  const cut = dist?.kind === 'categories' && dist.truncated ? truncationNote(dist.truncated, 'categories: ') : undefined;
  const approximate = deciding.fromProfile === 'approximate' ? `${method.id} decided on an approximate value: ${deciding.fromProfileReason}` : undefined;
  const undefinedP =
    score === null && method.scoreKind === 'p-value' ? `${method.id}: one category on both sides — p-value undefined (scipy: NaN), not drifted` : undefined;
  const warnings = [warning, approximate, undefinedP, cut].filter((w): w is string => w !== undefined);
  const size = effectSize(kind, pair, { id: method.id, test: deciding });
  return {
    ...head,
    tested: true,
    method: method.id,
    score,
    scoreKind: method.scoreKind,
    threshold,
    drifted: score !== null && method.isDrifted(score, threshold),
    selection,
    tests,
    ...(size ? { effectSize: size } : {}),
    missingDrift: missingDrift(pair.reference, pair.current),
    ...(dist ? { distribution: dist } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
