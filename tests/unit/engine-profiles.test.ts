import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { ingestCsv } from '../../lib/data/ingest';
import { unpackMeta } from '../../lib/data/packed-meta';
import { buildProfile } from '../../lib/profile/mergeable/build';
import { writeProfile } from '../../lib/profile/mergeable/io';

// The engine's wiring of profile-only datasets (lib/engine.ts → lib/notebook/profile-cells.ts): store, runCell,
// the pooled drift protocol, refusals, and the download. The numbers themselves are tested in profile-cells.test.ts.

function csv(n: number, shift: number): string {
  const rows = ['x,c'];
  for (let i = 0; i < n; i++) rows.push(`${((i * 7919) % 101) / 10 + shift},${'abcd'[(i + shift) % 4]}`);
  return `${rows.join('\n')}\n`;
}

function value<T>(out: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

async function setup(shift = 3) {
  const reference = await ingestCsv(new TextEncoder().encode(csv(300, 0)), 'ref.csv');
  const text = writeProfile(buildProfile(reference));
  const profile = unpackMeta(value(await engine.store(new Blob([text]), 'ref.dbprofile')));
  const current = unpackMeta(value(await engine.store(new Blob([csv(200, shift)]), 'cur.csv')));
  return { reference, text, profile, current };
}

describe('engine: profile-only datasets', () => {
  it('stores a dropped .dbprofile, runs drift on it in one call and through the pooled protocol alike', async () => {
    const { profile, current } = await setup();
    expect([profile.format, profile.rows, profile.schema.length]).toEqual(['dbprofile', 300, 2]);
    const inputs = { reference: { id: profile.id }, current: { id: current.id } };
    const direct = value(await engine.runCell('drift', {}, inputs));
    expect(direct.fromProfile).toEqual({ reference: true, current: false });
    expect(direct.columns.map((c) => [c.name, c.tests?.[c.method!]?.fromProfile])).toEqual([
      ['x', 'exact'],
      ['c', 'exact'],
    ]);
    // The pool: no column tasks to spread; the finishing worker computes the run from the profiles.
    expect(value(await engine.beginDrift('run-1', profile.id, current.id, {}))).toBe(0);
    const pooled = value(await engine.finishDrift('run-1', profile.id, current.id, {}));
    expect(pooled.columns).toEqual(direct.columns);
    expect(pooled.dataset).toEqual(direct.dataset);
    const quality = value(await engine.runCell('quality', {}, inputs));
    expect(quality.fromProfile).toEqual({ reference: true, current: true });
  });

  it('reports the columns it profiles from the stored side’s rows (pooled finish and runCell), nothing once that profile is cached', async () => {
    // Current files of their own (other SHA-256s), so no profile of them is cached yet.
    const calls: [number, number][] = [];
    const first = await setup(5);
    expect(value(await engine.beginDrift('run-2', first.profile.id, first.current.id, {}))).toBe(0);
    value(await engine.finishDrift('run-2', first.profile.id, first.current.id, {}, (done, total) => calls.push([done, total])));
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
    calls.length = 0;
    value(
      await engine.runCell('drift', {}, { reference: { id: first.profile.id }, current: { id: first.current.id } }, (done, total) => calls.push([done, total])),
    );
    expect(calls).toEqual([]);
    const second = await setup(6);
    value(
      await engine.runCell('quality', {}, { reference: { id: second.profile.id }, current: { id: second.current.id } }, (done, total) =>
        calls.push([done, total]),
      ),
    );
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('refuses a bad file, kinds that need rows, and batch summaries against a profile, saying why', async () => {
    const { profile, current } = await setup();
    const bad = await engine.store(new Blob(['{"format":"driftbook-profile","version":2}']), 'bad.dbprofile');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-profile', message: '.dbprofile version: 2, this Driftbook reads version 1' } });
    const multivariate = await engine.runCell('multivariate', {}, { reference: { id: profile.id }, current: { id: current.id } });
    expect(multivariate).toMatchObject({
      ok: false,
      error: { code: 'needs-rows', message: expect.stringMatching(/^Multivariate drift cells need the rows: ref\.dbprofile/) },
    });
    const batch = await engine.summarizeBatch(profile.id, current.id);
    expect(batch).toMatchObject({
      ok: false,
      error: { code: 'needs-rows', message: expect.stringMatching(/^ref\.dbprofile is a profile \(\.dbprofile\): summaries only, no rows/) },
    });
  });

  it('downloads a stored dataset’s profile: the same text as buildProfile on its rows', async () => {
    const { current, profile, text } = await setup();
    const rows = await ingestCsv(new TextEncoder().encode(csv(200, 3)), 'cur.csv');
    const built = JSON.parse(value(await engine.datasetProfile(current.id))) as { source: unknown };
    // Same rows, same profile; only the source's dataset name and SHA-256 come from the stored description.
    expect({ ...built, source: null }).toEqual({ ...JSON.parse(writeProfile(buildProfile(rows))), source: null });
    expect(built.source).toEqual({ names: ['cur.csv'], sha256: [current.sha256] });
    expect(JSON.parse(value(await engine.datasetProfile(profile.id)))).toEqual(JSON.parse(text));
  });
});
