import { describe, expect, it } from 'vitest';
import { prepareRows } from '../../../lib/fairness/prepare';
import { computeReweighing, toReweighingCsv } from '../../../lib/fairness/reweighing';

describe('computeReweighing (Kamiran–Calders)', () => {
  // 6 rows of A (4 positive), 4 rows of B (1 positive): N = 10, n_pos = 5, n_neg = 5
  const input = {
    yTrue: [1, 1, 1, 1, 0, 0, 1, 0, 0, 0],
    yPred: [1, 1, 1, 1, 0, 0, 1, 0, 0, 0],
    sensitive: [{ name: 'grp', values: ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'] }],
  };

  it('weight(g, y) = n_g·n_y / (N·n_gy)', () => {
    const r = computeReweighing(prepareRows(input));
    expect(r.rows.map((x) => [x.group, x.label, x.count, x.weight])).toEqual([
      ['A', '0', 2, (6 * 5) / (10 * 2)],
      ['A', '1', 4, (6 * 5) / (10 * 4)],
      ['B', '0', 3, (4 * 5) / (10 * 3)],
      ['B', '1', 1, (4 * 5) / (10 * 1)],
    ]);
  });

  it('makes the label independent of the group in the reweighed data', () => {
    const data = prepareRows(input);
    const r = computeReweighing(data);
    const w = (g: string, y: string): number => r.rows.find((x) => x.group === g && x.label === y)!.weight!;
    // Reweighed positive share is the overall one (0.5) in each group.
    expect((4 * w('A', '1')) / (4 * w('A', '1') + 2 * w('A', '0'))).toBeCloseTo(0.5, 15);
    expect((1 * w('B', '1')) / (1 * w('B', '1') + 3 * w('B', '0'))).toBeCloseTo(0.5, 15);
  });

  it('a (group, label) without rows gets weight null and no CSV record', () => {
    const r = computeReweighing(prepareRows({ yTrue: [1, 1, 0], yPred: [1, 0, 0], sensitive: [{ name: 'g', values: ['a', 'a', 'b'] }] }));
    expect(r.rows.find((x) => x.group === 'a' && x.label === '0')).toMatchObject({ count: 0, weight: null });
    expect(toReweighingCsv(r).split('\r\n').filter(Boolean)).toHaveLength(1 + 2);
  });

  it('CSV: sensitive columns, label, weight; fields escaped and formula-like cells neutralised', () => {
    const r = computeReweighing(
      prepareRows(
        {
          yTrue: ['yes', 'no', 'yes', 'no'],
          yPred: ['yes', 'no', 'no', 'no'],
          sensitive: [
            { name: 'race', values: ['Black, non-Hispanic', 'Black, non-Hispanic', '=cmd()', '=cmd()'] },
            { name: 'sex', values: ['F', 'F', 'M', 'M'] },
          ],
        },
        'yes',
      ),
    );
    expect(toReweighingCsv(r, { labelColumn: 'approved' })).toBe(
      'race,sex,approved,weight\r\n' + "'=cmd(),M,no,1\r\n'=cmd(),M,yes,1\r\n" + '"Black, non-Hispanic",F,no,1\r\n"Black, non-Hispanic",F,yes,1\r\n',
    );
  });

  it('with sample weights, n are sums of weights', () => {
    const data = prepareRows({ ...input, sampleWeight: Float64Array.from([2, 1, 1, 1, 1, 1, 1, 1, 1, 1]) });
    const a1 = computeReweighing(data).rows.find((x) => x.group === 'A' && x.label === '1')!;
    expect(a1.weight).toBeCloseTo((7 * 6) / (11 * 5), 15);
  });
});
