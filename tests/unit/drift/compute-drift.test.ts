import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift, type DriftOptions } from '../../../lib/drift/compute-drift';
import { getDriftMethod } from '../../../lib/drift/methods/registry';
import type { DriftResult, TestOutcome } from '../../../lib/drift/types';
import { AnalysisError } from '../../../lib/errors';
import { expectClose, readFixture, readJson } from '../../support';

interface ExpectedColumn {
  name: string;
  type: string;
  tested: boolean;
  reason?: string;
  role?: string;
  count: { reference: number; current: number };
  missing: { reference: number; current: number };
  nonFinite?: { reference: number; current: number };
  method?: string;
  statistic?: number | null;
  pValue?: number | null;
  score?: number | null;
  threshold?: number;
  drifted?: boolean;
  tests?: Record<string, { statistic?: number | null; pValue?: number | null; error?: string }>;
  effectSize?: { method: string; value: number };
  missingDrift?: { reference: number; current: number; pValue: number };
}
interface ExpectedPair {
  reference: { path: string; rows: number };
  current: { path: string; rows: number };
  columns: ExpectedColumn[];
  onlyInReference: string[];
  onlyInCurrent: string[];
  roles: Record<string, { role: string; source: 'guessed' | 'user' }>;
  dataset: {
    columns: number;
    driftedColumns: number;
    share: number;
    featureColumns: number;
    driftedFeatureColumns: number;
    featureShare: number;
    shareOf: 'all' | 'features';
    drifted: boolean;
  };
  /** Settings of the run (user-set roles, share of, per-column methods); absent = defaults. */
  config?: DriftOptions;
}
const expected = readJson<{ pairs: Record<string, ExpectedPair> }>('tests/fixtures/drift/expected.json');

async function load(path: string) {
  return ingestCsv(readFixture(path), path.split('/').pop()!);
}

async function driftOf(pair: ExpectedPair, options: DriftOptions = {}): Promise<DriftResult> {
  return computeDrift(await load(pair.reference.path), await load(pair.current.path), options);
}

const P_TOL = 1e-6;
const STAT_TOL = 1e-9;

function expectOutcome(got: TestOutcome | undefined, want: NonNullable<ExpectedColumn['tests']>[string], id: string, what: string): void {
  expect(got, what).toBeDefined();
  if (want.error !== undefined && (want.pValue === null || want.pValue === undefined) && want.statistic === undefined) {
    expect(got!.error, `${what}: scipy refused (${want.error})`).toBeDefined();
    return;
  }
  if (want.error !== undefined && want.pValue === null) {
    expect(got!.error, `${what}: undefined in scipy`).toBeDefined();
    return;
  }
  if (want.statistic === null) expect(got!.statistic, what).toBeNull();
  else expectClose(got!.statistic, want.statistic!, STAT_TOL, `${what} statistic`);
  // A distance has no p-value; a test's null without an error is scipy's NaN (one category on both sides).
  if (want.pValue === null && getDriftMethod(id).scoreKind === 'distance') expect(got!.pValue, `${what} p-value`).toBeUndefined();
  else if (want.pValue === null) expect(got!.pValue, `${what} p-value`).toBeNull();
  else if (want.pValue !== undefined) expectClose(got!.pValue, want.pValue, P_TOL, `${what} p-value`);
}

describe('computeDrift matches pandas + scipy on whole files (tests/fixtures/generate_drift.py)', () => {
  for (const [key, pair] of Object.entries(expected.pairs)) {
    const all = Object.values(pair.columns).some((c) => c.tests);
    const settings = pair.config ? `, ${JSON.stringify(pair.config)}` : '';
    it(`${key}: ${pair.reference.path} vs ${pair.current.path}${all ? ', every method' : ''}${settings}`, async () => {
      const result = await driftOf(pair, { ...pair.config, ...(all ? { methods: 'all' } : {}) });
      expect(result.kind).toBe('drift');
      expect(result.schemaVersion).toBe(1);
      expect(result.reference.rows).toBe(pair.reference.rows);
      expect(result.current.rows).toBe(pair.current.rows);
      expect(result.onlyInReference).toEqual(pair.onlyInReference);
      expect(result.onlyInCurrent).toEqual(pair.onlyInCurrent);
      expect(result.columns.map((c) => c.name)).toEqual(pair.columns.map((c) => c.name));
      for (const want of pair.columns) {
        const got = result.columns.find((c) => c.name === want.name)!;
        const what = `${key}.${want.name}`;
        expect(got.type, what).toBe(want.type);
        expect(got.role, what).toBe(want.role);
        expect(got.tested, what).toBe(want.tested);
        expect(got.count, what).toEqual(want.count);
        expect(got.missing, what).toEqual(want.missing);
        if (got.tested) expect(got.nonFinite, what).toEqual(want.nonFinite);
        if (!want.tested) {
          expect(got.reason, what).toBe(want.reason);
          continue;
        }
        expect(got.method, what).toBe(want.method);
        expect(got.threshold, what).toBe(want.threshold);
        expect(got.drifted, what).toBe(want.drifted);
        expect(got.selection, what).toMatch(pair.config?.columnMethods?.[want.name] ? /^set for this column/ : /^Evidently's default/);
        expectOutcome(got.tests![want.method!], { statistic: want.statistic, pValue: want.pValue }, want.method!, `${what} ${want.method}`);
        if (want.score === null) expect(got.score, `${what} score`).toBeNull();
        else expectClose(got.score, want.score!, got.scoreKind === 'p-value' ? P_TOL : STAT_TOL, `${what} score`);
        for (const [id, outcome] of Object.entries(want.tests ?? {})) expectOutcome(got.tests![id], outcome, id, `${what} ${id}`);
        expect(got.effectSize!.method, what).toBe(want.effectSize!.method);
        expectClose(got.effectSize!.value, want.effectSize!.value, STAT_TOL, `${what} effect size`);
        expectClose(got.missingDrift!.reference, want.missingDrift!.reference, 1e-12, `${what} missing share ref`);
        expectClose(got.missingDrift!.current, want.missingDrift!.current, 1e-12, `${what} missing share cur`);
        expectClose(got.missingDrift!.pValue, want.missingDrift!.pValue, P_TOL, `${what} missing p`);
      }
      expect(result.roles).toEqual(pair.roles);
      expect(result.dataset.columns).toBe(pair.dataset.columns);
      expect(result.dataset.driftedColumns).toBe(pair.dataset.driftedColumns);
      expectClose(result.dataset.share, pair.dataset.share, 1e-12, `${key} share`);
      expect(result.dataset.featureColumns).toBe(pair.dataset.featureColumns);
      expect(result.dataset.driftedFeatureColumns).toBe(pair.dataset.driftedFeatureColumns);
      expectClose(result.dataset.featureShare, pair.dataset.featureShare, 1e-12, `${key} feature share`);
      expect(result.dataset.shareOf).toBe(pair.dataset.shareOf);
      expect(result.dataset.drifted).toBe(pair.dataset.drifted);
      expect(result.dataset.threshold).toBe(0.5);
    });
  }

  it('marks where the KS distance is reached: the ECDF gap there equals D', async () => {
    const result = await driftOf(expected.pairs.demo!);
    for (const column of result.columns.filter((c) => c.method === 'ks')) {
      const ks = column.tests!.ks!;
      expectClose(Math.abs(ks.location!.reference - ks.location!.current), ks.statistic!, 1e-12, `${column.name} KS location`);
    }
  });

  it('chisquare over one category on both sides: tested, statistic 0, p-value and score null, not drifted, with a note', async () => {
    const pair = expected.pairs['ties-chisquare']!;
    const result = await driftOf(pair, pair.config);
    const constant = result.columns.find((c) => c.name === 'constant')!;
    expect(constant).toMatchObject({ tested: true, method: 'chisquare', score: null, drifted: false, tests: { chisquare: { statistic: 0, pValue: null } } });
    expect(constant.warnings).toEqual(['chisquare: one category on both sides — p-value undefined (scipy: NaN), not drifted']);
    // A correction leaves the undefined p-value out of the adjusted ones.
    const corrected = await driftOf(pair, { ...pair.config, correction: 'bonferroni' });
    expect(corrected.columns.find((c) => c.name === 'constant')).toMatchObject({ score: null, drifted: false });
  });

  it('applies options: per-column method and threshold, correction, bins, inapplicable global method', async () => {
    const pair = expected.pairs.e2e!;
    const result = await driftOf(pair, {
      method: 'ks',
      columnMethods: { segment: 'psi' },
      columnThresholds: { age: 0.5 },
      correction: 'bonferroni',
      bins: { kind: 'quantile', n: 4 },
    });
    const byName = new Map(result.columns.map((c) => [c.name, c]));
    expect(byName.get('age')!.method).toBe('ks');
    expect(byName.get('age')!.threshold).toBe(0.5);
    expect(byName.get('age')!.selection).toBe('set for all columns: ks');
    // 4 deciding p-value tests (age, income: ks; plan and the XSS column: chisquare) — segment's psi is a distance.
    const rawAge = byName.get('age')!.tests!.ks!.pValue!;
    expect(byName.get('age')!.tests!.ks!.adjustedPValue).toBe(Math.min(1, rawAge * 4));
    expect(byName.get('age')!.score).toBe(byName.get('age')!.tests!.ks!.adjustedPValue);
    expect(byName.get('segment')!.method).toBe('psi');
    expect(byName.get('segment')!.tests!.psi!.edges).toBeUndefined();
    expect(byName.get('plan')!.method).toBe('chisquare');
    expect(byName.get('plan')!.warnings).toEqual(['ks does not apply to categorical columns: used chisquare']);
    expect(result.dataset.correction).toBe('bonferroni');
    expect(result.config).toMatchObject({ method: 'ks', correction: 'bonferroni', bins: { kind: 'quantile', n: 4 }, seed: 42 });
  });

  it('rejects an inapplicable per-column method and an unknown column before computing', async () => {
    const pair = expected.pairs.e2e!;
    await expect(driftOf(pair, { columnMethods: { segment: 'ks' } })).rejects.toThrow(/segment=ks: ks does not apply to categorical columns/);
    await expect(driftOf(pair, { columnMethods: { nope: 'ks' } })).rejects.toThrow(/column method for nope: no such column/);
    await expect(driftOf(pair, { numericMethod: 'chisquare' })).rejects.toThrow(/numeric method chisquare: chisquare does not apply/);
    await expect(driftOf(pair, { method: 'bogus' })).rejects.toThrow(/unknown drift method: bogus — valid ids: ks, chisquare/);
  });

  it('is plain JSON: survives a JSON round trip unchanged', async () => {
    const result = await driftOf(expected.pairs.e2e!);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('carries aggregate distributions that sum to the tested counts', async () => {
    const result = await driftOf(expected.pairs.demo!);
    for (const column of result.columns.filter((c) => c.tested)) {
      const dist = column.distribution!;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const other = dist.kind === 'categories' ? [dist.otherReference, dist.otherCurrent] : [0, 0];
      expect(sum(dist.reference) + other[0]!).toBe(column.count.reference);
      expect(sum(dist.current) + other[1]!).toBe(column.count.current);
    }
  });

  it('warns about a type conflict and about columns in one file only', async () => {
    const mixed = await driftOf(expected.pairs.mixed!);
    expect(mixed.warnings.some((w) => w.startsWith('type conflict: column "amount" is numeric in reference and categorical in current'))).toBe(true);
    const e2e = await driftOf(expected.pairs.e2e!);
    expect(e2e.warnings).toContain('columns only in reference: only_ref');
  });

  it('fails with a clear AnalysisError when the files share no column', async () => {
    const a = await load('tests/fixtures/e2e/reference.csv');
    const b = await load('tests/fixtures/e2e/no-common.csv');
    await expect(computeDrift(a, b)).rejects.toThrow(AnalysisError);
    await expect(computeDrift(a, b)).rejects.toThrow(/^no columns in common: reference has age, income, .*; current has x, y/);
  });

  it('reports progress per column and stops when aborted', async () => {
    const a = await load('tests/fixtures/e2e/reference.csv');
    const b = await load('tests/fixtures/e2e/current.csv');
    const seen: string[] = [];
    await computeDrift(a, b, { onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    const controller = new AbortController();
    controller.abort();
    await expect(computeDrift(a, b, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted', message: 'drift cancelled' });
  });
});

describe('types chosen by the user after loading', () => {
  it('reads a stored string column as numbers, or reports the value that is not one', async () => {
    const make = (values: string[]) => ingestCsv(new TextEncoder().encode(`v,w\n${values.map((v, i) => `"${v}",w${i % 2}`).join('\n')}\n`), 'f.csv');
    // "1.5" style strings stored as categories (a "-" makes the column non-numeric at load).
    const ref = await make([...Array.from({ length: 30 }, (_, i) => String(i * 1.5)), '-']);
    const cur = await make(Array.from({ length: 30 }, (_, i) => String(i * 1.5 + 20)));
    expect(ref.meta.schema[0]!.type).toBe('text');
    const asNumeric = (d: typeof ref) => ({
      ...d,
      meta: { ...d.meta, schema: d.meta.schema.map((c) => (c.name === 'v' ? { ...c, type: 'numeric' as const } : c)) },
    });
    const failing = await computeDrift(asNumeric(ref), asNumeric(cur));
    expect(failing.columns[0]).toMatchObject({ name: 'v', tested: false, reason: 'column "v" holds "-", which is not a number — choose another type for it' });
    expect(failing.columns[1]!.tested).toBe(true);
    // Without the "-", the stored strings are read as numbers and tested with ks.
    const numeric = await computeDrift(asNumeric(cur), asNumeric(cur));
    expect(numeric.columns[0]).toMatchObject({ type: 'numeric', tested: true, method: 'ks', count: { reference: 30, current: 30 } });
    expect(numeric.columns[0]!.tests!.ks!.statistic).toBe(0);
  });
});
