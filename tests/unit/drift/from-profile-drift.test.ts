import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { computeProfileDrift } from '../../../lib/drift/from-profile-drift';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { expectClose } from '../../support';

// Exact from a profile means equal to the raw-row result (whose methods are tested against scipy and
// Evidently in tests/unit/drift/methods) to 1e-12 relative.
const EXACT_REL = 1e-12;
const NUMERIC_EXACT = ['psi', 'kl_div', 'jensenshannon', 'hellinger', 't_test'];
const CATEGORICAL_EXACT = ['chisquare', 'z', 'g_test', 'fisher_exact', 'psi', 'kl_div', 'jensenshannon', 'hellinger'];

/** Deterministic rows: x near-zero mean (shifted in current), c four categories (reweighted), with missing cells. */
function csv(seed: number, shift: number, rows: number): Uint8Array {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['x,c'];
  for (let i = 0; i < rows; i++) {
    const x = (next() + next() + next() - 1.5) * 1e-3 + shift * 1e-4;
    const u = next() + shift * 0.05;
    const c = u < 0.4 ? 'a' : u < 0.7 ? 'b' : u < 0.95 ? 'c' : 'd';
    lines.push(`${i % 97 === 0 ? '' : x},${i % 89 === 0 ? '' : c}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe('drift from two profiles', () => {
  it('equals the raw-row run (--bins edges: on the profile edges) to 1e-12 for every exact method', async () => {
    const ref = await ingestCsv(csv(7, 0, 3000), 'ref.csv');
    const cur = await ingestCsv(csv(11, 1, 2000), 'cur.csv');
    const refProfile = buildProfile(ref);
    const curProfile = buildProfile(cur, { edgesFrom: refProfile });
    const edges = refProfile.columns.find((c) => c.name === 'x')!.histogram!.edges;
    const methods = [...new Set([...NUMERIC_EXACT, ...CATEGORICAL_EXACT])];
    const raw = await computeDrift(ref, cur, { numericMethod: 't_test', categoricalMethod: 'chisquare', methods, bins: { kind: 'edges', edges } });
    const fromProfile = computeProfileDrift(refProfile, curProfile, { numericMethod: 't_test', categoricalMethod: 'chisquare', methods });
    let compared = 0;
    for (const column of fromProfile) {
      const want = raw.columns.find((c) => c.name === column.name)!;
      expect(column.count).toEqual(want.count);
      expect(column.missing).toEqual(want.missing);
      expect(column.drifted).toBe(want.drifted);
      expectClose(column.score, want.score!, EXACT_REL, `${column.name} score`);
      for (const id of column.name === 'x' ? NUMERIC_EXACT : CATEGORICAL_EXACT) {
        const got = column.tests[id]!;
        const expected = want.tests![id]!;
        expect(got.fromProfile, `${column.name} ${id}`).toBe('exact');
        expect(got.error, `${column.name} ${id}`).toBeUndefined();
        expectClose(got.statistic, expected.statistic!, EXACT_REL, `${column.name} ${id} statistic`);
        if (expected.pValue !== undefined) expectClose(got.pValue, expected.pValue!, EXACT_REL, `${column.name} ${id} p`);
        if (expected.edges) expect(got.edges).toEqual(expected.edges);
        if (expected.category) expect(got.category).toBe(expected.category);
        compared++;
      }
    }
    expect(compared).toBe(NUMERIC_EXACT.length + CATEGORICAL_EXACT.length);
  });

  it('marks sketch methods approximate (ks computed) and raw-row methods unavailable, with a reason', async () => {
    const refProfile = buildProfile(await ingestCsv(csv(3, 0, 500), 'ref.csv'));
    const curProfile = buildProfile(await ingestCsv(csv(5, 1, 500), 'cur.csv'), { edgesFrom: refProfile });
    const [x] = computeProfileDrift(refProfile, curProfile, { methods: ['ks', 'anderson', 'mannw'] });
    // ks is computed from the sketches (bound tested in from-profile-sketch.test.ts); anderson is only labelled yet.
    expect(x!.tests.ks!.fromProfile).toBe('approximate');
    expect(typeof x!.tests.ks!.statistic).toBe('number');
    expect(x!.tests.ks!.reason).toMatch(/ε_ref \+ ε_cur/);
    expect(x!.tests.anderson).toMatchObject({ statistic: null, fromProfile: 'approximate' });
    expect(x!.tests.anderson!.reason).toMatch(/not computed from profiles in this version/);
    expect(x!.tests.mannw).toMatchObject({ statistic: null, fromProfile: 'unavailable' });
    expect(x!.tests.mannw!.reason).toMatch(/raw rows/);
  });

  it('refuses profiles with different edges, naming the column', async () => {
    const refProfile = buildProfile(await ingestCsv(csv(3, 0, 500), 'ref.csv'));
    const curProfile = buildProfile(await ingestCsv(csv(5, 1, 500), 'cur.csv'), { edges: { x: [-1, 0, 1] } });
    const [x] = computeProfileDrift(refProfile, curProfile);
    expect(x!.tests.psi!.error).toMatch(/column "x": the profiles have different edges/);
    expect(x!.score).toBeUndefined();
  });
});
