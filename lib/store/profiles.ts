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
  const key = profileKey(dataset.sha256, column, type);
  const hit = await db.profiles.get(key);
  if (hit) return { profile: hit.profile, cached: true };
  const profile = compute();
  await db.profiles.put({ key, datasetId: dataset.id, profile }).catch(() => undefined);
  return { profile, cached: false };
}
