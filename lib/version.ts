/** The app's version, shown in the UI and recorded in every result and report (kept equal to package.json's). */
export const APP_VERSION = '0.1.0';

/** Bumped whenever a computation changes its numbers, so cached results are recomputed (2: the drift share counts every tested column, NannyML-exact CBPE). */
export const ENGINE_VERSION = 2;
