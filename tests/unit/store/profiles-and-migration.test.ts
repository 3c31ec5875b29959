import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftbookDb } from '../../../lib/store/db';
import { cachedProfile, cachedProfiles, profileKey } from '../../../lib/store/profiles';
import type { NumericProfile } from '../../../lib/profile/column-profile';

const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('profile cache', () => {
  it('computes a column profile once per dataset content, then reads it back intact', async () => {
    const db = new DriftbookDb('profiles-test');
    dbs.push(db);
    const profile: NumericProfile = {
      kind: 'numeric',
      count: 3,
      missing: 1,
      nonFinite: 0,
      sorted: Float64Array.from([1, 2.5, 9]),
      min: 1,
      max: 9,
      mean: 12.5 / 3,
    };
    let computed = 0;
    const compute = () => (computed++, profile);
    const dataset = { id: 'ds', sha256: 'abc' };
    const first = await cachedProfile(db, dataset, 'x', 'numeric', compute);
    const second = await cachedProfile(db, dataset, 'x', 'numeric', compute);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(computed).toBe(1);
    expect(second.profile).toEqual(profile);
    expect((second.profile as NumericProfile).sorted).toBeInstanceOf(Float64Array);
    // Another type of the same column is another entry.
    expect(profileKey('abc', 'x', 'categorical')).not.toBe(profileKey('abc', 'x', 'numeric'));
  });

  it('reads and caches many columns at once, the same entries as one by one, and caches nothing for a column that cannot be profiled', async () => {
    const db = new DriftbookDb('profiles-many-test');
    dbs.push(db);
    const dataset = { id: 'ds', sha256: 'def' };
    const profileOf = (name: string): NumericProfile => ({
      kind: 'numeric',
      count: 1,
      missing: 0,
      nonFinite: 0,
      sorted: Float64Array.from([name.length]),
      min: 1,
      max: 1,
      mean: 1,
    });
    await cachedProfile(db, dataset, 'a', 'numeric', () => profileOf('a'));
    const computed: string[] = [];
    const columns = [
      { name: 'a', type: 'numeric' as const },
      { name: 'bb', type: 'numeric' as const },
      { name: 'bad', type: 'numeric' as const },
    ];
    const compute = (c: { name: string }) => (computed.push(c.name), c.name === 'bad' ? undefined : profileOf(c.name));
    expect(await cachedProfiles(db, dataset, columns, compute)).toEqual([profileOf('a'), profileOf('bb'), undefined]);
    expect(computed).toEqual(['bb', 'bad']);
    expect((await cachedProfile(db, dataset, 'bb', 'numeric', () => profileOf('other'))).cached).toBe(true);
    expect(await db.profiles.get(profileKey('def', 'bad', 'numeric'))).toBeUndefined();
    await cachedProfiles(db, dataset, columns, compute);
    expect(computed).toEqual(['bb', 'bad', 'bad']);
  });
});

describe('schema upgrade', () => {
  it('opens a version-1 database and keeps every record', async () => {
    const name = 'upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      datasets: 'id, sha256, createdAt',
      datasetBlobs: 'id',
      workspaces: 'id, updatedAt',
      cells: 'id, workspaceId, [workspaceId+order]',
      settings: 'key',
    });
    await v1.table('datasets').put({ id: 'd1', sha256: 's', createdAt: '2026-01-01', name: 'a.csv' });
    await v1.table('datasetBlobs').put({ id: 'd1', ipc: new Uint8Array([1, 2, 3]) });
    await v1.table('workspaces').put({ id: 'w1', name: 'W', createdAt: 'x', updatedAt: 'y' });
    await v1.table('cells').put({ id: 'c1', workspaceId: 'w1', order: 0, kind: 'drift' });
    await v1.table('settings').put({ key: 'lastWorkspaceId', value: 'w1' });
    v1.close();

    const db = new DriftbookDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.datasets.get('d1')).toMatchObject({ name: 'a.csv' });
    expect(Array.from((await db.datasetBlobs.get('d1'))!.ipc)).toEqual([1, 2, 3]);
    expect(await db.workspaces.get('w1')).toMatchObject({ name: 'W' });
    expect(await db.cells.get('c1')).toMatchObject({ kind: 'drift' });
    expect(await db.settings.get('lastWorkspaceId')).toMatchObject({ value: 'w1' });
    expect(await db.profiles.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
    for (const table of [db.experiments, db.runs, db.artifacts, db.registeredModels, db.audit]) expect(await table.count()).toBe(0);
  });

  it('opens a version-2 database and keeps every record; cells left running become idle or ok', async () => {
    const name = 'upgrade-test-v2';
    const v2 = new Dexie(name);
    v2.version(2).stores({
      datasets: 'id, sha256, createdAt',
      datasetBlobs: 'id',
      workspaces: 'id, updatedAt',
      cells: 'id, workspaceId, [workspaceId+order]',
      settings: 'key',
      profiles: 'key, datasetId',
    });
    await v2.table('workspaces').put({ id: 'w1', name: 'W', createdAt: 'x', updatedAt: 'y' });
    const result = { kind: 'drift', columns: [] };
    await v2.table('cells').bulkPut([
      { id: 'c1', workspaceId: 'w1', order: 0, kind: 'drift', status: 'ok', result, resultKey: 'k1', config: { threshold: 0.1 } },
      { id: 'c2', workspaceId: 'w1', order: 1, kind: 'quality', status: 'running' },
      { id: 'c3', workspaceId: 'w1', order: 2, kind: 'drift', status: 'running', result, resultKey: 'k3' },
      { id: 'c4', workspaceId: 'w1', order: 3, kind: 'drift', status: 'error', error: { kind: 'AnalysisError', code: 'x', message: 'm' } },
    ]);
    await v2.table('profiles').put({ key: 'p', datasetId: 'd1', profile: { kind: 'numeric' } });
    v2.close();

    const db = new DriftbookDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.workspaces.get('w1')).toMatchObject({ name: 'W' });
    expect(await db.cells.get('c1')).toEqual({
      id: 'c1',
      workspaceId: 'w1',
      order: 0,
      kind: 'drift',
      status: 'ok',
      result,
      resultKey: 'k1',
      config: { threshold: 0.1 },
    });
    expect(await db.cells.get('c2')).toMatchObject({ status: 'idle' });
    expect(await db.cells.get('c3')).toMatchObject({ status: 'ok', resultKey: 'k3' });
    expect(await db.cells.get('c4')).toMatchObject({ status: 'error', error: { message: 'm' } });
    expect(await db.cells.where('resultKey').equals('k1').count()).toBe(1);
    expect(await db.profiles.get('p')).toMatchObject({ datasetId: 'd1' });
  });
});
