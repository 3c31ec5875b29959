import { StorageError } from '../errors';
import type { DatasetMeta, ParsedDataset } from '../data/types';
import type { DriftbookDb } from './db';

function quotaAware(error: unknown, what: string): never {
  if (error instanceof Error && (error.name === 'QuotaExceededError' || error.name === 'QuotaExceeded')) {
    throw new StorageError('quota', `storage full: could not save ${what} — delete old workspaces or datasets, then try again`);
  }
  throw error;
}

/**
 * Stores a parsed dataset, or returns the stored one with the same content and name (same SHA-256):
 * dropping the same file twice does not store it twice. Meta and bytes are written in one transaction.
 */
export async function saveDataset(db: DriftbookDb, parsed: ParsedDataset): Promise<DatasetMeta> {
  const existing = await db.datasets.where('sha256').equals(parsed.meta.sha256).toArray();
  const same = existing.find((d) => d.name === parsed.meta.name);
  if (same) return same;
  try {
    await db.transaction('rw', db.datasets, db.datasetBlobs, async () => {
      await db.datasets.put(parsed.meta);
      await db.datasetBlobs.put({ id: parsed.meta.id, ipc: parsed.ipc });
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
  const blob = await db.datasetBlobs.get(id);
  if (!blob) throw new StorageError('dataset-missing', `dataset data not found: ${id} — load the file again`);
  return blob.ipc;
}

export function listDatasets(db: DriftbookDb): Promise<DatasetMeta[]> {
  return db.datasets.orderBy('createdAt').toArray();
}
