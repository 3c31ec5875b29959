import type { DatasetMeta } from '../data/types';
import { cellTitle } from '../notebook/cell-title';
import type { CellConfigs, CellKind, CellResults } from '../notebook/registry';
import type { InputSlot } from '../notebook/types';
import type { ReportCellOf, WorkspaceReportInput } from '../report/report-cell';
import { reportEnvelope } from '../report/preset';
import type { SegmentSettings } from './segment-options';

export interface CellOutput<K extends CellKind> {
  kind: K;
  config: CellConfigs[K];
  result: CellResults[K];
  datasets: Partial<Record<InputSlot, DatasetMeta>>;
  segments?: SegmentSettings;
}

/** The default report title: "<reference> vs <current>", or the reference's name. */
export function defaultTitle(datasets: Partial<Record<InputSlot, Pick<DatasetMeta, 'name'>>>): string {
  const { reference, current } = datasets;
  return current ? `${reference?.name} vs ${current.name}` : (reference?.name ?? 'Driftbook');
}

/** One computed cell as the app's export describes it: a one-cell workspace report. */
export function oneCellReportInput<K extends CellKind>(cell: CellOutput<K>, title: string, exportedAt: string): WorkspaceReportInput {
  const { reference } = cell.datasets;
  // One file compared with itself (two segments of it) is one dataset in the manifest, as in the app.
  const same = reference !== undefined && cell.datasets.current?.sha256 === reference.sha256 && cell.datasets.current.name === reference.name;
  const current = same ? { ...cell.datasets.current!, id: reference.id } : cell.datasets.current;
  const metas = [reference, same ? undefined : current].filter((m): m is DatasetMeta => m !== undefined);
  const segments = Object.fromEntries(Object.entries(cell.segments ?? {}).filter(([, s]) => s !== undefined));
  const reportCell: ReportCellOf<K> = {
    kind: cell.kind,
    title: cellTitle(cell.kind, reference, current),
    config: cell.config,
    result: cell.result,
    inputs: { ...(reference ? { reference: reference.id } : {}), ...(current ? { current: current.id } : {}) },
    ...(Object.keys(segments).length ? { segments } : {}),
  };
  return reportEnvelope(title, exportedAt, metas, [reportCell as WorkspaceReportInput['cells'][number]]);
}

/**
 * A cell as the app's notebook report (lib/report/workspace-report.ts): the HTML "Export…" gives
 * for that one cell. The report, Plot and linkedom load only here: they cost about a second of start-up.
 */
export async function cellReportHtml<K extends CellKind>(cell: CellOutput<K>, title: string | undefined): Promise<string> {
  const [{ parseHTML }, { toWorkspaceReport }] = await Promise.all([import('linkedom'), import('../report/workspace-report')]);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  return toWorkspaceReport(oneCellReportInput(cell, title ?? defaultTitle(cell.datasets), new Date().toISOString()), { document });
}
