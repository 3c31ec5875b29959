import type { Table } from 'apache-arrow';
import { profileColumn, type CategoricalProfile } from '../profile/column-profile';
import { capLabels, codePointLength, TruncationTally } from '../profile/embed-caps';
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

/** `{ truncated }` when the tally cut anything, to spread into a result. */
export function truncated(tally: TruncationTally): Pick<CategoricalStats, 'truncated'> {
  const note = tally.result();
  return note ? { truncated: note } : {};
}

/** One side's stats; `tally` collects the values cut for embedding (a fresh one when not given). */
export function computeCategoricalStats(profile: CategoricalProfile, rows: number, tally = new TruncationTally()): CategoricalStats {
  const order = ranked(profile);
  const first = order[0];
  let length = 0;
  profile.categories.forEach((value, i) => (length += codePointLength(value) * profile.counts[i]!));
  const missingShare = rows ? profile.missing / rows : 0;
  // Embedded values are capped in length (their counts are not): one huge cell must not make a huge result.
  // Labels stay distinct (a chart keys its bars by them).
  const top = order.slice(0, TOP_CATEGORIES);
  const labels = capLabels(
    top.map((i) => profile.categories[i]!),
    tally,
  );
  const topCategories: CategoryCount[] = top.map((i, k) => ({ value: labels[k]!, count: profile.counts[i]! }));
  return {
    kind: 'categorical',
    count: profile.count,
    missing: profile.missing,
    missingShare,
    nonFinite: 0,
    distinct: profile.categories.length,
    topFrequency: first === undefined ? 0 : profile.counts[first]!,
    top: topCategories[0]?.value ?? null,
    categories: profile.categories.length,
    topCategories,
    meanLength: profile.count ? length / profile.count : null,
    highMissing: missingShare > 0.02,
    highZeros: false,
    hasNonFinite: false,
    ...truncated(tally),
  };
}

/**
 * New (current only) and vanished (reference only) categories, most frequent first. Listed values
 * are capped in length; `tally` (the current side's) counts the cuts.
 */
export function compareCategories(
  reference: CategoricalProfile,
  current: CategoricalProfile,
  tally?: TruncationTally,
): Pick<CategoricalStats, 'newCategories' | 'newCategoryCount' | 'newCategoryShare' | 'vanishedCategories' | 'vanishedCategoryCount'> {
  const inReference = new Set(reference.categories);
  const inCurrent = new Set(current.categories);
  const fresh = ranked(current).filter((i) => !inReference.has(current.categories[i]!));
  const vanished = ranked(reference).filter((i) => !inCurrent.has(reference.categories[i]!));
  let freshValues = 0;
  for (const i of fresh) freshValues += current.counts[i]!;
  return {
    newCategories: capLabels(
      fresh.slice(0, LISTED).map((i) => current.categories[i]!),
      tally,
    ),
    newCategoryCount: fresh.length,
    newCategoryShare: current.count ? freshValues / current.count : 0,
    vanishedCategories: capLabels(
      vanished.slice(0, LISTED).map((i) => reference.categories[i]!),
      tally,
    ),
    vanishedCategoryCount: vanished.length,
  };
}
