import { describe, expect, it } from 'vitest';
import { abTest, type AbTestConfig } from '../../../lib/compare/abtest';
import type { AbTestResult } from '../../../lib/compare/types';
import { ingestCsv } from '../../../lib/data/ingest';
import { expectClose, readFixture, readJson, relFloor } from '../../support';

// tests/fixtures/generate_abtest.py computes each case's whole result from the definitions with
// statsmodels 0.13.5 and scipy 1.10.1 (proportion_confint wilson, confint_proportions_2indep newcomb and
// ratio, proportions_ztest, multipletests holm, ttest_ind equal_var=False, mannwhitneyu, chisquare,
// NormalIndPower + proportion_effectsize; windows grouped by UTC day with pandas-free Python).
type N = number | null;
interface Expected {
  control: string;
  variants: { name: string; n: number; conversions?: number; rate?: N; ci?: [number, number] | null; mean?: N; se?: N }[];
  comparisons: {
    variant: string;
    control: string;
    difference?: number;
    ci?: [number, number];
    relativeLift?: N;
    relativeLiftCi?: [N, N];
    z?: N;
    pValue?: N;
    pValueHolm?: number;
    welch?: { statistic: number; pValue: number; df: number };
    mannWhitney?: { statistic: number; pValue: number };
  }[];
  srm: { statistic: number; pValue: number; mismatch: boolean; planned: Record<string, number> };
  planning: {
    alpha: number;
    power: number;
    mdeAtCurrentN: number;
    effectSizeExact: number;
    effectSizeStatsmodels: number;
    effect?: number;
    nForEffect?: number;
    nForEffectStatsmodels?: number;
  };
  windows?: { label: string; variants: { name: string; n: number; rate: N; ci: [number, number] | null }[] }[];
}
const { cases } = readJson<{ cases: Record<string, { file: string; config: AbTestConfig; result: Expected }> }>('tests/fixtures/abtest/expected.json');

const STAT = { rel: 1e-9, abs: 1e-15 };
const P = relFloor(1e-6);

function close(actual: N | undefined, expected: N | undefined, tol: { rel: number; abs?: number }, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expectClose(actual!, expected, tol, what);
}

const datasets = new Map<string, ReturnType<typeof ingestCsv>>();
const dataset = (file: string) => {
  if (!datasets.has(file)) datasets.set(file, ingestCsv(readFixture(`tests/fixtures/abtest/${file}`), file));
  return datasets.get(file)!;
};

function checkResult(r: AbTestResult, e: Expected): void {
  expect(r.control).toBe(e.control);
  expect(r.variants.map((v) => [v.name, v.n, v.conversions])).toEqual(e.variants.map((v) => [v.name, v.n, v.conversions]));
  r.variants.forEach((v, i) => {
    const x = e.variants[i]!;
    close(v.rate, x.rate, STAT, `${v.name} rate`);
    close(v.ci?.[0], x.ci?.[0], STAT, `${v.name} ci low`);
    close(v.ci?.[1], x.ci?.[1], STAT, `${v.name} ci high`);
    close(v.mean, x.mean, STAT, `${v.name} mean`);
    close(v.se, x.se, STAT, `${v.name} se`);
  });
  expect(r.comparisons.map((c) => [c.variant, c.control])).toEqual(e.comparisons.map((c) => [c.variant, c.control]));
  r.comparisons.forEach((c, i) => {
    const x = e.comparisons[i]!;
    const at = `${c.variant} vs ${c.control}`;
    close(c.difference, x.difference, STAT, `${at} difference`);
    close(c.ci[0], x.ci?.[0], STAT, `${at} ci low`);
    close(c.ci[1], x.ci?.[1], STAT, `${at} ci high`);
    close(c.relativeLift, x.relativeLift, STAT, `${at} lift`);
    close(c.relativeLiftCi[0], x.relativeLiftCi?.[0], STAT, `${at} lift low`);
    close(c.relativeLiftCi[1], x.relativeLiftCi?.[1], STAT, `${at} lift high`);
    close(c.z, x.z, STAT, `${at} z`);
    close(c.pValue, x.pValue, P, `${at} p`);
    close(c.pValueHolm, x.pValueHolm, P, `${at} Holm p`);
    expect(c.welch === undefined).toBe(x.welch === undefined);
    if (x.welch) {
      close(c.welch!.statistic, x.welch.statistic, STAT, `${at} Welch t`);
      close(c.welch!.df, x.welch.df, STAT, `${at} Welch df`);
      close(c.welch!.pValue, x.welch.pValue, P, `${at} Welch p`);
      close(c.mannWhitney!.statistic, x.mannWhitney!.statistic, STAT, `${at} U`);
      close(c.mannWhitney!.pValue, x.mannWhitney!.pValue, P, `${at} U p`);
    }
  });
  close(r.srm.statistic, e.srm.statistic, STAT, 'SRM statistic');
  close(r.srm.pValue, e.srm.pValue, P, 'SRM p');
  expect(r.srm.mismatch).toBe(e.srm.mismatch);
  Object.entries(e.srm.planned).forEach(([name, share]) => close(r.srm.planned[name], share, STAT, `planned ${name}`));
  expect([r.planning.alpha, r.planning.power]).toEqual([e.planning.alpha, e.planning.power]);
  close(r.planning.mdeAtCurrentN, e.planning.mdeAtCurrentN, STAT, 'MDE');
  close(r.planning.effectSize, e.planning.effectSizeExact, STAT, 'standardized MDE');
  close(r.planning.effectSize, e.planning.effectSizeStatsmodels, { rel: 2e-4 }, 'standardized MDE (statsmodels)');
  expect(r.planning.unit).toBe(r.binary !== undefined ? 'rate' : 'mean');
  close(r.planning.nForEffect, e.planning.nForEffect, STAT, 'n for effect');
  // statsmodels' solve_power stops at its brentq tolerance (see tests/unit/stats/power.test.ts).
  close(r.planning.nForEffect, e.planning.nForEffectStatsmodels, { rel: 2e-4 }, 'n for effect (statsmodels)');
  expect(r.windows === undefined).toBe(e.windows === undefined);
  if (e.windows) {
    expect(r.windows!.map((w) => w.label)).toEqual(e.windows.map((w) => w.label));
    r.windows!.forEach((w, i) =>
      w.variants.forEach((v, j) => {
        const x = e.windows![i]!.variants[j]!;
        expect([v.name, v.n]).toEqual([x.name, x.n]);
        close(v.rate, x.rate, STAT, `${w.label} ${v.name} rate`);
        close(v.ci?.[0], x.ci?.[0], STAT, `${w.label} ${v.name} low`);
        close(v.ci?.[1], x.ci?.[1], STAT, `${w.label} ${v.name} high`);
      }),
    );
  }
}

describe('abTest vs statsmodels/scipy on whole files', () => {
  it.each(Object.entries(cases))('%s', async (_name, c) => {
    const result = await abTest(await dataset(c.file), c.config);
    checkResult(result, c.result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // plain JSON: no NaN, no undefined holes
  });
});
