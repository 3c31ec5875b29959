/**
 * PCA data-reconstruction drift as NannyML's DataReconstructionDriftCalculator computes it
 * (nannyml/drift/multivariate/data_reconstruction/calculator.py):
 * - `_fit`: impute, frequency-encode (encode.ts), standardise and fit PCA on the reference (pca.ts);
 * - `_calculate_dre_results`: a chunk's value is the mean Euclidean distance between its rows and
 *   their reconstructions, in the standardised space;
 * - `_set_thresholds` (nannyml/thresholds.py StandardDeviationThreshold, calculate_threshold_values
 *   with lower limit 0 and override_using_none): mean ± 3 × np.std (ddof 0) of the reference
 *   chunks' values; a lower threshold at or below 0 is none;
 * - `_populate_thresholds`: a chunk alerts when its value is not strictly between the thresholds.
 * Chunks are NannyML's (lib/stream/windows.ts): rows [start, end] inclusive with the incomplete last
 * chunk kept, or calendar periods of a timestamp column (empty periods have no value and never alert).
 */
import type { Dataset } from '../data/types';
import { numpyMean, numpyStd } from '../stats/numpy-moments';
import type { DataWindow } from '../stream/windows';
import { encodeRows, fitEncoding, type FeatureEncoding } from './encode';
import { fitPca, fitScaler, reconstructionErrors, scaleRows, type PcaModel, type Scaler } from './pca';

export interface Threshold {
  lower: number | null;
  upper: number | null;
}

/** A chunk: rows [start, end] (0-based, inclusive) or a period [start, end) as ISO 8601 instants. */
export interface MultivariateChunk {
  start: number | string;
  end: number | string;
  /** The period's name ('2026-01-03', '2026-W02'); absent for row chunks. */
  label?: string;
  rows: number;
  /** Mean reconstruction error (or ROC AUC for the classifier); null for an empty period. */
  value: number | null;
  alert?: boolean;
}

export interface FittedReconstruction {
  encoding: FeatureEncoding[];
  scaler: Scaler;
  pca: PcaModel;
}

const STD_MULTIPLIER = 3;

/** Impute, encode and standardise a dataset's rows with the fitted reference model. */
export function scaledRows(dataset: Dataset, encoding: FeatureEncoding[], scaler: Scaler): Float64Array {
  const x = encodeRows(dataset, encoding);
  scaleRows(x, encoding.length, scaler);
  return x;
}

/** Imputation, encoding and standardisation fitted on the reference (both methods' features). */
export function fitStandardised(reference: Dataset, columns: readonly string[]): { encoding: FeatureEncoding[]; scaler: Scaler; x: Float64Array } {
  const encoding = fitEncoding(reference, columns);
  const x = encodeRows(reference, encoding);
  const scaler = fitScaler(x, reference.table.numRows, encoding.length);
  scaleRows(x, encoding.length, scaler);
  return { encoding, scaler, x };
}

/** NannyML's `_fit`: every step fitted on the reference rows. */
export function fitReconstruction(reference: Dataset, columns: readonly string[], variance: number): FittedReconstruction {
  const { encoding, scaler, x } = fitStandardised(reference, columns);
  return { encoding, scaler, pca: fitPca(x, reference.table.numRows, encoding.length, variance) };
}

/** Each row's reconstruction error. */
export function rowErrors(dataset: Dataset, model: FittedReconstruction): Float64Array {
  return reconstructionErrors(scaledRows(dataset, model.encoding, model.scaler), model.encoding.length, model.pca);
}

/** The mean of `values` over each window's rows (np.mean of the chunk). */
export function chunkMeans(values: Float64Array, windows: readonly DataWindow[]): MultivariateChunk[] {
  return windows.map((w) => {
    const rows = w.rows.length;
    const value = rows ? numpyMean(Float64Array.from(w.rows, (i) => values[i]!)) : null;
    return w.rowStart !== undefined ? { start: w.rowStart, end: w.rowEnd!, rows, value } : { start: w.start!, end: w.end!, label: w.label, rows, value };
  });
}

/** Mean ± 3 × population std of the reference chunks' values; a lower threshold ≤ `floor` is none. */
export function stdThresholds(values: readonly (number | null)[], floor: number | null = 0): Threshold {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { lower: null, upper: null };
  const mean = numpyMean(present);
  const std = numpyStd(present);
  const lower = mean - STD_MULTIPLIER * std;
  return { lower: floor !== null && lower <= floor ? null : lower, upper: mean + STD_MULTIPLIER * std };
}

/** NannyML's alert: the value is not strictly between the thresholds (a missing one is unbounded). */
export function alertOf(value: number | null, { lower, upper }: Threshold): boolean {
  if (value === null) return false;
  return !((lower ?? -Infinity) < value && value < (upper ?? Infinity));
}
