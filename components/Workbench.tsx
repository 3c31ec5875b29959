'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnRole, ColumnType, DatasetMeta } from '../lib/data/types';
import { errorMessage, toErrorInfo } from '../lib/errors';
import type { ReadChoices } from '../lib/engine';
import { getDb } from '../lib/store/db';
import { deleteDataset, listDatasets, updateDatasetRoles, updateDatasetTypes } from '../lib/store/datasets';
import type { CellRecord, WorkspaceRecord } from '../lib/store/types';
import { createWorkspace, getLastWorkspaceId, listCells, listWorkspaces, setLastWorkspaceId } from '../lib/store/workspaces';
import { APP_VERSION } from '../lib/version';
import { CELL_COMPONENTS } from './cells/registry';
import { createEngineClient, type EngineClient } from './engine-client';
import { downloadReport } from './export-report';
import { ReadingOptions } from './ui/ReadingOptions';
import { Sidebar } from './ui/Sidebar';
import { DatasetDrop, type DropState } from './ui/DatasetDrop';
import { addDataset, createCell, runCell, seedDemoWorkspace } from './workbench-actions';

type Role = 'reference' | 'current';

let sharedClient: EngineClient | undefined;
/** One engine (worker) per page, created on first use in the browser and kept for the page's life. */
function getClient(): EngineClient {
  sharedClient ??= createEngineClient();
  return sharedClient;
}

export function Workbench() {
  const db = getDb();
  const [workspaces, setWorkspaces] = useState<WorkspaceRecord[]>([]);
  const [workspace, setWorkspace] = useState<WorkspaceRecord>();
  const [cells, setCells] = useState<CellRecord[]>([]);
  const [datasets, setDatasets] = useState<DatasetMeta[]>([]);
  const [drops, setDrops] = useState<Record<Role, DropState>>({ reference: { status: 'empty' }, current: { status: 'empty' } });
  const [progress, setProgress] = useState<Record<string, { done: number; total: number }>>({});
  const [boot, setBoot] = useState<{ status: 'loading' | 'ready' } | { status: 'error'; message: string }>({ status: 'loading' });
  const [engineMode, setEngineMode] = useState<string>('');
  const [readChoices, setReadChoices] = useState<ReadChoices>({});
  const workspaceRef = useRef<WorkspaceRecord | undefined>(undefined);

  const refresh = useCallback(
    async (workspaceId?: string) => {
      const id = workspaceId ?? workspaceRef.current?.id;
      const [list, stored] = await Promise.all([listWorkspaces(db), listDatasets(db)]);
      setWorkspaces(list);
      setDatasets(stored);
      if (!id) return;
      const current = list.find((w) => w.id === id);
      workspaceRef.current = current;
      setWorkspace(current);
      setCells(await listCells(db, id));
    },
    [db],
  );

  const openWorkspace = useCallback(
    async (id: string) => {
      await setLastWorkspaceId(db, id);
      setDrops({ reference: { status: 'empty' }, current: { status: 'empty' } });
      await refresh(id);
    },
    [db, refresh],
  );

  useEffect(() => {
    const client = getClient();
    setEngineMode(client.mode === 'worker' ? `${client.size} Web Worker${client.size > 1 ? 's' : ''}` : 'main thread');
    let alive = true;
    (async () => {
      const list = await listWorkspaces(db);
      let id: string;
      if (list.length === 0) {
        id = (await seedDemoWorkspace(db, client)).id;
      } else {
        const last = await getLastWorkspaceId(db);
        id = (list.find((w) => w.id === last) ?? list[0]!).id;
      }
      if (!alive) return;
      await openWorkspace(id);
      setBoot({ status: 'ready' });
    })().catch((error: unknown) => alive && setBoot({ status: 'error', message: errorMessage(error) }));
    return () => {
      alive = false;
    };
  }, [db, openWorkspace]);

  const run = useCallback(
    async (cell: CellRecord) => {
      setCells((list) => list.map((c) => (c.id === cell.id ? { ...c, status: 'running' } : c)));
      await runCell(db, getClient(), cell, (done, total) => setProgress((p) => ({ ...p, [cell.id]: { done, total } })));
      setProgress(({ [cell.id]: _, ...rest }) => rest);
      await refresh();
    },
    [db, refresh],
  );

  const compare = useCallback(
    async (reference: DatasetMeta, current: DatasetMeta) => {
      const ws = workspaceRef.current;
      if (!ws) return;
      // The default preset: drift, then data quality side by side.
      const cell = await createCell(db, ws.id, 'drift', reference, current);
      const quality = await createCell(db, ws.id, 'quality', reference, current);
      await refresh();
      await run(cell);
      await run(quality);
      document.querySelector(`[data-cell-id="${CSS.escape(cell.id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    [db, refresh, run],
  );

  /** Sets one side of the comparison; when both sides are set, adds the cells. */
  const choose = useCallback(
    async (role: Role, dataset: DatasetMeta) => {
      let other: DropState | undefined;
      setDrops((d) => {
        other = d[role === 'reference' ? 'current' : 'reference'];
        return { ...d, [role]: { status: 'ready', dataset } };
      });
      await refresh();
      if (other?.status === 'ready') {
        await (role === 'reference' ? compare(dataset, other.dataset) : compare(other.dataset, dataset));
      }
    },
    [refresh, compare],
  );

  const removeDataset = useCallback(
    async (dataset: DatasetMeta) => {
      await deleteDataset(db, dataset.id);
      setDrops((d) => ({
        reference: d.reference.status === 'ready' && d.reference.dataset.id === dataset.id ? { status: 'empty' } : d.reference,
        current: d.current.status === 'ready' && d.current.dataset.id === dataset.id ? { status: 'empty' } : d.current,
      }));
      await refresh();
    },
    [db, refresh],
  );

  const onFile = useCallback(
    async (role: Role, file: File, choices: ReadChoices): Promise<void> => {
      const startedAt = performance.now();
      setDrops((d) => ({ ...d, [role]: { status: 'loading', name: file.name, startedAt } }));
      try {
        const dataset = await addDataset(
          getClient(),
          file,
          file.name,
          (progress) => setDrops((d) => (d[role].status === 'loading' ? { ...d, [role]: { status: 'loading', name: file.name, startedAt, progress } } : d)),
          choices,
        );
        await choose(role, dataset);
      } catch (error) {
        const { code } = toErrorInfo(error);
        // The two problems a user can choose to read past: ragged rows and a Windows-1252 file.
        const fix: ReadChoices | undefined =
          code === 'ragged-row' ? { ...choices, skipMalformed: true } : code === 'not-utf8' ? { ...choices, encoding: 'windows-1252' } : undefined;
        setDrops((d) => ({
          ...d,
          [role]:
            code === 'aborted'
              ? { status: 'empty' }
              : {
                  status: 'error',
                  name: file.name,
                  message: errorMessage(error),
                  code,
                  retry: fix ? () => void onFileRef.current(role, file, fix) : undefined,
                  retryLabel: code === 'ragged-row' ? 'Skip malformed rows and load' : 'Decode as Windows-1252',
                },
        }));
      }
    },
    [choose],
  );

  const changeRoles = useCallback(
    async (role: Role, roles: Record<string, ColumnRole>) => {
      const state = drops[role];
      if (state.status !== 'ready') return;
      const dataset = await updateDatasetRoles(db, state.dataset.id, roles);
      setDrops((d) => ({ ...d, [role]: { status: 'ready', dataset } }));
      await refresh();
    },
    [db, drops, refresh],
  );

  // A column's type is set on both sides at once, or the two would conflict.
  const changeTypes = useCallback(
    async (_role: Role, types: Record<string, ColumnType>) => {
      const next = { ...drops };
      for (const side of ['reference', 'current'] as const) {
        const state = drops[side];
        if (state.status !== 'ready') continue;
        const own = Object.fromEntries(Object.entries(types).filter(([name]) => state.dataset.schema.some((c) => c.name === name)));
        if (Object.keys(own).length) next[side] = { status: 'ready', dataset: await updateDatasetTypes(db, state.dataset.id, own) };
      }
      setDrops(next);
      await refresh();
    },
    [db, drops, refresh],
  );

  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;

  const newWorkspace = useCallback(async () => {
    const ws = await createWorkspace(db, `Workspace ${workspaces.length + 1}`);
    await openWorkspace(ws.id);
  }, [db, workspaces.length, openWorkspace]);

  return (
    <div className="app">
      <Sidebar
        workspaces={workspaces}
        activeId={workspace?.id}
        datasets={datasets}
        onOpen={(id) => void openWorkspace(id)}
        onNew={() => void newWorkspace()}
        onUse={(role, dataset) => void choose(role, dataset)}
        onDelete={(dataset) => void removeDataset(dataset)}
      />
      <main className="main" id="main">
        <header className="topbar">
          <div>
            <p className="eyebrow">Workspace</p>
            <h1 data-testid="workspace-name">{workspace?.name ?? 'Driftbook'}</h1>
          </div>
          <p className="topbar-meta muted">
            <span className="privacy-dot" aria-hidden="true" /> Computed in your browser ({engineMode || '…'}) · nothing is uploaded · v{APP_VERSION}
          </p>
        </header>

        {boot.status === 'error' ? (
          <div className="error-box" role="alert">
            <strong>Driftbook could not start.</strong> {boot.message}
          </div>
        ) : null}

        <section className="compare" aria-label="Compare two datasets">
          <h2 className="section-title">Compare two datasets</h2>
          <ReadingOptions value={readChoices} onChange={setReadChoices} />
          <div className="compare-grid">
            {(['reference', 'current'] as const).map((role) => (
              <DatasetDrop
                key={role}
                role={role}
                state={drops[role]}
                onFile={(file) => void onFile(role, file, readChoices)}
                onCancel={() => getClient().cancel()}
                onRoles={(roles) => void changeRoles(role, roles)}
                onTypes={(types) => void changeTypes(role, types)}
              />
            ))}
          </div>
        </section>

        {boot.status === 'loading' ? (
          <div className="cell cell-placeholder" role="status">
            <progress aria-label="Preparing the demo workspace" />
            <span className="muted">Preparing the demo workspace: parsing two CSVs and computing drift in a worker…</span>
          </div>
        ) : null}

        {cells.map((cell) => {
          const Cell = CELL_COMPONENTS[cell.kind];
          return (
            <div key={cell.id} data-cell-id={cell.id}>
              <Cell
                cell={cell}
                progress={progress[cell.id]}
                onRun={() => void run(cell)}
                onCancel={() => getClient().cancel()}
                onExport={() => workspace && cell.result?.kind === 'drift' && void downloadReport(cell.result, workspace.name)}
                onConfigChange={(config) => void run({ ...cell, config })}
              />
            </div>
          );
        })}
        {boot.status === 'ready' && cells.length === 0 ? (
          <p className="empty-state muted">This workspace is empty: choose a reference and a current dataset above to add a drift cell.</p>
        ) : null}
      </main>
    </div>
  );
}
