import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { readProfile } from '../../../lib/profile/mergeable/io';
import { expectClose } from '../../support';

const dir = mkdtempSync(join(tmpdir(), 'driftbook-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** Deterministic rows (x numeric with a shift, c four categories), written to a CSV. */
function writeCsv(name: string, seed: number, shift: number, rows: number, first = 0): string {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['x,c'];
  for (let i = first; i < first + rows; i++) {
    const x = (next() + next() - 1) * 10 + shift;
    const c = ['a', 'b', 'c', 'd'][Math.floor(next() * 4 * (1 - shift * 0.05)) % 4]!;
    lines.push(`${i % 53 === 0 ? '' : x},${c}`);
  }
  writeFileSync(at(name), lines.join('\n') + '\n');
  return at(name);
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('driftbook profile', () => {
  const ref = writeCsv('ref.csv', 7, 0, 1500);
  const cur = writeCsv('cur.csv', 9, 2, 1200);

  it('writes a profile; merged shards on the same edges equal the whole file', async () => {
    expect((await run('profile', '--data', ref, '--edges', 'x=-10,-5,0,5,10', '--out', at('ref.dbprofile'))).code).toBe(0);
    const whole = readProfile(readFileSync(at('ref.dbprofile'), 'utf8'));
    const lines = readFileSync(ref, 'utf8').trimEnd().split('\n');
    writeFileSync(at('a.csv'), [lines[0], ...lines.slice(1, 700)].join('\n') + '\n');
    writeFileSync(at('b.csv'), [lines[0], ...lines.slice(700)].join('\n') + '\n');
    for (const part of ['a', 'b']) {
      const r = await run('profile', '--data', at(`${part}.csv`), '--edges-from', at('ref.dbprofile'), '--out', at(`${part}.dbprofile`));
      expect(r.code, r.err).toBe(0);
    }
    expect((await run('profile', 'merge', at('a.dbprofile'), at('b.dbprofile'), '--out', at('m.dbprofile'))).code).toBe(0);
    const merged = readProfile(readFileSync(at('m.dbprofile'), 'utf8'));
    expect(merged.rows).toBe(whole.rows);
    for (const [i, column] of merged.columns.entries()) {
      const w = whole.columns[i]!;
      expect([column.count, column.missing, column.min, column.max, column.histogram, column.categories]).toEqual([
        w.count,
        w.missing,
        w.min,
        w.max,
        w.histogram,
        w.categories,
      ]);
      if (w.moments) expectClose(column.moments!.mean, w.moments.mean, 1e-12, `${column.name} mean`);
    }
  });

  it('refuses to merge profiles on different edges: exit 2 naming the column', async () => {
    expect((await run('profile', '--data', cur, '--edges', 'x=0,1,2', '--out', at('other.dbprofile'))).code).toBe(0);
    const r = await run('profile', 'merge', at('ref.dbprofile'), at('other.dbprofile'), '--out', at('bad.dbprofile'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^driftbook: column "x": histogram edges differ/);
  });

  it('drift --reference p.dbprofile refuses flags a profile cannot honour (exit 2, one line), never ignores them', async () => {
    for (const flags of [
      ['--bins', 'uniform:5'],
      ['--segment', 'd => d.c === "a"'],
    ]) {
      const r = await run('drift', '--reference', at('ref.dbprofile'), '--current', cur, ...flags);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `driftbook: drift --reference p.dbprofile: ${flags[0]} cannot be applied to a profile (binned methods use the profile's edges) — profile the data with the edges you want, or pass the raw file\n`,
      );
    }
  });

  it('quality --reference p.dbprofile [--current C] prints the usual quality result from the profiles, equal to the raw-row one', async () => {
    for (const current of [[], ['--current', cur]]) {
      const p = await run('quality', '--reference', at('ref.dbprofile'), ...current);
      expect(p.code, p.err).toBe(0);
      const [fromProfile, raw] = [JSON.parse(p.out), JSON.parse((await run('quality', '--reference', ref, ...current)).out)];
      expect([fromProfile.kind, fromProfile.fromProfile.reference]).toEqual(['quality', true]);
      for (const side of current.length ? ['reference', 'current'] : ['reference']) {
        const [px, rx] = [fromProfile.columns[0][side], raw.columns[0][side]];
        expect([px.count, px.missing, px.min, px.max], side).toEqual([rx.count, rx.missing, rx.min, rx.max]);
        expectClose(px.mean, rx.mean, 1e-12, `${side} mean`);
        expectClose(px.std, rx.std, 1e-12, `${side} std`);
        expect(fromProfile.columns[1][side].topCategories, side).toEqual(raw.columns[1][side].topCategories);
      }
    }
    const prom = await run('quality', '--reference', at('ref.dbprofile'), '--format', 'prometheus');
    expect(prom.code, prom.err).toBe(0);
    expect(prom.out).toMatch(/^driftbook_/m);
  });

  it('drift --reference p.dbprofile --current C prints the usual drift result, equal to the raw rows with --bins edges: (1e-12)', async () => {
    const methods = 'psi,kl_div,jensenshannon,hellinger,t_test,chisquare,g_test,z';
    const flags = ['--methods', methods, '--numeric-method', 't_test', '--column-threshold', 'x=0.2', '--threshold', '0.01'];
    const p = await run('drift', '--reference', at('ref.dbprofile'), '--current', cur, ...flags.slice(0, 1), `${methods},ks,mannw`, ...flags.slice(2));
    expect(p.code, p.err).toBe(0);
    const raw = JSON.parse((await run('drift', '--reference', ref, '--current', cur, ...flags, '--bins', 'edges:-10,-5,0,5,10')).out);
    const result = JSON.parse(p.out);
    expect([result.kind, result.fromProfile, result.current.sha256]).toEqual(['drift', { reference: true, current: false }, raw.current.sha256]);
    // A profile side is named by its file name and the SHA-256 of the .dbprofile itself.
    const { createHash } = await import('node:crypto');
    expect(result.reference).toEqual({
      name: 'ref.dbprofile',
      rows: 1500,
      sha256: createHash('sha256')
        .update(readFileSync(at('ref.dbprofile')))
        .digest('hex'),
    });
    let compared = 0;
    for (const column of result.columns) {
      const want = raw.columns.find((c: { name: string }) => c.name === column.name);
      expect([column.method, column.threshold, column.drifted]).toEqual([want.method, want.threshold, want.drifted]);
      expectClose(column.score, want.score, 1e-12, `${column.name} score`);
      for (const [id, test] of Object.entries<{ fromProfile: string; statistic: number | null; pValue?: number; fromProfileReason: string }>(column.tests)) {
        expect(test.fromProfileReason).toBeTruthy();
        if (test.fromProfile !== 'exact') continue;
        expectClose(test.statistic, want.tests[id].statistic, 1e-12, `${column.name} ${id}`);
        if (test.pValue !== undefined) expectClose(test.pValue, want.tests[id].pValue, 1e-12, `${column.name} ${id} p`);
        compared++;
      }
    }
    expect(compared).toBe(5 + 7);
    expect(result.columns[0].tests.ks.fromProfile).toBe('approximate');
    expect(result.columns[0].tests.mannw.fromProfile).toBe('unavailable');
    expect(result.dataset.drifted).toBe(raw.dataset.drifted);
  });

  it('drift --current p.dbprofile takes the profile as is (same numbers as profiling the file); prometheus and html formats', async () => {
    expect((await run('profile', '--data', cur, '--edges-from', at('ref.dbprofile'), '--out', at('cur.dbprofile'))).code).toBe(0);
    const both = await run('drift', '--reference', at('ref.dbprofile'), '--current', at('cur.dbprofile'));
    const file = JSON.parse((await run('drift', '--reference', at('ref.dbprofile'), '--current', cur)).out);
    const result = JSON.parse(both.out);
    expect(result.fromProfile).toEqual({ reference: true, current: true });
    expect(result.columns.map((c: { score: number }) => c.score)).toEqual(file.columns.map((c: { score: number }) => c.score));
    const prom = await run('drift', '--reference', at('ref.dbprofile'), '--current', cur, '--format', 'prometheus', '--methods', 'ks,mannw');
    expect(prom.out).toMatch(/^driftbook_column_drift_score\{.*column="x".*\} /m);
    // ks is approximate (a sample); mannw needs the rows: no sample rather than a made-up +Inf.
    expect(prom.out).toMatch(/^driftbook_column_drift_statistic\{column="x",method="ks"\} 0\.\d+$/m);
    expect(prom.out).not.toMatch(/method="mannw"/);
    const html = await run('drift', '--reference', at('ref.dbprofile'), '--current', cur, '--format', 'html');
    expect(html.code, html.err).toBe(0);
    expect(html.out).toMatch(/ref\.dbprofile/);
    const listed = await run('drift', '--reference', at('ref.dbprofile'), '--current', cur, '--format', 'html', '--methods', 'ks,mannw');
    expect(listed.out).toMatch(/<code>mannw<\/code> <bdi>needs the raw rows: the Mann–Whitney U statistic/);
    // Each test says how it was computed: approximate ones with their bound on this column, exact ones as such.
    expect(listed.out).toMatch(/<code>ks<\/code> statistic [^<]* · <span class="accuracy">approximate: <bdi>[^<]*ε[^<]*<\/bdi><\/span><\/li>/);
    expect(listed.out).toMatch(/<code>psi<\/code> statistic [^<]* · <span class="accuracy">exact from profiles<\/span><\/li>/);
    const raw = await run('drift', '--reference', ref, '--current', at('cur.dbprofile'));
    expect([raw.code, raw.err]).toEqual([2, 'driftbook: drift --current p.dbprofile needs --reference p.dbprofile too (a raw reference: profile it first)\n']);
  });
});
