/**
 * Eigendecomposition of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * Matrix Computations, §8.5: rotations chosen as in their `sym.schur2`, sweeps until every
 * off-diagonal element is negligible). Jacobi is slow for large matrices (O(n³) per sweep) but
 * accurate to a few ulps of the largest eigenvalue, which PCA on tens of features needs: the
 * components are the eigenvectors of the covariance matrix. Signs of eigenvectors are arbitrary.
 */
import { AnalysisError } from '../errors';

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as rows (row i belongs to values[i]), each of unit length: n × n row-major. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/** Eigenvalues and eigenvectors of the symmetric n × n matrix `a` (row-major; only read, never changed). */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new AnalysisError('bad-matrix', `symmetric eigen: ${a.length} entries for a ${n} × ${n} matrix`);
  const m = Float64Array.from(a);
  // v holds the accumulated rotations; its columns become the eigenvectors.
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let converged = n < 2;
  for (let sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    let off = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = m[i * n + j]! * m[i * n + j]!;
        norm += x;
        if (i !== j) off += x;
      }
    }
    if (off <= Number.EPSILON * Number.EPSILON * norm || off === 0) {
      converged = true;
      break;
    }
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(m, v, n, p, q);
    }
  }
  if (!converged) throw new AnalysisError('no-convergence', `symmetric eigen: no convergence after ${MAX_SWEEPS} sweeps — the matrix may hold NaN or Infinity`);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j]! - m[i * n + i]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((k, row) => {
    values[row] = m[k * n + k]!;
    for (let i = 0; i < n; i++) vectors[row * n + i] = v[i * n + k]!;
  });
  return { values, vectors };
}

/** One Jacobi rotation zeroing m[p][q] (and m[q][p]), applied to m on both sides and to v on the right. */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q]!;
  if (apq === 0) return;
  const tau = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
  // The smaller root of t² + 2τt − 1 = 0, written to avoid cancellation.
  const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const mkp = m[k * n + p]!;
    const mkq = m[k * n + q]!;
    m[k * n + p] = c * mkp - s * mkq;
    m[k * n + q] = s * mkp + c * mkq;
  }
  for (let k = 0; k < n; k++) {
    const mpk = m[p * n + k]!;
    const mqk = m[q * n + k]!;
    m[p * n + k] = c * mpk - s * mqk;
    m[q * n + k] = s * mpk + c * mqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p]!;
    const vkq = v[k * n + q]!;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
