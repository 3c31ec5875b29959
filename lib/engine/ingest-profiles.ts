import type { Table } from 'apache-arrow';
import type { DatasetMeta } from '../data/types';
import type { ColumnProfile } from '../profile/column-profile';
import { isDriftProfiled, profileColumnIfReadable } from '../profile/drift-profile';
import { profileKey } from '../store/profiles';

/** Wider files are neither held nor profiled at ingest (lib/engine.ts store): their drift profiles columns over the pool, as it always did. */
export const INGEST_PROFILE_MAX_COLUMNS = 2000;

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The profiles drift uses (sorted finite values of numeric columns, category counts of categorical and
 * boolean ones), built from a just-parsed table by the worker that parsed it, keyed by profileKey. Yields
 * between columns, so the IndexedDB write of the same dataset goes on meanwhile. A column that cannot be
 * read as its type maps to undefined (drift reports it as not tested).
 */
export async function profileForDrift(meta: Pick<DatasetMeta, 'sha256' | 'schema'>, table: Table): Promise<Map<string, ColumnProfile | undefined>> {
  const profiles = new Map<string, ColumnProfile | undefined>();
  for (const { name, type } of meta.schema) {
    if (!isDriftProfiled(type)) continue;
    await yieldToEvents();
    profiles.set(profileKey(meta.sha256, name, type), profileColumnIfReadable(table, name, type));
  }
  return profiles;
}
