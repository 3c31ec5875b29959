import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCard } from '../../../lib/cards/types';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { createCell, runCell, type CellRunner } from '../../../lib/notebook/run-cell';
import type { CellInputIds } from '../../../lib/notebook/types';
import { listAudit } from '../../../lib/store/audit';
import { exportWorkspace } from '../../../lib/store/backup';
import { importBackup } from '../../../lib/store/backup-worker-api';
import { openWorkspaceCard, saveCardVersion } from '../../../lib/store/cards';
import { updateCell } from '../../../lib/store/cells';
import { saveDataset } from '../../../lib/store/datasets';
import { getDb, type DriftbookDb } from '../../../lib/store/db';
import { loadDataset } from '../../../lib/store/load-dataset';
import { createWorkspace } from '../../../lib/store/workspaces';
import { canonicalJson, textHasher, verifyChain } from '../../../lib/tracking/audit';
import { newDb, workspaceFixture } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('audit-events');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

async function stored(target: DriftbookDb, text: string, name: string) {
  const { meta, table } = await ingestCsv(new TextEncoder().encode(text), name);
  return saveDataset(target, { meta, ipc: tableToIPC(table, 'file') });
}

const csv = (shift: number) => `x,c\n${Array.from({ length: 40 }, (_, i) => `${i + shift},${'ab'[i % 2]}`).join('\n')}\n`;

const runner = (target: DriftbookDb): CellRunner =>
  ({
    async runCell(_kind: string, config: object, inputs: CellInputIds) {
      const [r, c] = await Promise.all([loadDataset(target, inputs.reference!.id), loadDataset(target, inputs.current!.id)]);
      return computeDrift(r, c, config);
    },
  }) as unknown as CellRunner;

describe('the app events in the audit trail', () => {
  it('a dataset stored (once: storing the same file again adds no entry)', async () => {
    const target = db();
    const meta = await stored(target, csv(0), 'ref.csv');
    await stored(target, csv(0), 'ref.csv');
    const entries = await listAudit(target);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'dataset-added', details: { id: meta.id, name: 'ref.csv', sha256: meta.sha256, rows: 40, format: 'csv' } });
  });

  it('a cell run: kind, SHA-256 of the canonical config, input SHA-256s and segments; not again when unchanged; a config change before/after', async () => {
    const target = db();
    const ws = await createWorkspace(target, 'W');
    const [reference, current] = [await stored(target, csv(0), 'r.csv'), await stored(target, csv(9), 'c.csv')];
    const cell = await createCell(target, ws.id, { kind: 'drift', reference, current, segments: { current: "d => d.c === 'a'" } });
    const ran = await runCell(target, runner(target), cell);
    await runCell(target, runner(target), ran); // unchanged: not recomputed, not logged
    const changed = await updateCell(target, cell.id, { config: { ...ran.config, threshold: 0.01 } as typeof ran.config });
    await updateCell(target, cell.id, { collapsed: true }); // not a config change
    await runCell(target, runner(target), changed);

    const entries = (await listAudit(target)).slice(2); // after the two datasets
    expect(entries.map((e) => e.type)).toEqual(['cell-run', 'config-change', 'cell-run']);
    const sha256 = await textHasher();
    expect(entries[0]!.details).toEqual({
      workspace: ws.id,
      cell: cell.id,
      kind: 'drift',
      title: cell.title,
      configHash: sha256(canonicalJson(JSON.parse(JSON.stringify(cell.config)))),
      inputs: { reference: { sha256: reference.sha256, segment: null }, current: { sha256: current.sha256, segment: "d => d.c === 'a'" } },
      resultKey: ran.resultKey,
      reused: false,
    });
    expect(entries[1]!.details).toMatchObject({ cell: cell.id, kind: 'drift', before: JSON.parse(JSON.stringify(cell.config)), after: { threshold: 0.01 } });
    expect(entries[2]!.details.configHash).not.toBe(entries[0]!.details.configHash);
    expect(await verifyChain(await listAudit(target))).toMatchObject({ ok: true, count: 5 });
  });

  it('model card versions: an edit (its version number) and a sign-off (reviewer, date); an unchanged save adds none', async () => {
    const target = db();
    const ws = await createWorkspace(target, 'W');
    const record = await openWorkspaceCard(target, ws.id, emptyCard());
    const card = emptyCard();
    card.modelDetails.name = 'fraud';
    await saveCardVersion(target, record.id, card, 'autosave');
    await saveCardVersion(target, record.id, card, 'autosave');
    const signed = structuredClone(card);
    signed.signOff = { reviewer: 'Ada Lovelace', date: '2026-12-06', notes: '' };
    await saveCardVersion(target, record.id, signed, 'sign-off');
    const entries = await listAudit(target);
    expect(entries.map((e) => [e.type, e.details.version])).toEqual([
      ['card-edit', 1],
      ['card-sign-off', 2],
    ]);
    expect(entries[0]!.details).toMatchObject({ workspace: ws.id, card: record.id, model: 'fraud', reason: 'autosave' });
    expect(entries[1]!.details).toMatchObject({ reviewer: 'Ada Lovelace', date: '2026-12-06' });
  });

  it('a workspace import: one entry with the file name, counts and datasets; a refused import logs nothing', async () => {
    const source = db();
    const { ws, ref, cur } = await workspaceFixture(source);
    const bytes = (await exportWorkspace(source, ws.id)) as Uint8Array<ArrayBuffer>;
    expect(await importBackup(new File([bytes.slice(0, 200)], 'cut.driftbook'))).toMatchObject({ ok: false });
    expect(await listAudit(getDb())).toEqual([]);
    expect(await importBackup(new File([bytes], 'mine.driftbook'))).toMatchObject({ ok: true });
    const entries = await listAudit(getDb());
    expect(entries.map((e) => e.type)).toEqual(['import']);
    const datasets = [ref, cur].map((d) => ({ id: d.id, name: d.name, sha256: d.sha256, rows: d.rows }));
    expect(entries[0]!.details).toEqual({
      what: 'workspace',
      file: 'mine.driftbook',
      workspace: ws.id,
      name: 'Backup me',
      datasetsAdded: 2,
      datasetsReused: 0,
      cells: 3,
      modelCards: 0,
      batches: 0,
      datasets,
    });
    await getDb().delete();
  });
});
