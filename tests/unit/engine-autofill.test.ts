/**
 * engine.autofillCard on the demo workspace (built and run through the engine, as the browser does):
 * the rain model's numbers are its cell's, the intervals numpy/sklearn's bootstrap of the demo
 * files (tests/fixtures/generate_bootstrap.py → demo.json), the drift and estimate the cells'.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { engine, type Outcome } from '../../lib/engine';
import { unpackMeta } from '../../lib/data/packed-meta';
import { buildDemoWorkspace } from '../../lib/notebook/demo';
import type { CellRunner } from '../../lib/notebook/run-cell';
import type { CellRecord } from '../../lib/notebook/cell-record';
import { getDb } from '../../lib/store/db';
import { listCells } from '../../lib/store/workspaces';
import { expectClose, readFixture, readJson } from '../support';

interface Side {
  rows: number;
  metrics: Record<string, number>;
  intervals: Record<string, { lower: number; upper: number }>;
}
const expected = readJson<{ reference: Side; current: Side }>('tests/fixtures/bootstrap/demo.json');

const unwrap = <T>(out: Outcome<T>): T => {
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
};

describe('engine.autofillCard', () => {
  it('fills a card from the demo workspace: the cells’ numbers, sklearn’s bootstrap intervals', async () => {
    const runner: CellRunner = { runCell: async (kind, config, inputs) => unwrap(await engine.runCell(kind, config, inputs)) };
    const addFile = async (file: { url: string; name: string }) => {
      const bytes = readFixture(`public${file.url}`);
      return unpackMeta(unwrap(await engine.store(new Blob([bytes as Uint8Array<ArrayBuffer>]), file.name)));
    };
    const workspace = await buildDemoWorkspace(getDb(), runner, addFile);
    const cells = await listCells(getDb(), workspace.id);
    const fill = unwrap(await engine.autofillCard(workspace.id, { filledAt: '2026-12-06T05:00:00.000Z' }));

    expect(fill.notes).toEqual([]);
    expect(fill.data.map((d) => [d.name, d.rows, d.side])).toEqual([
      ['seattle-weather-2012-2013.csv', 731, 'reference'],
      ['seattle-weather-2015.csv', 365, 'current'],
    ]);
    const model = cells.find((c) => c.kind === 'classification') as Extract<CellRecord, { kind: 'classification' }>;
    for (const side of ['reference', 'current'] as const) {
      for (const type of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
        const m = fill.metrics.find((x) => x.side === side && x.type === type)!;
        expect(m.value).toBe((model.result![side]!.metrics as unknown as Record<string, number>)[type]);
        expectClose(m.value, expected[side].metrics[type]!, 1e-9, `${side} ${type}`);
        expectClose(m.interval!.lower, expected[side].intervals[type]!.lower, 1e-9, `${side} ${type} lower`);
        expectClose(m.interval!.upper, expected[side].intervals[type]!.upper, 1e-9, `${side} ${type} upper`);
        expect(m.source).toMatchObject({ cellId: model.id, cellTitle: 'Rain model: quality', kind: 'classification' });
      }
    }
    const drift = cells.find((c) => c.kind === 'drift') as Extract<CellRecord, { kind: 'drift' }>;
    expect(fill.drift).toMatchObject({ share: drift.result!.dataset.share, datasetDrift: drift.result!.dataset.drifted, source: { cellId: drift.id } });
    const estimated = cells.find((c) => c.kind === 'estimated') as Extract<CellRecord, { kind: 'estimated' }>;
    expect(fill.estimated.find((m) => m.type === 'estimated_roc_auc')!.value).toBe(estimated.result!.cbpe.current.estimated.rocAuc);

    expect(await engine.autofillCard('no-such-workspace')).toMatchObject({ ok: true, value: { metrics: [], data: [] } });
  });
});
