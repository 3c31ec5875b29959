import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../../lib/fairness/fairness';
import { nextUp } from '../../../lib/fairness/thresholds';

describe('nextUp', () => {
  it('is the next double up (numpy nextafter(x, inf))', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(0.5)).toBeGreaterThan(0.5);
  });
});

describe('per-group thresholds', () => {
  // Group A's scores run high, B's low: at 0.5, A's TPR is 1 and B's 0.25.
  const input = {
    yTrue: [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0],
    yPred: Array<number>(16).fill(0),
    sensitive: [{ name: 'g', values: [...Array<string>(8).fill('A'), ...Array<string>(8).fill('B')] }],
    scores: [0.9, 0.8, 0.7, 0.6, 0.55, 0.3, 0.2, 0.1, 0.6, 0.45, 0.4, 0.35, 0.3, 0.2, 0.1, 0.05],
  };

  it('TPR: brings each group to the overall TPR at 0.5 and reports the trade-off', () => {
    const t = computeFairness(input).thresholds!;
    expect(t.criterion).toBe('tpr');
    expect(t.target).toBe(5 / 8);
    expect(t.algorithm).toMatch(/closest to the target/);
    // TPR 0.5 and 0.75 are equally close to 0.625: ties go to the threshold nearer 0.5
    // (A: 0.7 over 0.8, B: 0.45 over 0.4).
    expect(t.groups.map((g) => [g.group, g.threshold, g.rate_before, g.rate_after])).toEqual([
      ['A', 0.7, 1, 0.75],
      ['B', 0.45, 0.25, 0.5],
    ]);
    expect(t.before.equal_opportunity_difference).toBe(0.75);
    expect(t.after.equal_opportunity_difference).toBe(0.25);
    expect(t.before.accuracy).toBe(12 / 16);
    expect(t.after.accuracy).toBe(13 / 16);
    expect(t.groups[0]!.after).toMatchObject({ count: 8, tpr: 0.75, fpr: 0, selection_rate: 3 / 8 });
  });

  it('selection rate with an explicit target', () => {
    const t = computeFairness(input, { thresholds: { criterion: 'selection_rate', target: 0.25 } }).thresholds!;
    expect(t.target).toBe(0.25);
    expect(t.groups.map((g) => [g.threshold, g.rate_before, g.rate_after])).toEqual([
      [0.8, 5 / 8, 0.25],
      [0.45, 1 / 8, 0.25],
    ]);
    expect(t.after.demographic_parity_difference).toBe(0);
  });

  it('selects nobody with a threshold just above the group maximum when the target is 0', () => {
    const t = computeFairness(input, { thresholds: { criterion: 'selection_rate', target: 0 } }).thresholds!;
    expect(t.groups.map((g) => g.threshold)).toEqual([nextUp(0.9), nextUp(0.6)]);
    expect(t.groups.every((g) => g.after.selection_rate === 0)).toBe(true);
  });

  it('rows without a score are left out and counted; no scores → no thresholds', () => {
    const t = computeFairness({ ...input, scores: [null, ...input.scores.slice(1)] }).thresholds!;
    expect([t.rows, t.missing_scores]).toEqual([15, 1]);
    expect(computeFairness({ ...input, scores: undefined }).thresholds).toBeNull();
    expect(computeFairness(input, { thresholds: false }).thresholds).toBeNull();
  });
});
