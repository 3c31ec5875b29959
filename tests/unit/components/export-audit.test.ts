import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { download } from '../../../components/export-report';
import { listAudit } from '../../../lib/store/audit';
import { getDb } from '../../../lib/store/db';

afterAll(async () => {
  vi.unstubAllGlobals();
  await getDb().delete();
});

describe('every download is an export in the audit trail', () => {
  it('logs the file name, type, size and the caller’s details, once per download', async () => {
    const clicked: string[] = [];
    const link = { href: '', download: '', click: () => clicked.push(link.download), remove: () => undefined };
    vi.stubGlobal('document', { createElement: () => link, body: { append: () => undefined } });
    download('a,b\n1,2\n', 'runs.csv', 'text/csv', { export: 'runs CSV', runs: 2 });
    download(new Uint8Array([1, 2, 3]), 'w.driftbook', 'application/zip');
    expect(clicked).toEqual(['runs.csv', 'w.driftbook']);
    await vi.waitFor(async () => expect(await listAudit(getDb())).toHaveLength(2));
    const [first, second] = await listAudit(getDb());
    expect(first).toMatchObject({ seq: 0, type: 'export', details: { export: 'runs CSV', runs: 2, what: 'runs.csv', type: 'text/csv', bytes: 8 } });
    expect(second).toMatchObject({ seq: 1, type: 'export', details: { what: 'w.driftbook', type: 'application/zip', bytes: 3 } });
  });
});
