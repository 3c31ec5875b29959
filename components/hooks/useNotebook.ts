'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import {
  configWithThreshold,
  createCell,
  newCellInputs,
  presetCells,
  runCell,
  shouldAutoRun,
  thresholdTargets,
  INPUT_SLOTS,
  type CellKind,
  type InputSlot,
  type NewCell,
} from '../../lib/notebook';
import { splitPresetCells } from '../../lib/notebook/split-preset';
import { deleteCell, duplicateCell, insertCell, moveCell, setCellInput, setCellSegment, updateCell } from '../../lib/store/cells';
import type { DriftbookDb } from '../../lib/store/db';
import type { CellRecord, WorkspaceRecord } from '../../lib/store/types';
import { listCells } from '../../lib/store/workspaces';
import { getClient } from '../engine';
import { downloadReport } from '../export-report';
import type { NotebookActions } from '../Notebook';
import type { ToastState } from '../ui/Toast';

const NO_CELLS: CellRecord[] = [];
type Progress = Record<string, { done: number; total: number }>;

interface NotebookOptions {
  db: DriftbookDb;
  workspace: WorkspaceRecord | undefined;
  /** The workspace open now (Run all stops when another one is opened). */
  workspaceRef: MutableRefObject<string | undefined>;
  datasets: DatasetMeta[];
  /** Datasets a new cell starts with when no cell has inputs yet (the chosen drops). */
  fallbackInputs: () => { reference?: DatasetMeta; current?: DatasetMeta };
  notify: (toast: ToastState) => void;
  fail: (error: unknown) => void;
}

/** Every change to a stored cell stamps updatedAt, except its position and the running status. */
const sameCell = (a: CellRecord, b: CellRecord): boolean =>
  a.updatedAt === b.updatedAt &&
  a.order === b.order &&
  a.status === b.status &&
  a.resultKey === b.resultKey &&
  a.title === b.title &&
  a.collapsed === b.collapsed;

/** The open workspace's cells (live across tabs), their staleness and progress, and every notebook action. */
export function useNotebook({ db, workspace, workspaceRef, datasets, fallbackInputs, notify, fail }: NotebookOptions) {
  const workspaceId = workspace?.id;
  const read = useLiveQuery(() => (workspaceId ? listCells(db, workspaceId) : Promise.resolve(NO_CELLS)), [db, workspaceId]) ?? NO_CELLS;
  // Every change to any cell re-reads them all: an unchanged cell keeps its object, so its charts
  // (effects keyed on its result) are not rebuilt each time another cell's status or progress moves.
  const kept = useRef(new Map<string, CellRecord>());
  const cells = useMemo(() => {
    const next = read.map((cell) => {
      const old = kept.current.get(cell.id);
      return old && sameCell(old, cell) ? old : cell;
    });
    kept.current = new Map(next.map((cell) => [cell.id, cell]));
    return next;
  }, [read]);
  const [progress, setProgress] = useState<Progress>({});
  const [stale, setStale] = useState<ReadonlySet<string>>(new Set());

  // A cell is stale when running it now would give another result key than its stored result's.
  // Keys are hashed in a worker (a 100,000-column description hashes for seconds) and remembered
  // per cell until its kind, config, inputs or an input's description change.
  const keys = useRef(new Map<string, { sig: string; described: (DatasetMeta | undefined)[]; key: string | undefined }>());
  useEffect(() => {
    let alive = true;
    const described = (c: CellRecord) => [c.inputs.reference?.id, c.inputs.current?.id].map((id) => datasets.find((d) => d.id === id));
    const judged = cells.filter((c) => (c.status === 'ok' || c.status === 'error') && c.resultKey);
    const fresh = (c: CellRecord) => {
      const known = keys.current.get(c.id);
      const now = described(c);
      return known && known.sig === JSON.stringify([c.kind, c.config, c.inputs]) && known.described.every((d, i) => d === now[i]) ? known : undefined;
    };
    const missing = judged.filter((c) => !fresh(c));
    void (missing.length ? getClient().currentResultKeys(missing.map(({ kind, config, inputs }) => ({ kind, config, inputs }))) : Promise.resolve([]))
      .then((computed) => {
        missing.forEach((c, i) => keys.current.set(c.id, { sig: JSON.stringify([c.kind, c.config, c.inputs]), described: described(c), key: computed[i] }));
        if (alive) setStale(new Set(judged.filter((c) => fresh(c)?.key !== c.resultKey).map((c) => c.id)));
      })
      // Cancelled with the workers: judged again at the next change.
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [cells, datasets]);

  const run = useCallback(
    async (cell: CellRecord) => {
      // At most five progress renders a second: each one re-renders the page.
      let last = -Infinity;
      const report = (done: number, total: number) => {
        const now = performance.now();
        if (done < total && now - last < 200) return;
        last = now;
        setProgress((p) => ({ ...p, [cell.id]: { done, total } }));
      };
      await runCell(db, getClient(), cell, report);
      setProgress(({ [cell.id]: _, ...rest }) => rest);
    },
    [db],
  );

  /** Runs the workspace's cells top to bottom, each as stored when its turn comes; stops if another workspace opens. */
  const runAll = useCallback(async () => {
    if (!workspaceId) return;
    for (const { id } of await listCells(db, workspaceId)) {
      if (workspaceRef.current !== workspaceId) return;
      const fresh = await db.cells.get(id);
      if (fresh) await run(fresh);
    }
  }, [db, run, workspaceId, workspaceRef]);

  /** The datasets a new cell starts with: the last cell's inputs, else the chosen drops. */
  const defaultInputs = useCallback((): { reference?: DatasetMeta; current?: DatasetMeta } => {
    const find = (id?: string) => datasets.find((d) => d.id === id);
    for (const cell of [...cells].reverse()) {
      const reference = find(cell.inputs.reference?.id);
      if (reference) return { reference, current: find(cell.inputs.current?.id) };
    }
    return fallbackInputs();
  }, [cells, datasets, fallbackInputs]);

  /** Adds cells at the end of the open workspace, scrolls to the first, then runs them in order. */
  const addAndRun = useCallback(
    async (specs: readonly NewCell[]) => {
      // Read at call time: a pair dropped during boot arrives just as the first workspace opens.
      const id = workspaceRef.current;
      if (!id) return;
      const added = [];
      for (const spec of specs) added.push(await createCell(db, id, spec));
      if (added[0]) document.querySelector(`[data-cell-id="${CSS.escape(added[0].id)}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      for (const cell of added) await run(cell);
    },
    [db, run, workspaceRef],
  );

  /** The default preset (lib/notebook/presets.ts) for a new pair of datasets. */
  const compare = useCallback((reference: DatasetMeta, current: DatasetMeta) => addAndRun(presetCells(reference, current)), [addAndRun]);

  /** The default preset over ONE dataset: the rows a segment keeps against the rest. */
  const split = useCallback((dataset: DatasetMeta, segment: string) => addAndRun(splitPresetCells(dataset, segment)), [addAndRun]);

  const actions: NotebookActions = useMemo(
    () => ({
      // The cell as stored (an input or setting just chosen may not have reached this render's copy yet).
      run: (cell) => void (async () => run((await db.cells.get(cell.id)) ?? cell))().catch(fail),
      cancel: () => getClient().cancel(),
      add: (kind: CellKind, index: number) =>
        void (async () => {
          if (!workspaceId) return;
          const inputs = newCellInputs(kind, defaultInputs());
          // The kind's default config for these datasets (e.g. a column detail's first numeric column).
          const cell = await createCell(db, workspaceId, { kind, ...inputs, index });
          if (shouldAutoRun(cell)) await run(cell);
        })().catch(fail),
      move: (cell, by) => void moveCell(db, cell.id, by).catch(fail),
      duplicate: (cell) => void duplicateCell(db, cell.id).catch(fail),
      remove: (cell) =>
        void (async () => {
          const removed = await deleteCell(db, cell.id);
          if (!removed) return;
          const { order, ...rest } = removed;
          notify({ message: `Deleted cell “${removed.title}”.`, undo: async () => void (await insertCell(db, rest, order)) });
        })().catch(fail),
      update: (cell, changes) => void updateCell(db, cell.id, changes).catch(fail),
      setConfig: (cell, config) => void (async () => run(await updateCell(db, cell.id, { config })))().catch(fail),
      setInput: (cell, slot, dataset) => void setCellInput(db, cell.id, slot, dataset && { id: dataset.id, sha256: dataset.sha256 }).catch(fail),
      useDataset: (cell, slot, dataset, config) =>
        void (async () => {
          const updated = await setCellInput(db, cell.id, slot, { id: dataset.id, sha256: dataset.sha256 });
          await run(config ? await updateCell(db, updated.id, { config }) : updated);
        })().catch(fail),
      setSegment: (cell, slot, segment) => void (async () => run(await setCellSegment(db, cell.id, slot, segment)))().catch(fail),
      shareThreshold: (from, threshold) =>
        void (async () => {
          // Every other cell whose kind takes a shared threshold (its spec says so) derives its predictions from its score at it.
          const others = thresholdTargets(await listCells(db, from.workspaceId), from);
          for (const cell of others) {
            const config = configWithThreshold(cell, threshold);
            if (config) await run(await updateCell(db, cell.id, { config }));
          }
          notify({ message: `Threshold ${threshold} applied to ${others.length} other model ${others.length === 1 ? 'cell' : 'cells'}.` });
        })().catch(fail),
      addAfter: (from, added) =>
        void (async () => {
          const metaOf = (slot: InputSlot) => datasets.find((d) => d.id === from.inputs[slot]?.id);
          const own = Object.fromEntries(INPUT_SLOTS.flatMap((slot) => (from.inputs[slot]?.segment ? [[slot, from.inputs[slot]!.segment!]] : [])));
          const index = (await listCells(db, from.workspaceId)).findIndex((c) => c.id === from.id) + 1;
          const cell = await createCell(db, from.workspaceId, {
            kind: added.kind,
            reference: metaOf('reference'),
            current: metaOf('current'),
            segments: { ...own, ...added.segments },
            title: added.title,
            ...(added.config ? { config: added.config } : {}),
            index,
          });
          if (shouldAutoRun(cell)) await run(cell);
        })().catch(fail),
      exportCells: (chosen) => {
        if (workspace) void downloadReport(workspace, chosen, datasets).catch(fail);
      },
    }),
    [db, run, fail, notify, workspaceId, workspace, datasets, defaultInputs],
  );

  return { cells, stale, progress, actions, runAll, compare, split };
}
