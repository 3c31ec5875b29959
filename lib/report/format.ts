/** Display formats for the report: the shared ones (lib/format.ts) and drift method names. */
import { DRIFT_METHODS } from '../drift/methods/registry';
import { formatPValue, formatScore } from '../format';

export { formatCount, formatNumber, formatPValue, formatScore, formatShare } from '../format';

/** A drift method's name from the method registry (Evidently's ids, so configs carry across); unknown ids as given. */
export function methodLabel(id: string): string {
  return DRIFT_METHODS.get(id)?.label ?? id;
}

/** A column's drift score by its method's kind: a null p-value is undefined (—), a null distance is JSON's ∞. */
export function formatDriftScore(score: number | null | undefined, method: string | undefined): string {
  return method !== undefined && DRIFT_METHODS.get(method)?.scoreKind === 'p-value' ? formatPValue(score) : formatScore(score);
}
