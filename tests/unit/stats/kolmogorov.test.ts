import { describe, expect, it } from 'vitest';
import { kstwoSf } from '../../../lib/stats/kolmogorov';
import { smirnovSf } from '../../../lib/stats/smirnov';
import { expectClose, loadStatsFixture, num, type Num, relFloor } from '../../support';

type Row = [number, number, Num];
const fixture = loadStatsFixture<{ scipy: string; kstwo_sf: Row[]; smirnov: Row[] }>('kstwo_smirnov.json');
const P_RTOL = 1e-6;

describe(`kstwoSf vs scipy ${fixture.scipy} stats.kstwo.sf`, () => {
  it(`matches ${fixture.kstwo_sf.length} grid points over all _kolmogn branches`, () => {
    for (const [n, d, expected] of fixture.kstwo_sf) {
      expectClose(kstwoSf(d, n), num(expected), relFloor(P_RTOL), `kstwo.sf(${d}, ${n})`);
    }
  });

  it('follows scipy outside the support and for invalid n', () => {
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(0.05, 10)).toBe(1); // x <= 0.5/n is the lower support edge
    expect(kstwoSf(1, 10)).toBe(0);
    expect(kstwoSf(1.5, 10)).toBe(0);
    expect(kstwoSf(0.3, 0)).toBeNaN();
    expect(kstwoSf(0.3, 2.5)).toBeNaN();
    expect(kstwoSf(NaN, 10)).toBeNaN();
  });
});

describe(`smirnovSf vs scipy ${fixture.scipy} special.smirnov`, () => {
  it(`matches ${fixture.smirnov.length} grid points (lower sum, upper sum, n > 1e6 shortcut)`, () => {
    for (const [n, x, expected] of fixture.smirnov) {
      expectClose(smirnovSf(n, x), num(expected), relFloor(P_RTOL), `smirnov(${n}, ${x})`);
    }
  });

  it('handles the trivial cases', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(5, 0)).toBe(1);
    expect(smirnovSf(5, 1)).toBe(0);
    expect(smirnovSf(5, -0.1)).toBeNaN();
    expect(smirnovSf(5, NaN)).toBeNaN();
  });
});
