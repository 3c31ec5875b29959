import type { DatasetMeta } from '../data/types';
import { sha256Hex } from '../data/sha256';
import { AnalysisError, DataError, StorageError } from '../errors';
import type { Dataset } from '../data/types';
import { buildProfile } from '../profile/mergeable/build';
import { readProfile, writeProfile } from '../profile/mergeable/io';
import type { DbProfile } from '../profile/mergeable/types';
import { ENGINE_VERSION } from '../version';
import { appendAudit } from './audit';
import { getDatasetMeta, quotaAware } from './datasets';
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

/**
 * A built profile's key: the dataset's content and column types (a user may re-type a column), the engine
 * version, and the SHA-256 of the profile whose edges it took (if any).
 */
export async function builtProfileKey(meta: Pick<DatasetMeta, 'sha256' | 'schema'>, edgesFrom?: string): Promise<string> {
  const types = await sha256Hex(new TextEncoder().encode(JSON.stringify(meta.schema.map((c) => c.type))));
  return JSON.stringify(['built', meta.sha256, types, ENGINE_VERSION, edgesFrom ?? null]);
}

/** What a profile-only dataset says to an analysis that needs rows. */
export function profileHasNoRows(meta: Pick<DatasetMeta, 'name'>): AnalysisError {
  return new AnalysisError(
    'needs-rows',
    `${meta.name} is a profile (.dbprofile): summaries only, no rows — this needs the rows; choose a dataset stored from its data file (drift and data quality run on profiles)`,
  );
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
export async function cachedBuiltProfile(
  db: DriftbookDb,
  dataset: { id: string },
  key: string,
  build: () => DbProfile | Promise<DbProfile>,
): Promise<DbProfile> {
  const hit = await db.dbProfiles.get(key);
  if (hit) return hit.profile;
  const profile = await build();
  await db.dbProfiles.put({ key, datasetId: dataset.id, profile }).catch(() => undefined);
  return profile;
}

/**
 * A stored dataset's `.dbprofile` text, for download (a team can keep the profile instead of the rows):
 * a profile-only dataset's own profile, or one built from the rows (opened by `openRows`, in the engine's
 * worker) once and cached. Default edges and category limit, as `driftbook profile --data`.
 */
export async function datasetProfileText(db: DriftbookDb, id: string, openRows: (id: string) => Promise<Dataset>): Promise<string> {
  const meta = await getDatasetMeta(db, id);
  if (isProfileOnly(meta)) return writeProfile(await getStoredProfile(db, id));
  const profile = await cachedBuiltProfile(db, meta, await builtProfileKey(meta), async () => buildProfile(await openRows(id)));
  return writeProfile(profile);
}

/** Rethrows `error`, or — when `id` is a profile-only dataset, which has no rows to load — the error that says so. */
export async function whyNoRows(db: DriftbookDb, id: string, error: unknown): Promise<never> {
  const meta = await db.datasets.get(id).catch(() => undefined);
  if (meta && isProfileOnly(meta)) throw profileHasNoRows(meta);
  throw error;
}
