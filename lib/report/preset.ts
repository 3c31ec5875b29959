import type { DatasetMeta } from '../data/types';
import type { DriftConfig, DriftResult } from '../drift/types';
import type { QualityResult } from '../quality/types';
import { APP_VERSION, ENGINE_VERSION } from '../version';
import type { CellKind } from './cell-kinds';
import { cellSpec } from './registry';
import type { WorkspaceReportInput } from './workspace-report';

/** The default preset: what comparing two datasets adds to a notebook (and `driftbook report` builds). */
export const DEFAULT_PRESET: readonly CellKind[] = ['drift', 'quality'];

/** A new cell's title: the datasets it compares, or its kind. */
export function cellTitle(kind: CellKind, reference?: Pick<DatasetMeta, 'name'>, current?: Pick<DatasetMeta, 'name'>): string {
  const label = cellSpec(kind).label;
  if (kind === 'note') return label;
  if (reference && current) return `${reference.name} → ${current.name}`;
  return reference ? `${label}: ${reference.name}` : label;
}

export function reportDataset(meta: DatasetMeta) {
  return { id: meta.id, name: meta.name, rows: meta.rows, columns: meta.schema.length, sha256: meta.sha256 };
}

/** The default preset's report (drift + data quality), as the app's export builds it for those two cells. */
export function presetReportInput(options: {
  title: string;
  reference: DatasetMeta;
  current: DatasetMeta;
  driftConfig: DriftConfig;
  drift: DriftResult;
  quality: QualityResult;
  exportedAt: string;
}): WorkspaceReportInput {
  const { reference, current } = options;
  const inputs = { reference: reference.id, current: current.id };
  return {
    title: options.title,
    appVersion: APP_VERSION,
    engineVersion: ENGINE_VERSION,
    exportedAt: options.exportedAt,
    datasets: [reportDataset(reference), reportDataset(current)],
    cells: [
      { kind: 'drift', title: cellTitle('drift', reference, current), config: options.driftConfig, result: options.drift, inputs },
      { kind: 'quality', title: cellTitle('quality', reference, current), config: {}, result: options.quality, inputs },
    ],
  };
}
