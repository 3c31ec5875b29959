import type { DatasetMeta } from '../lib/data/types';
import type { CellRecord, WorkspaceRecord } from '../lib/store/types';
import type { ReportCell, WorkspaceReportInput } from '../lib/report/report-cell';
import { reportEnvelope } from '../lib/report/preset';
import { downloadName } from '../lib/report/file-name';
import { appendAudit } from '../lib/store/audit';
import { getDb } from '../lib/store/db';
import { reportAlerts } from './alerts/report-alerts';

export { downloadName } from '../lib/report/file-name';

export function reportFileName(workspaceName: string): string {
  return downloadName(workspaceName, '.report.html');
}

/**
 * Saves bytes or text as a download (a blob: URL; nothing leaves the browser). Every export of the
 * app passes here and is logged in the audit trail (`export`: file name, type, bytes, plus `about`).
 */
export function download(content: BlobPart, fileName: string, type: string, about: Record<string, unknown> = {}): void {
  const blob = new Blob([content], { type });
  void appendAudit(getDb(), 'export', { ...about, what: fileName, type, bytes: blob.size }).catch((error: unknown) =>
    console.error('audit trail: the export was not recorded', error),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the report and the JSON export say about chosen cells and their datasets. */
export function reportInput(workspace: WorkspaceRecord, cells: CellRecord[], datasets: DatasetMeta[], now = new Date()): WorkspaceReportInput {
  const used = new Set(cells.flatMap((c) => [c.inputs.reference?.id, c.inputs.current?.id]).filter((id): id is string => id !== undefined));
  return reportEnvelope(
    workspace.name,
    now.toISOString(),
    datasets.filter((d) => used.has(d.id)),
    cells.map(toReportCell),
  );
}

/** What the report keeps of a cell: kind, title, settings, result, and its inputs by id with their segments. */
export function toReportCell(record: CellRecord): ReportCell {
  // Spread, not rebuilt: the kind, config and result stay together, kind by kind.
  const {
    id: _id,
    workspaceId: _ws,
    order: _order,
    status: _status,
    error: _error,
    resultKey: _key,
    durationMs: _ms,
    updatedAt: _at,
    collapsed: _c,
    inputs,
    ...cell
  } = record;
  const segments = Object.fromEntries((['reference', 'current'] as const).flatMap((slot) => (inputs[slot]?.segment ? [[slot, inputs[slot]!.segment!]] : [])));
  return {
    ...cell,
    inputs: { reference: inputs.reference?.id, current: inputs.current?.id },
    ...(Object.keys(segments).length ? { segments } : {}),
  };
}

/** Builds the self-contained HTML report of the chosen cells in the page and downloads it. */
export async function downloadReport(workspace: WorkspaceRecord, cells: CellRecord[], datasets: DatasetMeta[]): Promise<void> {
  const { toWorkspaceReport } = await import('../lib/report/workspace-report');
  const alerts = await reportAlerts(getDb(), workspace.id, cells);
  const html = await toWorkspaceReport({ ...reportInput(workspace, cells, datasets), ...(alerts ? { alerts } : {}) }, { document });
  download(html, reportFileName(workspace.name), 'text/html;charset=utf-8');
}

/** Every chosen cell's result as JSON, with the CLI's field names. */
export async function downloadJson(workspace: WorkspaceRecord, cells: CellRecord[], datasets: DatasetMeta[]): Promise<void> {
  const { toWorkspaceJson } = await import('../lib/report/workspace-json');
  download(toWorkspaceJson(reportInput(workspace, cells, datasets)), downloadName(workspace.name, '.results.json'), 'application/json');
}
