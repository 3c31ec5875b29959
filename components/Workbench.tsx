'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnRole, ColumnType, DatasetMeta } from '../lib/data/types';
import { errorMessage, toErrorInfo } from '../lib/errors';
import type { ReadChoices } from '../lib/engine';
import type { CellKind } from '../lib/report/cell-kinds';
import { cellSpec } from '../lib/report/registry';
import { deleteCell, duplicateCell, moveCell, setCellInput, updateCell } from '../lib/store/cells';
import { getDb } from '../lib/store/db';
import { deleteDataset, listDatasets, updateDatasetRoles, updateDatasetTypes } from '../lib/store/datasets';
import type { CellRecord, WorkspaceRecord } from '../lib/store/types';
import {
  addWorkspaceDataset,
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getLastWorkspaceId,
  listCells,
  listWorkspaces,
  renameWorkspace,
  restoreWorkspace,
  setLastWorkspaceId,
  type DeletedWorkspace,
} from '../lib/store/workspaces';
import { APP_VERSION } from '../lib/version';
import { createEngineClient, type EngineClient } from './engine-client';
import { downloadReport } from './export-report';
import { Notebook, type NotebookActions } from './Notebook';
import { DatasetDrop, type DropState } from './ui/DatasetDrop';
import { ExportMenu } from './ui/ExportMenu';
import { ReadingOptions } from './ui/ReadingOptions';
import { Sidebar } from './ui/Sidebar';
import { Toast, type ToastState } from './ui/Toast';
import { createCell, currentResultKey, runCell, seedDemoWorkspace, addDataset } from './workbench-actions';

type Role = 'reference' | 'current';

let sharedClient: EngineClient | undefined;
/** One engine (worker pool) per page, created on first use in the browser and kept for the page's life. */
function getClient(): EngineClient {
  sharedClient ??= createEngineClient();
  return sharedClient;
}

// Stable empties: a new [] each render would re-run every effect that depends on the lists.
const NO_WORKSPACES: WorkspaceRecord[] = [];
const NO_DATASETS: DatasetMeta[] = [];
const NO_CELLS: CellRecord[] = [];

const EMPTY_DROPS: Record<Role, DropState> = { reference: { status: 'empty' }, current: { status: 'empty' } };

export function Workbench() {
  const db = getDb();
  const [workspaceId, setWorkspaceId] = useState<string>();
  // Live queries: edits made in another tab (or by a worker) show up here without a reload.
  const workspaces = useLiveQuery(() => listWorkspaces(db), [db]) ?? NO_WORKSPACES;
  const datasets = useLiveQuery(() => listDatasets(db), [db]) ?? NO_DATASETS;
  const cells = useLiveQuery(() => (workspaceId ? listCells(db, workspaceId) : Promise.resolve(NO_CELLS)), [db, workspaceId]) ?? NO_CELLS;
  const workspace = workspaces.find((w) => w.id === workspaceId);
  const [drops, setDropsState] = useState<Record<Role, DropState>>(EMPTY_DROPS);
  // The drops as last set (async callbacks read it; a state updater would run too late).
  const dropsRef = useRef(drops);
  const setDrops = useCallback((next: Record<Role, DropState> | ((d: Record<Role, DropState>) => Record<Role, DropState>)) => {
    dropsRef.current = typeof next === 'function' ? next(dropsRef.current) : next;
    setDropsState(dropsRef.current);
  }, []);
  const [progress, setProgress] = useState<Record<string, { done: number; total: number }>>({});
  const [boot, setBoot] = useState<{ status: 'loading' | 'ready' } | { status: 'error'; message: string }>({ status: 'loading' });
  const [engineMode, setEngineMode] = useState<string>('');
  const [readChoices, setReadChoices] = useState<ReadChoices>({});
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastState>();
  const workspaceRef = useRef<string | undefined>(undefined);
  workspaceRef.current = workspaceId;
  // Files dropped while the first workspace is still being prepared wait for it.
  const [ready] = useState(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  const readyPromise = ready.promise;

  const usedIds = useMemo(
    () =>
      new Set([
        ...(workspace?.datasetIds ?? []),
        ...cells.flatMap((c) => [c.inputs.reference?.id, c.inputs.current?.id]).filter((id): id is string => id !== undefined),
      ]),
    [workspace, cells],
  );

  const fail = useCallback((error: unknown) => setToast({ message: errorMessage(error), tone: 'bad' }), []);

  const openWorkspace = useCallback(
    async (id: string, { keepDrops = false } = {}) => {
      await setLastWorkspaceId(db, id);
      if (!keepDrops) {
        setDrops(EMPTY_DROPS);
      }
      workspaceRef.current = id;
      setWorkspaceId(id);
    },
    [db, setDrops],
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
      // Files dropped while the demo was being prepared stay chosen.
      await openWorkspace(id, { keepDrops: true });
      setBoot({ status: 'ready' });
      ready.resolve();
    })().catch((error: unknown) => alive && setBoot({ status: 'error', message: errorMessage(error) }));
    return () => {
      alive = false;
    };
  }, [db, openWorkspace, ready]);

  // A cell is stale when running it now would give another result key than its stored result's.
  useEffect(() => {
    let alive = true;
    void Promise.all(
      cells.map(async (c) =>
        (c.status === 'ok' || c.status === 'error') && c.resultKey && (await currentResultKey(c, datasets)) !== c.resultKey ? c.id : undefined,
      ),
    ).then((ids) => alive && setStale(new Set(ids.filter((id): id is string => id !== undefined))));
    return () => {
      alive = false;
    };
  }, [cells, datasets]);

  const run = useCallback(
    async (cell: CellRecord) => {
      await runCell(db, getClient(), cell, (done, total) => setProgress((p) => ({ ...p, [cell.id]: { done, total } })));
      setProgress(({ [cell.id]: _, ...rest }) => rest);
    },
    [db],
  );

  const runAll = useCallback(async () => {
    for (const cell of await listCells(db, workspaceRef.current ?? '')) {
      if (workspaceRef.current !== cell.workspaceId) return;
      const fresh = await db.cells.get(cell.id);
      if (fresh) await run(fresh);
    }
  }, [db, run]);

  /** The datasets a new cell starts with: the last cell's inputs, else the chosen drops. */
  const defaultInputs = useCallback((): { reference?: DatasetMeta; current?: DatasetMeta } => {
    const find = (id?: string) => datasets.find((d) => d.id === id);
    for (const cell of [...cells].reverse()) {
      const reference = find(cell.inputs.reference?.id);
      if (reference) return { reference, current: find(cell.inputs.current?.id) };
    }
    return {
      reference: drops.reference.status === 'ready' ? drops.reference.dataset : undefined,
      current: drops.current.status === 'ready' ? drops.current.dataset : undefined,
    };
  }, [cells, datasets, drops]);

  const actions: NotebookActions = useMemo(
    () => ({
      run: (cell) => void run(cell).catch(fail),
      cancel: () => getClient().cancel(),
      add: (kind: CellKind, index: number) =>
        void (async () => {
          if (!workspaceId) return;
          const spec = cellSpec(kind);
          const inputs = spec.inputs.length || spec.optional?.length ? defaultInputs() : {};
          const config = spec.defaultConfig();
          if (kind === 'column' && inputs.reference) {
            const first = inputs.reference.schema.find((c) => c.type === 'numeric') ?? inputs.reference.schema[0];
            Object.assign(config, { column: first?.name });
          }
          const cell = await createCell(db, workspaceId, { kind, ...inputs, config, index });
          // Analyses with their datasets run at once; a chart waits for its columns to be chosen.
          if (spec.compute && kind !== 'chart' && spec.inputs.every((slot) => cell.inputs[slot])) await run(cell);
        })().catch(fail),
      move: (cell, by) => void moveCell(db, cell.id, by).catch(fail),
      duplicate: (cell) => void duplicateCell(db, cell.id).catch(fail),
      remove: (cell) =>
        void (async () => {
          const removed = await deleteCell(db, cell.id);
          if (removed) {
            setToast({
              message: `Deleted cell “${removed.title}”.`,
              undo: async () => {
                const { insertCell } = await import('../lib/store/cells');
                const { order, ...rest } = removed;
                await insertCell(db, rest, order);
              },
            });
          }
        })().catch(fail),
      update: (cell, changes) => void updateCell(db, cell.id, changes).catch(fail),
      setConfig: (cell, config) =>
        void (async () => {
          const next = await updateCell(db, cell.id, { config });
          await run(next);
        })().catch(fail),
      setInput: (cell, slot, dataset) => void setCellInput(db, cell.id, slot, dataset && { id: dataset.id, sha256: dataset.sha256 }).catch(fail),
      shareThreshold: (from, threshold) =>
        void (async () => {
          // Every other binary model cell derives its predictions from its score at this threshold
          // (a fairness cell only when it has a score column).
          const others = (await listCells(db, from.workspaceId)).filter(
            (c) =>
              c.id !== from.id &&
              (c.kind === 'classification' || c.kind === 'estimated' || (c.kind === 'fairness' && (c.config as { score?: string }).score !== undefined)),
          );
          for (const cell of others) {
            const { prediction: _p, ...config } = cell.config as { prediction?: string; threshold?: number };
            await run(await updateCell(db, cell.id, { config: { ...config, threshold } }));
          }
          setToast({ message: `Threshold ${threshold} applied to ${others.length} other model ${others.length === 1 ? 'cell' : 'cells'}.` });
        })().catch(fail),
      exportCells: (chosen) => {
        if (workspace) void downloadReport(workspace, chosen, datasets).catch(fail);
      },
    }),
    [db, run, fail, workspaceId, workspace, datasets, defaultInputs],
  );

  const compare = useCallback(
    async (reference: DatasetMeta, current: DatasetMeta) => {
      await readyPromise;
      const id = workspaceRef.current;
      if (!id) return;
      // The default preset: drift, then data quality side by side.
      const drift = await createCell(db, id, { kind: 'drift', reference, current });
      const quality = await createCell(db, id, { kind: 'quality', reference, current });
      document.querySelector(`[data-cell-id="${CSS.escape(drift.id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      await run(drift);
      await run(quality);
    },
    [db, run, readyPromise],
  );

  /** Sets one side of the comparison; when both sides are set, adds the cells. */
  const choose = useCallback(
    async (role: Role, dataset: DatasetMeta) => {
      const other = dropsRef.current[role === 'reference' ? 'current' : 'reference'];
      setDrops((d) => ({ ...d, [role]: { status: 'ready', dataset } }));
      await readyPromise;
      if (workspaceRef.current) await addWorkspaceDataset(db, workspaceRef.current, dataset.id);
      if (other.status === 'ready') {
        await (role === 'reference' ? compare(dataset, other.dataset) : compare(other.dataset, dataset));
      }
    },
    [db, compare, readyPromise, setDrops],
  );

  const removeDataset = useCallback(
    async (dataset: DatasetMeta) => {
      await deleteDataset(db, dataset.id);
      setDrops((d) => ({
        reference: d.reference.status === 'ready' && d.reference.dataset.id === dataset.id ? { status: 'empty' } : d.reference,
        current: d.current.status === 'ready' && d.current.dataset.id === dataset.id ? { status: 'empty' } : d.current,
      }));
    },
    [db, setDrops],
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
    [choose, setDrops],
  );

  const changeRoles = useCallback(
    async (role: Role, roles: Record<string, ColumnRole>) => {
      const state = drops[role];
      if (state.status !== 'ready') return;
      const dataset = await updateDatasetRoles(db, state.dataset.id, roles);
      setDrops((d) => ({ ...d, [role]: { status: 'ready', dataset } }));
    },
    [db, drops, setDrops],
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
    },
    [db, drops, setDrops],
  );

  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;

  const workspaceActions = useMemo(
    () => ({
      create: async () => openWorkspace((await createWorkspace(db, `Workspace ${workspaces.length + 1}`)).id),
      rename: async (id: string, name: string) => void (await renameWorkspace(db, id, name)),
      duplicate: async (id: string) => openWorkspace((await duplicateWorkspace(db, id)).id),
      remove: async (id: string) => {
        const deleted: DeletedWorkspace = await deleteWorkspace(db, id);
        const rest = (await listWorkspaces(db))[0];
        if (id === workspaceRef.current) {
          if (rest) await openWorkspace(rest.id);
          else await openWorkspace((await createWorkspace(db, 'Workspace 1')).id);
        }
        setToast({
          message: `Deleted workspace “${deleted.workspace.name}” (${deleted.cells.length} cells).`,
          undo: async () => {
            await restoreWorkspace(db, deleted);
            await openWorkspace(deleted.workspace.id);
          },
        });
      },
    }),
    [db, workspaces.length, openWorkspace],
  );

  return (
    <div className="app">
      <Sidebar
        workspaces={workspaces}
        activeId={workspaceId}
        datasets={datasets}
        usedIds={usedIds}
        onOpen={(id) => void openWorkspace(id).catch(fail)}
        onNew={() => void workspaceActions.create().catch(fail)}
        onRename={(id, name) => void workspaceActions.rename(id, name).catch(fail)}
        onDuplicate={(id) => void workspaceActions.duplicate(id).catch(fail)}
        onDeleteWorkspace={(id) => void workspaceActions.remove(id).catch(fail)}
        onUse={(role, dataset) => void choose(role, dataset).catch(fail)}
        onDelete={(dataset) => void removeDataset(dataset).catch(fail)}
      />
      <main className="main" id="main">
        <header className="topbar">
          <div>
            <p className="eyebrow">Workspace</p>
            <h1 data-testid="workspace-name">{workspace?.name ?? 'Driftbook'}</h1>
          </div>
          <div className="topbar-side">
            {workspace ? (
              <ExportMenu
                workspace={workspace}
                cells={cells}
                datasets={datasets}
                onRunAll={() => void runAll().catch(fail)}
                onImported={(id) => void openWorkspace(id)}
                onError={fail}
                onMessage={(message) => setToast({ message })}
              />
            ) : null}
            <p className="topbar-meta muted">
              <span className="privacy-dot" aria-hidden="true" /> Computed in your browser ({engineMode || '…'}) · nothing is uploaded · v{APP_VERSION}
            </p>
          </div>
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
                onRoles={(roles) => void changeRoles(role, roles).catch(fail)}
                onTypes={(types) => void changeTypes(role, types).catch(fail)}
              />
            ))}
          </div>
        </section>

        {boot.status === 'loading' ? (
          <div className="cell cell-placeholder" role="status">
            <progress aria-label="Preparing the demo workspace" />
            <span className="muted">Preparing the demo workspace: parsing two CSVs and computing drift in a worker…</span>
          </div>
        ) : (
          <Notebook cells={cells} datasets={datasets} stale={stale} progress={progress} actions={actions} />
        )}
        {boot.status === 'ready' && cells.length === 0 ? (
          <p className="empty-state muted">This workspace is empty: choose a reference and a current dataset above to add a drift cell, or add a cell.</p>
        ) : null}
      </main>
      <Toast state={toast} onClose={() => setToast(undefined)} />
    </div>
  );
}
