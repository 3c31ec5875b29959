/**
 * Per-kind rules the notebook UI applies, read off the kind specs (the UI never names a kind):
 * what a new cell runs, which cells take a shared decision threshold.
 */
import type { CellRecord, CellRecordMap } from './cell-record';
import { cellSpec, type CellConfigs, type CellKind } from './registry';
import type { InputSlot } from './types';

/** A new cell runs at once when its kind computes by itself and its required datasets are chosen. */
export function shouldAutoRun(cell: CellRecord): boolean {
  const spec = cellSpec(cell.kind);
  return spec.compute !== undefined && spec.capabilities.autoRun && spec.inputs.required.every((slot) => cell.inputs[slot] !== undefined);
}

/**
 * A new cell's datasets from the workspace's pair: each slot the kind takes gets the pair's dataset its spec names in
 * `inputs.fill` (the same slot by default); a required slot whose dataset is missing takes its own slot's, and no
 * dataset fills two slots.
 */
export function newCellInputs<T>(kind: CellKind, pair: Partial<Record<InputSlot, T>>): Partial<Record<InputSlot, T>> {
  const { required, optional, fill } = cellSpec(kind).inputs;
  const out: Partial<Record<InputSlot, T>> = {};
  for (const slot of [...required, ...optional]) {
    const mapped = pair[fill?.[slot] ?? slot];
    // A required slot whose mapped dataset is missing takes its own; an optional one stays empty rather than repeat one.
    const dataset = mapped ?? (required.includes(slot) ? pair[slot] : undefined);
    if (dataset !== undefined && !Object.values(out).includes(dataset)) out[slot] = dataset;
  }
  return out;
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
