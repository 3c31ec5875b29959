/**
 * Multivariate drift between a reference and a current dataset, by one of two methods:
 * - `pca`: NannyML's data reconstruction error per chunk, with thresholds from the reference's
 *   chunks (reconstruction.ts);
 * - `classifier`: a domain classifier's cross-validated ROC AUC, for the whole current data and per
 *   chunk, with the permutation importance of the features (classifier.ts).
 * Chunks are the same for both sides (NannyML fits the chunker once): `chunkSize` rows, `chunks`
 * equal chunks (NannyML's default: 10), or calendar periods of a `timestamp` column.
 */
import { userRoles } from '../data/roles';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { splitWindows, type Period, type WindowSplit } from '../stream/windows';
import { crossValidate, DEFAULT_CLASSIFIER, permutationImportance, type ClassifierSettings, type FeatureImportance, type Progress } from './classifier';
import {
  alertOf,
  chunkMeans,
  fitReconstruction,
  fitStandardised,
  rowErrors,
  scaledRows,
  stdThresholds,
  type MultivariateChunk,
  type Threshold,
} from './reconstruction';

export type MultivariateMethod = 'pca' | 'classifier';
export const MULTIVARIATE_METHODS: readonly MultivariateMethod[] = ['pca', 'classifier'];

export interface MultivariateConfig {
  method?: MultivariateMethod;
  /** Feature columns (default: every numeric, categorical and boolean column not given another role by the user). */
  columns?: string[];
  /** Share of the variance the PCA keeps, in (0, 1) (default 0.65, NannyML's n_components). */
  variance?: number;
  chunkSize?: number;
  chunks?: number;
  timestamp?: string;
  period?: Period;
  timeZone?: string;
  classifier?: Partial<ClassifierSettings>;
}

export interface MultivariateResult {
  method: MultivariateMethod;
  features: string[];
  /** Features frequency-encoded as categories. */
  categorical: string[];
  /** PCA components kept (null for the classifier). */
  components: number | null;
  variance: number | null;
  threshold: Threshold;
  chunkBy: 'rows' | 'period';
  reference: { rows: number; chunks: MultivariateChunk[] };
  current: { rows: number; chunks: MultivariateChunk[] };
  /** Classifier: the cross-validated ROC AUC of reference vs the whole current data, its settings and feature importance. */
  auc?: number;
  classifier?: ClassifierSettings;
  featureImportance?: FeatureImportance[];
  warnings: string[];
}

export const DEFAULT_VARIANCE = 0.65;
export const DEFAULT_CHUNKS = 10;
/** NannyML DomainClassifierCalculator's default ConstantThreshold(lower=0.45, upper=0.65). */
export const CLASSIFIER_THRESHOLD: Threshold = { lower: 0.45, upper: 0.65 };
const NOT_FEATURES = new Set(['target', 'prediction', 'score', 'timestamp', 'id', 'ignored']);

/** The default features: typed numeric, categorical or boolean, and not given a non-feature role by the user. */
export function defaultFeatures(reference: Dataset, timestamp?: string): string[] {
  const roles = userRoles(reference.meta);
  return reference.meta.schema
    .filter((c) => c.type === 'numeric' || c.type === 'categorical' || c.type === 'boolean')
    .filter((c) => c.name !== timestamp && !NOT_FEATURES.has(roles[c.name] ?? 'feature'))
    .map((c) => c.name);
}

function splitOf(config: MultivariateConfig): WindowSplit {
  if (config.timestamp)
    return { by: 'period', period: config.period ?? 'day', timestampColumn: config.timestamp, ...(config.timeZone ? { timeZone: config.timeZone } : {}) };
  if (config.chunkSize !== undefined) return { by: 'rows', size: config.chunkSize };
  return { by: 'count', count: config.chunks ?? DEFAULT_CHUNKS };
}

function featuresOf(reference: Dataset, current: Dataset, config: MultivariateConfig): string[] {
  const features = config.columns?.length ? config.columns : defaultFeatures(reference, config.timestamp);
  if (features.length < 2) throw new AnalysisError('too-few-features', `multivariate drift: ${features.length} feature column(s) — choose 2 or more`);
  for (const name of features) {
    if (!current.meta.schema.some((c) => c.name === name))
      throw new AnalysisError('unknown-column', `column "${name}": not in ${current.meta.name} — both files need every feature column`);
  }
  return features;
}

/** Multivariate drift of `current` against `reference`. */
export async function multivariateDrift(
  reference: Dataset,
  current: Dataset,
  config: MultivariateConfig = {},
  progress: Progress = {},
): Promise<MultivariateResult> {
  if (reference.table.numRows === 0 || current.table.numRows === 0)
    throw new AnalysisError('no-rows', `multivariate drift: ${reference.table.numRows === 0 ? reference.meta.name : current.meta.name} has no rows`);
  const method = config.method ?? 'pca';
  if (!MULTIVARIATE_METHODS.includes(method)) throw new AnalysisError('bad-method', `method: ${String(method)} — use ${MULTIVARIATE_METHODS.join(' or ')}`);
  const features = featuresOf(reference, current, config);
  const split = splitOf(config);
  const warnings: string[] = [];
  // A reference without the timestamp column is chunked as NannyML's default (10 equal chunks) for its thresholds.
  const timed = split.by !== 'period' || reference.meta.schema.some((c) => c.name === split.timestampColumn);
  if (!timed) warnings.push(`reference has no ${config.timestamp} column: its thresholds come from ${DEFAULT_CHUNKS} equal row chunks`);
  const refSplit = splitWindows(reference, timed ? split : { by: 'count', count: DEFAULT_CHUNKS }, 'reference');
  const curSplit = splitWindows(current, split, 'current');
  warnings.push(...refSplit.warnings, ...curSplit.warnings);
  const variance = config.variance ?? DEFAULT_VARIANCE;
  // Both methods impute, encode and standardise the features as NannyML's reconstruction does.
  const fitted = fitStandardised(reference, features);
  const categorical = fitted.encoding.filter((e) => e.kind === 'categorical').map((e) => e.name);
  const base = { features, categorical, chunkBy: split.by === 'period' ? ('period' as const) : ('rows' as const), warnings };
  if (method === 'pca') {
    // Three steps, each checked for a cancel: the fit, the reference's errors, the current's.
    const step = (done: number) => {
      if (progress.signal?.aborted) throw new AnalysisError('aborted', 'multivariate drift cancelled');
      progress.onProgress?.(done, 3);
    };
    const model = fitReconstruction(reference, features, variance);
    step(1);
    const refChunks = chunkMeans(rowErrors(reference, model), refSplit.windows);
    step(2);
    const curChunks = chunkMeans(rowErrors(current, model), curSplit.windows);
    step(3);
    const threshold = stdThresholds(refChunks.map((c) => c.value));
    return {
      method,
      ...base,
      components: model.pca.k,
      variance,
      threshold,
      reference: { rows: reference.table.numRows, chunks: refChunks },
      current: { rows: current.table.numRows, chunks: curChunks.map((c) => ({ ...c, alert: alertOf(c.value, threshold) })) },
    };
  }
  const settings: ClassifierSettings = { ...DEFAULT_CLASSIFIER, ...config.classifier, model: 'logistic-regression' };
  const f = features.length;
  const xRef = fitted.x;
  const xCur = scaledRows(current, fitted.encoding, fitted.scaler);
  const joined = (rows: Uint32Array | null) => {
    const m = rows ? rows.length : xCur.length / f;
    const x = new Float64Array(xRef.length + m * f);
    x.set(xRef);
    if (!rows) x.set(xCur, xRef.length);
    else rows.forEach((i, k) => x.set(xCur.subarray(i * f, i * f + f), xRef.length + k * f));
    return x;
  };
  const nRef = reference.table.numRows;
  const total = curSplit.windows.length + 2;
  const step = (done: number) => progress.onProgress?.(done, total);
  const all = joined(null);
  const cv = crossValidate(all, nRef, f, settings, { signal: progress.signal });
  step(1);
  const featureImportance = permutationImportance(all, nRef, features, cv, settings, { signal: progress.signal });
  step(2);
  const threshold = CLASSIFIER_THRESHOLD;
  const chunks = curSplit.windows.map((w, k): MultivariateChunk => {
    const value = w.rows.length ? crossValidate(joined(w.rows), nRef, f, settings, { signal: progress.signal }).auc : null;
    step(k + 3);
    const span = w.rowStart !== undefined ? { start: w.rowStart, end: w.rowEnd! } : { start: w.start!, end: w.end!, label: w.label };
    return { ...span, rows: w.rows.length, value, alert: alertOf(value, threshold) };
  });
  return {
    method,
    ...base,
    components: null,
    variance: null,
    threshold,
    reference: { rows: nRef, chunks: [] },
    current: { rows: current.table.numRows, chunks },
    auc: cv.auc,
    classifier: settings,
    featureImportance,
  };
}
