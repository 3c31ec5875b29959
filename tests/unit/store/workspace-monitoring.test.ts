import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { statTile } from '../../../lib/alerts/dashboard-tiles';
import { defaultRules } from '../../../lib/alerts/rules-defaults';
import type { AlertEvent } from '../../../lib/alerts/types';
import { alertStateKey, getEvaluationState, getRulesRecord, listAlertEvents, openRules, recordEvaluation } from '../../../lib/store/alerts';
import { getDashboard, pinTile, retargetTiles } from '../../../lib/store/dashboards';
import type { DriftbookDb } from '../../../lib/store/db';
import { createWorkspace, deleteWorkspace, duplicateWorkspace, listCells, restoreWorkspace, saveCell } from '../../../lib/store/workspaces';
import type { CellRecord } from '../../../lib/store/types';
import { newDb } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('workspace-monitoring');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const now = new Date('2026-12-01T10:00:00.000Z');

async function workspaceWithMonitoring(d: DriftbookDb) {
  const ws = await createWorkspace(d, 'Monitored', now);
  const cell = {
    id: 'cell-1',
    workspaceId: ws.id,
    kind: 'note',
    order: 0,
    title: 'n',
    config: { text: '' },
    inputs: {},
    status: 'idle',
  } as unknown as CellRecord;
  await saveCell(d, cell);
  await openRules(d, ws.id, defaultRules, now);
  const source = { workspaceId: ws.id, key: 'cell:cell-1', cellId: 'cell-1' };
  const event: AlertEvent = {
    id: 'e1',
    workspaceId: ws.id,
    ruleId: 'dataset-drift-share',
    ruleName: 'Drift share',
    severity: 'warning',
    state: 'firing',
    labels: {},
    metric: 'dataset_drift_share',
    value: 0.6,
    comparator: '>=',
    threshold: 0.5,
    summary: 'drifted',
    at: now.toISOString(),
    source,
  };
  const state = { [`dataset-drift-share\u0000cell:cell-1\u0000{}`]: { activeSince: now.toISOString(), consecutive: 1, firing: true, lastValue: 0.6 } };
  await recordEvaluation(d, ws.id, defaultRules(), { evaluate: () => ({ state, events: [event] }) });
  await pinTile(d, ws.id, statTile('cell-1', 'dataset_drift_share', {}), undefined, now);
  await pinTile(d, ws.id, statTile('batches', 'dataset_drift_share', {}), undefined, now);
  return ws;
}

describe('a workspace with alert rules, alert events and a dashboard', () => {
  it('deletes them with the workspace and brings every one back on undo', async () => {
    const d = db();
    const ws = await workspaceWithMonitoring(d);
    const before = {
      rules: await getRulesRecord(d, ws.id),
      events: await listAlertEvents(d, ws.id),
      state: await getEvaluationState(d, ws.id),
      tiles: await getDashboard(d, ws.id),
    };
    expect(before.events).toHaveLength(1);
    expect(Object.keys(before.state)).toHaveLength(1);

    const deleted = await deleteWorkspace(d, ws.id);
    expect(await d.alertRules.get(ws.id)).toBeUndefined();
    expect(await d.alerts.where('workspaceId').equals(ws.id).count()).toBe(0);
    expect(await d.settings.get(alertStateKey(ws.id))).toBeUndefined();
    expect(await d.dashboards.get(ws.id)).toBeUndefined();

    await restoreWorkspace(d, deleted);
    expect(await getRulesRecord(d, ws.id)).toEqual(before.rules);
    expect(await listAlertEvents(d, ws.id)).toEqual(before.events);
    expect(await getEvaluationState(d, ws.id)).toEqual(before.state);
    expect(await getDashboard(d, ws.id)).toEqual(before.tiles);
  });

  it('copies rules and dashboard to a duplicate, with tiles following the copied cells; events stay with the original', async () => {
    const d = db();
    const ws = await workspaceWithMonitoring(d);
    const copy = await duplicateWorkspace(d, ws.id, now);
    const [copiedCell] = await listCells(d, copy.id);
    expect((await getRulesRecord(d, copy.id))?.rules).toEqual((await getRulesRecord(d, ws.id))?.rules);
    const tiles = (await getDashboard(d, copy.id)).tiles;
    expect(tiles.map((t) => t.cellId)).toEqual([copiedCell!.id, 'batches']);
    // The id is the one pinning that series on the copied cell gives, so pinning it again replaces the tile.
    expect(tiles[0]!.id).toBe(statTile(copiedCell!.id, 'dataset_drift_share', {}).id);
    expect(tiles[1]!.id).toBe(statTile('batches', 'dataset_drift_share', {}).id);
    expect(await listAlertEvents(d, copy.id)).toEqual([]);
    expect((await getDashboard(d, ws.id)).tiles.map((t) => t.cellId)).toEqual(['cell-1', 'batches']);
  });

  it('retargets tile ids only for cells it maps', () => {
    const tiles = [
      statTile('a', 'model_metric', { metric: 'accuracy', dataset: 'current' }),
      { id: 'custom', type: 'chart' as const, cellId: 'a', chart: 'roc' },
    ];
    const moved = retargetTiles(tiles, new Map([['a', 'b']]));
    expect(moved[0]).toEqual(statTile('b', 'model_metric', { metric: 'accuracy', dataset: 'current' }));
    expect(moved[1]).toEqual({ id: 'custom', type: 'chart', cellId: 'b', chart: 'roc' });
    expect(retargetTiles(tiles, new Map())).toEqual(tiles);
  });
});
