'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { moveAnnouncement, movedIndex } from '../../lib/alerts/dashboard-tiles';
import { defaultRules } from '../../lib/alerts/rules-defaults';
import type { DashboardTile as Tile } from '../../lib/alerts/types';
import { downloadName } from '../../lib/report/file-name';
import { toDashboardReport } from '../../lib/report/dashboard-report';
import { resolveTile } from '../../lib/report/dashboard-view';
import { getRulesRecord } from '../../lib/store/alerts';
import { getDashboard, moveTile, unpinTile } from '../../lib/store/dashboards';
import type { DriftbookDb } from '../../lib/store/db';
import type { CellRecord, WorkspaceRecord } from '../../lib/store/types';
import { download } from '../export-report';
import { BatchPin } from './BatchPin';
import { DashboardTile } from './DashboardTile';
import { useDashboardHistories } from './useDashboardHistories';
import './dashboard.css';

const NO_TILES: Tile[] = [];

interface Props {
  db: DriftbookDb;
  workspace: WorkspaceRecord;
  cells: readonly CellRecord[];
  notify: (message: string) => void;
  fail: (error: unknown) => void;
}

/** The workspace's dashboard: pinned numbers and charts as a grid of tiles, arranged by drag or keyboard, exported as one HTML file. */
export function DashboardView({ db, workspace, cells, notify, fail }: Props) {
  const tiles = useLiveQuery(() => getDashboard(db, workspace.id).then((d) => d.tiles), [db, workspace.id]) ?? NO_TILES;
  const rulesRecord = useLiveQuery(() => getRulesRecord(db, workspace.id), [db, workspace.id]);
  const rules = useMemo(() => rulesRecord?.rules ?? defaultRules(), [rulesRecord]);
  const histories = useDashboardHistories(db, workspace.id, cells, tiles, fail);
  const resolved = useMemo(() => tiles.map((tile) => resolveTile(tile, { cells, histories, rules })), [tiles, cells, histories, rules]);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string>();

  // After a keyboard move the tile re-renders elsewhere in the grid: give it the focus back.
  useEffect(() => {
    if (!focusId) return;
    document.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, tiles]);

  const moveTo = useCallback(
    async (id: string, to: number, keyboard: boolean) => {
      const record = await moveTile(db, workspace.id, id, to);
      const at = record.tiles.findIndex((t) => t.id === id);
      const title = resolved.find((r) => r.tile.id === id)?.title ?? 'tile';
      setAnnouncement(moveAnnouncement(title, at, record.tiles.length));
      if (keyboard) setFocusId(id);
    },
    [db, workspace.id, resolved],
  );
  const onMove = useCallback((id: string, by: -1 | 1) => void moveTo(id, movedIndex(tiles, id, by), true).catch(fail), [moveTo, tiles, fail]);
  const onDrop = useCallback((id: string, index: number) => void moveTo(id, index, false).catch(fail), [moveTo, fail]);
  const onUnpin = useCallback(
    (id: string) =>
      void unpinTile(db, workspace.id, id)
        .then(() => setAnnouncement(`Unpinned “${resolved.find((r) => r.tile.id === id)?.title ?? 'tile'}”.`))
        .catch(fail),
    [db, workspace.id, resolved, fail],
  );
  const exportHtml = () => {
    const text = toDashboardReport({ workspace: workspace.name, exportedAt: new Date().toISOString(), tiles: resolved }, { document });
    download(text, downloadName(workspace.name, '.dashboard.html'), 'text/html', { dashboard: { tiles: resolved.length } });
    notify('Dashboard exported as one HTML file.');
  };

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard-bar">
        <div>
          <h2 className="section-title" id="dashboard-title">
            Dashboard
          </h2>
          <p className="muted small" id="dashboard-keys">
            Pin numbers or charts with <strong>Pin</strong> on a cell. Drag a tile onto another to move it, or focus it and press Alt+← / Alt+→. Colours come
            from this workspace&apos;s alert rules.
          </p>
        </div>
        <div className="dashboard-actions">
          <BatchPin db={db} workspaceId={workspace.id} fail={fail} onPinned={(title) => setAnnouncement(`Pinned “${title}”.`)} />
          <button type="button" className="button" onClick={exportHtml} disabled={tiles.length === 0}>
            Export HTML
          </button>
        </div>
      </header>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="dashboard-announcement">
        {announcement}
      </p>
      {tiles.length === 0 ? (
        <p className="empty-state muted">Nothing pinned yet: open the notebook and use Pin on a cell to add its numbers or its chart here.</p>
      ) : (
        <div className="tile-grid" data-testid="dashboard-grid">
          {resolved.map((t, i) => (
            <DashboardTile key={t.tile.id} t={t} index={i} count={resolved.length} onMove={onMove} onDrop={onDrop} onUnpin={onUnpin} />
          ))}
        </div>
      )}
    </section>
  );
}
