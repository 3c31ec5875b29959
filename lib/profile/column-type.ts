import type { ColumnType } from '../data/types';

/** The type a column is compared as, given each side's inferred type and value count. */
export function resolveColumnType(refType: ColumnType, curType: ColumnType, refCount: number, curCount: number): { type: ColumnType; conflict: boolean } {
  // An all-missing side has no evidence of a type: the other side decides.
  if (refCount === 0) return { type: curType, conflict: false };
  if (curCount === 0 || refType === curType) return { type: refType, conflict: false };
  if (refType === 'datetime' || curType === 'datetime') return { type: 'datetime', conflict: true };
  // Among string types (categorical, boolean, text) the reference's typing decides: a small
  // current batch can look like text only because it is small.
  if (refType !== 'numeric' && curType !== 'numeric') return { type: refType, conflict: false };
  return { type: 'categorical', conflict: true };
}
