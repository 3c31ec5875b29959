import type { DatasetMeta } from '../data/types';
import type { PresetCell } from '../notebook/presets';
import { APP_VERSION, ENGINE_VERSION } from '../version';
import type { ReportDataset, WorkspaceReportInput } from './report-cell';

export function reportDataset(meta: DatasetMeta): ReportDataset {
  return {
    id: meta.id,
    name: meta.name,
    rows: meta.rows,
    columns: meta.schema.length,
    sha256: meta.sha256,
    ...(meta.derivedFrom ? { derivedFrom: meta.derivedFrom } : {}),
  };
}

/** A report's input: its title and time, the app and engine versions, the datasets its cells use, the cells. */
export function reportEnvelope(
  title: string,
  exportedAt: string,
  datasets: readonly DatasetMeta[],
  cells: WorkspaceReportInput['cells'],
): WorkspaceReportInput {
  return { title, appVersion: APP_VERSION, engineVersion: ENGINE_VERSION, exportedAt, datasets: datasets.map(reportDataset), cells };
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
  return reportEnvelope(
    options.title,
    options.exportedAt,
    [reference, current],
    options.cells.map((cell) => ({ ...cell, inputs })),
  );
}
