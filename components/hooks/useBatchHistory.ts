'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { toErrorInfo } from '../../lib/errors';
import { toBatchPoints, type BatchPoint } from '../../lib/notebook/batch-summary';
import type { Period } from '../../lib/stream/windows';
import { addBatch, listBatches, pinReference, redateBatch, removeBatch, restoreBatch, setBatchSummary } from '../../lib/store/batches';
import type { DriftbookDb } from '../../lib/store/db';
import type { BatchRecord, BatchSource, WorkspaceRecord } from '../../lib/store/types';
import { getClient } from '../engine';

const NO_BATCHES: BatchRecord[] = [];

/** How one added file becomes batches: as it is, or one per calendar period of a timestamp column. */
export type BatchSplit = { by: 'file' } | { by: 'period'; period: Period; timestampColumn: string };

const datasetRef = (meta: DatasetMeta) => ({ id: meta.id, sha256: meta.sha256, name: meta.name, rows: meta.rows });

/**
 * A workspace's batch history, live from IndexedDB: its pinned reference, its batches (by date), the
 * chart points, and the actions. Summaries are computed in a worker with the reference's cached
 * profiles; a batch whose computation fails keeps its error (shown in the list, recomputable).
 */
export function useBatchHistory(db: DriftbookDb, workspace: WorkspaceRecord) {
  const batches = useLiveQuery(() => listBatches(db, workspace.id), [db, workspace.id]) ?? NO_BATCHES;
  // The workspace record the page holds may be older than the pin: read the pin live too.
  const pinned = useLiveQuery(() => db.workspaces.get(workspace.id).then((w) => w?.pinnedReference), [db, workspace.id]);
  const [busy, setBusy] = useState<string>();
  const points: BatchPoint[] = useMemo(() => toBatchPoints(batches, pinned?.sha256), [batches, pinned]);

  const summarize = useCallback(
    async (batch: Pick<BatchRecord, 'id' | 'dataset'>, referenceId: string) => {
      try {
        const summary = await getClient().summarizeBatch(referenceId, batch.dataset.id);
        await setBatchSummary(db, batch.id, { summary });
      } catch (error) {
        const { code, message } = toErrorInfo(error);
        await setBatchSummary(db, batch.id, { error: { code, message } });
      }
    },
    [db],
  );

  // The history's alert rules are evaluated afresh after every change to it (issue 15); a failure never fails the change.
  const evaluate = useCallback(
    () =>
      getClient()
        .evaluateAlerts(workspace.id, { batches: true })
        .catch(() => undefined),
    [workspace.id],
  );

  const run = useCallback(
    async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      setBusy(label);
      try {
        const done = await work();
        await evaluate();
        return done;
      } finally {
        setBusy(undefined);
      }
    },
    [evaluate],
  );

  /** Pins a reference; every batch computed against another one is recomputed. */
  const pin = useCallback(
    (reference: DatasetMeta) =>
      run(`Pinning ${reference.name}…`, async () => {
        await pinReference(db, workspace.id, reference);
        for (const batch of await listBatches(db, workspace.id)) {
          if (batch.summary?.reference.sha256 !== reference.sha256) await summarize(batch, reference.id);
        }
      }),
    [db, workspace.id, run, summarize],
  );

  /** Adds a stored dataset as batches (one, or one per period) dated `date` (periods: their first day), and computes each. */
  const add = useCallback(
    (dataset: DatasetMeta, date: string, split: BatchSplit) =>
      run(`Adding ${dataset.name}…`, async () => {
        const reference = (await db.workspaces.get(workspace.id))?.pinnedReference;
        const parts: { dataset: DatasetMeta; date: string; source: BatchSource }[] =
          split.by === 'file'
            ? [{ dataset, date, source: { kind: 'upload' } }]
            : (await getClient().storePeriods(dataset.id, { period: split.period, timestampColumn: split.timestampColumn })).map((p) => ({
                dataset: p.dataset,
                date: p.date,
                source: { kind: 'period', file: dataset.name, label: p.label },
              }));
        const added: BatchRecord[] = [];
        for (const part of parts)
          added.push(await addBatch(db, { workspaceId: workspace.id, dataset: datasetRef(part.dataset), date: part.date, source: part.source }));
        if (reference) for (const batch of added) await summarize(batch, reference.id);
        return added.length;
      }),
    [db, workspace.id, run, summarize],
  );

  const redate = useCallback((id: string, date: string) => redateBatch(db, id, date).finally(evaluate), [db, evaluate]);
  const remove = useCallback((id: string) => removeBatch(db, id).finally(evaluate), [db, evaluate]);
  const undoRemove = useCallback((batch: BatchRecord) => restoreBatch(db, batch).finally(evaluate), [db, evaluate]);

  /** Recomputes the batches not computed against the pinned reference (stale, failed or never run). */
  const recompute = useCallback(
    () =>
      run('Recomputing…', async () => {
        const reference = (await db.workspaces.get(workspace.id))?.pinnedReference;
        if (!reference) return;
        for (const batch of await listBatches(db, workspace.id)) {
          if (batch.summary?.reference.sha256 !== reference.sha256) await summarize(batch, reference.id);
        }
      }),
    [db, workspace.id, run, summarize],
  );

  return { batches, points, pinned, busy, actions: { pin, add, redate, remove, undoRemove, recompute } };
}
