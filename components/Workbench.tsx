'use client';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { ColumnRole, ColumnType, DatasetMeta } from '../lib/data/types';
import type { ReadChoices } from '../lib/engine';
import { errorMessage } from '../lib/errors';
import { getDb } from '../lib/store/db';
import { APP_VERSION } from '../lib/version';
import { engineModeLabel, getClient } from './engine';
import { useDatasets } from './hooks/useDatasets';
import { useDrops } from './hooks/useDrops';
import { useAlertNotifications } from './hooks/useAlerts';
import { useNotebook } from './hooks/useNotebook';
import { useWorkspaces } from './hooks/useWorkspaces';
import { AlertsView } from './alerts/AlertsView';
import { revealSource, viewOfSource } from './alerts/open-source';
import { ModelCardView } from './cards/ModelCardView';
import { ModelsView } from './models/ModelsView';
import { DashboardView } from './dashboard/DashboardView';
import { BatchHistory } from './history/BatchHistory';
import { Notebook } from './Notebook';
import { RunsView } from './tracking/RunsView';
import { DatasetDrop } from './ui/DatasetDrop';
import { ExportMenu } from './ui/ExportMenu';
import { ReadingOptions } from './ui/ReadingOptions';
import { SplitFile } from './ui/SplitFile';
import { Sidebar } from './ui/Sidebar';
import { downloadProfile } from './profile-download';
import { Toast, type ToastState } from './ui/Toast';
import { UserText } from './ui/UserText';
import { ViewTabs } from './ui/ViewTabs';

// Re-rendered only when its datasets change: it lists a chosen dataset's columns (100,000 for a
// wide file), and the page re-renders at every progress report of a running cell.
const SplitFileOnce = memo(SplitFile);
const DatasetDropOnce = memo(DatasetDrop);

type View = 'notebook' | 'card' | 'history' | 'runs' | 'alerts' | 'dashboard' | 'models';
const VIEWS = [
  { id: 'notebook', label: 'Notebook' },
  { id: 'card', label: 'Model card' },
  { id: 'history', label: 'Batch history' },
  { id: 'runs', label: 'Runs' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'models', label: 'Models' },
] as const;

/** The page: sidebar (workspaces, library), and the open workspace's notebook (with the two drop zones) or its model card, as tabs. */
export function Workbench() {
  const db = getDb();
  const [toast, setToast] = useState<ToastState>();
  const [readChoices, setReadChoices] = useState<ReadChoices>({});
  const [view, setView] = useState<View>('notebook');
  const fail = useCallback((error: unknown) => setToast({ message: errorMessage(error), tone: 'bad' }), []);
  const { datasets, refresh: refreshDatasets } = useDatasets(db);

  // The three hooks call each other through refs: opening a workspace clears the drops, a dropped
  // pair adds the preset's cells, and a new cell starts with the dropped datasets.
  const late = useRef<{ clearDrops?: () => void; compare?: (r: DatasetMeta, c: DatasetMeta) => Promise<void> }>({});
  const onSwitch = useCallback((keepDrops: boolean) => void (keepDrops || late.current.clearDrops?.()), []);
  const spaces = useWorkspaces(db, setToast, onSwitch);
  const onPair = useCallback(async (r: DatasetMeta, c: DatasetMeta) => late.current.compare?.(r, c), []);
  const drop = useDrops({ db, ready: spaces.ready, workspaceRef: spaces.workspaceRef, onPair, onEdited: refreshDatasets });
  const fallbackInputs = useCallback(() => {
    const { reference, current } = drop.drops;
    return { reference: reference.status === 'ready' ? reference.dataset : undefined, current: current.status === 'ready' ? current.dataset : undefined };
  }, [drop.drops]);
  useAlertNotifications(db, setToast);
  const notebook = useNotebook({ db, workspace: spaces.workspace, workspaceRef: spaces.workspaceRef, datasets, fallbackInputs, notify: setToast, fail });
  late.current = { clearDrops: drop.clear, compare: notebook.compare };

  const { workspace, boot } = spaces;
  // The notebook / model card tabs, once a workspace is open.
  const tabbed = boot.status === 'ready' && workspace !== undefined;
  const usedIds = useMemo(
    () =>
      new Set([
        ...(workspace?.datasetIds ?? []),
        ...notebook.cells.flatMap((c) => [c.inputs.reference?.id, c.inputs.current?.id]).filter((id) => id !== undefined),
      ]),
    [workspace, notebook.cells],
  );
  const { load, changeRoles, changeTypes } = drop;
  // Stable handlers: a drop zone with a 100,000-column role panel re-renders only when its own state changes.
  const dropHandlers = useMemo(() => {
    const handlers = (side: 'reference' | 'current') => ({
      onFile: (file: File) => void load(side, file, readChoices),
      onCancel: () => getClient().cancel(),
      onRoles: (roles: Record<string, ColumnRole>) => void changeRoles(side, roles).catch(fail),
      onTypes: (types: Record<string, ColumnType>) => void changeTypes(types).catch(fail),
    });
    return { reference: handlers('reference'), current: handlers('current') };
  }, [load, readChoices, changeRoles, changeTypes, fail]);
  const { split: splitFile } = notebook;
  const split = useCallback((dataset: DatasetMeta, segment: string) => void splitFile(dataset, segment).catch(fail), [splitFile, fail]);
  const act =
    <A extends unknown[]>(f: (...args: A) => Promise<unknown>) =>
    (...args: A) =>
      void f(...args).catch(fail);

  return (
    <div className="app">
      <Sidebar
        workspaces={spaces.workspaces}
        activeId={spaces.workspaceId}
        datasets={datasets}
        usedIds={usedIds}
        onOpen={act(spaces.actions.open)}
        onNew={act(spaces.actions.create)}
        onRename={act(spaces.actions.rename)}
        onDuplicate={act(spaces.actions.duplicate)}
        onDeleteWorkspace={act(spaces.actions.remove)}
        onUse={act(drop.choose)}
        onDelete={act(drop.removeDataset)}
        onDownloadProfile={act(downloadProfile)}
      />
      <main className="main" id="main">
        <header className="topbar">
          <div>
            <p className="eyebrow">Workspace</p>
            <h1 data-testid="workspace-name" className="workspace-name">
              <UserText text={workspace?.name ?? 'Driftbook'} clamp />
            </h1>
          </div>
          <div className="topbar-side">
            {workspace ? (
              <ExportMenu
                workspace={workspace}
                cells={notebook.cells}
                datasets={datasets}
                onRunAll={act(notebook.runAll)}
                onImported={(id) => void spaces.actions.open(id)}
                onError={fail}
                onMessage={(message) => setToast({ message })}
              />
            ) : null}
            <p className="topbar-meta muted">
              <span className="privacy-dot" aria-hidden="true" /> Computed in your browser ({boot.status === 'loading' ? '…' : engineModeLabel(getClient())}) ·
              nothing is uploaded · v{APP_VERSION}
            </p>
          </div>
        </header>
        {boot.status === 'error' ? (
          <div className="error-box" role="alert">
            <strong>Driftbook could not start.</strong> <UserText text={boot.message} />
          </div>
        ) : null}
        {tabbed ? <ViewTabs tabs={VIEWS} value={view} onChange={setView} label="Workspace view" idPrefix="view" /> : null}
        {/* Hidden, not unmounted, while the card is open: its cells and charts stay as they were. */}
        <div
          className="view-panel"
          hidden={tabbed && view !== 'notebook'}
          role={tabbed ? 'tabpanel' : undefined}
          id="view-panel-notebook"
          aria-labelledby={tabbed ? 'view-tab-notebook' : undefined}
        >
          <section className="compare" aria-label="Compare two datasets">
            <h2 className="section-title">Compare two datasets</h2>
            <ReadingOptions value={readChoices} onChange={setReadChoices} />
            <div className="compare-grid">
              {(['reference', 'current'] as const).map((side) => (
                <DatasetDropOnce key={side} role={side} state={drop.drops[side]} {...dropHandlers[side]} />
              ))}
            </div>
            <SplitFileOnce datasets={datasets} preferred={fallbackInputs().reference} onSplit={split} />
          </section>
          {boot.status === 'loading' ? (
            <div className="cell cell-placeholder" role="status">
              <progress aria-label="Preparing the demo workspace" />
              <span className="muted">Preparing the demo workspace: parsing two CSVs and computing drift in a worker…</span>
            </div>
          ) : (
            <Notebook cells={notebook.cells} datasets={datasets} stale={notebook.stale} progress={notebook.progress} actions={notebook.actions} />
          )}
          {boot.status === 'ready' && notebook.cells.length === 0 ? (
            <p className="empty-state muted">This workspace is empty: choose a reference and a current dataset above to add a drift cell, or add a cell.</p>
          ) : null}
        </div>
        {tabbed && view === 'history' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-history" aria-labelledby="view-tab-history">
            <BatchHistory
              key={workspace.id}
              db={db}
              workspace={workspace}
              datasets={datasets}
              readChoices={readChoices}
              onStored={refreshDatasets}
              onOpen={async (reference, batch) => {
                await notebook.compare(reference, batch);
                setView('notebook');
              }}
              notify={setToast}
              fail={fail}
            />
          </div>
        ) : null}
        {tabbed && view === 'card' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-card" aria-labelledby="view-tab-card">
            <ModelCardView key={workspace.id} db={db} workspace={workspace} onMessage={(message) => setToast({ message })} />
          </div>
        ) : null}
        {tabbed && view === 'alerts' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-alerts" aria-labelledby="view-tab-alerts">
            <AlertsView
              key={workspace.id}
              db={db}
              workspace={workspace}
              onOpen={(source) => {
                setView(viewOfSource(source));
                revealSource(source);
              }}
            />
          </div>
        ) : null}
        {tabbed && view === 'dashboard' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-dashboard" aria-labelledby="view-tab-dashboard">
            <DashboardView key={workspace.id} db={db} workspace={workspace} cells={notebook.cells} notify={(message) => setToast({ message })} fail={fail} />
          </div>
        ) : null}
        {tabbed && view === 'models' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-models" aria-labelledby="view-tab-models">
            <ModelsView db={db} datasets={datasets} onStored={refreshDatasets} fail={fail} />
          </div>
        ) : null}
        {tabbed && view === 'runs' ? (
          <div className="view-panel" role="tabpanel" id="view-panel-runs" aria-labelledby="view-tab-runs">
            <RunsView
              db={db}
              notify={(message) => setToast({ message })}
              fail={fail}
              onOpenCard={(workspaceId) =>
                void (async () => {
                  if (workspaceId !== spaces.workspaceId) await spaces.actions.open(workspaceId);
                  setView('card');
                })().catch(fail)
              }
            />
          </div>
        ) : null}
      </main>
      <Toast state={toast} onClose={() => setToast(undefined)} />
    </div>
  );
}
