import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { DriftbookDb } from '../../../lib/store/db';
import { getDatasetMeta, saveDataset, updateDatasetRoles } from '../../../lib/store/datasets';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`roles-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('updateDatasetRoles', () => {
  it('stores the roles the user set as "user", keeps guessed ones as they were, and reads back the same', async () => {
    const { meta, table } = await ingestCsv(new TextEncoder().encode('target,score,x\n1,0.5,3\n0,0.2,4\n'), 'a.csv');
    await saveDataset(db, { meta, ipc: tableToIPC(table, 'file') });
    expect(meta.roles).toEqual({ target: 'target', score: 'score' });

    const after = await updateDatasetRoles(db, meta.id, { score: 'feature', x: 'sensitive' });
    expect(after.roles).toEqual({ target: 'target', x: 'sensitive' });
    expect(after.roleSources).toEqual({ score: 'user', x: 'user' });
    expect(await getDatasetMeta(db, meta.id)).toEqual(after);

    // Confirming a guess marks it as set by the user, with the same role.
    const confirmed = await updateDatasetRoles(db, meta.id, { target: 'target' });
    expect(confirmed.roles).toEqual({ target: 'target', x: 'sensitive' });
    expect(confirmed.roleSources).toEqual({ score: 'user', x: 'user', target: 'user' });
  });

  it('refuses an unknown dataset with a StorageError', async () => {
    await expect(updateDatasetRoles(db, 'nope', { a: 'target' })).rejects.toMatchObject({ code: 'dataset-missing' });
  });
});
