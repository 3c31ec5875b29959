import { describe, expect, it } from 'vitest';
import { rankdata } from '../../../lib/stats/rankdata';

describe('rankdata (scipy rankdata, method average)', () => {
  // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]) = [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]
  it('averages ties and reports the tie groups', () => {
    const r = rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    expect(Array.from(r.ranks)).toEqual([4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8]);
    expect(r.ties.sort()).toEqual([2, 2, 3]);
  });
  it('handles empty input', () => expect(rankdata([])).toEqual({ ranks: new Float64Array(0), ties: [] }));
});
