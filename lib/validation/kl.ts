/** KL divergence of a column from a GX partition object (filled in below). */
import { AnalysisError } from '../errors';
import type { ExpectationOutcome } from './context';
import type { GxColumn } from './column-values';

export function klOutcome(_kwargs: Readonly<Record<string, unknown>>, column: GxColumn): ExpectationOutcome {
  throw new AnalysisError('unsupported', `KL divergence of "${column.name}": not implemented yet`);
}
