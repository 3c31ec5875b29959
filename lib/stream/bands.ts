/**
 * Reference bands as NannyML 0.13 draws them: the metric on each reference chunk (chunked as the
 * current data is), then StandardDeviationThreshold (nannyml/thresholds.py) — mean ± multiplier ×
 * np.std (population, ddof = 0) of those values, multiplier 3 by default — and
 * calculate_threshold_values' clipping to the metric's limits (a p-value or share stays in [0, 1]).
 * Chunks without a value (an empty period, a metric undefined on it) are left out of the mean.
 */
import { AnalysisError } from '../errors';
import { numpyMean, numpyStd } from '../stats/numpy-moments';

export interface Band {
  mean: number;
  std: number;
  lower: number;
  upper: number;
  multiplier: number;
  /** Reference chunks with a value (the others are left out). */
  chunks: number;
}

export const DEFAULT_BAND_MULTIPLIER = 3;

/** The band of the reference chunks' values; null when no chunk has a value. */
export function referenceBand(values: readonly (number | null)[], multiplier = DEFAULT_BAND_MULTIPLIER, bounds?: readonly [number, number]): Band | null {
  if (!(multiplier >= 0) || !Number.isFinite(multiplier))
    throw new AnalysisError('bad-band', `band multiplier: ${multiplier} — give a number ≥ 0 (NannyML's default is 3)`);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  const mean = numpyMean(finite);
  const std = numpyStd(finite);
  let lower = mean - std * multiplier;
  let upper = mean + std * multiplier;
  if (bounds && lower < bounds[0]) lower = bounds[0];
  if (bounds && upper > bounds[1]) upper = bounds[1];
  return { mean, std, lower, upper, multiplier, chunks: finite.length };
}

/** NannyML's alert: strictly below the lower or above the upper limit. */
export function outsideBand(value: number | null, band: Band | null): boolean {
  return value !== null && band !== null && (value < band.lower || value > band.upper);
}
