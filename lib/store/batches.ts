/**
 * A workspace's batch history: a pinned reference and the batches compared with it over time, each
 * a stored dataset with a date and its summary (lib/notebook/batch-summary.ts). The batches' and
 * the reference's datasets are recorded as used by the workspace, so its backup carries them.
 */
import { StorageError } from '../errors';
import type { BatchSummary } from '../notebook/batch-summary';
import type { DriftbookDb } from './db';
import type { BatchRecord, BatchSource, WorkspaceRecord } from './types';
import { getWorkspace } from './workspaces';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `text` if it is a calendar date, else a typed error saying how to write one. */
export function checkBatchDate(text: string): string {
  if (!isIsoDate(text))
    throw new StorageError('bad-date', `batch date: ${JSON.stringify(text).slice(0, 60)} is not a calendar date — write it as YYYY-MM-DD, e.g. 2026-12-01`);
  return text;
}

/** Today's date in UTC as YYYY-MM-DD: a batch added without a date. */
export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Batches ordered by date, then by when they were added (the history's order). */
export function sortBatches(batches: readonly BatchRecord[]): BatchRecord[] {
  return [...batches].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
}

/** A workspace's batches, by date then added time. */
export async function listBatches(db: DriftbookDb, workspaceId: string): Promise<BatchRecord[]> {
  return sortBatches(await db.batches.where('workspaceId').equals(workspaceId).toArray());
}

function withDataset(workspace: WorkspaceRecord, datasetId: string): WorkspaceRecord {
  const ids = workspace.datasetIds ?? [];
  return ids.includes(datasetId) ? workspace : { ...workspace, datasetIds: [...ids, datasetId] };
}

/** Pins the reference the workspace's batches are compared with (their summaries then need recomputing). */
export async function pinReference(db: DriftbookDb, workspaceId: string, dataset: { id: string; sha256: string }, now = new Date()): Promise<WorkspaceRecord> {
  return db.transaction('rw', db.workspaces, async () => {
    const workspace = await getWorkspace(db, workspaceId);
    const next = { ...withDataset(workspace, dataset.id), pinnedReference: { id: dataset.id, sha256: dataset.sha256 }, updatedAt: now.toISOString() };
    await db.workspaces.put(next);
    return next;
  });
}

export interface NewBatch {
  workspaceId: string;
  dataset: BatchRecord['dataset'];
  /** YYYY-MM-DD; today (UTC) when absent. */
  date?: string;
  source?: BatchSource;
  summary?: BatchSummary;
  error?: BatchRecord['error'];
}

/** Adds a batch to a workspace's history (and its dataset to the workspace's datasets), in one transaction. */
export async function addBatch(db: DriftbookDb, batch: NewBatch, now = new Date()): Promise<BatchRecord> {
  const record: BatchRecord = {
    id: globalThis.crypto.randomUUID(),
    workspaceId: batch.workspaceId,
    date: checkBatchDate(batch.date ?? todayIso(now)),
    addedAt: now.toISOString(),
    dataset: batch.dataset,
    source: batch.source ?? { kind: 'upload' },
    ...(batch.summary ? { summary: batch.summary } : {}),
    ...(batch.error ? { error: batch.error } : {}),
  };
  await db.transaction('rw', db.workspaces, db.batches, async () => {
    const workspace = await getWorkspace(db, batch.workspaceId);
    await db.workspaces.put({ ...withDataset(workspace, batch.dataset.id), updatedAt: record.addedAt });
    await db.batches.add(record);
  });
  return record;
}

async function changeBatch(db: DriftbookDb, id: string, change: (batch: BatchRecord) => BatchRecord): Promise<BatchRecord> {
  return db.transaction('rw', db.batches, async () => {
    const batch = await db.batches.get(id);
    if (!batch) throw new StorageError('batch-missing', `batch not found: ${id} — it may have been removed in another tab`);
    const next = change(batch);
    await db.batches.put(next);
    return next;
  });
}

/** Gives a batch another date (its place in the history follows). */
export async function redateBatch(db: DriftbookDb, id: string, date: string): Promise<BatchRecord> {
  checkBatchDate(date);
  return changeBatch(db, id, (batch) => ({ ...batch, date }));
}

/** Stores a batch's (re)computed summary, or the error that stopped it. */
export function setBatchSummary(
  db: DriftbookDb,
  id: string,
  outcome: { summary: BatchSummary } | { error: { code: string; message: string } },
): Promise<BatchRecord> {
  return changeBatch(db, id, ({ summary: _s, error: _e, ...batch }) => ({ ...batch, ...outcome }));
}

/**
 * Removes a batch from the history and returns it (to undo with restoreBatch). Its dataset stays in
 * the library and in the workspace's datasets: the user deletes data in the sidebar.
 */
export async function removeBatch(db: DriftbookDb, id: string): Promise<BatchRecord> {
  return db.transaction('rw', db.batches, async () => {
    const batch = await db.batches.get(id);
    if (!batch) throw new StorageError('batch-missing', `batch not found: ${id} — it may have been removed in another tab`);
    await db.batches.delete(id);
    return batch;
  });
}

export async function restoreBatch(db: DriftbookDb, batch: BatchRecord): Promise<void> {
  await db.batches.put(batch);
}
