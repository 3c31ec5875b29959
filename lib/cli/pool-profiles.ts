import type { Table } from 'apache-arrow';
import type { ColumnSchema } from '../data/types';
import { profileColumnIfReadable } from '../profile/drift-profile';
import { sealSorted } from '../stats/sealed-sorted';
import type { ColumnProfile } from '../profile/column-profile';
import { profileEntryKey, type ProfileEntry } from './pool-protocol';

/**
 * The schema's columns a pooled drift profiles ahead of its tasks: every one — numeric columns sorted,
 * categorical and boolean ones counted by value, datetime and text ones only counted (drift does not
 * test them, but their counts then come without the table).
 */
export function profiledColumns(schema: readonly ColumnSchema[]): ColumnSchema[] {
  return [...schema];
}

/** A Float64Array in shared memory: a numeric profile's values then reach another thread of the pool shared, not copied, and the thread that built them keeps them too. */
function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** One column's drift profile under its own type (sorted values in shared memory); undefined when it cannot be read as that type (its task then says why). */
export function profileEntry(table: Table, column: ColumnSchema): ProfileEntry | undefined {
  const profile = profileColumnIfReadable(table, column.name, column.type, sharedFloat64);
  return profile && { name: column.name, type: column.type, profile };
}

/**
 * A profile received from another thread of the pool, which sorted its values (a message gives them a
 * new array object, so they are sealed again here: tests skip re-checking the order).
 */
export function received<T extends ColumnProfile | undefined>(profile: T): T {
  if (profile?.kind === 'numeric') sealSorted(profile.sorted);
  return profile;
}

/** Profiles by profileEntryKey. */
export function profileMap(entries: readonly ProfileEntry[]): Map<string, ProfileEntry['profile']> {
  return new Map(entries.map((e) => [profileEntryKey(e.name, e.type), received(e.profile)]));
}
