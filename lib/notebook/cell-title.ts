import type { DatasetMeta } from '../data/types';
import { cellSpec, type CellKind } from './registry';

/** A new cell's title: the datasets it compares, or its kind. */
export function cellTitle(kind: CellKind, reference?: Pick<DatasetMeta, 'name'>, current?: Pick<DatasetMeta, 'name'>): string {
  const spec = cellSpec(kind);
  if (spec.inputs.required.length === 0 && spec.inputs.optional.length === 0) return spec.label;
  if (reference && current) return `${reference.name} → ${current.name}`;
  return reference ? `${spec.label}: ${reference.name}` : spec.label;
}
