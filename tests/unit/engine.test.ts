import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine } from '../../lib/engine';
import { ingestCsv } from '../../lib/data/ingest';
import { computeDrift } from '../../lib/drift/compute-drift';
import { getDb } from '../../lib/store/db';
import { saveDataset } from '../../lib/store/datasets';
import { readFixture } from '../support';

describe('engine (what the worker exposes; the fallback calls it directly)', () => {
  it('ingests a Blob, and computes a drift cell by dataset ids equal to computeDrift, caching reference profiles', async () => {
    const refBytes = readFixture('tests/fixtures/e2e/reference.csv');
    const curBytes = readFixture('tests/fixtures/e2e/current.csv');
    const ref = await engine.ingest(new Blob([refBytes as Uint8Array<ArrayBuffer>]), 'reference.csv');
    const cur = await engine.ingest(new Blob([curBytes as Uint8Array<ArrayBuffer>]), 'current.csv');
    if (!ref.ok || !cur.ok) throw new Error('ingest failed');
    const db = getDb();
    const [refMeta, curMeta] = [await saveDataset(db, ref.value), await saveDataset(db, cur.value)];

    const config = { methods: ['psi', 'ks'], correction: 'bh' as const };
    const first = await engine.runCell('drift', config, { reference: { id: refMeta.id }, current: { id: curMeta.id } });
    if (!first.ok) throw new Error(first.error.message);
    const cachedColumns = await db.profiles.count();
    expect(cachedColumns).toBe(5); // every tested column of the reference (the datetime one is not profiled)
    const second = await engine.runCell('drift', config, { reference: { id: refMeta.id }, current: { id: curMeta.id } });
    if (!second.ok) throw new Error(second.error.message);
    expect(await db.profiles.count()).toBe(cachedColumns);
    expect(second.value).toEqual(first.value);

    const direct = await computeDrift(await ingestCsv(refBytes, 'reference.csv'), await ingestCsv(curBytes, 'current.csv'), config);
    expect({ ...first.value, reference: {}, current: {} }).toEqual({ ...direct, reference: {}, current: {} });

    // The pool's two steps give the same columns (before the report-level correction).
    const uncorrected = { methods: config.methods };
    const whole = await engine.runCell('drift', uncorrected, { reference: { id: refMeta.id }, current: { id: curMeta.id } });
    const plan = await engine.planDrift(refMeta.id, curMeta.id, uncorrected);
    if (!plan.ok || !whole.ok || whole.value.kind !== 'drift') throw new Error('plan failed');
    for (const [i, task] of plan.value.plan.tasks.entries()) {
      expect(await engine.driftColumn(refMeta.id, curMeta.id, task, plan.value.plan)).toEqual({ ok: true, value: whole.value.columns[i] });
    }
  });

  it('returns errors as plain data with their code', async () => {
    const out = await engine.ingest(new Blob([]), 'empty.csv');
    expect(out).toEqual({ ok: false, error: { kind: 'DataError', code: 'empty-file', message: expect.stringMatching(/^empty file: empty\.csv/) } });
    const missing = await engine.runCell('drift', {}, { reference: { id: 'nope' }, current: { id: 'nada' } });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'StorageError', code: 'dataset-missing' } });
  });
});
