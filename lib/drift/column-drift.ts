import type { ColumnType } from '../data/types';
import { summarizeCategorical, summarizeNumeric } from './distribution';
import type { ColumnProfile } from './profile';
import type { ColumnDriftResult } from './types';
import { defaultMethodFor, getDriftMethod } from './methods/registry';

export interface ColumnDriftOptions {
  /** Method id; the default depends on the column's kind. */
  method?: string;
  threshold?: number;
}

/** The type a column is compared as, given each side's inferred type and value count. */
export function resolveColumnType(
  refType: ColumnType,
  curType: ColumnType,
  refCount: number,
  curCount: number,
): { type: ColumnType; conflict: boolean } {
  // An all-missing side has no evidence of a type: the other side decides.
  if (refCount === 0) return { type: curType, conflict: false };
  if (curCount === 0 || refType === curType) return { type: refType, conflict: false };
  if (refType === 'datetime' || curType === 'datetime') return { type: 'datetime', conflict: true };
  return { type: 'categorical', conflict: true };
}

function untested(
  name: string,
  type: ColumnType,
  reference: ColumnProfile,
  current: ColumnProfile,
  reason: string,
): ColumnDriftResult {
  return {
    name,
    type,
    tested: false,
    reason,
    count: { reference: reference.count, current: current.count },
    missing: { reference: reference.missing, current: current.missing },
  };
}

/** Tests one column for drift with its method (default: ks numeric, chisquare categorical). */
export function computeColumnDrift(
  name: string,
  type: ColumnType,
  reference: ColumnProfile,
  current: ColumnProfile,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  if (reference.kind === 'datetime' || current.kind === 'datetime') {
    return untested(name, type, reference, current, 'datetime');
  }
  if (reference.count === 0 || current.count === 0) {
    const side = reference.count === 0 ? 'reference' : 'current';
    return untested(name, type, reference, current, `no values in ${side}`);
  }
  const kind = reference.kind;
  const method = options.method ? getDriftMethod(options.method) : defaultMethodFor(kind);
  const threshold = options.threshold ?? method.defaultThreshold;
  const { score, test } = method.compute(reference, current);
  const distribution =
    reference.kind === 'numeric' && current.kind === 'numeric'
      ? summarizeNumeric(reference, current)
      : reference.kind === 'categorical' && current.kind === 'categorical'
        ? summarizeCategorical(reference, current)
        : undefined;
  return {
    name,
    type,
    tested: true,
    count: { reference: reference.count, current: current.count },
    missing: { reference: reference.missing, current: current.missing },
    method: method.id,
    score,
    threshold,
    drifted: method.isDrifted(score, threshold),
    tests: { [method.id]: test },
    distribution,
  };
}
