/** The two sides of a comparison, in drawing order (reference underneath). */
export const SIDES = ['reference', 'current'] as const;
export type Side = (typeof SIDES)[number];

/** Tableau-10 blue and orange: distinct for common colour-vision deficiencies, fine on dark too. */
export const SIDE_COLORS: Record<Side, string> = {
  reference: '#4c78a8',
  current: '#f58518',
};

/**
 * Drift heatmaps (timeline windows, batch history): one colour per verdict, used for the cells and
 * their key's text alike — the not-drifted blue is light enough beside red and dark enough to read.
 */
export const VERDICT_COLORS = {
  drifted: '#e45756',
  notDrifted: '#6f9bc8',
  noValue: '#f2f2f2',
  /** The key's text for "no value" (the cell colour itself is too light to read). */
  noValueKey: '#9e9e9e',
} as const;
