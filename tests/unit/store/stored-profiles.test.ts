import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { buildProfile } from '../../../lib/profile/mergeable/build';
import { readProfile, writeProfile } from '../../../lib/profile/mergeable/io';
import { DriftbookDb } from '../../../lib/store/db';
import { deleteDataset, listDatasets, saveDataset } from '../../../lib/store/datasets';
import { exportWorkspace, profilesLeftOut } from '../../../lib/store/backup';
import { readBackup } from '../../../lib/store/backup-read';
import { addWorkspaceDataset, createWorkspace } from '../../../lib/store/workspaces';
import { tableToIPC } from 'apache-arrow';
import {
  builtProfileKey,
  cachedBuiltProfile,
  datasetProfileText,
  profileHasNoRows,
  getStoredProfile,
  isProfileFileName,
  isProfileOnly,
  storeProfileFile,
} from '../../../lib/store/stored-profiles';

const dbs: DriftbookDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const encode = (text: string) => new TextEncoder().encode(text);

async function sampleProfileText(): Promise<string> {
  const csv = 'amount,country\n1.5,FR\n2.5,DE\n,FR\n4,FR\n';
  return writeProfile(buildProfile(await ingestCsv(encode(csv), 'ref.csv')));
}

describe('profile-only datasets in IndexedDB', () => {
  it('stores a valid .dbprofile as a dataset with its rows, columns and types, and its profile intact', async () => {
    const db = new DriftbookDb('stored-profiles-1');
    dbs.push(db);
    const text = await sampleProfileText();
    const meta = await storeProfileFile(db, encode(text), 'ref.dbprofile');
    expect(meta).toMatchObject({ name: 'ref.dbprofile', format: 'dbprofile', rows: 4, bytes: encode(text).byteLength });
    expect(meta.schema).toEqual([
      { name: 'amount', type: 'numeric' },
      { name: 'country', type: 'categorical' },
    ]);
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(isProfileOnly(meta)).toBe(true);
    expect(await getStoredProfile(db, meta.id)).toEqual(JSON.parse(text));
    expect((await listDatasets(db)).map((d) => d.id)).toEqual([meta.id]);
    // The same file again is the same dataset, stored once.
    expect((await storeProfileFile(db, encode(text), 'ref.dbprofile')).id).toBe(meta.id);
    expect(await db.dbProfiles.count()).toBe(1);
    const audit = await db.audit.toArray();
    expect(audit.filter((e) => e.type === 'dataset-added')).toHaveLength(1);
  });

  it('refuses a bad file with a message naming the field, and stores nothing', async () => {
    const db = new DriftbookDb('stored-profiles-2');
    dbs.push(db);
    const doc = JSON.parse(await sampleProfileText()) as { columns: { count: number }[] };
    doc.columns[0]!.count += 1;
    await expect(storeProfileFile(db, encode(JSON.stringify(doc)), 'bad.dbprofile')).rejects.toMatchObject({
      code: 'invalid-profile',
      message: '.dbprofile column "amount": count + missing + nonFinite = 5, the profile has 4 rows',
    });
    await expect(storeProfileFile(db, encode('{"format": "other"}'), 'x.dbprofile')).rejects.toThrow(/format: "other", expected "driftbook-profile"/);
    await expect(storeProfileFile(db, encode('not json'), 'y.dbprofile')).rejects.toThrow(/is not valid JSON/);
    await expect(storeProfileFile(db, new Uint8Array([0xff, 0xfe, 0x41]), 'z.dbprofile')).rejects.toThrow(/z\.dbprofile: not UTF-8 text/);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.dbProfiles.count()).toBe(0);
  });

  it('says which numeric columns lack a quantile sketch (SQL profiles)', async () => {
    const db = new DriftbookDb('stored-profiles-3');
    dbs.push(db);
    const doc = JSON.parse(await sampleProfileText()) as { columns: { sketch?: unknown }[] };
    delete doc.columns[0]!.sketch;
    const meta = await storeProfileFile(db, encode(JSON.stringify(doc)), 'sql.dbprofile');
    expect(meta.warnings).toContain('no quantile sketch for amount: ks, wasserstein and ed are unavailable there');
  });

  it('builds a stored dataset’s profile once per key; deleting the dataset deletes its profiles', async () => {
    const db = new DriftbookDb('stored-profiles-4');
    dbs.push(db);
    const dataset = await ingestCsv(encode('x\n1\n2\n'), 'a.csv');
    let builds = 0;
    const build = () => (builds++, buildProfile(dataset));
    const key = await builtProfileKey(dataset.meta);
    const first = await cachedBuiltProfile(db, dataset.meta, key, build);
    const second = await cachedBuiltProfile(db, dataset.meta, key, build);
    expect(builds).toBe(1);
    expect(second).toEqual(first);
    // Another edges source or another column type is another profile.
    expect(await builtProfileKey(dataset.meta, 'other')).not.toBe(key);
    expect(await builtProfileKey({ ...dataset.meta, schema: [{ name: 'x', type: 'text' }] })).not.toBe(key);
    const stored = await storeProfileFile(db, encode(await sampleProfileText()), 'ref.dbprofile');
    await deleteDataset(db, dataset.meta.id);
    await deleteDataset(db, stored.id);
    expect(await db.dbProfiles.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });

  it('a stored dataset’s .dbprofile for download: built from its rows once (= buildProfile), a profile-only one as stored', async () => {
    const db = new DriftbookDb('stored-profiles-5');
    dbs.push(db);
    const dataset = await ingestCsv(encode('x,c\n1.5,a\n2.5,b\n,a\n'), 'rows.csv');
    await saveDataset(db, { meta: dataset.meta, ipc: tableToIPC(dataset.table, 'file') });
    let opened = 0;
    const openRows = async (id: string) => (opened++, expect(id).toBe(dataset.meta.id), dataset);
    const text = await datasetProfileText(db, dataset.meta.id, openRows);
    expect(text).toBe(writeProfile(buildProfile(dataset)));
    expect(await datasetProfileText(db, dataset.meta.id, openRows)).toBe(text);
    expect(opened).toBe(1);
    const stored = await storeProfileFile(db, encode(text), 'rows.dbprofile');
    expect(readProfile(await datasetProfileText(db, stored.id, openRows))).toEqual(readProfile(text));
    expect(opened).toBe(1);
    expect(profileHasNoRows(stored).message).toMatch(/^rows\.dbprofile is a profile \(\.dbprofile\): summaries only, no rows/);
  });

  it('a workspace backup leaves profile-only datasets out and profilesLeftOut names them', async () => {
    const db = new DriftbookDb('stored-profiles-6');
    dbs.push(db);
    const dataset = await ingestCsv(encode('x\n1.5\n2.5\n'), 'rows.csv');
    await saveDataset(db, { meta: dataset.meta, ipc: tableToIPC(dataset.table, 'file') });
    const stored = await storeProfileFile(db, encode(await sampleProfileText()), 'ref.dbprofile');
    const workspace = await createWorkspace(db, 'W');
    await addWorkspaceDataset(db, workspace.id, dataset.meta.id);
    await addWorkspaceDataset(db, workspace.id, stored.id);
    const backup = await readBackup(await exportWorkspace(db, workspace.id));
    expect(backup.datasets.map((d) => d.meta.name)).toEqual(['rows.csv']);
    expect((await profilesLeftOut(db, workspace.id)).map((d) => d.name)).toEqual(['ref.dbprofile']);
  });

  it('recognises .dbprofile file names', () => {
    expect(['a.dbprofile', 'A.DBPROFILE', 'x.y.dbprofile'].map(isProfileFileName)).toEqual([true, true, true]);
    expect(['a.csv', 'dbprofile', 'a.dbprofile.csv'].map(isProfileFileName)).toEqual([false, false, false]);
  });
});
