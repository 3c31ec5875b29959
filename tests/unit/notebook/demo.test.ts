import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { buildDemoWorkspace, DEMO_FILES, DEMO_WORKSPACE_NAME, demoCells } from '../../../lib/notebook/demo';
import { cellSpec, type CellKind } from '../../../lib/notebook/registry';
import type { CellRunner } from '../../../lib/notebook/run-cell';
import { DriftbookDb } from '../../../lib/store/db';
import { saveDataset } from '../../../lib/store/datasets';
import { getLastWorkspaceId, listCells } from '../../../lib/store/workspaces';
import { readFixture } from '../../support';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`demo-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the demo workspace', () => {
  it('is a note, the default preset, a column detail, a chart and the rain model cells', async () => {
    const meta = (await ingestCsv(readFixture('public/demo/seattle-weather-2012-2013.csv'), 'r.csv')).meta;
    expect(demoCells(meta, meta).map((c) => c.kind)).toEqual(['note', 'drift', 'quality', 'column', 'chart', 'classification', 'estimated']);
  });

  it('stores the two demo files and runs every cell in order with the kinds computes', async () => {
    const added: string[] = [];
    const ran: CellKind[] = [];
    // The bundled demo files, stored as the browser's worker would; cells computed in-thread by their kind.
    const addFile = async (file: { url: string; name: string }) => {
      added.push(file.name);
      const { meta, table } = await ingestCsv(readFixture(`public${file.url}`), file.name);
      return saveDataset(db, { meta, ipc: tableToIPC(table, 'file') });
    };
    const opened = new Map<string, Awaited<ReturnType<typeof ingestCsv>>>();
    const runner: CellRunner = {
      async runCell(kind, config, inputs) {
        ran.push(kind);
        const open = async (id?: string) => (id ? opened.get(id) : undefined);
        return cellSpec(kind).compute!({ reference: await open(inputs.reference?.id), current: await open(inputs.current?.id) }, config);
      },
    };
    const withOpen = async (file: { url: string; name: string }) => {
      const meta = await addFile(file);
      opened.set(meta.id, await ingestCsv(readFixture(`public${file.url}`), file.name));
      return meta;
    };
    const workspace = await buildDemoWorkspace(db, runner, withOpen);
    expect(workspace.name).toBe(DEMO_WORKSPACE_NAME);
    expect(await getLastWorkspaceId(db)).toBe(workspace.id);
    expect(added).toEqual([DEMO_FILES.reference.name, DEMO_FILES.current.name]);
    const cells = await listCells(db, workspace.id);
    expect(cells.map((c) => [c.kind, c.status])).toEqual([
      ['note', 'ok'],
      ['drift', 'ok'],
      ['quality', 'ok'],
      ['column', 'ok'],
      ['chart', 'ok'],
      ['classification', 'ok'],
      ['estimated', 'ok'],
    ]);
    expect(ran).toEqual(['drift', 'quality', 'column', 'chart', 'classification', 'estimated']);
  });
});
