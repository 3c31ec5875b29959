'use client';
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { ColumnRole, ColumnType, DatasetMeta } from '../../lib/data/types';
import type { ReadChoices } from '../../lib/engine';
import { errorMessage, toErrorInfo } from '../../lib/errors';
import { deleteDataset } from '../../lib/store/datasets';
import type { DriftbookDb } from '../../lib/store/db';
import { addWorkspaceDataset } from '../../lib/store/workspaces';
import { getClient } from '../engine';
import type { DropState } from '../ui/DatasetDrop';

export type Side = 'reference' | 'current';
export type Drops = Record<Side, DropState>;

export const EMPTY_DROPS: Drops = { reference: { status: 'empty' }, current: { status: 'empty' } };

const other = (side: Side): Side => (side === 'reference' ? 'current' : 'reference');

/** The two problems a user can choose to read past: ragged rows and a Windows-1252 file. */
function recovery(code: string, choices: ReadChoices): { fix: ReadChoices; label: string } | undefined {
  if (code === 'ragged-row') return { fix: { ...choices, skipMalformed: true }, label: 'Skip malformed rows and load' };
  if (code === 'not-utf8') return { fix: { ...choices, encoding: 'windows-1252' }, label: 'Decode as Windows-1252' };
  return undefined;
}

interface DropOptions {
  db: DriftbookDb;
  /** Resolves once the first workspace is open (files dropped earlier wait for it). */
  ready: Promise<void>;
  workspaceRef: MutableRefObject<string | undefined>;
  /** Both sides are set: compare them. */
  onPair: (reference: DatasetMeta, current: DatasetMeta) => Promise<void>;
  /** A description was edited here (types, roles): the page's list re-reads it. */
  onEdited?: () => void;
}

/** The reference and current drop zones: read and store a file in a worker, recover, edit types and roles, reuse stored datasets. */
export function useDrops({ db, ready, workspaceRef, onPair, onEdited }: DropOptions) {
  const [drops, setDropsState] = useState<Drops>(EMPTY_DROPS);
  // The drops as last set (async callbacks read it; a state updater would run too late).
  const dropsRef = useRef(drops);
  const setDrops = useCallback((next: Drops | ((d: Drops) => Drops)) => {
    dropsRef.current = typeof next === 'function' ? next(dropsRef.current) : next;
    setDropsState(dropsRef.current);
  }, []);
  const clear = useCallback(() => setDrops(EMPTY_DROPS), [setDrops]);

  /** Sets one side of the comparison; when both sides are set, compares them. */
  const choose = useCallback(
    async (side: Side, dataset: DatasetMeta) => {
      const paired = dropsRef.current[other(side)];
      setDrops((d) => ({ ...d, [side]: { status: 'ready', dataset } }));
      await ready;
      if (workspaceRef.current) await addWorkspaceDataset(db, workspaceRef.current, dataset.id);
      if (paired.status === 'ready') await (side === 'reference' ? onPair(dataset, paired.dataset) : onPair(paired.dataset, dataset));
    },
    [db, ready, workspaceRef, onPair, setDrops],
  );

  const load = useCallback(
    async function load(side: Side, file: File, choices: ReadChoices): Promise<void> {
      const startedAt = performance.now();
      setDrops((d) => ({ ...d, [side]: { status: 'loading', name: file.name, startedAt } }));
      try {
        const dataset = await getClient().store(
          file,
          file.name,
          (progress) => setDrops((d) => (d[side].status === 'loading' ? { ...d, [side]: { status: 'loading', name: file.name, startedAt, progress } } : d)),
          choices,
        );
        await choose(side, dataset);
      } catch (error) {
        const { code } = toErrorInfo(error);
        const way = recovery(code, choices);
        setDrops((d) => ({
          ...d,
          [side]:
            code === 'aborted'
              ? { status: 'empty' }
              : {
                  status: 'error',
                  name: file.name,
                  message: errorMessage(error),
                  code,
                  retry: way && (() => void load(side, file, way.fix)),
                  retryLabel: way?.label,
                },
        }));
      }
    },
    [choose, setDrops],
  );

  const removeDataset = useCallback(
    async (dataset: DatasetMeta) => {
      await deleteDataset(db, dataset.id);
      const keep = (state: DropState): DropState => (state.status === 'ready' && state.dataset.id === dataset.id ? { status: 'empty' } : state);
      setDrops((d) => ({ reference: keep(d.reference), current: keep(d.current) }));
    },
    [db, setDrops],
  );

  const changeRoles = useCallback(
    async (side: Side, roles: Record<string, ColumnRole>) => {
      const state = dropsRef.current[side];
      if (state.status !== 'ready') return;
      // In a worker: a 100,000-column description read and written here would block the page.
      const dataset = await getClient().updateRoles(state.dataset.id, roles);
      setDrops((d) => ({ ...d, [side]: { status: 'ready', dataset } }));
      onEdited?.();
    },
    [setDrops, onEdited],
  );

  // A column's type is set on both sides at once, or the two would conflict.
  const changeTypes = useCallback(
    async (types: Record<string, ColumnType>) => {
      const next = { ...dropsRef.current };
      for (const side of ['reference', 'current'] as const) {
        const state = next[side];
        if (state.status !== 'ready') continue;
        const names = new Set(state.dataset.schema.map((c) => c.name));
        const own = Object.fromEntries(Object.entries(types).filter(([name]) => names.has(name)));
        if (Object.keys(own).length) next[side] = { status: 'ready', dataset: await getClient().updateTypes(state.dataset.id, own) };
      }
      setDrops(next);
      onEdited?.();
    },
    [setDrops, onEdited],
  );

  return { drops, clear, choose, load, removeDataset, changeRoles, changeTypes };
}
