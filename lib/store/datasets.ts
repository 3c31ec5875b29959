import { StorageError } from '../errors';
import { withUserRoles } from '../data/roles';
import type { ColumnRole, ColumnType, DatasetMeta, ParsedDataset } from '../data/types';
import { appendAudit } from './audit';
import type { DriftbookDb } from './db';

/**
 * Chromium refuses a single IndexedDB value of more than about 128 MB ("The serialized keys
 * and/or value are too large"), so larger Arrow bytes are stored in parts of this size.
 */
export const PART_BYTES = 64 * 1024 * 1024;

const partKey = (id: string, part: number): string => `${id}:part:${part}`;

/** Dexie wraps the browser's error (name, message or `inner` may carry it). */
function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; message?: string; inner?: unknown } | undefined;
  if (!e) return false;
  return /quota/i.test(`${e.name ?? ''} ${e.message ?? ''}`) || (e.inner !== undefined && e.inner !== error && isQuotaError(e.inner));
}

export function quotaAware(error: unknown, what: string): never {
  if (isQuotaError(error)) {
    throw new StorageError(
      'quota',
      `storage full: this browser would not store ${what} — delete stored datasets you no longer need (sidebar), export workspaces you want to keep (Export workspace) and delete them, or compare files this large with the CLI (npx driftbook)`,
    );
  }
  if (error instanceof Error && /too large/i.test(error.message)) {
    throw new StorageError('too-large', `too large to store: ${what} — this browser refused it (${error.message})`);
  }
  throw error;
}

/**
 * Stores a parsed dataset, or returns the stored one with the same content and name (same SHA-256):
 * dropping the same file twice does not store it twice. Meta and bytes are written in one transaction.
 * A newly stored dataset is logged in the audit trail (`dataset-added`).
 */
export async function saveDataset(db: DriftbookDb, parsed: ParsedDataset, partBytes = PART_BYTES): Promise<DatasetMeta> {
  const saved = await putDataset(db, parsed, partBytes);
  if (saved === parsed.meta) {
    const { id, name, sha256, rows, bytes, format } = saved;
    await appendAudit(db, 'dataset-added', { id, name, sha256, rows, bytes, format });
  }
  return saved;
}

/** saveDataset without the audit entry: for a workspace import, which may still be refused and undone (it logs itself once done). */
export async function putDataset(db: DriftbookDb, parsed: ParsedDataset, partBytes = PART_BYTES): Promise<DatasetMeta> {
  const existing = await db.datasets.where('sha256').equals(parsed.meta.sha256).toArray();
  const same = existing.find((d) => d.name === parsed.meta.name);
  if (same) return same;
  try {
    await db.transaction('rw', db.datasets, db.datasetBlobs, async () => {
      await db.datasets.put(parsed.meta);
      const { ipc } = parsed;
      const parts = Math.max(1, Math.ceil(ipc.byteLength / partBytes));
      for (let k = 0; k < parts; k++) {
        const bytes = parts === 1 ? ipc : ipc.slice(k * partBytes, (k + 1) * partBytes);
        await db.datasetBlobs.put(k === 0 ? { id: parsed.meta.id, ipc: bytes, parts } : { id: partKey(parsed.meta.id, k), ipc: bytes });
      }
    });
  } catch (error) {
    quotaAware(error, `dataset ${parsed.meta.name}`);
  }
  return parsed.meta;
}

export async function getDatasetMeta(db: DriftbookDb, id: string): Promise<DatasetMeta> {
  const meta = await db.datasets.get(id);
  if (!meta) throw new StorageError('dataset-missing', `dataset not found: ${id} — it may have been deleted; load the file again`);
  return meta;
}

export async function getDatasetIpc(db: DriftbookDb, id: string): Promise<Uint8Array> {
  const missing = () => new StorageError('dataset-missing', `dataset data not found: ${id} — load the file again`);
  const first = await db.datasetBlobs.get(id);
  if (!first) throw missing();
  if (!first.parts || first.parts === 1) return first.ipc;
  const rest = await db.datasetBlobs.bulkGet(Array.from({ length: first.parts - 1 }, (_, k) => partKey(id, k + 1)));
  const parts = [first.ipc, ...rest.map((r) => r?.ipc)];
  if (parts.some((p) => p === undefined)) throw missing();
  const whole = new Uint8Array(parts.reduce((n, p) => n + p!.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part!, offset);
    offset += part!.byteLength;
  }
  return whole;
}

export function listDatasets(db: DriftbookDb): Promise<DatasetMeta[]> {
  return db.datasets.orderBy('createdAt').toArray();
}

/** Deletes a stored dataset: its description, every part of its bytes, its cached profiles and .dbprofiles, in one transaction. */
export async function deleteDataset(db: DriftbookDb, id: string): Promise<void> {
  await db.transaction('rw', [db.datasets, db.datasetBlobs, db.profiles, db.dbProfiles], async () => {
    const first = await db.datasetBlobs.get(id);
    const parts = first?.parts ?? 1;
    await db.datasetBlobs.bulkDelete([id, ...Array.from({ length: parts - 1 }, (_, k) => partKey(id, k + 1))]);
    await db.profiles.where('datasetId').equals(id).delete();
    await db.dbProfiles.where('datasetId').equals(id).delete();
    await db.datasets.delete(id);
  });
}

/**
 * Saves the roles the user set (column → role, feature included) over the stored ones and marks
 * those columns as set by the user: from then on their roles decide drift (lib/data/roles.ts).
 * Columns not passed keep their role and source. One read-modify-write transaction.
 */
export async function updateDatasetRoles(db: DriftbookDb, id: string, changes: Record<string, ColumnRole>): Promise<DatasetMeta> {
  return db.transaction('rw', db.datasets, async () => {
    const meta = await getDatasetMeta(db, id);
    const next = { ...meta, ...withUserRoles(meta, changes) };
    await db.datasets.put(next);
    return next;
  });
}

/** Saves a user's column types (over the inferred ones); analyses read stored columns as these types. */
export async function updateDatasetTypes(db: DriftbookDb, id: string, types: Record<string, ColumnType>): Promise<DatasetMeta> {
  const meta = await getDatasetMeta(db, id);
  const schema = meta.schema.map((column) => ({ ...column, type: types[column.name] ?? column.type }));
  await db.datasets.update(id, { schema });
  return { ...meta, schema };
}
