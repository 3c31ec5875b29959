import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../lib/alerts/types';
import { getRulesRecord, saveRules, setNotify } from '../../../lib/store/alerts';
import { exportWorkspace, importWorkspace } from '../../../lib/store/backup';
import { getDashboard, saveDashboard } from '../../../lib/store/dashboards';
import type { DriftbookDb } from '../../../lib/store/db';
import { jsonBytes, newDb, plainJson, snapshot, workspaceFixture } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('backup-monitoring');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const rules: AlertRule[] = [
  {
    id: 'psi',
    name: 'PSI of "a\\"b\\\\c"',
    metric: 'column_drift_score',
    labels: { method: 'psi', column: 'a"b\\c\n\u202Ex' },
    comparator: '>',
    threshold: 0.2,
    for: '5m',
    severity: 'warning',
    summary: '{{ $labels.column }} is {{ $value }}',
  },
  {
    id: 'share',
    name: 'Share',
    metric: 'dataset_drift_share',
    labels: {},
    comparator: '>=',
    threshold: 0.5,
    for: { consecutive: 3 },
    severity: 'critical',
    summary: '',
    enabled: false,
  },
];

async function monitored(source: DriftbookDb) {
  const fixture = await workspaceFixture(source);
  await saveRules(source, fixture.ws.id, rules);
  await setNotify(source, fixture.ws.id, true, () => []);
  await saveDashboard(source, fixture.ws.id, [
    { id: 't1', type: 'stat', cellId: 'c-drift', metric: 'dataset_drift_share', labels: {} },
    { id: 't2', type: 'chart', cellId: 'c-note', title: 'Note' },
  ]);
  return fixture;
}

describe('alert rules and the dashboard in .driftbook backups', () => {
  it('round-trips the rules (opt-in included) and the tiles, tiles following their cells when the import gives new cell ids', async () => {
    const source = db();
    const { ws } = await monitored(source);
    const bytes = await exportWorkspace(source, ws.id);
    const entries = unzipSync(bytes);
    expect(plainJson(entries['manifest.json'])).toMatchObject({
      alertRules: { file: 'alerts.json', rules: 2 },
      dashboard: { file: 'dashboard.json', tiles: 2 },
    });

    const target = db();
    const first = await importWorkspace(target, bytes);
    expect(await getRulesRecord(target, first.workspace.id)).toEqual(await getRulesRecord(source, ws.id));
    expect((await getDashboard(target, first.workspace.id)).tiles).toEqual((await getDashboard(source, ws.id)).tiles);

    // Again into the same browser: a copy, whose cells get new ids; the tiles point at the copies.
    const copy = await importWorkspace(target, bytes);
    const cells = await target.cells.where('workspaceId').equals(copy.workspace.id).sortBy('order');
    expect((await getDashboard(target, copy.workspace.id)).tiles.map((t) => t.cellId)).toEqual([cells[0]!.id, cells[1]!.id]);
    expect((await getRulesRecord(target, copy.workspace.id))?.rules).toEqual(rules);
  });

  it('leaves both entries out when there is nothing to keep, and imports files without them', async () => {
    const source = db();
    const { ws } = await workspaceFixture(source);
    const entries = unzipSync(await exportWorkspace(source, ws.id));
    expect(Object.keys(entries).filter((n) => n.endsWith('.json'))).toEqual(['manifest.json', 'cells.json']);
    const target = db();
    const summary = await importWorkspace(target, zipSync(entries));
    expect(await getRulesRecord(target, summary.workspace.id)).toBeUndefined();
    expect((await getDashboard(target, summary.workspace.id)).tiles).toEqual([]);
  });

  it('refuses damaged rules or tiles without storing anything', async () => {
    const source = db();
    const { ws } = await monitored(source);
    const entries = unzipSync(await exportWorkspace(source, ws.id));
    const manifest = plainJson(entries['manifest.json']) as Record<string, unknown>;
    const alerts = plainJson(entries['alerts.json']) as { rules: Record<string, unknown>[] };
    const dashboard = plainJson(entries['dashboard.json']) as { tiles: Record<string, unknown>[] };
    const { 'alerts.json': _a, ...withoutAlerts } = entries;
    const withRules = (patch: Record<string, unknown>) => ({
      ...entries,
      'alerts.json': jsonBytes({ ...alerts, rules: [{ ...alerts.rules[0], ...patch }, alerts.rules[1]] }),
    });
    const cases: [string, Record<string, Uint8Array>][] = [
      ['lists alerts.json but it is missing', withoutAlerts],
      [
        'lists 3 items in alerts.json but it holds 2',
        { ...entries, 'manifest.json': jsonBytes({ ...manifest, alertRules: { file: 'alerts.json', rules: 3 } }) },
      ],
      ['alerts.json does not match backup format 1: rules[0].comparator', withRules({ comparator: '!=' })],
      ['alerts.json does not match backup format 1: rules[0].threshold', withRules({ threshold: { $num: 'NaN' } })],
      ['alerts.json does not match backup format 1: rules[0].labels.method', withRules({ labels: { method: 7 } })],
      ['id psi appears twice in its alerts.json', { ...entries, 'alerts.json': jsonBytes({ ...alerts, rules: [alerts.rules[0], alerts.rules[0]] }) }],
      [
        'dashboard.json does not match backup format 1: tiles[0]',
        { ...entries, 'dashboard.json': jsonBytes({ ...dashboard, tiles: [{ id: 'x', type: 'table' }, dashboard.tiles[1]] }) },
      ],
      [
        'id t2 appears twice in its dashboard.json',
        { ...entries, 'dashboard.json': jsonBytes({ ...dashboard, tiles: [dashboard.tiles[1], dashboard.tiles[1]] }) },
      ],
    ];
    const fresh = db();
    const before = await snapshot(fresh);
    for (const [message, files] of cases) await expect(importWorkspace(fresh, zipSync(files)), message).rejects.toThrow(message);
    expect(await snapshot(fresh)).toEqual(before);
  });
});
