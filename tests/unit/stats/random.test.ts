import { describe, expect, it } from 'vitest';
import { mt19937, permutation, randomInterval, shuffle, xoshiro128ss } from '../../../lib/stats/random';
import { readJson } from '../../support';

const fixture = readJson<{
  numpy: string;
  mt19937: { seed: number; first: number[]; after1248: number[]; doubles: number[]; permutations: Record<string, number[]> }[];
  permutation100000Seed7: { head: number[]; tail: number[]; checksum: number };
  xoshiro128ss: { seed: number; first: number[] }[];
}>('tests/fixtures/stats-binned/random.json');

function draw(next: () => number, count: number): number[] {
  return Array.from({ length: count }, next);
}

describe(`mt19937 vs numpy ${fixture.numpy} RandomState`, () => {
  for (const c of fixture.mt19937) {
    it(`seed ${c.seed}: raw stream, random_sample and permutation`, () => {
      const rng = mt19937(c.seed);
      const raw = draw(rng.nextUint32, 1256);
      expect(raw.slice(0, 8), 'first outputs').toEqual(c.first);
      expect(raw.slice(1248), 'outputs after two regenerations').toEqual(c.after1248);
      expect(draw(mt19937(c.seed).nextDouble, 4), 'random_sample').toEqual(c.doubles);
      for (const [n, expected] of Object.entries(c.permutations)) {
        expect(Array.from(permutation(Number(n), mt19937(c.seed))), `permutation(${n})`).toEqual(expected);
      }
    });
  }

  it('permutation(100000) with seed 7 matches numpy end to end', () => {
    const p = permutation(100000, mt19937(7));
    const { head, tail, checksum } = fixture.permutation100000Seed7;
    expect(Array.from(p.subarray(0, 20))).toEqual(head);
    expect(Array.from(p.subarray(-20))).toEqual(tail);
    let sum = 0;
    p.forEach((v, i) => (sum += v * i));
    expect(sum % (2 ** 31 - 1)).toBe(checksum);
  });

  it('rejects seeds numpy rejects', () => {
    expect(() => mt19937(-1)).toThrow(RangeError);
    expect(() => mt19937(2 ** 32)).toThrow(RangeError);
    expect(() => mt19937(1.5)).toThrow(RangeError);
  });
});

describe('xoshiro128** vs the reference algorithm (SplitMix64 seeding)', () => {
  for (const c of fixture.xoshiro128ss) {
    it(`seed ${c.seed}`, () => {
      expect(draw(xoshiro128ss(c.seed).nextUint32, 8)).toEqual(c.first);
    });
  }

  it('is deterministic per seed and differs across seeds', () => {
    expect(draw(xoshiro128ss(42).nextDouble, 5)).toEqual(draw(xoshiro128ss(42).nextDouble, 5));
    expect(draw(xoshiro128ss(42).nextUint32, 5)).not.toEqual(draw(xoshiro128ss(43).nextUint32, 5));
    expect(() => xoshiro128ss(0.5)).toThrow(RangeError);
  });

  it('gives doubles in [0, 1) whose mean and deciles look uniform', () => {
    const rng = xoshiro128ss(2024);
    const n = 100000;
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble();
      inRange &&= u >= 0 && u < 1;
      sum += u;
      deciles[Math.floor(u * 10)]!++;
    }
    expect(inRange, 'every double in [0, 1)').toBe(true);
    // mean sd = 1/sqrt(12 n) ≈ 0.0009; decile count sd = sqrt(n · 0.09) ≈ 95
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    for (const d of deciles) expect(Math.abs(d - n / 10)).toBeLessThan(500);
  });
});

describe('randomInterval and shuffle', () => {
  it('stays within [0, max] and hits every value', () => {
    const rng = xoshiro128ss(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = randomInterval(rng, 12);
      expect(v >= 0 && v <= 12 && Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(13);
    expect(randomInterval(rng, 0)).toBe(0);
    expect(randomInterval(rng, 0xffffffff)).toBeLessThanOrEqual(0xffffffff);
    expect(() => randomInterval(rng, 2 ** 32)).toThrow(RangeError);
  });

  it('shuffles into a permutation of the input', () => {
    const values = Float64Array.from({ length: 50 }, (_, i) => i * 1.5);
    shuffle(values, xoshiro128ss(9));
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i * 1.5));
  });
});
