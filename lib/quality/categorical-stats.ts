import type { Table } from 'apache-arrow';
import { profileColumn, type CategoricalProfile } from '../profile/column-profile';
import type { CategoricalStats, CategoryCount } from './types';

const TOP_CATEGORIES = 10;
const LISTED = 20;

/** Counts of a string-valued column; other Arrow types (booleans, …) are counted by their text (lib/data/columns.ts). */
export function profileStrings(table: Table, name: string): CategoricalProfile {
  return profileColumn(table, name, 'categorical') as CategoricalProfile;
}

/** Category indices, most frequent first; ties keep first-seen order (Array.sort is stable). */
function ranked(profile: CategoricalProfile): number[] {
  return profile.categories.map((_, i) => i).sort((a, b) => profile.counts[b]! - profile.counts[a]!);
}

function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export function computeCategoricalStats(profile: CategoricalProfile, rows: number): CategoricalStats {
  const order = ranked(profile);
  const first = order[0];
  let length = 0;
  profile.categories.forEach((value, i) => (length += codePoints(value) * profile.counts[i]!));
  const missingShare = rows ? profile.missing / rows : 0;
  const topCategories: CategoryCount[] = order.slice(0, TOP_CATEGORIES).map((i) => ({ value: profile.categories[i]!, count: profile.counts[i]! }));
  return {
    kind: 'categorical',
    count: profile.count,
    missing: profile.missing,
    missingShare,
    nonFinite: 0,
    distinct: profile.categories.length,
    topFrequency: first === undefined ? 0 : profile.counts[first]!,
    top: first === undefined ? null : profile.categories[first]!,
    categories: profile.categories.length,
    topCategories,
    meanLength: profile.count ? length / profile.count : null,
    highMissing: missingShare > 0.02,
    highZeros: false,
    hasNonFinite: false,
  };
}

/** New (current only) and vanished (reference only) categories, most frequent first. */
export function compareCategories(
  reference: CategoricalProfile,
  current: CategoricalProfile,
): Pick<CategoricalStats, 'newCategories' | 'newCategoryCount' | 'newCategoryShare' | 'vanishedCategories' | 'vanishedCategoryCount'> {
  const inReference = new Set(reference.categories);
  const inCurrent = new Set(current.categories);
  const fresh = ranked(current).filter((i) => !inReference.has(current.categories[i]!));
  const vanished = ranked(reference).filter((i) => !inCurrent.has(reference.categories[i]!));
  let freshValues = 0;
  for (const i of fresh) freshValues += current.counts[i]!;
  return {
    newCategories: fresh.slice(0, LISTED).map((i) => current.categories[i]!),
    newCategoryCount: fresh.length,
    newCategoryShare: current.count ? freshValues / current.count : 0,
    vanishedCategories: vanished.slice(0, LISTED).map((i) => reference.categories[i]!),
    vanishedCategoryCount: vanished.length,
  };
}
