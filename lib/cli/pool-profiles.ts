import type { Table } from 'apache-arrow';
import type { ColumnSchema } from '../data/types';
import { profileColumnIfReadable, resealReceived } from '../profile/drift-profile';
import { profileEntryKey, type ProfileEntry } from './pool-protocol';

/** A Float64Array in shared memory: a numeric profile's values then reach another thread of the pool shared, not copied, and the thread that built them keeps them too. */
function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/**
 * One column's drift profile under its own type (sorted values in shared memory); undefined when it cannot be
 * read as that type (its task then says why). A pooled drift profiles every column ahead of its tasks: datetime
 * and text ones are only counted (drift does not test them, but their counts then come without the table).
 */
export function profileEntry(table: Table, column: ColumnSchema): ProfileEntry | undefined {
  const profile = profileColumnIfReadable(table, column.name, column.type, sharedFloat64);
  return profile && { name: column.name, type: column.type, profile };
}

/** Profiles by profileEntryKey. */
export function profileMap(entries: readonly ProfileEntry[]): Map<string, ProfileEntry['profile']> {
  return new Map(entries.map((e) => [profileEntryKey(e.name, e.type), resealReceived(e.profile)]));
}
