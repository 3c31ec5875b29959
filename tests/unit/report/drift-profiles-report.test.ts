import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { driftFromProfiles } from '../../../lib/drift/from-profile-drift';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { notices } from '../../../lib/report/drift-summary';

const NAME = '<b>x</b>';

async function profiles() {
  const rows = (shift: number) =>
    [`"${NAME}",c`, ...Array.from({ length: 20000 }, (_, i) => `${((i * 7919) % 10007) / 100 + shift},${'ab'[i % 2]}`)].join('\n');
  const [ref, cur] = await Promise.all([ingestCsv(new TextEncoder().encode(rows(0)), 'r.csv'), ingestCsv(new TextEncoder().encode(rows(2)), 'c.csv')]);
  const reference = buildProfile(ref);
  return {
    reference,
    current: buildProfile(cur, { edgesFrom: reference }),
    refs: { reference: { name: 'r.dbprofile', rows: 200, sha256: 'a' }, current: { name: 'c.csv', rows: 200, sha256: 'b' } },
  };
}

// 20,000 values per side: the sketches compact, so ks from them is approximate (with fewer values it is exact).
describe('drift report notices for a run from profiles', () => {
  it('names the profile sides and counts the deciding tests by accuracy; the approximate one is named with its bound in the warnings (escaped)', async () => {
    const { reference, current, refs } = await profiles();
    const result = driftFromProfiles(reference, current, { numericMethod: 'ks' }, refs, { reference: true, current: false });
    const text = notices(result).__html;
    expect(text).toContain('<h3>Computed from profiles</h3>');
    expect(text).toContain('(reference: .dbprofile; a side with rows was profiled on the same edges)');
    expect(text).toContain(
      'Deciding tests: 1 exact (equal to the raw-row result), 1 approximate, 0 needing the rows — each named with its bound or reason in the warnings.',
    );
    expect(text).toContain(
      '<code><bdi>&lt;b&gt;x&lt;/b&gt;</bdi></code>: <bdi>ks decided on an approximate value: statistic from the quantile sketches: |D − D_rows| ≤ ε_ref + ε_cur',
    );
    expect(text).not.toContain('<b>x</b>');
  });

  it('counts every deciding test exact on the default methods, and says nothing for a raw-row run', async () => {
    const { reference, current, refs } = await profiles();
    const result = driftFromProfiles(reference, current, {}, refs, { reference: true, current: false });
    expect(notices(result).__html).toContain('Deciding tests: 2 exact (equal to the raw-row result), 0 approximate, 0 needing the rows.</p>');
    const { fromProfile: _dropped, ...raw } = result;
    expect(notices(raw).__html).not.toContain('Computed from profiles');
  });
});
