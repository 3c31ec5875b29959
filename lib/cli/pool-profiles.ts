import type { Table } from 'apache-arrow';
import type { ColumnSchema } from '../data/types';
import { isDriftProfiled, profileColumnIfReadable } from '../profile/drift-profile';
import { profileEntryKey, type ProfileEntry } from './pool-protocol';

/** The schema's columns a pooled drift profiles ahead of its tasks. */
export function profiledColumns(schema: readonly ColumnSchema[]): ColumnSchema[] {
  return schema.filter((column) => isDriftProfiled(column.type));
}

/** One column's drift profile under its own type; undefined when it cannot be read as that type (its task then says why). */
export function profileEntry(table: Table, column: ColumnSchema): ProfileEntry | undefined {
  const profile = profileColumnIfReadable(table, column.name, column.type);
  return profile && { name: column.name, type: column.type, profile };
}

/** Profiles by profileEntryKey. */
export function profileMap(entries: readonly ProfileEntry[]): Map<string, ProfileEntry['profile']> {
  return new Map(entries.map((e) => [profileEntryKey(e.name, e.type), e.profile]));
}
