import type { Dataset, DatasetMeta } from '../data/types';
import { cellTitle } from './cell-title';
import { cellSpec, type CellConfigs, type CellKind, type CellResults } from './registry';
import { newCell, type NewCell } from './run-cell';

/**
 * The default preset: what comparing two datasets adds to a notebook, what the demo shows first
 * and what `driftbook report` builds. A preset only lists kinds (as Evidently's presets list
 * metrics); each kind computes itself.
 */
export const DEFAULT_PRESET = ['drift', 'quality'] as const satisfies readonly CellKind[];

export type PresetKind = (typeof DEFAULT_PRESET)[number];

/** Settings for some of the preset's kinds (the others take their defaults). */
export type PresetConfigs = { [K in PresetKind]?: CellConfigs[K] };

/** The preset's new cells for a reference and a current dataset (the app's compare and the demo). */
export function presetCells(reference: DatasetMeta, current: DatasetMeta, configs: PresetConfigs = {}): NewCell[] {
  return DEFAULT_PRESET.map((kind) => newCell({ kind, reference, current, config: configs[kind] }));
}

/** One computed preset cell, as a report lists it. */
export type PresetCellMap = { [K in PresetKind]: { kind: K; title: string; config: CellConfigs[K]; result: CellResults[K] } };
export type PresetCell = PresetCellMap[PresetKind];

type PresetCompute<K extends PresetKind> = (reference: Dataset, current: Dataset, config?: CellConfigs[K]) => Promise<PresetCellMap[K]>;

const computeKind =
  <K extends PresetKind>(kind: K) =>
  async (reference: Dataset, current: Dataset, config?: CellConfigs[K]) => {
    const spec = cellSpec(kind);
    const settings = config ?? spec.defaultConfig({ reference: reference.meta, current: current.meta });
    const result = await spec.compute!({ reference, current }, settings);
    return { kind, title: cellTitle(kind, reference.meta, current.meta), config: settings, result };
  };

// The compiler checks that every kind of the preset is here.
const COMPUTE: { [K in PresetKind]: PresetCompute<K> } = { drift: computeKind('drift'), quality: computeKind('quality') };

function computeOne<K extends PresetKind>(kind: K, reference: Dataset, current: Dataset, configs: PresetConfigs): Promise<PresetCellMap[K]> {
  return COMPUTE[kind](reference, current, configs[kind]);
}

/** Computes the preset on two opened datasets, in order, with the same compute the app runs (the CLI's report). */
export async function computePreset(reference: Dataset, current: Dataset, configs: PresetConfigs = {}): Promise<PresetCell[]> {
  const cells: PresetCell[] = [];
  for (const kind of DEFAULT_PRESET) cells.push(await computeOne(kind, reference, current, configs));
  return cells;
}
