'use client';
import type { AlertSource } from '../../lib/alerts/types';
import type { DriftbookDb } from '../../lib/store/db';
import type { WorkspaceRecord } from '../../lib/store/types';

/** The Alerts tab: the workspace's rules, the notification opt-in, firing and resolved alerts. */
export function AlertsView({
  workspace,
}: {
  db: DriftbookDb;
  workspace: WorkspaceRecord;
  onOpen: (source: AlertSource) => void;
  fail: (error: unknown) => void;
}) {
  return (
    <section className="alerts-view" aria-label="Alerts" data-testid="alerts-view" data-workspace={workspace.id}>
      <p className="muted">Loading alerts…</p>
    </section>
  );
}
