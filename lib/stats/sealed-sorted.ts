/**
 * Arrays known to be ascending, NaN-free and never written again: the sorted values of a profile,
 * sealed where they were sorted (lib/profile/column-profile.ts) or received from the worker that
 * sorted them. Tests on them skip their O(n) order checks, and one merge walk over a pair of them is
 * remembered for every test that needs it (lib/stats/ecdf-pair-walk.ts). A WeakSet: nothing outlives
 * the array.
 */
const sealed = new WeakSet<Float64Array>();

/** Marks `values` as ascending, NaN-free and immutable from now on. Only for arrays this code sorted. */
export function sealSorted(values: Float64Array): Float64Array {
  sealed.add(values);
  return values;
}

/** Whether `values` was sealed by sealSorted. */
export function isSealedSorted(values: Float64Array): boolean {
  return sealed.has(values);
}
