import type { DatasetMeta } from '../data/types';
import type { PresetCell } from '../notebook/presets';
import { APP_VERSION, ENGINE_VERSION } from '../version';
import type { ReportDataset, WorkspaceReportInput } from './report-cell';

export function reportDataset(meta: DatasetMeta): ReportDataset {
  return { id: meta.id, name: meta.name, rows: meta.rows, columns: meta.schema.length, sha256: meta.sha256 };
}

/** The default preset's report (lib/notebook computePreset's cells), as the app's export builds it for those cells. */
export function presetReportInput(options: {
  title: string;
  reference: DatasetMeta;
  current: DatasetMeta;
  cells: readonly PresetCell[];
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
    cells: options.cells.map((cell) => ({ ...cell, inputs })),
  };
}
