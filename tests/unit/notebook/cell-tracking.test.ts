import 'fake-indexeddb/auto';
import { tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { cellRunMetrics, logCellRun, resultJson, workspaceExperimentId } from '../../../lib/notebook/cell-tracking';
import { createCell, runCell, type CellRunner } from '../../../lib/notebook/run-cell';
import type { CellInputIds } from '../../../lib/notebook/types';
import { AnalysisError } from '../../../lib/errors';
import type { CellRecord } from '../../../lib/notebook/cell-record';
import { DriftbookDb } from '../../../lib/store/db';
import { saveDataset } from '../../../lib/store/datasets';
import { loadDataset } from '../../../lib/store/load-dataset';
import { getArtifact, listRuns } from '../../../lib/store/tracking';
import { createWorkspace, renameWorkspace } from '../../../lib/store/workspaces';

let db: DriftbookDb;
let n = 0;
beforeEach(() => {
  db = new DriftbookDb(`cell-tracking-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

async function stored(text: string, name: string) {
  const { meta, table } = await ingestCsv(new TextEncoder().encode(text), name);
  return saveDataset(db, { meta, ipc: tableToIPC(table, 'file') });
}

async function driftCell() {
  const ws = await createWorkspace(db, 'Churn monitoring');
  const reference = await stored('x,c\n' + Array.from({ length: 50 }, (_, i) => `${i},${'ab'[i % 2]}`).join('\n'), 'r.csv');
  const current = await stored('x,c\n' + Array.from({ length: 50 }, (_, i) => `${i + 9},${'abb'[i % 3]}`).join('\n'), 'c.csv');
  const cell = await createCell(db, ws.id, { kind: 'drift', reference, current, segments: { current: 'd.x > 10' }, config: { threshold: 0.01 } });
  const result = await computeDrift(await loadDataset(db, reference.id), await loadDataset(db, current.id), cell.config);
  return { ws, reference, current, cell: { ...cell, status: 'ok', result } as CellRecord };
}

describe('logCellRun', () => {
  it("logs a finished cell run in the workspace's experiment: params, inputs, scalar metrics, result.json", async () => {
    const { ws, reference, current, cell } = await driftCell();
    const run = await logCellRun(db, cell, { startTime: 1000, endTime: 3000 });
    expect(run).toBeDefined();
    const experiment = await db.experiments.get(workspaceExperimentId(ws.id));
    expect(experiment).toMatchObject({ name: 'Churn monitoring', tags: { 'driftbook.workspaceId': ws.id } });
    expect(run).toMatchObject({ experimentId: experiment!.id, status: 'FINISHED', startTime: 1000, endTime: 3000, name: cell.title });
    expect(run!.params).toMatchObject({
      kind: 'drift',
      'input.reference.dataset': 'r.csv',
      'input.reference.sha256': reference.sha256,
      'input.current.sha256': current.sha256,
      'input.current.segment': 'd.x > 10',
    });
    expect(run!.params['config.threshold']).toBe('0.01');
    expect(run!.inputs.map((i) => [i.name, i.digest, i.tags['mlflow.data.context']])).toEqual([
      ['r.csv', reference.sha256, 'reference'],
      ['c.csv', current.sha256, 'current'],
    ]);
    const result = cell.result as Awaited<ReturnType<typeof computeDrift>>;
    expect(run!.metrics.dataset_drift_share![0]!.value).toBe(result.dataset.share);
    expect(run!.metrics['dataset.driftedColumns']![0]!.value).toBe(result.dataset.driftedColumns);
    expect(run!.artifacts).toEqual(['result.json']);
    const artifact = await getArtifact(db, run!.id, 'result.json');
    expect(artifact?.type).toBe('application/json');
    expect(JSON.parse(await artifact!.blob.text())).toMatchObject({ kind: 'drift', dataset: { share: result.dataset.share } });

    // A second run: same experiment (renamed with the workspace), a second run.
    await renameWorkspace(db, ws.id, 'Churn v2');
    await logCellRun(db, { ...cell, status: 'error', error: { kind: 'AnalysisError', code: 'x', message: 'boom' } }, { startTime: 4000, endTime: 4100 });
    const runs = await listRuns(db, { experimentIds: [experiment!.id] });
    expect(runs.map((r) => r.status)).toEqual(['FAILED', 'FINISHED']);
    expect(runs[0]!.metrics).toEqual({});
    expect(runs[0]!.artifacts).toEqual([]);
    expect((await db.experiments.get(experiment!.id))!.name).toBe('Churn v2');
    expect(await db.experiments.count()).toBe(1);
  });

  it('does not log idle or running cells, and never throws (a closed database)', async () => {
    const { cell } = await driftCell();
    expect(await logCellRun(db, { ...cell, status: 'idle' }, { startTime: 0 })).toBeUndefined();
    db.close();
    await expect(logCellRun(db, cell, { startTime: 0 })).resolves.toBeUndefined();
    await db.open();
  });
});

describe('cellRunMetrics', () => {
  it("uses the kind's catalogue scalars that need no column, then the result's other numbers", () => {
    const classification = { kind: 'classification', current: { metrics: { task: 'binary', accuracy: 0.9, f1: 0.8, roc_auc: null } } };
    const metrics = cellRunMetrics('classification', classification);
    expect(metrics).toMatchObject({ classification_accuracy: 0.9, classification_f1: 0.8 });
    expect(metrics.classification_roc_auc).toBeUndefined();
    // A regression scalar cannot read a classification result: left out, no error.
    expect(cellRunMetrics('regression', classification)).toEqual({});
    expect(cellRunMetrics('change', { kind: 'change', count: 500, values: { min: 0, max: 1, mean: 0.4 }, detections: [{ index: 3 }] })).toEqual({
      count: 500,
      'values.min': 0,
      'values.max': 1,
      'values.mean': 0.4,
    });
  });
});

describe('resultJson', () => {
  it('stops counting past the cap (a huge result is not stored)', () => {
    expect(resultJson({ a: [1, 2, 3] }, 10)).toBe('{"a":[1,2,3]}');
    expect(resultJson({ a: Array.from({ length: 100 }, (_, i) => i) }, 50)).toBeNull();
  });
});

describe('runCell logs tracking runs', () => {
  it('a computed run, a reused twin and a failure each log a run; an unchanged cell and a cancel log none', async () => {
    const { ws, reference, current } = await driftCell();
    let fail: Error | undefined;
    const runner = {
      async runCell(_kind: string, config: object, inputs: CellInputIds) {
        if (fail) throw fail;
        return computeDrift(await loadDataset(db, inputs.reference!.id), await loadDataset(db, inputs.current!.id), config);
      },
    } as unknown as CellRunner;
    const cell = await createCell(db, ws.id, { kind: 'drift', reference, current });
    const first = await runCell(db, runner, cell);
    await runCell(db, runner, first); // unchanged: not run, not logged
    await runCell(db, runner, await createCell(db, ws.id, { kind: 'drift', reference, current })); // twin: reused
    fail = new AnalysisError('aborted', 'cancelled');
    await runCell(db, runner, { ...first, config: { threshold: 0.2 } });
    fail = new AnalysisError('bad', 'it broke');
    await runCell(db, runner, { ...first, config: { threshold: 0.3 } });
    // Runs may share a millisecond: compared as a set.
    const runs = await listRuns(db);
    expect(runs.map((r) => `${r.status} ${r.tags['driftbook.reusedResult'] ?? '-'}`).sort()).toEqual(['FAILED -', 'FINISHED -', 'FINISHED true']);
    const failed = runs.find((r) => r.status === 'FAILED')!;
    expect(failed.tags['driftbook.error']).toBe('bad: it broke');
    expect(failed.params['config.threshold']).toBe('0.3');
  });
});
