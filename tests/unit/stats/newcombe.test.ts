import { describe, it } from 'vitest';
import { newcombeInterval } from '../../../lib/stats/newcombe';
import { ratioLogAdjustedInterval } from '../../../lib/stats/ratio-ci';
import { expectClose, readJson } from '../../support';

// tests/fixtures/generate_abtest.py: statsmodels 0.13.5 confint_proportions_2indep(c1, n1, c2, n2, alpha,
// compare="diff", method="newcomb") and compare="ratio" with its default method (log-adjusted).
interface Case {
  c1: number;
  n1: number;
  c2: number;
  n2: number;
  alpha: number;
  newcombe: [number, number];
  ratio: [number, number];
}
const { twoSample } = readJson<{ twoSample: Case[] }>('tests/fixtures/abtest/stats.json');
const TOL = { rel: 1e-12, abs: 1e-15 };
const name = (c: Case) => `${c.c1}/${c.n1} vs ${c.c2}/${c.n2} alpha ${c.alpha}`;

describe('newcombeInterval vs statsmodels confint_proportions_2indep(compare="diff", method="newcomb")', () => {
  it.each(twoSample.map((c) => [name(c), c] as const))('%s', (_name, c) => {
    const [low, high] = newcombeInterval(c.c1, c.n1, c.c2, c.n2, c.alpha);
    expectClose(low, c.newcombe[0], TOL, 'low');
    expectClose(high, c.newcombe[1], TOL, 'high');
  });
});

describe('ratioLogAdjustedInterval vs statsmodels confint_proportions_2indep(compare="ratio") (default log-adjusted)', () => {
  it.each(twoSample.map((c) => [name(c), c] as const))('%s', (_name, c) => {
    const [low, high] = ratioLogAdjustedInterval(c.c1, c.n1, c.c2, c.n2, c.alpha);
    expectClose(low, c.ratio[0], TOL, 'low');
    expectClose(high, c.ratio[1], TOL, 'high');
  });
});
