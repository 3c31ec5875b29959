import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../lib/data/ingest';
import { engine } from '../../lib/engine';
import { computeTimeline, type TimelineCellConfig } from '../../lib/notebook/kinds/timeline';
import { getDb } from '../../lib/store/db';
import { saveDataset } from '../../lib/store/datasets';
import { readFixture } from '../support';

describe('a timeline cell through the engine (the worker path)', () => {
  it('equals its compute on the files: every window is computed on its own rows, not on the whole current data', async () => {
    const refBytes = readFixture('tests/fixtures/windows/events-reference.csv');
    const curBytes = readFixture('tests/fixtures/windows/events-current.csv');
    const ref = await engine.ingest(new Blob([refBytes as Uint8Array<ArrayBuffer>]), 'events-reference.csv');
    const cur = await engine.ingest(new Blob([curBytes as Uint8Array<ArrayBuffer>]), 'events-current.csv');
    if (!ref.ok || !cur.ok) throw new Error('ingest failed');
    const db = getDb();
    const [refMeta, curMeta] = [await saveDataset(db, ref.value), await saveDataset(db, cur.value)];
    const config: TimelineCellConfig = { split: 'rows', size: 100, scalar: 'dataset_drift_share', settings: { numericMethod: 'ks' } };
    const progress: number[] = [];
    const run = await engine.runCell('timeline', config, { reference: { id: refMeta.id }, current: { id: curMeta.id } }, (done) => progress.push(done));
    if (!run.ok) throw new Error(run.error.message);
    const direct = await computeTimeline(
      { reference: await ingestCsv(refBytes, 'events-reference.csv'), current: await ingestCsv(curBytes, 'events-current.csv') },
      config,
    );
    expect(run.value).toEqual(direct);
    expect(new Set(run.value.windows.map((w) => w.value)).size).toBeGreaterThan(1);
    expect(progress.length).toBeGreaterThan(0);

    // A window's segment on the current input, as the "drift cell" button adds it: the drift of exactly that window's rows.
    const clean = await engine.runCell(
      'timeline',
      { split: 'period', period: 'day', timestampColumn: 'ts', timeZone: 'Europe/Paris', scalar: 'dataset_drift_share' },
      { reference: { id: refMeta.id }, current: { id: refMeta.id } },
    );
    if (!clean.ok) throw new Error(clean.error.message);
    const window = clean.value.windows[3]!;
    const drift = await engine.runCell('drift', {}, { reference: { id: refMeta.id }, current: { id: refMeta.id, segment: window.segment! } });
    if (!drift.ok) throw new Error(drift.error.message);
    expect(drift.value.current.rows).toBe(window.rows);
    expect(drift.value.dataset.share).toBe(window.value);
  });
});
