/**
 * Per-kind rules the notebook UI applies, read off the kind specs (the UI never names a kind):
 * what a new cell runs, which cells take a shared decision threshold.
 */
import type { CellRecord, CellRecordMap } from './cell-record';
import { cellSpec, type CellConfigs, type CellKind } from './registry';

/** A new cell runs at once when its kind computes by itself and its required datasets are chosen. */
export function shouldAutoRun(cell: CellRecord): boolean {
  const spec = cellSpec(cell.kind);
  return spec.compute !== undefined && spec.capabilities.autoRun && spec.inputs.required.every((slot) => cell.inputs[slot] !== undefined);
}

/** The config a cell would have with predictions from its score at `threshold`, or undefined when its kind (or config) takes none. */
export function configWithThreshold<K extends CellKind>(cell: CellRecordMap[K], threshold: number): CellConfigs[K] | undefined {
  const { acceptsThreshold, withThreshold } = cellSpec<K>(cell.kind).capabilities;
  if (!acceptsThreshold || !withThreshold || !acceptsThreshold(cell.config)) return undefined;
  return withThreshold(cell.config, threshold);
}

/** The other cells of a notebook that take a threshold shared from `from` (the threshold explorer). */
export function thresholdTargets(cells: readonly CellRecord[], from: Pick<CellRecord, 'id'>): CellRecord[] {
  return cells.filter((c) => c.id !== from.id && configWithThreshold(c, 0.5) !== undefined);
}
