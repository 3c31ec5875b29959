import type { DatasetMeta } from '../data/types';
import { sha256Hex } from '../data/sha256';
import { DataError, StorageError } from '../errors';
import { readProfile } from '../profile/mergeable/io';
import type { DbProfile } from '../profile/mergeable/types';
import { ENGINE_VERSION } from '../version';
import { appendAudit } from './audit';
import { quotaAware } from './datasets';
import type { DriftbookDb } from './db';

/**
 * Mergeable profiles (`.dbprofile`, lib/profile/mergeable) in IndexedDB, table `dbProfiles`: the profile of
 * a profile-only dataset (a dropped `.dbprofile`: its description sits in `datasets` with format
 * 'dbprofile', and it has no rows), and profiles built from stored datasets (a download, or the raw
 * side of a drift against a profile), cached by the dataset's SHA-256.
 */
export interface DbProfileRecord {
  key: string;
  /** The dataset the profile is of (deleted with it). */
  datasetId: string;
  profile: DbProfile;
}

const storedKey = (id: string): string => `dataset:${id}`;

/** A built profile's key: the dataset's content, the engine version, and the profile whose edges it took (if any). */
export function builtProfileKey(sha256: string, edgesFrom?: string): string {
  return JSON.stringify(['built', sha256, ENGINE_VERSION, edgesFrom ?? null]);
}

/** A dataset with summaries only (a `.dbprofile`): drift and quality run on it, cells that need rows refuse it. */
export function isProfileOnly(meta: Pick<DatasetMeta, 'format'>): boolean {
  return meta.format === 'dbprofile';
}

/** Whether a file is to be stored as a profile rather than read as rows: its name ends in `.dbprofile`. */
export function isProfileFileName(name: string): boolean {
  return /\.dbprofile$/i.test(name);
}

function decode(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError('invalid-profile', `.dbprofile file ${name}: not UTF-8 text — a .dbprofile is JSON written by \`driftbook profile\``);
  }
}

/** What the drop zone and the library say about a profile-only dataset. */
function profileNotes(profile: DbProfile): string[] {
  const notes = ['summaries only (a .dbprofile): drift and quality run on it; cells that need rows refuse it'];
  const unsketched = profile.columns.filter((c) => c.type === 'numeric' && !c.sketch).map((c) => c.name);
  if (unsketched.length) {
    const listed = unsketched.slice(0, 5).join(', ') + (unsketched.length > 5 ? ` and ${unsketched.length - 5} more` : '');
    notes.push(`no quantile sketch for ${listed}: ks, wasserstein and ed are unavailable there`);
  }
  return notes;
}

/**
 * Validates a `.dbprofile` (lib/profile/mergeable/io.ts: a bad file is a DataError naming the field; nothing
 * is stored then) and stores it as a profile-only dataset. The same bytes under the same name return the
 * stored dataset. A new one is logged in the audit trail (`dataset-added`).
 */
export async function storeProfileFile(db: DriftbookDb, bytes: Uint8Array, name: string, now = new Date()): Promise<DatasetMeta> {
  const profile = readProfile(decode(bytes, name));
  const sha256 = await sha256Hex(bytes);
  const same = (await db.datasets.where('sha256').equals(sha256).toArray()).find((d) => d.name === name && isProfileOnly(d));
  if (same) return same;
  const meta: DatasetMeta = {
    id: globalThis.crypto.randomUUID(),
    name,
    format: 'dbprofile',
    sha256,
    bytes: bytes.byteLength,
    rows: profile.rows,
    schema: profile.columns.map((c) => ({ name: c.name, type: c.type })),
    warnings: profileNotes(profile),
    createdAt: now.toISOString(),
  };
  try {
    await db.transaction('rw', db.datasets, db.dbProfiles, async () => {
      await db.datasets.put(meta);
      await db.dbProfiles.put({ key: storedKey(meta.id), datasetId: meta.id, profile });
    });
  } catch (error) {
    quotaAware(error, `profile ${name}`);
  }
  await appendAudit(db, 'dataset-added', { id: meta.id, name, sha256, rows: meta.rows, bytes: meta.bytes, format: meta.format });
  return meta;
}

/** The profile of a profile-only dataset. */
export async function getStoredProfile(db: DriftbookDb, id: string): Promise<DbProfile> {
  const record = await db.dbProfiles.get(storedKey(id));
  if (!record) throw new StorageError('dataset-missing', `profile not found: ${id} — it may have been deleted; drop the .dbprofile again`);
  return record.profile;
}

/**
 * A stored dataset's profile built once (`build`, in the engine's worker) and kept under `key`
 * (builtProfileKey), so a second download or drift run does not scan the rows again. A failed write
 * (quota) only loses the cache.
 */
export async function cachedBuiltProfile(db: DriftbookDb, dataset: { id: string }, key: string, build: () => DbProfile): Promise<DbProfile> {
  const hit = await db.dbProfiles.get(key);
  if (hit) return hit.profile;
  const profile = build();
  await db.dbProfiles.put({ key, datasetId: dataset.id, profile }).catch(() => undefined);
  return profile;
}
