/**
 * Stored ONNX models: descriptions in `models`, bytes in `modelBlobs` under the same id (as datasets
 * keep their Arrow bytes apart, so listing models never loads a model). Adding and deleting are
 * logged in the audit trail (`model-added`, `model-deleted`).
 */
import type { ModelMeta } from '../models/types';
import { StorageError } from '../errors';
import { appendAudit } from './audit';
import { quotaAware } from './datasets';
import type { DriftbookDb } from './db';

/**
 * Stores a model with its bytes. The same file (SHA-256) under the same name is stored once: the
 * stored description is returned.
 */
export async function saveModel(db: DriftbookDb, meta: ModelMeta, bytes: Uint8Array): Promise<ModelMeta> {
  const existing = await db.models.where('sha256').equals(meta.sha256).toArray();
  const same = existing.find((m) => m.name === meta.name);
  if (same) return same;
  try {
    await db.transaction('rw', db.models, db.modelBlobs, async () => {
      await db.models.put(meta);
      await db.modelBlobs.put({ id: meta.id, bytes });
    });
  } catch (error) {
    quotaAware(error, `model ${meta.name}`);
  }
  const { id, name, sha256, bytes: size } = meta;
  await appendAudit(db, 'model-added', { id, name, sha256, bytes: size });
  return meta;
}

/** Stored models, oldest first. */
export function listModels(db: DriftbookDb): Promise<ModelMeta[]> {
  return db.models.orderBy('createdAt').toArray();
}

export async function getModelMeta(db: DriftbookDb, id: string): Promise<ModelMeta> {
  const meta = await db.models.get(id);
  if (!meta) throw new StorageError('model-missing', `model not found: ${id} — it was deleted; add the .onnx file again`);
  return meta;
}

/** A model's description and bytes. */
export async function loadModel(db: DriftbookDb, id: string): Promise<{ meta: ModelMeta; bytes: Uint8Array }> {
  const [meta, blob] = await Promise.all([getModelMeta(db, id), db.modelBlobs.get(id)]);
  if (!blob) throw new StorageError('model-missing', `model file not found: ${meta.name} — add the .onnx file again`);
  return { meta, bytes: blob.bytes };
}

/** Deletes a model and its bytes (datasets it scored stay, with their record of it). */
export async function deleteModel(db: DriftbookDb, id: string): Promise<void> {
  const meta = await db.models.get(id);
  await db.transaction('rw', db.models, db.modelBlobs, async () => {
    await db.models.delete(id);
    await db.modelBlobs.delete(id);
  });
  if (meta) await appendAudit(db, 'model-deleted', { id, name: meta.name, sha256: meta.sha256 });
}
