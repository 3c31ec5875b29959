import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../lib/stats/symmetric-eigen';

// Jacobi's method (Golub & Van Loan §8.5); numpy.linalg.eigh gives the same spectrum for these matrices.
describe('symmetricEigen', () => {
  it('finds the known spectrum of [[2,-1,0],[-1,2,-1],[0,-1,2]]: 2+√2, 2, 2−√2', () => {
    const { values } = symmetricEigen([2, -1, 0, -1, 2, -1, 0, -1, 2], 3);
    expect(values[0]).toBeCloseTo(2 + Math.SQRT2, 14);
    expect(values[1]).toBeCloseTo(2, 14);
    expect(values[2]).toBeCloseTo(2 - Math.SQRT2, 14);
  });

  it('returns orthonormal eigenvectors with A v = λ v on a random covariance', () => {
    const n = 8;
    let seed = 1;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const b = Array.from({ length: n * n }, rand);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] = a[i * n + j]! + b[k * n + i]! * b[k * n + j]!;
    const { values, vectors } = symmetricEigen(a, n);
    for (let r = 0; r < n; r++) {
      if (r > 0) expect(values[r]!).toBeLessThanOrEqual(values[r - 1]!);
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[r * n + j]!;
        expect(Math.abs(av - values[r]! * vectors[r * n + i]!)).toBeLessThan(1e-12 * values[0]!);
      }
      for (let s = 0; s < n; s++) {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += vectors[r * n + j]! * vectors[s * n + j]!;
        expect(Math.abs(dot - (r === s ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/3 entries for a 2 × 2 matrix/);
  });
});
