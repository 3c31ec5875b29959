/**
 * Standardisation and PCA as scikit-learn 1.2 fits them, on an n × f row-major matrix:
 * - StandardScaler (sklearn/preprocessing/_data.py): mean, population variance with the two-pass
 *   correction of `_incremental_mean_and_var`, and scale 1 for a feature `_is_constant_feature`
 *   calls constant (var ≤ n·ε·var + (n·mean·ε)²);
 * - PCA(n_components=variance, svd_solver='full') (sklearn/decomposition/_pca.py `_fit_full`): the
 *   principal axes of the centred data. Its SVD's right singular vectors are the eigenvectors of the
 *   covariance XᵀX/(n−1) and S²/(n−1) its eigenvalues, so the symmetric eigendecomposition gives the
 *   same components (up to sign, which a reconstruction does not see); the number kept is the first
 *   k whose cumulated explained-variance ratio exceeds `variance` (searchsorted side='right' + 1).
 */
import { AnalysisError } from '../errors';
import { NeumaierSum } from '../stats/neumaier-sum';
import { symmetricEigen } from '../stats/symmetric-eigen';

export interface Scaler {
  mean: Float64Array;
  scale: Float64Array;
}

export interface PcaModel {
  /** The scaled reference's column means (sklearn's pca.mean_). */
  mean: Float64Array;
  /** k principal axes as rows: k × f row-major. */
  components: Float64Array;
  k: number;
  /** Explained-variance ratio of every axis, largest first (length f or n, whichever is smaller). */
  explainedVarianceRatio: number[];
}

function columnMeans(x: Float64Array, n: number, f: number): Float64Array {
  const sums = Array.from({ length: f }, () => new NeumaierSum());
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) sums[j]!.add(x[i * f + j]!);
  return Float64Array.from(sums, (s) => s.value / n);
}

/** StandardScaler().fit(x). */
export function fitScaler(x: Float64Array, n: number, f: number): Scaler {
  const mean = columnMeans(x, n, f);
  const scale = new Float64Array(f);
  for (let j = 0; j < f; j++) {
    const squares = new NeumaierSum();
    const correction = new NeumaierSum();
    for (let i = 0; i < n; i++) {
      const d = x[i * f + j]! - mean[j]!;
      squares.add(d * d);
      correction.add(d);
    }
    const variance = (squares.value - (correction.value * correction.value) / n) / n;
    const eps = Number.EPSILON;
    const constant = variance <= n * eps * variance + (n * mean[j]! * eps) ** 2;
    scale[j] = constant ? 1 : Math.sqrt(variance);
  }
  return { mean, scale };
}

/** scaler.transform(x), in place. */
export function scaleRows(x: Float64Array, f: number, { mean, scale }: Scaler): void {
  for (let at = 0; at < x.length; at += f) for (let j = 0; j < f; j++) x[at + j] = (x[at + j]! - mean[j]!) / scale[j]!;
}

/** PCA(n_components=variance, svd_solver='full').fit(x) for a fraction 0 < variance < 1. */
export function fitPca(x: Float64Array, n: number, f: number, variance: number): PcaModel {
  if (!(variance > 0 && variance < 1))
    throw new AnalysisError('bad-variance', `variance: ${variance} — give the share of variance to keep, between 0 and 1 (e.g. 0.65)`);
  if (n < 2) throw new AnalysisError('too-few-rows', `PCA: ${n} reference row — it needs 2 or more`);
  const mean = columnMeans(x, n, f);
  const cov = new Float64Array(f * f);
  const d = new Float64Array(f);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) d[j] = x[i * f + j]! - mean[j]!;
    for (let a = 0; a < f; a++) {
      const da = d[a]!;
      for (let b = a; b < f; b++) cov[a * f + b] = cov[a * f + b]! + da * d[b]!;
    }
  }
  for (let a = 0; a < f; a++) {
    for (let b = a; b < f; b++) {
      cov[a * f + b] = cov[a * f + b]! / (n - 1);
      cov[b * f + a] = cov[a * f + b]!;
    }
  }
  const { values, vectors } = symmetricEigen(cov, f);
  // The SVD has min(n, f) singular values; the covariance's other eigenvalues are 0 (up to rounding).
  const rank = Math.min(n, f);
  const explained = Array.from(values.subarray(0, rank), (v) => Math.max(0, v));
  const total = explained.reduce((s, v) => s + v, 0);
  if (!(total > 0)) throw new AnalysisError('no-variance', 'PCA: the reference features do not vary — there is nothing to reconstruct');
  const ratio = explained.map((v) => v / total);
  let k = 1;
  let cumulated = 0;
  for (let i = 0; i < rank; i++) {
    cumulated += ratio[i]!;
    if (cumulated <= variance) k = i + 2;
  }
  k = Math.min(k, rank);
  return { mean, components: vectors.slice(0, k * f), k, explainedVarianceRatio: ratio };
}

/** ‖x − inverse_transform(transform(x))‖ for each scaled row of x (NannyML's reconstruction error). */
export function reconstructionErrors(x: Float64Array, f: number, pca: PcaModel): Float64Array {
  const n = x.length / f;
  const out = new Float64Array(n);
  const d = new Float64Array(f);
  const { components, k, mean } = pca;
  const dots = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) d[j] = x[i * f + j]! - mean[j]!;
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let j = 0; j < f; j++) dot += components[c * f + j]! * d[j]!;
      dots[c] = dot;
    }
    // The residual d − Σ (c·d) c per coordinate: no cancellation of ‖d‖² − ‖Pd‖².
    let sq = 0;
    for (let j = 0; j < f; j++) {
      let r = d[j]!;
      for (let c = 0; c < k; c++) r -= dots[c]! * components[c * f + j]!;
      sq += r * r;
    }
    out[i] = Math.sqrt(sq);
  }
  return out;
}
