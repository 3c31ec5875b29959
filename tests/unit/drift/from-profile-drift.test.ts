import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { driftFromProfiles } from '../../../lib/drift/from-profile-drift';
import { DRIFT_METHODS } from '../../../lib/drift/methods/registry';
import type { DriftConfig, DriftResult } from '../../../lib/drift/types';
import type { Dataset } from '../../../lib/data/types';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { expectClose } from '../../support';

// Exact from a profile means equal to the raw-row result (whose methods are tested against scipy and
// Evidently in tests/unit/drift/methods) to 1e-12 relative.
const EXACT_REL = 1e-12;
const NUMERIC_EXACT = ['psi', 'kl_div', 'jensenshannon', 'hellinger', 't_test'];
const CATEGORICAL_EXACT = ['chisquare', 'z', 'g_test', 'fisher_exact', 'psi', 'kl_div', 'jensenshannon', 'hellinger'];

/** Deterministic rows: x near-zero mean (shifted in current), c four categories (reweighted), with missing cells. */
function csv(seed: number, shift: number, rows: number, extra = ''): Uint8Array {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = [`x,c,y${extra ? ',' + extra : ''}`];
  for (let i = 0; i < rows; i++) {
    const x = (next() + next() + next() - 1.5) * 1e-3 + shift * 1e-4;
    const u = next() + shift * 0.05;
    const c = u < 0.4 ? 'a' : u < 0.7 ? 'b' : u < 0.95 ? 'c' : 'd';
    const y = next() * 10 + shift;
    lines.push(`${i % 97 === 0 ? '' : x},${i % 89 === 0 ? '' : c},${y}${extra ? `,${extra}-${i}` : ''}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function pair(refRows = 3000, curRows = 2000) {
  const ref = await ingestCsv(csv(7, 0, refRows), 'ref.csv');
  const cur = await ingestCsv(csv(11, 1, curRows), 'cur.csv');
  const refProfile = buildProfile(ref);
  const curProfile = buildProfile(cur, { edgesFrom: refProfile });
  return { ref, cur, refProfile, curProfile };
}

function fromProfiles(p: Awaited<ReturnType<typeof pair>>, config: DriftConfig): DriftResult {
  return driftFromProfiles(p.refProfile, p.curProfile, config, { reference: p.ref.meta, current: p.cur.meta });
}

/** The raw-row run on the same edges (`--bins edges:`): both numeric columns on their own profile edges need one run per column. */
async function raw(p: { ref: Dataset; cur: Dataset; refProfile: ReturnType<typeof buildProfile> }, column: string, config: DriftConfig) {
  const edges = p.refProfile.columns.find((c) => c.name === column)!.histogram!.edges;
  return computeDrift(p.ref, p.cur, { ...config, bins: { kind: 'edges', edges } });
}

/** Raw-row edges as drift from profiles reports them: the outer edges open (null). */
const opened = (edges: (number | null)[]) => edges.map((e, i) => (i === 0 || i === edges.length - 1 ? null : e));

describe('driftFromProfiles: the usual DriftResult', () => {
  it('equals the raw-row run (--bins edges: on the profile edges) to 1e-12 for every exact method, scores, verdicts and summaries', async () => {
    const p = await pair();
    const methods = [...new Set([...NUMERIC_EXACT, ...CATEGORICAL_EXACT])];
    const config: DriftConfig = { numericMethod: 't_test', categoricalMethod: 'chisquare', methods };
    const result = fromProfiles(p, config);
    expect(result.kind).toBe('drift');
    expect(result.fromProfile).toEqual({ reference: true, current: true });
    let compared = 0;
    for (const column of result.columns) {
      const want = (await raw(p, column.name === 'c' ? 'x' : column.name, config)).columns.find((c) => c.name === column.name)!;
      expect(column.count).toEqual(want.count);
      expect(column.missing).toEqual(want.missing);
      expect(column.tested).toBe(true);
      expect(column.drifted).toBe(want.drifted);
      expect(column.threshold).toBe(want.threshold);
      expect(column.scoreKind).toBe(want.scoreKind);
      expectClose(column.score, want.score!, EXACT_REL, `${column.name} score`);
      expectClose(column.missingDrift!.pValue, want.missingDrift!.pValue, EXACT_REL, `${column.name} missing drift`);
      for (const id of column.type === 'numeric' ? NUMERIC_EXACT : CATEGORICAL_EXACT) {
        const got = column.tests![id]!;
        const expected = want.tests![id]!;
        expect(got.fromProfile, `${column.name} ${id}`).toBe('exact');
        expect(got.error, `${column.name} ${id}`).toBeUndefined();
        expectClose(got.statistic, expected.statistic!, EXACT_REL, `${column.name} ${id} statistic`);
        if (expected.pValue !== undefined) expectClose(got.pValue, expected.pValue!, EXACT_REL, `${column.name} ${id} p`);
        if (expected.edges) expect(got.edges).toEqual(opened(expected.edges));
        if (expected.category) expect(got.category).toBe(expected.category);
        compared++;
      }
    }
    expect(compared).toBe(2 * NUMERIC_EXACT.length + CATEGORICAL_EXACT.length);
    const rawAll = await raw(p, 'x', config);
    expect(result.dataset.share).toBe(rawAll.dataset.share);
    expect(result.dataset.drifted).toBe(rawAll.dataset.drifted);
    // Categorical distributions are the same summary as the raw rows'; the effect size is exact there.
    const c = result.columns.find((col) => col.name === 'c')!;
    expect(c.distribution).toEqual(rawAll.columns.find((col) => col.name === 'c')!.distribution);
    expect(c.effectSize!.fromProfile).toBe('exact');
    expectClose(c.effectSize!.value, rawAll.columns.find((col) => col.name === 'c')!.effectSize!.value, EXACT_REL, 'jensenshannon effect size');
  });

  it('per-column/per-kind thresholds and methods, and bh/bonferroni corrections equal the raw-row run (exact p-values)', async () => {
    const p = await pair();
    for (const correction of ['bh', 'bonferroni'] as const) {
      const config: DriftConfig = {
        numericMethod: 't_test',
        categoricalMethod: 'g_test',
        columnMethods: { y: 't_test', c: 'chisquare' },
        numericThreshold: 0.2,
        categoricalThreshold: 0.01,
        columnThresholds: { y: 0.3 },
        correction,
      };
      const result = fromProfiles(p, config);
      const want = await raw(p, 'x', config);
      for (const column of result.columns) {
        const w = want.columns.find((c) => c.name === column.name)!;
        expect([column.method, column.threshold, column.selection]).toEqual([w.method, w.threshold, w.selection]);
        expectClose(column.score, w.score!, EXACT_REL, `${correction} ${column.name} adjusted p`);
        expectClose(column.tests![column.method!]!.adjustedPValue, w.tests![w.method!]!.adjustedPValue!, EXACT_REL, `${correction} ${column.name}`);
        expect(column.drifted).toBe(w.drifted);
      }
      expect(result.dataset.correction).toBe(correction);
    }
  });

  it('defaults to exact methods (psi on the edges; Evidently’s categorical rule) and says so in selection', async () => {
    const p = await pair();
    const result = fromProfiles(p, {});
    const x = result.columns.find((c) => c.name === 'x')!;
    expect(x.method).toBe('psi');
    expect(x.selection).toMatch(/^from profiles — psi on the reference profile's fixed edges, exact/);
    expect(x.tests!.psi!.edges![0]).toBeNull();
    expect(x.tests!.psi!.edges!.at(-1)).toBeNull();
    expect(x.distribution).toMatchObject({ kind: 'histogram', edges: p.refProfile.columns[0]!.histogram!.edges });
    expect(x.distribution).not.toHaveProperty('ecdf');
    expect(x.effectSize).toMatchObject({ method: 'wasserstein', fromProfile: 'approximate' });
    const c = result.columns.find((col) => col.name === 'c')!;
    // 3000 reference values (> 1000): Evidently picks jensenshannon for a categorical column.
    expect(c.method).toBe('jensenshannon');
    expect(c.selection).toMatch(/^Evidently's default — .*\(exact from the category counts\)$/);
  });

  it('marks sketch methods approximate (computed, with their bound) and raw-row methods unavailable, with a reason', async () => {
    const p = await pair(500, 500);
    const result = fromProfiles(p, { methods: ['ks', 'anderson', 'cramer_von_mises', 'mannw'] });
    const x = result.columns.find((c) => c.name === 'x')!;
    for (const id of ['ks', 'anderson', 'cramer_von_mises']) {
      expect(x.tests![id]!.fromProfile, id).toBe('approximate');
      expect(typeof x.tests![id]!.statistic, id).toBe('number');
    }
    expect(x.tests!.ks!.fromProfileReason).toMatch(/ε_ref \+ ε_cur/);
    expect(x.tests!.anderson!.fromProfileReason).toMatch(/4·N·c\/σ_N = /);
    expect(x.tests!.ks!.fromProfileReason).toMatch(/p-value: the largest for any statistic within the bound \(conservative/);
    expect(x.tests!.mannw).toMatchObject({ statistic: null, fromProfile: 'unavailable' });
    expect(x.tests!.mannw!.fromProfileReason).toMatch(/raw rows/);
  });

  it('sketches that kept every value (n ≤ k) make every numeric method exact: equal to the raw-row run', async () => {
    const p = await pair(150, 120);
    const config: DriftConfig = { methods: 'all', seed: 7, permutations: 200 };
    const result = fromProfiles(p, config);
    const want = await raw(p, 'x', config);
    const x = result.columns.find((c) => c.name === 'x')!;
    const wx = want.columns.find((c) => c.name === 'x')!;
    // The ECDFs drawn beside the histograms are the raw rows' too.
    expect(x.distribution).toMatchObject({ kind: 'histogram', ecdf: (wx.distribution as { ecdf: unknown }).ecdf });
    const ids = [...DRIFT_METHODS.values()].filter((m) => m.kinds.includes('numeric')).map((m) => m.id);
    expect(ids.length).toBe(13);
    for (const id of ids) {
      expect(x.tests![id]!.fromProfile, id).toBe('exact');
      if (!NUMERIC_EXACT.includes(id)) expect(x.tests![id]!.fromProfileReason, id).toMatch(/kept every value/);
      expectClose(x.tests![id]!.statistic, wx.tests![id]!.statistic!, EXACT_REL, `${id} statistic`);
      if (wx.tests![id]!.pValue !== undefined) expectClose(x.tests![id]!.pValue, wx.tests![id]!.pValue!, EXACT_REL, `${id} p`);
    }
  });

  it('SQL/DuckDB profiles (engine quantiles, no KLL sketch): sketch methods approximate with the engine bound, or with none', async () => {
    const p = await pair(3000, 2000);
    const m = 100;
    const eps = (n: number) => 1 / (2 * m) + 1 / n;
    // DuckDB quantile_disc on an (m + 1)-point grid: rank error 1/(2m) + 1/n (README "Profiles from DuckDB and SQL"), or none documented.
    const withQuantiles = (profile: typeof p.refProfile, dataset: Dataset, bounded: boolean) => ({
      ...profile,
      columns: profile.columns.map((c) => {
        if (c.type !== 'numeric') return c;
        const values = Float64Array.from(dataset.table.getChild(c.name)!.toArray() as Float64Array)
          .filter(Number.isFinite)
          .sort();
        const probs = Array.from({ length: m + 1 }, (_, j) => j / m);
        const q = probs.map((pr) => values[Math.max(Math.ceil(pr * values.length), 1) - 1]!);
        const { sketch: _dropped, ...rest } = c;
        return {
          ...rest,
          quantiles: { n: values.length, probs, values: q, rankError: bounded ? eps(values.length) : null, method: 'quantile_disc (exact) on a grid' },
        };
      }),
    });
    const rawX = (await raw(p, 'x', { methods: ['ks'] })).columns.find((c) => c.name === 'x')!;
    const bounded = driftFromProfiles(
      withQuantiles(p.refProfile, p.ref, true),
      withQuantiles(p.curProfile, p.cur, true),
      { methods: ['ks', 'anderson'] },
      {
        reference: p.ref.meta,
        current: p.cur.meta,
      },
    );
    const x = bounded.columns.find((c) => c.name === 'x')!;
    expect(x.tests!.ks!.fromProfile).toBe('approximate');
    expect(Math.abs(x.tests!.ks!.statistic! - rawX.tests!.ks!.statistic!)).toBeLessThanOrEqual(eps(rawX.count.reference) + eps(rawX.count.current));
    expect(x.tests!.anderson!.fromProfileReason).toMatch(/= [\d.e+]+ here/);
    const unbounded = driftFromProfiles(
      withQuantiles(p.refProfile, p.ref, false),
      withQuantiles(p.curProfile, p.cur, false),
      { methods: ['ks', 'anderson'] },
      {
        reference: p.ref.meta,
        current: p.cur.meta,
      },
    );
    const u = unbounded.columns.find((c) => c.name === 'x')!;
    expect(u.tests!.ks!.fromProfileReason).toMatch(/no bound here/);
    expect(u.tests!.anderson!.fromProfileReason).toMatch(/no bound \(a side's rank error is unknown\)/);
  });

  it('small profiles (sketches kept every value) follow Evidently’s default like the raw rows, ≤ 5 distinct numeric values as categories', async () => {
    const rows = (seed: number, shift: number, n: number) => {
      let s = seed;
      const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
      const lines = Array.from({ length: n }, () => `${next() + shift},${1.5 + Math.floor(next() * (3 + shift))}`);
      return new TextEncoder().encode(['x,d', ...lines].join('\n') + '\n');
    };
    const ref = await ingestCsv(rows(21, 0, 180), 'ref.csv');
    const cur = await ingestCsv(rows(22, 1, 150), 'cur.csv');
    const refProfile = buildProfile(ref);
    const result = driftFromProfiles(refProfile, buildProfile(cur, { edgesFrom: refProfile }), {}, { reference: ref.meta, current: cur.meta });
    const want = await computeDrift(ref, cur, {});
    for (const column of result.columns) {
      const w = want.columns.find((c) => c.name === column.name)!;
      expect([column.name, column.method, column.drifted], column.name).toEqual([w.name, w.method, w.drifted]);
      expect(column.selection).toBe(`${w.selection} (both sketches kept every value: exact)`);
      expect(column.tests![column.method!]!.fromProfile).toBe('exact');
      expectClose(column.score, w.score!, EXACT_REL, `${column.name} score`);
      expect(column.effectSize!.fromProfile).toBe('exact');
      expectClose(column.effectSize!.value, w.effectSize!.value, EXACT_REL, `${column.name} effect size`);
    }
    expect(result.columns.map((c) => c.method)).toEqual(['ks', 'chisquare']);
  });

  it('an unavailable deciding method leaves the column untested with the reason; different edges too', async () => {
    const p = await pair(500, 500);
    const result = fromProfiles(p, { columnMethods: { x: 'mannw' } });
    expect(result.columns.find((c) => c.name === 'x')).toMatchObject({ tested: false, method: 'mannw' });
    expect(result.columns.find((c) => c.name === 'x')!.reason).toMatch(/^mannw from profiles: needs the raw rows/);
    const other = buildProfile(p.cur, { edges: { x: [-1, 0, 1] } });
    const apart = driftFromProfiles(p.refProfile, other, {}, { reference: p.ref.meta, current: p.cur.meta });
    expect(apart.columns.find((c) => c.name === 'x')!.reason).toMatch(/psi failed: column "x": the profiles have different edges/);
  });

  it('lists columns only on one side, refuses unknown columns, leaves text and user-set id columns untested', async () => {
    const ref = await ingestCsv(csv(3, 0, 300, 'note'), 'ref.csv');
    const cur = await ingestCsv(csv(5, 1, 300), 'cur.csv');
    const refProfile = buildProfile(ref);
    const result = driftFromProfiles(
      refProfile,
      buildProfile(cur, { edgesFrom: refProfile }),
      { roles: { y: 'id' } },
      { reference: ref.meta, current: cur.meta },
    );
    expect(result.onlyInReference).toEqual(['note']);
    expect(result.columns.find((c) => c.name === 'y')).toMatchObject({ tested: false, reason: 'id', role: 'id' });
    expect(result.roles!.y).toEqual({ role: 'id', source: 'user' });
    expect(result.dataset.columns).toBe(2);
    expect(() => driftFromProfiles(refProfile, refProfile, { columns: ['nope'] }, { reference: ref.meta, current: ref.meta })).toThrow(
      /column nope: not in both profiles/,
    );
  });
});
