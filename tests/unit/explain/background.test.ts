import { describe, expect, it } from 'vitest';
import { sampleBackground } from '../../../lib/explain/background';

describe('sampleBackground', () => {
  it('uses a source no larger than the size whole', () => {
    expect(sampleBackground(100, 100, 42)).toBeNull();
    expect(sampleBackground(7, 100, 42)).toBeNull();
  });

  it('samples without replacement, sorted, seeded', () => {
    const a = sampleBackground(1000, 100, 42)!;
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
    expect(sampleBackground(1000, 100, 42)).toEqual(a);
    expect(sampleBackground(1000, 100, 43)).not.toEqual(a);
  });

  it('gives every row the same chance (each of 10 rows drawn 3 times in 10 … within 4σ over 2000 seeds)', () => {
    const hits = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const i of sampleBackground(10, 3, seed)!) hits[i]!++;
    // Binomial(2000, 0.3): mean 600, sd ≈ 20.5.
    for (const h of hits) expect(Math.abs(h - 600)).toBeLessThanOrEqual(82);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => sampleBackground(10, 0, 1)).toThrow(/positive integer/);
  });
});
