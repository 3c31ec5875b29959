import type { Table } from 'apache-arrow';
import type { ColumnSchema } from '../data/types';
import { AnalysisError } from '../errors';
import { profileColumn } from '../profile/column-profile';
import { profileEntryKey, type ProfileEntry } from './pool-protocol';

/** Column types drift profiles by sorting (numeric) or counting (categorical, boolean); datetime and text are counted only, cheaply, by their task. */
const PROFILED = new Set(['numeric', 'categorical', 'boolean']);

/** The schema's columns a pooled drift profiles ahead of its tasks. */
export function profiledColumns(schema: readonly ColumnSchema[]): ColumnSchema[] {
  return schema.filter((column) => PROFILED.has(column.type));
}

/** One column's drift profile under its own type; undefined when it cannot be read as that type (its task then says why). */
export function profileEntry(table: Table, column: ColumnSchema): ProfileEntry | undefined {
  try {
    return { name: column.name, type: column.type, profile: profileColumn(table, column.name, column.type) };
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return undefined;
  }
}

/** Profiles by profileEntryKey. */
export function profileMap(entries: readonly ProfileEntry[]): Map<string, ProfileEntry['profile']> {
  return new Map(entries.map((e) => [profileEntryKey(e.name, e.type), e.profile]));
}
