import type { ReportAlerts } from '../../lib/report/alerts-section';
import { getRulesRecord, listAlertEvents } from '../../lib/store/alerts';
import type { DriftbookDb } from '../../lib/store/db';
import type { CellRecord } from '../../lib/store/types';

/**
 * What the exported report says about a workspace's alerts: its rules and the events of the chosen
 * cells and of its batch history. Undefined (no section) when it never had rules nor events.
 */
export async function reportAlerts(db: DriftbookDb, workspaceId: string, cells: readonly CellRecord[]): Promise<ReportAlerts | undefined> {
  const [record, events] = await Promise.all([getRulesRecord(db, workspaceId), listAlertEvents(db, workspaceId)]);
  const cellIds = cells.map((c) => c.id);
  const chosen = events.filter((e) => e.source.cellId === undefined || cellIds.includes(e.source.cellId));
  if (!record && chosen.length === 0) return undefined;
  return { rules: record?.rules ?? [], events: chosen, cellIds };
}
