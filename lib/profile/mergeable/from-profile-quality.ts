/**
 * The quality summary of a `.dbprofile` (`driftbook quality --reference p.dbprofile`): count, missing,
 * non-finite, min, max, mean, std, categories and their counts, rows — every number exact from the
 * profile (no raw row is read). Quantiles, distinct numeric values, zeros and duplicated rows need
 * the rows and are not in this result.
 */

import { capLabels, TruncationTally, truncationNote, type Truncation } from '../embed-caps';
import { APP_VERSION } from '../../version';
import type { DbProfile, FixedHistogram, ProfileColumn, ProfileColumnType } from './types';

/** Share of missing cells above which a column is flagged, as the raw-row quality summary does. */
const HIGH_MISSING_SHARE = 0.02;

export interface ProfileCategories {
  /** Every counted category (labels cut to 200 characters as in every embedded value), most frequent first. */
  values: { value: string; count: number }[];
  /** Values outside `values` (0 unless the profile reached its category limit). */
  other: number;
  /** Distinct values; null when the category limit was reached (only a lower bound is known then). */
  distinct: number | null;
  maxCategories: number;
  limitReached: boolean;
  truncated?: Truncation;
}

export interface ProfileColumnQuality {
  name: string;
  type: ProfileColumnType;
  /** Non-missing cells, ±Infinity included (as the raw-row summary counts them). */
  count: number;
  missing: number;
  missingShare: number;
  nonFinite: number;
  /** Over the finite values; null where undefined (no values, std of one value). */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Sample standard deviation (ddof = 1): sqrt(M2 / (n − 1)). */
  std: number | null;
  categories?: ProfileCategories;
  histogram?: FixedHistogram;
  warnings: string[];
}

export interface ProfileQualityResult {
  kind: 'quality';
  schemaVersion: 1;
  tool: { name: 'driftbook'; version: string };
  /** Every number here is computed from the profile alone. */
  fromProfile: 'exact';
  reference: { name: string; format: 'dbprofile'; rows: number; columns: number; sources: string[] };
  columns: ProfileColumnQuality[];
  warnings: string[];
}

function categoriesOf(column: ProfileColumn): ProfileCategories | undefined {
  const c = column.categories;
  if (!c) return undefined;
  const tally = new TruncationTally();
  const labels = capLabels(c.values, tally);
  const truncation = tally.result();
  return {
    values: labels.map((value, i) => ({ value, count: c.counts[i]! })),
    other: c.other,
    distinct: c.truncated ? null : c.values.length,
    maxCategories: c.maxCategories,
    limitReached: c.truncated,
    ...(truncation ? { truncated: truncation } : {}),
  };
}

function columnWarnings(q: Omit<ProfileColumnQuality, 'warnings'>): string[] {
  const warnings: string[] = [];
  if (q.count === 0) warnings.push('reference: all values missing');
  else if (q.missingShare > HIGH_MISSING_SHARE) warnings.push(`reference: ${(q.missingShare * 100).toFixed(1)}% missing`);
  if (q.nonFinite > 0) warnings.push(`reference: ${q.nonFinite} non-finite values (±Infinity), left out of the summaries`);
  if (q.categories?.limitReached) {
    warnings.push(`reference: more than ${q.categories.maxCategories} categories — the rest are counted together as other (${q.categories.other} values)`);
  }
  if (q.categories?.truncated) warnings.push(truncationNote(q.categories.truncated, 'reference: '));
  return warnings;
}

/** One column's exact summary from its profile. */
export function profileColumnQuality(column: ProfileColumn, rows: number): ProfileColumnQuality {
  const m = column.moments;
  const n = m?.n ?? 0;
  const categories = categoriesOf(column);
  const q = {
    name: column.name,
    type: column.type,
    count: column.count + column.nonFinite,
    missing: column.missing,
    missingShare: rows ? column.missing / rows : 0,
    nonFinite: column.nonFinite,
    min: column.min,
    max: column.max,
    mean: m && n > 0 ? m.mean : null,
    std: m && n > 1 ? Math.sqrt(m.M2 / (n - 1)) : null,
    ...(categories ? { categories } : {}),
    ...(column.histogram ? { histogram: column.histogram } : {}),
  };
  return { ...q, warnings: columnWarnings(q) };
}

/** The quality summary of a profile, named as the file it was read from. */
export function computeProfileQuality(profile: DbProfile, name: string): ProfileQualityResult {
  return {
    kind: 'quality',
    schemaVersion: 1,
    tool: { name: 'driftbook', version: APP_VERSION },
    fromProfile: 'exact',
    reference: { name, format: 'dbprofile', rows: profile.rows, columns: profile.columns.length, sources: profile.source.names },
    columns: profile.columns.map((c) => profileColumnQuality(c, profile.rows)),
    warnings: [],
  };
}
