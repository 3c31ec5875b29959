import { describe, expect, it } from 'vitest';
import { splitByCost } from '../../../lib/cli/pool-split';

describe('splitByCost (the pooled drift’s column tests shared out once every profile is in)', () => {
  it('gives each item to exactly one lane, largest first to the least loaded, a worker counting its factor', () => {
    const costs = [100, 100, 100, 100, 1, 1];
    const [main, worker] = splitByCost(costs, 2, 1.3, () => false);
    expect([...main!, ...worker!].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const load = (items: number[]) => items.reduce((s, i) => s + costs[i]!, 0);
    // 4 big items: main 2, worker 2 (1.3 × 200 = 260 < main 300 had it taken 3); the small ones go where it finishes first.
    expect(load(main!)).toBeGreaterThanOrEqual(200);
    expect(load(worker!)).toBeGreaterThanOrEqual(200);
    expect(Math.max(load(main!), load(worker!) * 1.3)).toBeLessThanOrEqual(301 * 1.3);
  });

  it('keeps main-only items on the main thread and orders each lane by index', () => {
    const [main, worker, other] = splitByCost([5, 50, 50, 50, 5], 3, 1, (i) => i === 1);
    expect(main).toContain(1);
    expect(main).toEqual([...main!].sort((a, b) => a - b));
    expect([...main!, ...worker!, ...other!].sort()).toEqual([0, 1, 2, 3, 4]);
    // Three items of 50: one per lane.
    for (const lane of [main!, worker!, other!]) expect(lane.filter((i) => i >= 1 && i <= 3)).toHaveLength(1);
  });

  it('with no worker, everything stays on the main thread', () => {
    expect(splitByCost([3, 2, 1], 1, 1.3, () => false)).toEqual([[0, 1, 2]]);
  });
});
