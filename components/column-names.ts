import type { DatasetMeta } from '../lib/data/types';

const NONE: readonly string[] = [];
// Per description object: a description is replaced, never edited, when a type or role changes.
const cache = new WeakMap<DatasetMeta, readonly string[]>();

/**
 * A dataset's column names, one array per description: segment fields re-render with every cell
 * update, and a 100,000-column schema mapped anew each time (then checked and completed against)
 * is work the page repeats for nothing.
 */
export function columnNames(meta: DatasetMeta | undefined): readonly string[] {
  if (!meta) return NONE;
  let names = cache.get(meta);
  if (!names) {
    names = meta.schema.map((c) => c.name);
    cache.set(meta, names);
  }
  return names;
}
