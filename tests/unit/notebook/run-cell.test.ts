import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCell, currentResultKey, runCell, type CellRunner } from '../../../lib/notebook/run-cell';
import type { CellInputIds } from '../../../lib/notebook/types';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { AnalysisError } from '../../../lib/errors';
import { DriftbookDb } from '../../../lib/store/db';
import { listDatasets, saveDataset, updateDatasetTypes } from '../../../lib/store/datasets';
import { loadDataset } from '../../../lib/store/load-dataset';
import { createWorkspace } from '../../../lib/store/workspaces';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`actions-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

/** An engine that computes drift in-thread from the stored datasets, counting calls; it can be told to fail or be cancelled. */
function fakeClient(mode: { fail?: Error } = {}) {
  const calls: string[] = [];
  const client = {
    mode: 'main-thread',
    size: 0,
    async runCell(kind: string, config: object, inputs: CellInputIds) {
      calls.push(kind);
      if (mode.fail) throw mode.fail;
      const [r, c] = await Promise.all([loadDataset(db, inputs.reference!.id), loadDataset(db, inputs.current!.id)]);
      return computeDrift(r, c, config);
    },
  } as unknown as CellRunner;
  return { client, calls };
}

async function stored(text: string, name: string) {
  const { meta, table } = await ingestCsv(new TextEncoder().encode(text), name);
  return saveDataset(db, { meta, ipc: tableToIPC(table, 'file') });
}

async function setup() {
  const ws = await createWorkspace(db, 'W');
  const reference = await stored('x,c\n' + Array.from({ length: 50 }, (_, i) => `${i},${'ab'[i % 2]}`).join('\n'), 'r.csv');
  const current = await stored('x,c\n' + Array.from({ length: 50 }, (_, i) => `${i + 9},${'abb'[i % 3]}`).join('\n'), 'c.csv');
  return { ws, reference, current };
}

describe('running cells', () => {
  it('computes once: an unchanged cell and an identical twin reuse the result', async () => {
    const { ws, reference, current } = await setup();
    const { client, calls } = fakeClient();
    const cell = await createCell(db, ws.id, { kind: 'drift', reference, current });
    expect(cell.status).toBe('idle');
    const first = await runCell(db, client, cell);
    expect(first).toMatchObject({ status: 'ok', result: { kind: 'drift' } });
    expect(first.resultKey).toMatch(/^[0-9a-f]{64}$/);
    const again = await runCell(db, client, first);
    expect(again).toBe(first);
    const twin = await runCell(db, client, await createCell(db, ws.id, { kind: 'drift', reference, current }));
    expect(twin.result).toEqual(first.result);
    expect(twin.durationMs).toBe(0);
    expect(calls).toEqual(['drift']);
    expect(await currentResultKey(first, await listDatasets(db))).toBe(first.resultKey);
    expect(await currentResultKey(first, [])).toBeUndefined();
    // Another config, or another column type on an input, is another key: computed again.
    await runCell(db, client, { ...first, config: { threshold: 0.01 } });
    await updateDatasetTypes(db, reference.id, { x: 'categorical' });
    await updateDatasetTypes(db, current.id, { x: 'categorical' });
    expect(await currentResultKey(first, await listDatasets(db))).not.toBe(first.resultKey);
    const retyped = await runCell(db, client, first);
    expect(retyped.resultKey).not.toBe(first.resultKey);
    expect(calls).toEqual(['drift', 'drift', 'drift']);
  });

  it('a failure keeps the last good result; a cancel is not a failure', async () => {
    const { ws, reference, current } = await setup();
    const ok = await runCell(db, fakeClient().client, await createCell(db, ws.id, { kind: 'drift', reference, current }));
    const failed = await runCell(db, fakeClient({ fail: new AnalysisError('boom', 'no columns in common: …') }).client, { ...ok, config: { threshold: 0.2 } });
    expect(failed).toMatchObject({ status: 'error', error: { code: 'boom', message: 'no columns in common: …' }, result: ok.result });
    const cancelled = await runCell(db, fakeClient({ fail: new AnalysisError('aborted', 'cancelled') }).client, { ...ok, config: { threshold: 0.3 } });
    expect(cancelled).toMatchObject({ status: 'ok', result: ok.result });
    expect(cancelled.error).toBeUndefined();
    const fresh = await createCell(db, ws.id, { kind: 'drift', reference, current, config: { threshold: 0.4 } });
    expect((await runCell(db, fakeClient({ fail: new AnalysisError('aborted', 'cancelled') }).client, fresh)).status).toBe('idle');
    expect(await db.cells.get(fresh.id)).toMatchObject({ status: 'idle' });
  });

  it('a cell without its datasets says which to choose; a note has nothing to compute', async () => {
    const { ws, reference } = await setup();
    const { client, calls } = fakeClient();
    const lonely = await runCell(db, client, await createCell(db, ws.id, { kind: 'drift', reference }));
    expect(lonely).toMatchObject({
      status: 'error',
      error: { code: 'missing-input', message: "this cell needs a current dataset — choose it in the cell's inputs" },
    });
    const note = await runCell(db, client, await createCell(db, ws.id, { kind: 'note', config: { markdown: 'hi' } }));
    expect(note.status).toBe('ok');
    expect(calls).toEqual([]);
  });
});

describe('segments, unknown kinds, and what a runner is given', () => {
  it('a segment is part of the result key and reaches the runner with the dataset id', async () => {
    const { ws, reference, current } = await setup();
    const seen: CellInputIds[] = [];
    const client = {
      async runCell(_kind: string, config: object, inputs: CellInputIds) {
        seen.push(inputs);
        const [r, c] = await Promise.all([loadDataset(db, inputs.reference!.id), loadDataset(db, inputs.current!.id)]);
        return computeDrift(r, c, config);
      },
    } as unknown as CellRunner;
    const whole = await runCell(db, client, await createCell(db, ws.id, { kind: 'drift', reference, current }));
    const segmented = await runCell(db, client, await createCell(db, ws.id, { kind: 'drift', reference, current, segments: { current: 'd => d.x > 20' } }));
    expect(segmented.inputs.current).toEqual({ id: current.id, sha256: current.sha256, segment: 'd => d.x > 20' });
    expect(segmented.resultKey).not.toBe(whole.resultKey);
    // Not the whole file's twin: computed again, and the runner was told the segment.
    expect(seen).toEqual([
      { reference: { id: reference.id }, current: { id: current.id } },
      { reference: { id: reference.id }, current: { id: current.id, segment: 'd => d.x > 20' } },
    ]);
    const datasets = await listDatasets(db);
    expect(await currentResultKey(segmented, datasets)).toBe(segmented.resultKey);
    expect(await currentResultKey({ ...segmented, inputs: { ...segmented.inputs, current: { id: current.id, sha256: current.sha256 } } }, datasets)).toBe(
      whole.resultKey,
    );
  });

  it('a cell of a kind this version does not know fails with a message and is never computed', async () => {
    const { ws, reference, current } = await setup();
    const { client, calls } = fakeClient();
    const known = await createCell(db, ws.id, { kind: 'drift', reference, current });
    // As a backup from a newer version would store it.
    const stranger = { ...known, kind: 'sparkle' as 'drift' };
    await db.cells.put(stranger);
    const out = await runCell(db, client, stranger);
    expect(out).toMatchObject({
      status: 'error',
      kind: 'sparkle',
      error: { code: 'unknown-cell-kind', message: expect.stringMatching(/^unknown cell kind: sparkle/) },
    });
    expect(await db.cells.get(known.id)).toMatchObject({ kind: 'sparkle', status: 'error' });
    expect(await currentResultKey(stranger, await listDatasets(db))).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('a new cell takes its kind default config from its datasets (a column detail: the first numeric column)', async () => {
    const { ws, reference, current } = await setup();
    const cell = await createCell(db, ws.id, { kind: 'column', reference, current });
    expect(cell).toMatchObject({ config: { methods: 'all', column: 'x' }, status: 'idle', title: 'r.csv → c.csv' });
    const note = await createCell(db, ws.id, { kind: 'note' });
    expect(note).toMatchObject({ config: { markdown: '' }, title: 'Note', inputs: {} });
  });
});
