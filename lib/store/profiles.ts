import type { ColumnType } from '../data/types';
import type { ColumnProfile } from '../profile/column-profile';
import { ENGINE_VERSION } from '../version';
import type { DriftbookDb } from './db';

export function profileKey(sha256: string, column: string, type: ColumnType): string {
  return JSON.stringify([sha256, column, type, ENGINE_VERSION]);
}

/**
 * A stored dataset's column profile (sorted values or category counts), computed once and kept
 * in IndexedDB, so a reference compared with each new current batch is not scanned again.
 * A failed write (quota) only loses the cache, never the result.
 */
export async function cachedProfile(
  db: DriftbookDb,
  dataset: { id: string; sha256: string },
  column: string,
  type: ColumnType,
  compute: () => ColumnProfile,
): Promise<{ profile: ColumnProfile; cached: boolean }> {
  let computed = false;
  const [profile] = await cachedProfiles(db, dataset, [{ name: column, type }], () => {
    computed = true;
    return compute();
  });
  return { profile: profile!, cached: !computed };
}

/**
 * cachedProfile for many columns of one dataset in one read and one write: a transaction per
 * column kept a 100,000-column drift run at ~30 columns a second. `compute` may return undefined
 * (a column that cannot be read as its type): nothing is cached for it.
 */
export async function cachedProfiles<C extends { name: string; type: ColumnType }>(
  db: DriftbookDb,
  dataset: { id: string; sha256: string },
  columns: readonly C[],
  compute: (column: C) => ColumnProfile | undefined,
): Promise<(ColumnProfile | undefined)[]> {
  const keys = columns.map((c) => profileKey(dataset.sha256, c.name, c.type));
  const hits = await db.profiles.bulkGet(keys);
  const fresh: { key: string; datasetId: string; profile: ColumnProfile }[] = [];
  const profiles = columns.map((column, i) => {
    const hit = hits[i];
    if (hit) return hit.profile;
    const profile = compute(column);
    if (profile) fresh.push({ key: keys[i]!, datasetId: dataset.id, profile });
    return profile;
  });
  if (fresh.length) await db.profiles.bulkPut(fresh).catch(() => undefined);
  return profiles;
}

/**
 * Puts profiles built elsewhere (at ingest, by the worker that parsed the dataset) into the cache, by
 * profileKey; columns that could not be profiled (undefined) are left out. A failed write (quota) only
 * loses the cache.
 */
export async function putProfiles(db: DriftbookDb, dataset: { id: string }, profiles: ReadonlyMap<string, ColumnProfile | undefined>): Promise<void> {
  const rows = [...profiles].flatMap(([key, profile]) => (profile ? [{ key, datasetId: dataset.id, profile }] : []));
  if (rows.length) await db.profiles.bulkPut(rows).catch(() => undefined);
}
