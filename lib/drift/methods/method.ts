import type { CategoricalProfile, NumericProfile } from '../../profile/column-profile';
import type { BinsOption, ScoreKind, TestOutcome } from '../types';

export type DriftColumnKind = 'numeric' | 'categorical';

/** What a method may need beyond the two profiles. */
export interface MethodContext {
  bins: BinsOption;
  /** Seed for permutation p-values, and their count (each method's own default when absent). */
  seed: number;
  permutations?: number;
}

export interface MethodOutcome {
  /** The deciding value: the p-value of a test, the distance of a distance; null for an undefined p-value (not drifted). */
  score: number | null;
  test: TestOutcome;
}

/**
 * One drift method, registered with its Evidently id, the column kinds it accepts and its
 * default threshold. `compute` receives profiles of one of `kinds`.
 */
export interface DriftMethod {
  id: string;
  label: string;
  kinds: readonly DriftColumnKind[];
  defaultThreshold: number;
  scoreKind: ScoreKind;
  /** One line on what is computed, shown as a tooltip and in the README. */
  definition: string;
  isDrifted(score: number, threshold: number): boolean;
  compute(reference: NumericProfile | CategoricalProfile, current: NumericProfile | CategoricalProfile, context: MethodContext): MethodOutcome;
}

type Spec = Omit<DriftMethod, 'isDrifted' | 'scoreKind'>;

/**
 * A goodness-of-fit test (chisquare, g_test) over a single category on both sides: scipy's
 * statistic is 0 and its p-value NaN (chi2 with 0 degrees of freedom). Reported as statistic 0,
 * p-value null, score null and not drifted — the column did not change, it is not an error.
 */
export function oneCategoryOutcome(): MethodOutcome {
  return { score: null, test: { statistic: 0, pValue: null } };
}

/** A p-value test: drifted when p < threshold (or p ≤ threshold where Evidently uses ≤). */
export function pValueMethod(spec: Spec & { inclusive?: boolean }): DriftMethod {
  const { inclusive = false, ...rest } = spec;
  return { ...rest, scoreKind: 'p-value', isDrifted: (p, t) => (inclusive ? p <= t : p < t) };
}

/** A distance: drifted when distance ≥ threshold (or > threshold where Evidently uses >). */
export function distanceMethod(spec: Spec & { strict?: boolean }): DriftMethod {
  const { strict = false, ...rest } = spec;
  return { ...rest, scoreKind: 'distance', isDrifted: (d, t) => (strict ? d > t : d >= t) };
}

/** Narrows a profile to the kind a method declared (the column drift code guarantees it). */
export function asNumeric(profile: NumericProfile | CategoricalProfile, id: string): NumericProfile {
  if (profile.kind !== 'numeric') throw new Error(`${id}: needs a numeric column`);
  return profile;
}

export function asCategorical(profile: NumericProfile | CategoricalProfile, id: string): CategoricalProfile {
  if (profile.kind !== 'categorical') throw new Error(`${id}: needs a categorical column`);
  return profile;
}
