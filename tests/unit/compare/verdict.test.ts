import { describe, expect, it } from 'vitest';
import type { CompareResult, PairComparison } from '../../../lib/compare/types';
import { verdictOf } from '../../../lib/compare/verdict';

/** A champion-vs-challenger pair (a = champion, so deltas are champion − challenger) with a McNemar or Wilcoxon p. */
function pair(metric: string, value: number, ci: [number, number], p: number | null): PairComparison {
  return {
    a: 'champ',
    b: 'chall',
    agreement: 0.9,
    cohenKappa: 0.8,
    delong: null,
    deltas: { [metric]: { value, ci } },
    mcnemar: {
      statistic: 1,
      pValue: p ?? NaN,
      exact: true,
      table: [
        [0, 0],
        [0, 0],
      ],
    },
    wilcoxon: { statistic: 1, pValue: p },
  };
}

const result = (task: CompareResult['task'], p: PairComparison, mode: CompareResult['mode'] = 'shadow') => ({
  task,
  mode,
  models: [
    { name: 'champ', n: 10, metrics: {} },
    { name: 'chall', n: 10, metrics: {} },
  ],
  pairs: [p],
});

describe('verdictOf', () => {
  it('calls the challenger better when the interval excludes 0 in its favour and McNemar p < 0.05, with its numbers', () => {
    const v = verdictOf(result('classification', pair('accuracy', -0.021, [-0.034, -0.008], 0.002)));
    expect(v).toContain('chall vs champ: challenger better: Δ accuracy +0.021 [+0.008, +0.034], McNemar p = 0.002');
    expect(v).toContain('rule: challenger − champion on accuracy');
    // A p-value that underflowed is not printed as 0.
    expect(verdictOf(result('classification', pair('accuracy', -0.2, [-0.3, -0.1], 0)))).toContain('McNemar p < 1e-300');
  });

  it('calls it worse when the interval excludes 0 against it, and no difference when p is not below 0.05', () => {
    expect(verdictOf(result('classification', pair('accuracy', 0.03, [0.01, 0.05], 0.01)))).toContain('challenger worse: Δ accuracy −0.030');
    expect(verdictOf(result('classification', pair('accuracy', -0.03, [-0.05, -0.01], 0.2)))).toContain('no significant difference');
    expect(verdictOf(result('classification', pair('accuracy', -0.01, [-0.03, 0.01], 0.001)))).toContain('no significant difference');
  });

  it('reads lower MAE as better for regression, with the Wilcoxon p', () => {
    // champion − challenger MAE = +0.2: the challenger's MAE is lower.
    const v = verdictOf(result('regression', pair('mae', 0.2, [0.1, 0.3], 0.0004)));
    expect(v).toContain('challenger better: Δ mae −0.200 [−0.300, −0.100], Wilcoxon p = 4.0e-4');
  });

  it('gives no verdict when the difference is undefined, and says the canary regression has no test', () => {
    const undefinedDelta = { ...pair('accuracy', 0, [0, 0], 0.5), deltas: { accuracy: { value: null, ci: [null, null] as [null, null], reason: 'no rows' } } };
    expect(verdictOf(result('classification', undefinedDelta))).toContain('no verdict — Δ accuracy undefined (no rows)');
    expect(verdictOf(result('regression', pair('mae', 0.2, [0.1, 0.3], null), 'canary'))).toContain(
      'challenger better: Δ mae −0.200 [−0.300, −0.100], no test',
    );
  });
});
