import { afterAll, describe, expect, it } from 'vitest';
import { computeFairness } from '../../../lib/fairness/fairness';
import { decodeInput, expectMatches, loadFairnessFixture, observed } from './fixture';

const fixture = loadFairnessFixture();

describe('computeFairness: Fairlearn public vectors', () => {
  it('fairlearn test vector (groups a, b, c): DP difference 0.25, ratio 2/3, EO difference 1, ratio 0', () => {
    const r = computeFairness({
      yTrue: [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1],
      yPred: [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0],
      sensitive: [{ name: 'sf', values: [...'bbabbcccaacabccbcc'] }],
    });
    expect(r.demographic_parity_difference).toBeCloseTo(0.25, 15);
    expect(r.demographic_parity_ratio).toBeCloseTo(2 / 3, 15);
    expect(r.equalized_odds_difference).toBe(1);
    expect(r.equalized_odds_ratio).toBe(0);
    expect(r.groups.map((g) => g.group)).toEqual(['a', 'b', 'c']);
  });

  it('fairlearn user guide (sex): selection rate Female 0.8, Male 0.4, difference 0.4, ratio 0.5', () => {
    const r = computeFairness({
      yTrue: [1, 1, 1, 1, 1, 0, 0, 1, 1, 0],
      yPred: [0, 1, 1, 1, 1, 0, 0, 0, 1, 1],
      sensitive: [{ name: 'sex', values: [...Array<string>(5).fill('Female'), ...Array<string>(5).fill('Male')] }],
    });
    expect(r.groups.map((g) => [g.group, g.count, g.selection_rate])).toEqual([
      ['Female', 5, 0.8],
      ['Male', 5, 0.4],
    ]);
    expect(r.demographic_parity_difference).toBeCloseTo(0.4, 15);
    expect(r.demographic_parity_ratio).toBe(0.5);
  });
});

describe('computeFairness: options and warnings', () => {
  const input = {
    yTrue: [1, 0, 1, 0, 0, 0, 1, 1],
    yPred: [1, 0, 0, 1, 0, 1, 1, 1],
    sensitive: [{ name: 'g', values: ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c'] }],
  };

  it('top-level aggregates follow method and agg; parity holds every variant', () => {
    const r = computeFairness(input, { method: 'to_overall', agg: 'mean' });
    expect(r.demographic_parity_difference).toBe(r.parity.to_overall.demographic_parity_difference);
    expect(r.equalized_odds_difference).toBe(r.parity.to_overall.equalized_odds_difference.mean);
    expect(r.equalized_odds_ratio).toBe(r.parity.to_overall.equalized_odds_ratio.mean);
    expect([r.method, r.agg, r.schemaVersion, r.kind]).toEqual(['to_overall', 'mean', 1, 'fairness']);
  });

  it('a group without positives: TPR 0 as Fairlearn (or null on request), with a warning', () => {
    const zero = computeFairness(input);
    expect(zero.groups[1]).toMatchObject({ group: 'b', tpr: 0, fnr: 0 });
    expect(zero.warnings).toContain('group "b": no positive labels — tpr and fnr reported as 0 (Fairlearn/sklearn convention)');
    const none = computeFairness(input, { undefinedRates: 'null' });
    expect(none.groups[1]).toMatchObject({ tpr: null, fnr: null });
    expect(none.equal_opportunity_difference).toBe(0.5); // |1 − 0.5|, b skipped
    expect(zero.equal_opportunity_difference).toBe(1);
  });

  it('the fixture comparator catches a wrong number and a missing null', () => {
    expect(() => expectMatches({ a: 1 }, { a: 1 + 1e-8 }, 1e-9, 'x')).toThrow();
    expect(() => expectMatches({ a: 0 }, { a: 'NaN' }, 1e-9, 'x')).toThrow();
    expect(() => expectMatches({ a: 1, b: 2 }, { a: 1 }, 1e-9, 'x')).toThrow();
  });
});

describe(`computeFairness vs numpy/pandas definitions (${Object.entries(fixture.versions)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')})`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const result = computeFairness(decodeInput(c, fixture.shared), c.options);
      expectMatches(result, c.expected, 1e-9, c.name);
      expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  }

  afterAll(() => {
    console.log(
      `fairness fixtures: ${fixture.cases.length} cases, ${observed.comparisons} numbers, max relative error ${observed.maxRelativeError.toExponential(2)}`,
    );
  });
});
