import type { ColumnType } from '../data/types';
import { jensenShannon } from '../stats/divergence';
import { normedWasserstein } from '../stats/wasserstein';
import { twoProportionZTest } from '../stats/z-test';
import { alignCategories, distinctCount, numericAsCategorical } from './categories';
import { defaultMethod } from './default-method';
import { summarizeCategorical, summarizeNumeric } from './distribution';
import { truncationNote } from '../profile/embed-caps';
import { sortedStd, wassersteinRuns } from '../profile/sorted-stats';
import type { CategoricalProfile, ColumnProfile, NumericProfile } from '../profile/column-profile';
import type { ColumnDriftResult, DriftConfig, TestOutcome } from './types';
import type { DriftColumnKind, DriftMethod, MethodContext } from './methods/method';
import { AnalysisError } from '../errors';
import { DRIFT_METHODS, getDriftMethod, methodsFor } from './methods/registry';

function untested(name: string, type: ColumnType, reference: ColumnProfile, current: ColumnProfile, reason: string): ColumnDriftResult {
  return {
    name,
    type,
    tested: false,
    reason,
    count: { reference: reference.count, current: current.count },
    missing: { reference: reference.missing, current: current.missing },
  };
}

type Profiles = { reference: NumericProfile | CategoricalProfile; current: NumericProfile | CategoricalProfile };

/** The default when no option sets the method: its id, the rule that fired, and the `selection` text shown for it. */
export type DefaultChoice = () => { id: string; rule: string; selection: string };

/** The method deciding a column's drift, and why: per-column option, per-kind option, global option, or Evidently's default. */
export function chooseMethod(
  name: string,
  kind: DriftColumnKind,
  profiles: Profiles,
  config: DriftConfig,
): { method: DriftMethod; selection: string; warning?: string } {
  return chooseConfiguredMethod(name, kind, config, () => {
    const fallback = defaultMethod(kind, profiles.reference.count, distinctCount(profiles.reference, profiles.current));
    return { ...fallback, selection: `Evidently's default — ${fallback.rule}` };
  });
}

/** chooseMethod's rule with the default left to the caller (drift from profiles has its own, lib/drift/from-profile-column.ts). */
export function chooseConfiguredMethod(
  name: string,
  kind: DriftColumnKind,
  config: DriftConfig,
  byDefault: DefaultChoice,
): { method: DriftMethod; selection: string; warning?: string } {
  const forColumn = config.columnMethods?.[name];
  if (forColumn) {
    const method = getDriftMethod(forColumn);
    if (!method.kinds.includes(kind)) {
      throw new AnalysisError(
        'method-kind',
        `column method ${name}=${forColumn}: ${forColumn} does not apply to ${kind} columns — use one of ${methodsFor(kind).join(', ')}`,
      );
    }
    return { method, selection: `set for this column: ${forColumn}` };
  }
  const forKind = kind === 'numeric' ? config.numericMethod : config.categoricalMethod;
  if (forKind) return { method: getDriftMethod(forKind), selection: `set for ${kind} columns: ${forKind}` };
  const fallback = byDefault();
  if (config.method) {
    const method = getDriftMethod(config.method);
    if (method.kinds.includes(kind)) return { method, selection: `set for all columns: ${config.method}` };
    return {
      method: getDriftMethod(fallback.id),
      selection: fallback.rule,
      warning: `${config.method} does not apply to ${kind} columns: used ${fallback.id}`,
    };
  }
  return { method: getDriftMethod(fallback.id), selection: fallback.selection };
}

/** The threshold a column is decided with: per column, per kind, for all columns, or the method's default. */
export function thresholdFor(name: string, kind: DriftColumnKind, method: DriftMethod, config: DriftConfig): number {
  const forKind = kind === 'numeric' ? config.numericThreshold : config.categoricalThreshold;
  return config.columnThresholds?.[name] ?? forKind ?? config.threshold ?? method.defaultThreshold;
}

/** Runs a method on a column, giving categorical-only methods the column's values as categories. */
function runMethod(method: DriftMethod, kind: DriftColumnKind, profiles: Profiles, context: MethodContext) {
  if (method.kinds.includes(kind)) return method.compute(profiles.reference, profiles.current, context);
  // Only Evidently's default picks a categorical test for a numeric column (≤ 5 distinct values).
  const ref = numericAsCategorical(profiles.reference as NumericProfile);
  const cur = numericAsCategorical(profiles.current as NumericProfile);
  return method.compute(ref, cur, context);
}

/** The size of the shift, next to any test: normed Wasserstein (numeric) or Jensen–Shannon over categories. */
function effectSize(profiles: Profiles): ColumnDriftResult['effectSize'] {
  const { reference, current } = profiles;
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    return {
      method: 'wasserstein',
      value: normedWasserstein(reference.sorted, current.sorted, 0, sortedStd(reference.sorted), wassersteinRuns(reference.sorted, current.sorted)),
    };
  }
  const aligned = alignCategories(reference as CategoricalProfile, current as CategoricalProfile);
  const share = (counts: number[], n: number) => counts.map((k) => k / n);
  return { method: 'jensenshannon', value: jensenShannon(share(aligned.reference, reference.count), share(aligned.current, current.count)) };
}

export const MISSING_DRIFT_THRESHOLD = 0.05;

/** A side's cell counts: present (finite), missing and, for numeric columns, ±Infinity. */
type CellCounts = { count: number; missing: number; nonFinite?: number };

/** Did the share of missing cells change? Two-proportion z-test on missing vs present (evidently#187). */
export function missingDrift(reference: CellCounts, current: CellCounts): ColumnDriftResult['missingDrift'] {
  const cells = (p: CellCounts) => p.count + p.missing + (p.nonFinite ?? 0);
  const [nRef, nCur] = [cells(reference), cells(current)];
  const { statistic, pValue } = twoProportionZTest(reference.missing, nRef, current.missing, nCur);
  return {
    reference: reference.missing / nRef,
    current: current.missing / nCur,
    statistic,
    pValue,
    threshold: MISSING_DRIFT_THRESHOLD,
    drifted: pValue < MISSING_DRIFT_THRESHOLD,
  };
}

/** Why a tested column has no score: its p-value is undefined (one category on both sides). */
function undefinedPValue(id: string): string {
  return `${id}: one category on both sides — p-value undefined (scipy: NaN), not drifted`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Tests one column for drift: the deciding method, any extra methods, and the distributions to draw. */
export function computeColumnDrift(
  name: string,
  type: ColumnType,
  reference: ColumnProfile,
  current: ColumnProfile,
  config: DriftConfig = {},
  context: MethodContext = { bins: { kind: 'sturges' }, seed: 42 },
): ColumnDriftResult {
  if (type === 'datetime' || type === 'text' || reference.kind === 'other' || current.kind === 'other') {
    return untested(name, type, reference, current, type === 'text' ? 'text' : 'datetime');
  }
  if (reference.count === 0 || current.count === 0) {
    return untested(name, type, reference, current, `no values in ${reference.count === 0 ? 'reference' : 'current'}`);
  }
  const kind = reference.kind;
  const profiles = { reference, current } as Profiles;
  // A configuration error (an inapplicable per-column method) stops the run; a method failing on the data does not.
  const { method, selection, warning } = chooseMethod(name, kind, profiles, config);
  const threshold = thresholdFor(name, kind, method, config);
  let outcome;
  try {
    outcome = runMethod(method, kind, profiles, context);
    if (Number.isNaN(outcome.score)) throw new Error('the result is undefined (NaN) for these values, e.g. both samples constant');
  } catch (error) {
    return { ...untested(name, type, reference, current, `${method.id} failed: ${messageOf(error)}`), method: method.id, selection };
  }
  const tests: Record<string, TestOutcome> = { [method.id]: outcome.test };
  const extra = config.methods === 'all' ? [...DRIFT_METHODS.keys()] : (config.methods ?? []);
  for (const id of extra) {
    const other = getDriftMethod(id);
    // Inapplicable extra methods are skipped silently for this column.
    if (id === method.id || !other.kinds.includes(kind)) continue;
    try {
      const { test } = runMethod(other, kind, profiles, context);
      if (Number.isNaN(test.pValue) || Number.isNaN(test.statistic)) throw new Error('undefined (NaN) for these values');
      tests[id] = test;
    } catch (error) {
      tests[id] = { statistic: null, error: messageOf(error) };
    }
  }
  const distribution =
    reference.kind === 'numeric' && current.kind === 'numeric'
      ? summarizeNumeric(reference, current)
      : summarizeCategorical(reference as CategoricalProfile, current as CategoricalProfile);
  const cut = distribution.kind === 'categories' && distribution.truncated ? truncationNote(distribution.truncated, 'categories: ') : undefined;
  const warnings = [warning, outcome.score === null ? undefinedPValue(method.id) : undefined, cut].filter((w): w is string => w !== undefined);
  return {
    name,
    type,
    tested: true,
    count: { reference: reference.count, current: current.count },
    missing: { reference: reference.missing, current: current.missing },
    method: method.id,
    score: outcome.score,
    scoreKind: method.scoreKind,
    threshold,
    // A null score is an undefined p-value (one category on both sides): nothing changed.
    drifted: outcome.score !== null && method.isDrifted(outcome.score, threshold),
    selection,
    tests,
    // The deciding method may already be the effect size: do not compute it twice.
    effectSize: method.id === 'wasserstein' && outcome.score !== null ? { method: 'wasserstein', value: outcome.score } : effectSize(profiles),
    missingDrift: missingDrift(reference, current),
    ...(reference.kind === 'numeric' && current.kind === 'numeric' && reference.nonFinite + current.nonFinite > 0
      ? { nonFinite: { reference: reference.nonFinite, current: current.nonFinite } }
      : {}),
    distribution,
    ...(warnings.length ? { warnings } : {}),
  };
}
