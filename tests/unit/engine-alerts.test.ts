import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRules, samplesOf } from '../../lib/alerts';
import type { AlertRule } from '../../lib/alerts/types';
import { engine, type Outcome } from '../../lib/engine';
import { fromErrorInfo } from '../../lib/errors';
import { createCell, runCell, type CellRunner } from '../../lib/notebook/run-cell';
import { getEvaluationState, getRulesRecord, listAlertEvents, saveRules } from '../../lib/store/alerts';
import { listAudit } from '../../lib/store/audit';
import { addBatch, pinReference, redateBatch, setBatchSummary } from '../../lib/store/batches';
import { setCellInput } from '../../lib/store/cells';
import { saveDataset } from '../../lib/store/datasets';
import { getDb } from '../../lib/store/db';
import { createWorkspace } from '../../lib/store/workspaces';
import { storeDataset } from './store/backup-fixture';

afterAll(() => getDb().delete());

const unwrap = <T>(out: Outcome<T>): T => {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
};

/** The browser's runner without workers: the engine itself, with its alert evaluation (as components/engine-client.ts). */
const runner: CellRunner = {
  runCell: async (kind, config, inputs, onProgress) => unwrap(await engine.runCell(kind, config, inputs, onProgress)),
  evaluateAlerts: async (workspaceId, target) => unwrap(await engine.evaluateAlerts(workspaceId, target)),
};

const shareRule = (patch: Partial<AlertRule> = {}): AlertRule => ({
  id: 'share',
  name: 'Drift share',
  metric: 'dataset_drift_share',
  labels: {},
  comparator: '>=',
  threshold: 0.5,
  for: '0s',
  severity: 'critical',
  summary: 'share {{ $value }}',
  ...patch,
});

describe('alert evaluation in the engine', () => {
  it('evaluates a computed cell with the default rules on first use, logs each new event in the audit trail, and resolves when the condition stops', async () => {
    const db = getDb();
    const workspace = await createWorkspace(db, 'alerts');
    const reference = await storeDataset(db, 'ref.csv', 400);
    const shifted = await storeDataset(db, 'cur.csv', 400, 30);
    const cell = await runCell(db, runner, await createCell(db, workspace.id, { kind: 'drift', reference, current: shifted }));
    expect(cell.status).toBe('ok');
    expect((await getRulesRecord(db, workspace.id))?.rules).toEqual(defaultRules());

    // What the default rules should catch, read from the result's own samples (lib/alerts samplesOf).
    const samples = samplesOf('drift', cell.result);
    const share = samples.find((s) => s.metric === 'dataset_drift_share')!.value!;
    expect(share).toBeGreaterThanOrEqual(0.5);
    const events = await listAlertEvents(db, workspace.id);
    const shareEvent = events.find((e) => e.ruleId === 'dataset-drift')!;
    expect(shareEvent).toMatchObject({
      state: 'firing',
      value: share,
      severity: 'critical',
      source: { key: `cell:${cell.id}`, cellId: cell.id, cellTitle: cell.title },
    });
    expect(shareEvent.at).toBe(cell.updatedAt);
    const fired = samples.filter(
      (s) =>
        (s.metric === 'column_drift_score' && s.labels.method === 'psi' && s.value! > 0.2) ||
        (s.metric === 'column_drift_statistic' && s.labels.method === 'ks' && s.value! > 0.1) ||
        (s.metric === 'dataset_drift_share' && s.value! >= 0.5),
    );
    expect(events.length).toBe(fired.length);

    const audit = (await listAudit(db)).filter((e) => e.type.startsWith('alert.'));
    expect(audit.map((e) => e.type)).toEqual(events.map(() => 'alert.firing'));
    expect(audit.find((e) => e.details.rule === 'dataset-drift')!.details).toMatchObject({
      workspace: workspace.id,
      event: shareEvent.id,
      name: 'Dataset drift share at least 0.5',
      metric: 'dataset_drift_share',
      value: share,
      threshold: 0.5,
      source: `cell:${cell.id}`,
      cell: cell.id,
    });

    // The same data as both sides: no drift, every alert of this cell resolves.
    await setCellInput(db, cell.id, 'current', { id: reference.id, sha256: reference.sha256 });
    const again = await runCell(db, runner, (await db.cells.get(cell.id))!);
    const after = await listAlertEvents(db, workspace.id);
    const resolved = after.filter((e) => e.state === 'resolved');
    expect(resolved.map((e) => e.ruleId).sort()).toEqual(events.map((e) => e.ruleId).sort());
    expect(resolved.every((e) => e.at === again.updatedAt)).toBe(true);
    expect((await listAudit(db)).filter((e) => e.type === 'alert.resolved').length).toBe(resolved.length);
  });

  it('fires a rule of N consecutive runs on the Nth run, and a disabled rule never', async () => {
    const db = getDb();
    const workspace = await createWorkspace(db, 'consecutive');
    await saveRules(db, workspace.id, [shareRule({ for: { consecutive: 2 } }), shareRule({ id: 'off', enabled: false })]);
    const cell = await createCell(db, workspace.id, {
      kind: 'drift',
      reference: await storeDataset(db, 'a.csv', 300),
      current: await storeDataset(db, 'b.csv', 300, 25),
    });
    const first = await runCell(db, runner, cell);
    expect(await listAlertEvents(db, workspace.id)).toEqual([]);
    expect(Object.values(await getEvaluationState(db, workspace.id))).toMatchObject([{ consecutive: 1, firing: false }]);
    const second = await runCell(db, runner, first, undefined, { force: true });
    const events = await listAlertEvents(db, workspace.id);
    expect(events.map((e) => [e.ruleId, e.state, e.at])).toEqual([['share', 'firing', second.updatedAt]]);
  });

  it('evaluates the batch history afresh by date: the same history again gives no new event, a re-dated history replaces its events', async () => {
    const db = getDb();
    const workspace = await createWorkspace(db, 'batches');
    await saveRules(db, workspace.id, [shareRule()]);
    const reference = await storeDataset(db, 'ref.csv', 300);
    await pinReference(db, workspace.id, reference);
    const days = [
      ['2026-01-01', 0],
      ['2026-01-02', 25],
      ['2026-01-03', 0],
    ] as const;
    const ids: string[] = [];
    for (const [date, shift] of days) {
      const data = await storeDataset(db, `batch-${date}.csv`, 300, shift);
      const batch = await addBatch(db, { workspaceId: workspace.id, dataset: { id: data.id, sha256: data.sha256, name: data.name, rows: data.rows }, date });
      ids.push(batch.id);
      await setBatchSummary(db, batch.id, { summary: unwrap(await engine.summarizeBatch(reference.id, data.id)) });
    }
    const fresh = unwrap(await engine.evaluateAlerts(workspace.id, { batches: true }));
    expect(fresh.map((e) => [e.state, e.at, e.source.batch?.date])).toEqual([
      ['firing', '2026-01-02T00:00:00.000Z', '2026-01-02'],
      ['resolved', '2026-01-03T00:00:00.000Z', '2026-01-03'],
    ]);
    expect(unwrap(await engine.evaluateAlerts(workspace.id, { batches: true }))).toEqual([]);
    expect((await listAlertEvents(db, workspace.id)).length).toBe(2);
    // The drifted batch moved last: it fires on its new date and nothing resolves; the old events are gone.
    await redateBatch(db, ids[1]!, '2026-01-04');
    const moved = unwrap(await engine.evaluateAlerts(workspace.id, { batches: true }));
    expect(moved.map((e) => [e.state, e.at])).toEqual([['firing', '2026-01-04T00:00:00.000Z']]);
    expect((await listAlertEvents(db, workspace.id)).map((e) => e.at)).toEqual(['2026-01-04T00:00:00.000Z']);
  });

  it('evaluates a Metrics cell at every timestamp of its series, afresh on each run (Prometheus for-semantics over the steps)', async () => {
    const db = getDb();
    const workspace = await createWorkspace(db, 'metrics');
    // A gauge above 0.8 from 00:03 to 00:06, sampled every minute: `for: 2m` fires at 00:05 and resolves at 00:07.
    const values = [0.1, 0.2, 0.5, 0.9, 0.95, 0.99, 0.85, 0.3, 0.2];
    const csv = ['time,load', ...values.map((v, i) => `2026-01-01T00:0${i}:00Z,${v}`)].join('\n');
    const ingested = unwrap(await engine.ingest(new Blob([csv]), 'load.csv'));
    const series = await saveDataset(db, ingested);
    await saveRules(db, workspace.id, [
      {
        id: 'load',
        name: 'Load',
        metric: 'series_value',
        labels: { series: 'load' },
        comparator: '>',
        threshold: 0.8,
        for: '2m',
        severity: 'warning',
        summary: '{{ $labels.series }} at {{ $value }}',
      },
    ]);
    const cell = await runCell(db, runner, await createCell(db, workspace.id, { kind: 'metrics', reference: series }));
    expect(cell.status).toBe('ok');
    const events = await listAlertEvents(db, workspace.id);
    expect(events.map((e) => [e.state, e.at, e.value, e.source.key])).toEqual([
      ['firing', '2026-01-01T00:05:00.000Z', 0.99, `metrics:${cell.id}`],
      ['resolved', '2026-01-01T00:07:00.000Z', 0.3, `metrics:${cell.id}`],
    ]);
    expect(events[0]!.summary).toBe('load at 0.99');
    // Evaluated again from scratch: the same events, nothing new to notify.
    expect(unwrap(await engine.evaluateAlerts(workspace.id, { cellId: cell.id }))).toEqual([]);
    expect(await listAlertEvents(db, workspace.id)).toEqual(events);
  });
});
