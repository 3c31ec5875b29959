import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { computeDrift } from '../../../lib/drift/compute-drift';
import type { DriftConfig } from '../../../lib/drift/types';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { writeProfile } from '../../../lib/profile/mergeable/io';
import { profileInputs, runProfileCell, type ProfileHost } from '../../../lib/notebook/profile-cells';
import { saveDataset } from '../../../lib/store/datasets';
import { DriftbookDb } from '../../../lib/store/db';
import { storeProfileFile } from '../../../lib/store/stored-profiles';
import { expectClose } from '../../support';

const dbs: DriftbookDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const EXACT_REL = 1e-12;
const encode = (text: string) => new TextEncoder().encode(text);

/** A deterministic pair: a numeric column that shifts, a categorical one whose shares change. */
function csv(rows: number, shift: number, seed: number): Uint8Array {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31);
  const lines = ['amount,country'];
  for (let i = 0; i < rows; i++) lines.push(`${(next() * 10 + shift).toFixed(3)},${next() < 0.6 + shift / 20 ? 'FR' : next() < 0.5 ? 'DE' : 'IT'}`);
  return encode(`${lines.join('\n')}\n`);
}

async function setup(name: string) {
  const db = new DriftbookDb(name);
  dbs.push(db);
  const [reference, current] = await Promise.all([ingestCsv(csv(400, 0, 7), 'ref.csv'), ingestCsv(csv(300, 1.5, 11), 'cur.csv')]);
  const rows = new Map<string, Dataset>();
  for (const d of [reference, current]) {
    await saveDataset(db, { meta: d.meta, ipc: tableToIPC(d.table, 'file') });
    rows.set(d.meta.id, d);
  }
  const refProfile = buildProfile(reference);
  const stored = await storeProfileFile(db, encode(writeProfile(refProfile)), 'ref.dbprofile');
  const opened: string[] = [];
  const host: ProfileHost = {
    db,
    openRows: async ({ id }) => {
      opened.push(id);
      const dataset = rows.get(id);
      if (!dataset) throw new Error(`no rows for ${id}`);
      return dataset;
    },
  };
  return { db, reference, current, refProfile, stored, host, opened };
}

describe('cells on profile-only datasets (lib/notebook/profile-cells.ts)', () => {
  it('drift: a .dbprofile reference vs stored rows equals the raw-row run on the profile’s edges (psi, chisquare to 1e-12); the rows are profiled once', async () => {
    const { db, reference, current, refProfile, stored, host, opened } = await setup('profile-cells-1');
    const inputs = { reference: { id: stored.id }, current: { id: current.meta.id } };
    const described = await profileInputs(db, inputs);
    expect(described?.map((d) => d.meta.format)).toEqual(['dbprofile', 'csv']);
    const config: DriftConfig = { numericMethod: 'psi', categoricalMethod: 'chisquare' };
    const result = await runProfileCell('drift', config, described!, host);
    expect(result.kind).toBe('drift');
    expect(result.fromProfile).toEqual({ reference: true, current: false });
    const edges = refProfile.columns.find((c) => c.name === 'amount')!.histogram!.edges;
    const raw = await computeDrift(reference, current, { ...config, bins: { kind: 'edges', edges } });
    for (const name of ['amount', 'country']) {
      const [got, want] = [result.columns.find((c) => c.name === name)!, raw.columns.find((c) => c.name === name)!];
      expect([got.method, got.tested, got.drifted], name).toEqual([want.method, want.tested, want.drifted]);
      expectClose(got.score!, want.score!, EXACT_REL, `${name} ${got.method} score`);
      expect(got.tests![got.method!]!.fromProfile, name).toBe('exact');
    }
    expect(result.dataset.drifted).toBe(raw.dataset.drifted);
    // Run again: the stored rows' profile (on the reference's edges) comes from the cache.
    await runProfileCell('drift', config, described!, host);
    expect(opened).toEqual([current.meta.id]);
  });

  it('drift with stored rows as reference and a .dbprofile current; ks is approximate with its bound, es needs rows', async () => {
    const { db, reference, stored, host } = await setup('profile-cells-2');
    const described = await profileInputs(db, { reference: { id: reference.meta.id }, current: { id: stored.id } });
    const result = await runProfileCell('drift', { methods: ['ks', 'es'] }, described!, host);
    expect(result.fromProfile).toEqual({ reference: false, current: true });
    const amount = result.columns.find((c) => c.name === 'amount')!;
    expect(amount.tests!.ks!.fromProfile).toBe('approximate');
    expect(amount.tests!.ks!.fromProfileReason).toMatch(/≤ ε_ref \+ ε_cur/);
    expect(amount.tests!.es!.fromProfile).toBe('unavailable');
    // The same rows on both sides: no column drifted.
    expect(result.dataset.driftedColumns).toBe(0);
  });

  it('quality: the usual result from the profiles; the column kind (a drift run) works too', async () => {
    const { db, current, stored, host } = await setup('profile-cells-3');
    const described = await profileInputs(db, { reference: { id: stored.id }, current: { id: current.meta.id } });
    const quality = await runProfileCell('quality', {}, described!, host);
    expect(quality.fromProfile).toEqual({ reference: true, current: true });
    expect(quality.reference).toMatchObject({ name: 'ref.dbprofile', format: 'dbprofile', rows: 400 });
    expect(quality.current).toMatchObject({ name: 'cur.csv', rows: 300 });
    const column = await runProfileCell('column', { column: 'country' }, described!, host);
    expect(column.kind).toBe('drift');
  });

  it('kinds that need rows refuse, naming the kind and the profile; a segment on a profile is refused; plain datasets are not routed here', async () => {
    const { db, reference, current, stored, host } = await setup('profile-cells-4');
    const described = await profileInputs(db, { reference: { id: stored.id }, current: { id: current.meta.id } });
    await expect(runProfileCell('classification', { target: 'country', prediction: 'country' }, described!, host)).rejects.toMatchObject({
      code: 'needs-rows',
      message: expect.stringMatching(/^Classification[^:]* cells need the rows: ref\.dbprofile is a profile \(\.dbprofile\) — summaries only, no rows/),
    });
    const segmented = await profileInputs(db, { reference: { id: stored.id, segment: 'd => d.amount > 1' }, current: { id: current.meta.id } });
    await expect(runProfileCell('drift', {}, segmented!, host)).rejects.toThrow(
      /segment d => d\.amount > 1: ref\.dbprofile is a profile \(\.dbprofile\) and has no rows to filter/,
    );
    expect(await profileInputs(db, { reference: { id: reference.meta.id }, current: { id: current.meta.id } })).toBeUndefined();
  });
});
