import { describe, expect, it } from 'vitest';
import { computeRegressionMetrics } from '../../../lib/metrics/compute-regression';
import { errorBySegment, sampleIndices } from '../../../lib/metrics/regression-aggregates';
import { expectClose } from '../../support';

describe('computeRegressionMetrics', () => {
  it('matches the sklearn docstring vectors (r2 0.9486…, MAPE 0.3273…)', () => {
    const res = computeRegressionMetrics({ target: [3, -0.5, 2, 7], prediction: [2.5, 0.0, 2, 8] });
    expectClose(res.r2, 0.9486081370449679, 1e-15, 'r2');
    expectClose(res.mape, 0.3273809523809524, 1e-15, 'mape');
    expect(res.mae).toBe(0.5);
    expect(res.max_error).toBe(1);
    expect(res.mean_error).toBe(0.25); // predicted − actual: over-prediction is positive
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('excludes non-finite rows and warns; no rows gives nulls', () => {
    const res = computeRegressionMetrics({ target: [1, null, NaN, 4], prediction: [1, 2, 3, Infinity] });
    expect(res.n_used).toBe(1);
    expect(res.excluded_rows).toBe(3);
    expect(res.r2).toBeNull();
    expect(res.warnings).toContain('r2: undefined for fewer than two rows');
    const none = computeRegressionMetrics({ target: [null], prediction: [1] });
    expect(none.mae).toBeNull();
    expect(none.residual_histogram).toBeNull();
    expect(none.baseline).toBeNull();
  });

  it('throws on mismatched lengths', () => {
    expect(() => computeRegressionMetrics({ target: [1, 2], prediction: [1] })).toThrow('prediction length: 1, target has 2 rows');
  });

  it('samples predicted-vs-actual deterministically, in row order', () => {
    const n = 10_000;
    const target = Array.from({ length: n }, (_, i) => i);
    const a = computeRegressionMetrics({ target, prediction: target }, { maxSamplePoints: 100 });
    const b = computeRegressionMetrics({ target, prediction: target }, { maxSamplePoints: 100 });
    expect(a.predicted_vs_actual.actual).toHaveLength(100);
    expect(a.predicted_vs_actual.sampled).toBe(true);
    expect(a.predicted_vs_actual).toEqual(b.predicted_vs_actual);
    const idx = Array.from(sampleIndices(n, 100));
    expect(new Set(idx).size).toBe(100);
    expect(idx).toEqual([...idx].sort((x, y) => x - y));
  });

  it('pools the least frequent segments into other', () => {
    const errors = Float64Array.from([1, -1, 2, 2, 3, 4]);
    const { groups, other } = errorBySegment(errors, ['a', 'a', 'b', 'b', 'c', null], 2);
    expect(groups.map((g) => g.segment)).toEqual(['a', 'b']);
    expect(groups[0]).toEqual({ segment: 'a', count: 2, mae: 1, rmse: 1, mean_error: 0 });
    expect(other).toMatchObject({ segment: null, count: 2, mean_error: 3.5 });
  });
});
