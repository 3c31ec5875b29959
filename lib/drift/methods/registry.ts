import { AnalysisError } from '../../errors';
import { chiSquareMethod } from './chisquare';
import { ksMethod } from './ks';
import type { DriftColumnKind, DriftMethod } from './method';

/** Every drift method by its Evidently id; later methods register here. */
export const DRIFT_METHODS: ReadonlyMap<string, DriftMethod> = new Map(
  [ksMethod, chiSquareMethod].map((m) => [m.id, m]),
);

export function getDriftMethod(id: string): DriftMethod {
  const method = DRIFT_METHODS.get(id);
  if (!method) {
    throw new AnalysisError('unknown-method', `unknown drift method: ${id} — valid ids: ${[...DRIFT_METHODS.keys()].join(', ')}`);
  }
  return method;
}

/** The walking skeleton's defaults: ks for numeric columns, chisquare for categorical ones. */
export function defaultMethodFor(kind: DriftColumnKind): DriftMethod {
  return kind === 'numeric' ? ksMethod : chiSquareMethod;
}
