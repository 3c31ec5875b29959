import { AnalysisError } from '../../errors';
import { andersonMethod } from './anderson';
import { chiSquareMethod } from './chisquare';
import { cramerVonMisesMethod } from './cramer-von-mises';
import { energyDistanceMethod } from './ed';
import { empiricalMmdMethod } from './empirical-mmd';
import { eppsSingletonMethod } from './es';
import { fisherExactMethod } from './fisher-exact';
import { gTestMethod } from './g-test';
import { hellingerMethod } from './hellinger';
import { jensenShannonMethod } from './jensenshannon';
import { klDivMethod } from './kl-div';
import { ksMethod } from './ks';
import { mannWhitneyMethod } from './mannw';
import type { DriftColumnKind, DriftMethod } from './method';
import { psiMethod } from './psi';
import { tTestMethod } from './t-test';
import { tvdMethod } from './tvd';
import { wassersteinMethod } from './wasserstein';
import { zMethod } from './z';

/** Every drift method by its Evidently id, in the order the README and the UI list them. */
export const DRIFT_METHODS: ReadonlyMap<string, DriftMethod> = new Map(
  [
    ksMethod,
    chiSquareMethod,
    zMethod,
    tTestMethod,
    eppsSingletonMethod,
    mannWhitneyMethod,
    andersonMethod,
    cramerVonMisesMethod,
    fisherExactMethod,
    gTestMethod,
    tvdMethod,
    empiricalMmdMethod,
    psiMethod,
    klDivMethod,
    jensenShannonMethod,
    hellingerMethod,
    wassersteinMethod,
    energyDistanceMethod,
  ].map((m) => [m.id, m]),
);

export function getDriftMethod(id: string): DriftMethod {
  const method = DRIFT_METHODS.get(id);
  if (!method) {
    throw new AnalysisError('unknown-method', `unknown drift method: ${id} — valid ids: ${[...DRIFT_METHODS.keys()].join(', ')}`);
  }
  return method;
}

/** Ids of the methods that accept a column kind. */
export function methodsFor(kind: DriftColumnKind): string[] {
  return [...DRIFT_METHODS.values()].filter((m) => m.kinds.includes(kind)).map((m) => m.id);
}

/** Checks a config's per-kind methods against the kinds they must accept, before any column runs. */
export function validateKindMethods(numericMethod?: string, categoricalMethod?: string): void {
  for (const [kind, id] of [
    ['numeric', numericMethod],
    ['categorical', categoricalMethod],
  ] as const) {
    if (id === undefined) continue;
    if (!getDriftMethod(id).kinds.includes(kind)) {
      throw new AnalysisError('method-kind', `${kind} method ${id}: ${id} does not apply to ${kind} columns — use one of ${methodsFor(kind).join(', ')}`);
    }
  }
}
