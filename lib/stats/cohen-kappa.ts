/**
 * Cohen's kappa of two raters from their confusion matrix (rows: rater 1, columns: rater 2), as
 * sklearn's cohen_kappa_score (unweighted): expected = outer(column sums, row sums) / total,
 * κ = 1 − Σ_{i≠j} observed / Σ_{i≠j} expected. Null when undefined: no rows, or no expected
 * disagreement (both raters give one and the same label to every row: sklearn's 0/0 = NaN).
 */
import { numpySum } from './numpy-sum';

export function cohenKappa(matrix: readonly (readonly number[])[]): number | null {
  const k = matrix.length;
  const sum0 = Array.from({ length: k }, (_, j) => numpySum(matrix.map((row) => row[j]!)));
  const sum1 = matrix.map((row) => numpySum(row));
  const total = numpySum(sum0);
  if (total === 0) return null;
  const observed: number[] = [];
  const expected: number[] = [];
  // sklearn: np.sum(w_mat * confusion) / np.sum(w_mat * expected), w_mat = 1 − I, sums row-major.
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = i === j ? 0 : 1;
      observed.push(w * matrix[i]![j]!);
      expected.push(w * ((sum0[i]! * sum1[j]!) / total));
    }
  }
  const den = numpySum(expected);
  if (den === 0) return null;
  return 1 - numpySum(observed) / den;
}
