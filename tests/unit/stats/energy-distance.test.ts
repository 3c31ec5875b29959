import { describe, expect, it } from 'vitest';
import { energyDistance } from '../../../lib/stats/energy-distance';
import { expectClose, loadNumericFixture, num, type Num, type SampleSpec, sortedSample } from '../../support';

interface DistanceCase {
  name: string;
  a: SampleSpec;
  b: SampleSpec;
  energy: Num;
}

const fixture = loadNumericFixture<{ scipy: string; cases: DistanceCase[] }>('distances.json');
const RTOL = 1e-9;

const A = Float64Array.from([38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0]);

describe('energyDistance basics', () => {
  it('matches the public vector ed(A, A + 5) = 1.93326', () => {
    const ed = energyDistance(
      A,
      A.map((v) => v + 5),
    );
    expect(Math.abs(ed - 1.93326)).toBeLessThan(1e-5);
    expectClose(ed, 1.9332614929181204, RTOL, 'ed(A, A + 5)');
  });

  it('is sqrt(2) for two distinct points at distance 1, 0 for identical samples, symmetric', () => {
    expect(energyDistance(Float64Array.of(1), Float64Array.of(2))).toBe(Math.SQRT2);
    expect(energyDistance(A, A)).toBe(0);
    const b = Float64Array.from([39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8]);
    expect(energyDistance(A, b)).toBe(energyDistance(b, A));
  });

  it('rejects empty, unsorted and NaN input', () => {
    const ok = Float64Array.from([1, 2]);
    expect(() => energyDistance(ok, new Float64Array(0))).toThrow(new RangeError("energy_distance: second distribution can't be empty"));
    expect(() => energyDistance(Float64Array.from([3, 1]), ok)).toThrow(RangeError);
    expect(() => energyDistance(ok, Float64Array.from([NaN, 1]))).toThrow(RangeError);
  });
});

describe(`energyDistance vs scipy ${fixture.scipy} energy_distance`, () => {
  let maxE = 0;
  for (const c of fixture.cases) {
    it(c.name, () => {
      maxE = Math.max(maxE, expectClose(energyDistance(sortedSample(c.a), sortedSample(c.b)), num(c.energy), RTOL, 'energy'));
    });
  }
  it('reports the worst relative error', () => {
    console.info(`energy_distance max relative error: ${maxE.toExponential(2)}`);
  });
});
