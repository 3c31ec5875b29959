import 'fake-indexeddb/auto';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fromErrorInfo } from '../../../lib/errors';
import { exportWorkspace } from '../../../lib/store/backup';
import { importBackup } from '../../../lib/store/backup-worker-api';
import { getDb } from '../../../lib/store/db';
import { listCells } from '../../../lib/store/workspaces';
import { newDb, workspaceFixture } from './backup-fixture';

afterAll(() => getDb().delete());

describe('the backup worker entry', () => {
  it("imports a file (a Blob, as the page passes it) into the thread's database, and returns a refusal as plain data", async () => {
    const source = newDb('worker-source');
    const { ws, cells } = await workspaceFixture(source);
    const file = new Blob([(await exportWorkspace(source, ws.id)) as Uint8Array<ArrayBuffer>]);
    const out = await importBackup(file);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value).toMatchObject({ cells: 3, datasetsAdded: 2, datasetsReused: 0 });
    expect(await listCells(getDb(), ws.id)).toEqual(cells);
    await source.delete();

    const refused = await importBackup(new Blob([strToU8('a,b\n1,2\n')]));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'StorageError', code: 'bad-backup' } });
    // The page rebuilds the typed error from the plain data.
    if (!refused.ok) expect(fromErrorInfo(refused.error).message).toMatch(/^not a Driftbook workspace file: it is not a zip archive/);
  });
});
