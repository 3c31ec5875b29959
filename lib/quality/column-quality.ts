import type { Table } from 'apache-arrow';
import type { ColumnType } from '../data/types';
import { profileColumn, type NumericProfile } from '../profile/column-profile';
import { truncationNote, TruncationTally } from '../profile/embed-caps';
import { compareCategories, computeCategoricalStats, profileStrings, truncated } from './categorical-stats';
import { binCount, computeNumericStats, outOfRangeShare } from './numeric-stats';
import type { ColumnQuality, ColumnStats } from './types';

/** One side of a comparison: a table and its row count. */
export interface QualitySide {
  table: Table;
  rows: number;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Shared histogram range: the finite values of both sides. */
function histogramRange(profiles: NumericProfile[]): { lo: number; hi: number; bins: number } | undefined {
  const used = profiles.filter((p) => p.count > 0);
  if (used.length === 0) return undefined;
  const n = used.reduce((s, p) => s + p.count, 0);
  return { lo: Math.min(...used.map((p) => p.min)), hi: Math.max(...used.map((p) => p.max)), bins: binCount(n) };
}

/** The notes on one side of a column (shared with the summary from profiles, lib/quality/from-profiles.ts). */
export function sideWarnings(side: 'reference' | 'current', stats: ColumnStats): string[] {
  const warnings: string[] = [];
  if (stats.count === 0) warnings.push(`${side}: all values missing`);
  else if (stats.highMissing) warnings.push(`${side}: ${percent(stats.missingShare)} missing`);
  if (stats.hasNonFinite) warnings.push(`${side}: ${stats.nonFinite} non-finite values (±Infinity), left out of the summaries`);
  if (stats.kind === 'categorical' && stats.truncated) warnings.push(truncationNote(stats.truncated, `${side}: `));
  return warnings;
}

function numericColumn(name: string, reference: QualitySide, current: QualitySide | undefined) {
  const refProfile = profileColumn(reference.table, name, 'numeric') as NumericProfile;
  const curProfile = current && (profileColumn(current.table, name, 'numeric') as NumericProfile);
  const range = histogramRange(curProfile ? [refProfile, curProfile] : [refProfile]);
  const ref = computeNumericStats(refProfile, reference.table.getChild(name) ?? undefined, reference.rows, range);
  if (!current || !curProfile) return { reference: ref, warnings: [] };
  const cur = computeNumericStats(curProfile, current.table.getChild(name) ?? undefined, current.rows, range);
  cur.outOfRangeShare = outOfRangeShare(refProfile, curProfile);
  const warnings: string[] = [];
  if (cur.outOfRangeShare) {
    warnings.push(`current: ${percent(cur.outOfRangeShare)} of values outside the reference range [${ref.min}, ${ref.max}]`);
  }
  return { reference: ref, current: cur, warnings };
}

function categoricalColumn(name: string, type: ColumnType, reference: QualitySide, current: QualitySide | undefined) {
  const refProfile = profileStrings(reference.table, name);
  const ref = computeCategoricalStats(refProfile, reference.rows);
  if (!current) return { reference: ref, warnings: [] };
  const curProfile = profileStrings(current.table, name);
  // One tally for the current side: its own top values and the new/vanished lists, each value once.
  const tally = new TruncationTally();
  const cur = { ...computeCategoricalStats(curProfile, current.rows, tally), ...compareCategories(refProfile, curProfile, tally) };
  Object.assign(cur, truncated(tally));
  const warnings: string[] = [];
  // Free text is mostly unique: new and vanished values are its nature, not news.
  if (type === 'text') return { reference: ref, current: cur, warnings };
  if (cur.newCategoryCount && refProfile.count > 0) {
    warnings.push(`current: ${cur.newCategoryCount} new categories (${percent(cur.newCategoryShare ?? 0)} of values)`);
  }
  if (cur.vanishedCategoryCount && curProfile.count > 0) {
    warnings.push(`current: ${cur.vanishedCategoryCount} reference categories absent`);
  }
  return { reference: ref, current: cur, warnings };
}

/** One column's stats on each side, with the notes a reader should see first. */
export function computeColumnQuality(name: string, type: ColumnType, reference: QualitySide, current?: QualitySide): ColumnQuality {
  const sides = type === 'numeric' ? numericColumn(name, reference, current) : categoricalColumn(name, type, reference, current);
  const warnings = [...sideWarnings('reference', sides.reference)];
  if (sides.current) warnings.push(...sideWarnings('current', sides.current));
  warnings.push(...sides.warnings);
  return {
    name,
    type,
    reference: sides.reference,
    ...(sides.current && { current: sides.current }),
    warnings,
  };
}
