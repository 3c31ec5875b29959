/**
 * The usual data-quality result (QualityResult) from mergeable profiles (.dbprofile), for a profile-only
 * dataset in the app: count, missing, non-finite, min, max, mean, std, the fixed-edge histogram and the
 * category counts (top values, new and vanished categories, mean length) are exact — the same functions
 * as the raw-row summary read the profile's category counts. Quantiles, zeros, distinct numeric values
 * and duplicated rows need the rows: null here, and the result says so.
 */

import type { DatasetMeta } from '../data/types';
import type { CategoricalProfile } from '../profile/column-profile';
import { TruncationTally } from '../profile/embed-caps';
import type { DbProfile, ProfileColumn } from '../profile/mergeable/types';
import { APP_VERSION } from '../version';
import { compareCategories, computeCategoricalStats, truncated } from './categorical-stats';
import { sideWarnings } from './column-quality';
import { columnFacts } from './dataset-quality';
import type { CategoricalStats, ColumnQuality, ColumnStats, DatasetStats, NumericStats, QualityDatasetRef, QualityResult } from './types';

/** One side: a dataset's description and its profile (a profile-only dataset's, or one built from its rows). */
export interface ProfiledSide {
  meta: Pick<DatasetMeta, 'name' | 'format' | 'sha256'>;
  profile: DbProfile;
}

const HIGH_MISSING_SHARE = 0.02;

function numericStats(c: ProfileColumn, rows: number): NumericStats {
  const missingShare = rows ? c.missing / rows : 0;
  const n = c.moments?.n ?? 0;
  // Distinct values are known only when there is at most one (no value, or min = max with no ±Infinity).
  const known = c.nonFinite === 0 && (c.count === 0 || c.min === c.max);
  return {
    kind: 'numeric',
    count: c.count + c.nonFinite,
    missing: c.missing,
    missingShare,
    nonFinite: c.nonFinite,
    distinct: known ? Math.min(c.count, 1) : null,
    topFrequency: known ? c.count : null,
    mean: c.moments && n > 0 ? c.moments.mean : null,
    std: c.moments && n > 1 ? Math.sqrt(c.moments.M2 / (n - 1)) : null,
    min: c.min,
    p25: null,
    median: null,
    p75: null,
    max: c.max,
    zerosShare: null,
    ...(c.histogram ? { histogram: c.histogram } : {}),
    highMissing: missingShare > HIGH_MISSING_SHARE,
    highZeros: false,
    hasNonFinite: c.nonFinite > 0,
  };
}

/** The profile's category counts in the raw-row profile's shape (its values are already most frequent first). */
function countsOf(c: ProfileColumn): CategoricalProfile | undefined {
  const k = c.categories;
  return k && { kind: 'categorical', count: c.count, missing: c.missing, categories: k.values, counts: k.counts };
}

function categoricalStats(c: ProfileColumn, rows: number, tally = new TruncationTally()): CategoricalStats {
  const counts = countsOf(c);
  if (counts) {
    const stats = computeCategoricalStats(counts, rows, tally);
    // Past the category limit only the top values are known: the number of values and their lengths are not.
    return c.categories!.truncated ? { ...stats, distinct: null, categories: null, meanLength: null } : stats;
  }
  // A datetime column's profile keeps counts only.
  const missingShare = rows ? c.missing / rows : 0;
  const flags = { highMissing: missingShare > HIGH_MISSING_SHARE, highZeros: false, hasNonFinite: false };
  return {
    kind: 'categorical',
    count: c.count,
    missing: c.missing,
    missingShare,
    nonFinite: 0,
    distinct: null,
    topFrequency: null,
    top: null,
    categories: null,
    topCategories: [],
    meanLength: null,
    ...flags,
  };
}

function statsOf(c: ProfileColumn, rows: number): ColumnStats {
  return c.type === 'numeric' ? numericStats(c, rows) : categoricalStats(c, rows);
}

function currentCategorical(ref: ProfileColumn, cur: ProfileColumn, rows: number): CategoricalStats {
  const [a, b] = [countsOf(ref), countsOf(cur)];
  const tally = new TruncationTally();
  const stats = categoricalStats(cur, rows, tally);
  // New and vanished categories are exact only when both sides counted every category.
  if (!a || !b || ref.categories!.truncated || cur.categories!.truncated) return stats;
  return { ...stats, ...compareCategories(a, b, tally), ...truncated(tally) };
}

function columnQuality(ref: ProfileColumn, cur: ProfileColumn | undefined, sides: { reference: DbProfile; current?: DbProfile }): ColumnQuality {
  const reference = statsOf(ref, sides.reference.rows);
  const warnings = sideWarnings('reference', reference);
  if (!cur || !sides.current) return { name: ref.name, type: ref.type, reference, warnings };
  const rows = sides.current.rows;
  const sameKind = (ref.type === 'numeric') === (cur.type === 'numeric');
  const current = sameKind && cur.type !== 'numeric' ? currentCategorical(ref, cur, rows) : statsOf(cur, rows);
  warnings.push(...sideWarnings('current', current));
  if (!sameKind)
    warnings.push(`type conflict: column "${ref.name}" is ${ref.type} in reference and ${cur.type} in current — each side summarised as its own type`);
  else if (current.kind === 'categorical' && ref.type !== 'text') {
    if (current.newCategoryCount)
      warnings.push(`current: ${current.newCategoryCount} new categories (${((current.newCategoryShare ?? 0) * 100).toFixed(1)}% of values)`);
    if (current.vanishedCategoryCount && cur.count > 0) warnings.push(`current: ${current.vanishedCategoryCount} reference categories absent`);
  }
  return { name: ref.name, type: ref.type, reference, current, warnings };
}

function describe({ meta, profile }: ProfiledSide): QualityDatasetRef {
  return { name: meta.name, format: meta.format, rows: profile.rows, columns: profile.columns.length, sha256: meta.sha256 };
}

function datasetStats(profile: DbProfile, stats: { name: string; stats: ColumnStats }[]): DatasetStats {
  return { rows: profile.rows, columns: profile.columns.length, duplicatedRows: null, ...columnFacts(stats) };
}

function preview(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

/** The quality summary of one profiled side, or of a reference and a current side by side. */
export function qualityFromProfiles(reference: ProfiledSide, current?: ProfiledSide): QualityResult {
  const curColumns = new Map(current?.profile.columns.map((c) => [c.name, c]));
  const sides = { reference: reference.profile, current: current?.profile };
  const columns = reference.profile.columns.map((c) => columnQuality(c, curColumns.get(c.name), sides));
  const refNames = new Set(reference.profile.columns.map((c) => c.name));
  const onlyInReference = current ? [...refNames].filter((n) => !curColumns.has(n)) : [];
  const onlyInCurrent = current ? [...curColumns.keys()].filter((n) => !refNames.has(n)) : [];
  const how = (side: ProfiledSide) => `${side.meta.name} ${side.meta.format === 'dbprofile' ? 'is a .dbprofile' : 'was profiled from its rows'}`;
  const warnings = [
    `summarised from profiles (${[reference, current].flatMap((side) => (side ? [how(side)] : [])).join('; ')}): quantiles, zeros, distinct numeric values and duplicated rows need the rows and are not shown`,
  ];
  if (onlyInReference.length) warnings.push(`columns only in reference: ${preview(onlyInReference)}`);
  if (onlyInCurrent.length) warnings.push(`columns only in current: ${preview(onlyInCurrent)}`);
  const result: QualityResult = {
    kind: 'quality',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    reference: describe(reference),
    columns,
    onlyInReference,
    onlyInCurrent,
    dataset: {
      reference: datasetStats(
        reference.profile,
        columns.map((c) => ({ name: c.name, stats: c.reference })),
      ),
    },
    warnings,
    fromProfile: { reference: true },
  };
  if (current) {
    const byName = new Map(columns.map((c) => [c.name, c.current]));
    const curStats = current.profile.columns.map((c) => ({ name: c.name, stats: byName.get(c.name) ?? statsOf(c, current.profile.rows) }));
    result.current = describe(current);
    result.dataset.current = datasetStats(current.profile, curStats);
    result.fromProfile = { reference: true, current: true };
  }
  return result;
}
