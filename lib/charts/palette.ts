/** The two sides of a comparison, in drawing order (reference underneath). */
export const SIDES = ['reference', 'current'] as const;
export type Side = (typeof SIDES)[number];

/** Tableau-10 blue and orange: distinct for common colour-vision deficiencies, fine on dark too. */
export const SIDE_COLORS: Record<Side, string> = {
  reference: '#4c78a8',
  current: '#f58518',
};
