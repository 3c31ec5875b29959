import type { Table } from 'apache-arrow';
import type { ColumnType } from '../data/types';
import { AnalysisError } from '../errors';
import { sealSorted } from '../stats/sealed-sorted';
import { profileColumn, type ColumnProfile } from './column-profile';

/** Types drift profiles by sorting (numeric) or counting (categorical, boolean); datetime and text are only counted, by their task. */
export function isDriftProfiled(type: ColumnType): boolean {
  return type === 'numeric' || type === 'categorical' || type === 'boolean';
}

/**
 * profileColumn, or undefined for a column that cannot be read as the type (a column the user typed
 * as numeric holding text): drift then reports it as not tested, with the value that failed.
 */
export function profileColumnIfReadable(table: Table, name: string, type: ColumnType, allocate?: (length: number) => Float64Array): ColumnProfile | undefined {
  try {
    return profileColumn(table, name, type, allocate);
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return undefined;
  }
}

/**
 * A profile received from another worker of ours, which sorted its values (a message gives them a new
 * array object, so they are sealed again here: tests skip re-checking the order and share one merge walk).
 */
export function resealReceived<T extends ColumnProfile | undefined>(profile: T): T {
  if (profile?.kind === 'numeric') sealSorted(profile.sorted);
  return profile;
}
