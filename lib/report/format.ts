/** Display formats for the report: the shared ones (lib/format.ts) and drift method names. */
import { DRIFT_METHODS } from '../drift/methods/registry';

export { formatCount, formatNumber, formatPValue, formatScore, formatShare } from '../format';

/** A drift method's name from the method registry (Evidently's ids, so configs carry across); unknown ids as given. */
export function methodLabel(id: string): string {
  return DRIFT_METHODS.get(id)?.label ?? id;
}
