import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tTestInd } from '../../../lib/stats/t-test';
import { expectClose, num, type Num, relFloor } from '../../support';

interface Case {
  name: string;
  a: string;
  b: string;
  statistic: Num;
  pvalue: Num;
}
type SampleSpec = { values: Num[] } | { recipe: { n: number; a: number; c: number; p: number; scale: number; shift: number } };

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/stats-tests/${name}`, import.meta.url), 'utf8')) as T;
}

const fixture = load<{ scipy: string; cases: Case[] }>('t-test.json');
const samples = load<Record<string, SampleSpec>>('samples.json');

/** Rebuild a stored sample; recipes use the generator's exact integer/IEEE operations. */
function sample(name: string): Float64Array {
  const spec = samples[name];
  if (!spec) throw new Error(`unknown sample ${name}`);
  if ('values' in spec) return Float64Array.from(spec.values, num);
  const { n, a, c, p, scale, shift } = spec.recipe;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((a * i + c) % p) / scale + shift;
  return out;
}

describe('tTestInd public vector (Evidently t_test)', () => {
  it('A vs B gives p = 0.084', () => {
    const a = [38.7, 41.5, 43.8, 44.5, 45.5, 46.0, 47.7, 58.0];
    const b = [39.2, 39.3, 39.7, 41.4, 41.8, 42.9, 43.3, 45.8];
    const res = tTestInd(a, b);
    expect(Math.abs(res.pValue - 0.084)).toBeLessThanOrEqual(1e-3);
    expect(res.statistic).toBeGreaterThan(0);
  });
});

describe(`tTestInd vs scipy ${fixture.scipy} stats.ttest_ind (equal_var=True)`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const a = sample(c.a);
      const b = sample(c.b);
      const res = tTestInd(a, b);
      expectClose(res.statistic, num(c.statistic), relFloor(1e-9), `${c.name} statistic vs scipy`);
      expectClose(res.pValue, num(c.pvalue), relFloor(1e-6), `${c.name} p-value vs scipy`);
    });
  }

  it('covers the degenerate cases scipy documents implicitly', () => {
    const names = fixture.cases.map((c) => c.name);
    expect(names.filter((n) => n.includes('NaN')).length).toBeGreaterThanOrEqual(4);
    expect(fixture.cases.some((c) => num(c.pvalue) > 0 && num(c.pvalue) < 1e-190)).toBe(true);
    expect(fixture.cases.some((c) => sample(c.a).length >= 1e6)).toBe(true);
  });

  it('accepts plain arrays and typed arrays alike, and is antisymmetric', () => {
    const a = [1.5, 2.25, 3.0, 7.75];
    const b = [0.5, 1.0, 1.25];
    const r1 = tTestInd(a, b);
    const r2 = tTestInd(Float64Array.from(b), Float64Array.from(a));
    expect(r2.statistic).toBe(-r1.statistic);
    expect(r2.pValue).toBe(r1.pValue);
  });
});
