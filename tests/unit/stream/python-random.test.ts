import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../lib/stats/python-random';
import { readJson } from '../../support';

interface Case {
  seed: number;
  uint32: number[];
  after1240: number[];
  random: number[];
  getrandbits: Record<string, number[]>;
  randbelow: Record<string, number[]>;
  sample: Record<string, number[]>;
}
const fixture = readJson<{ python: string; cases: Case[]; kswinDraws: number[][] }>('tests/fixtures/stream/python-random.json');

describe(`PythonRandom vs CPython ${fixture.python} random.Random (tests/fixtures/generate_stream.py)`, () => {
  for (const c of fixture.cases) {
    describe(`seed ${c.seed}`, () => {
      it('getrandbits(32) and the stream after two twists', () => {
        const r = new PythonRandom(c.seed);
        expect(Array.from({ length: 8 }, () => r.getrandbits(32))).toEqual(c.uint32);
        for (let i = 8; i < 1240; i++) r.nextUint32();
        expect(Array.from({ length: 8 }, () => r.nextUint32())).toEqual(c.after1240);
      });

      it('random() bit for bit', () => {
        const r = new PythonRandom(c.seed);
        expect(Array.from({ length: c.random.length }, () => r.random())).toEqual(c.random);
      });

      it('getrandbits(k) for k = 0, 1, 7, 31, 33, 53 in sequence', () => {
        const r = new PythonRandom(c.seed);
        for (const [k, expected] of Object.entries(c.getrandbits)) {
          expect(
            Array.from({ length: expected.length }, () => r.getrandbits(Number(k))),
            `k = ${k}`,
          ).toEqual(expected);
        }
      });

      it('_randbelow(n) in sequence', () => {
        const r = new PythonRandom(c.seed);
        for (const [n, expected] of Object.entries(c.randbelow)) {
          expect(
            Array.from({ length: expected.length }, () => r.randbelow(Number(n))),
            `n = ${n}`,
          ).toEqual(expected);
        }
      });

      it('sample(range(n), k) on the pool and the set branch', () => {
        for (const [key, expected] of Object.entries(c.sample)) {
          const [n, k] = key.split(',').map(Number) as [number, number];
          expect(new PythonRandom(c.seed).sampleRange(n, k), `sample(range(${n}), ${k})`).toEqual(expected);
        }
      });
    });
  }

  it('successive samples from one generator (KSWIN draws once per test)', () => {
    const r = new PythonRandom(42);
    expect(fixture.kswinDraws.map(() => r.sampleRange(70, 30))).toEqual(fixture.kswinDraws);
  });

  it('refuses what CPython refuses or this port does not cover', () => {
    expect(() => new PythonRandom(1.5)).toThrow(/safe integer/);
    expect(() => new PythonRandom(2 ** 53)).toThrow(/safe integer/);
    expect(() => new PythonRandom(1).sampleRange(3, 4)).toThrow(/larger than population/);
    expect(() => new PythonRandom(1).sampleRange(3, -1)).toThrow(/negative/);
    expect(() => new PythonRandom(1).getrandbits(54)).toThrow(/0\.\.53/);
    expect(() => new PythonRandom(1).randbelow(0)).toThrow(/n ≥ 1/);
  });
});
