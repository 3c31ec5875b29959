import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';

const DIR = join(__dirname, '../../fixtures/stats-edges');
// tests/fixtures/generate_stats_edges.py: scipy on the finite values of column x (1e400 and -1E+400 are ±Infinity).
const want = JSON.parse(readFileSync(join(DIR, 'overflow-literal.json'), 'utf8')) as {
  column: string;
  nonFinite: { reference: number; current: number };
  count: { reference: number; current: number };
  ks: { statistic: number; pValue: number };
  t_test: { statistic: number; pValue: number };
};

const load = (name: string) => ingestCsv(new Uint8Array(readFileSync(join(DIR, name))), name);
const close = (got: number | null | undefined, expected: number, tolerance: number) =>
  typeof got === 'number' && Math.abs(got - expected) <= tolerance * Math.abs(expected);

describe('a numeric column holding 1e400 is still drift-tested, on its finite values (issue 11)', () => {
  it('counts the overflowing literals as non-finite and equals scipy ks_2samp / ttest_ind on the finite values', async () => {
    const [reference, current] = [await load('overflow-ref.csv'), await load('overflow-cur.csv')];
    expect(reference.meta.schema.find((c: { name: string }) => c.name === want.column)).toEqual({ name: want.column, type: 'numeric' });
    const result = await computeDrift(reference, current, { methods: ['t_test'] });
    const x = result.columns.find((c) => c.name === want.column)!;
    expect(x.tested).toBe(true);
    expect(x.method).toBe('ks');
    expect(x.nonFinite).toEqual(want.nonFinite);
    expect(x.count).toEqual(want.count);
    const ks = x.tests!.ks!;
    expect(close(ks.statistic, want.ks.statistic, 1e-9), `ks statistic ${ks.statistic}`).toBe(true);
    expect(close(ks.pValue, want.ks.pValue, 1e-6), `ks p ${ks.pValue}`).toBe(true);
    const t = x.tests!.t_test!;
    expect(close(t.statistic, want.t_test.statistic, 1e-9), `t ${t.statistic}`).toBe(true);
    expect(close(t.pValue, want.t_test.pValue, 1e-6), `t p ${t.pValue}`).toBe(true);
  });
});
