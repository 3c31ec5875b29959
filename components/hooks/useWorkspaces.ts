'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import type { DriftbookDb } from '../../lib/store/db';
import type { WorkspaceRecord } from '../../lib/store/types';
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  getLastWorkspaceId,
  listWorkspaces,
  renameWorkspace,
  restoreWorkspace,
  setLastWorkspaceId,
} from '../../lib/store/workspaces';
import { getClient } from '../engine';
import type { ToastState } from '../ui/Toast';
import { seedDemoWorkspace } from '../workbench-actions';

// A stable empty list: a new [] each render would re-run every effect that depends on it.
const NO_WORKSPACES: WorkspaceRecord[] = [];

export type BootState = { status: 'loading' | 'ready' } | { status: 'error'; message: string };

/**
 * The workspaces (live across tabs), the open one, and first-visit boot (the demo workspace).
 * `onSwitch` runs when another workspace opens (the page clears its drop zones unless told to keep them).
 */
export function useWorkspaces(db: DriftbookDb, notify: (toast: ToastState) => void, onSwitch: (keepDrops: boolean) => void) {
  const [workspaceId, setWorkspaceId] = useState<string>();
  const workspaces = useLiveQuery(() => listWorkspaces(db), [db]) ?? NO_WORKSPACES;
  const workspace = workspaces.find((w) => w.id === workspaceId);
  const [boot, setBoot] = useState<BootState>({ status: 'loading' });
  // The open workspace as last set (async callbacks read it after awaits).
  const workspaceRef = useRef<string | undefined>(undefined);
  workspaceRef.current = workspaceId;
  // Files dropped while the first workspace is still being prepared wait for it.
  const [ready] = useState(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });

  const open = useCallback(
    async (id: string, { keepDrops = false } = {}) => {
      await setLastWorkspaceId(db, id);
      onSwitch(keepDrops);
      workspaceRef.current = id;
      setWorkspaceId(id);
    },
    [db, onSwitch],
  );

  useEffect(() => {
    let alive = true;
    (async () => {
      const list = await listWorkspaces(db);
      let id: string;
      if (list.length === 0) {
        id = (await seedDemoWorkspace(db, getClient())).id;
      } else {
        const last = await getLastWorkspaceId(db);
        id = (list.find((w) => w.id === last) ?? list[0]!).id;
      }
      if (!alive) return;
      // Files dropped while the demo was being prepared stay chosen.
      await open(id, { keepDrops: true });
      setBoot({ status: 'ready' });
      ready.resolve();
    })().catch((error: unknown) => alive && setBoot({ status: 'error', message: errorMessage(error) }));
    return () => {
      alive = false;
    };
  }, [db, open, ready]);

  const actions = useMemo(
    () => ({
      open,
      create: async () => open((await createWorkspace(db, `Workspace ${workspaces.length + 1}`)).id),
      rename: async (id: string, name: string) => void (await renameWorkspace(db, id, name)),
      duplicate: async (id: string) => open((await duplicateWorkspace(db, id)).id),
      remove: async (id: string) => {
        const deleted = await deleteWorkspace(db, id);
        const rest = (await listWorkspaces(db))[0];
        if (id === workspaceRef.current) await open(rest ? rest.id : (await createWorkspace(db, 'Workspace 1')).id);
        notify({
          message: `Deleted workspace “${deleted.workspace.name}” (${deleted.cells.length} cells${deleted.modelCards.cards.length ? ', its model card and every version' : ''}).`,
          undo: async () => {
            await restoreWorkspace(db, deleted);
            await open(deleted.workspace.id);
          },
        });
      },
    }),
    [db, workspaces.length, open, notify],
  );

  return { workspaces, workspace, workspaceId, workspaceRef, boot, ready: ready.promise, actions };
}
