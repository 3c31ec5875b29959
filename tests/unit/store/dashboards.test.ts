import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardTile } from '../../../lib/alerts/types';
import type { DriftbookDb } from '../../../lib/store/db';
import { getDashboard, moveTile, pinTile, saveDashboard, unpinCell, unpinTile } from '../../../lib/store/dashboards';
import { newDb } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('dashboards');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const stat = (id: string, cellId = 'c1'): DashboardTile => ({ id, type: 'stat', cellId, metric: 'dataset_drift_share', labels: {} });
const ids = (tiles: readonly DashboardTile[]) => tiles.map((t) => t.id);
const now = new Date('2026-12-01T10:00:00.000Z');

describe('dashboards store', () => {
  it('gives an empty, unstored dashboard to a workspace without one', async () => {
    const d = db();
    expect(await getDashboard(d, 'w')).toEqual({ workspaceId: 'w', tiles: [], updatedAt: '1970-01-01T00:00:00.000Z' });
    expect(await d.dashboards.count()).toBe(0);
  });

  it('pins, replaces, moves and unpins tiles in order', async () => {
    const d = db();
    await pinTile(d, 'w', stat('a'), undefined, now);
    await pinTile(d, 'w', stat('b'), undefined, now);
    await pinTile(d, 'w', { id: 'c', type: 'chart', cellId: 'c2' }, 0, now);
    expect(ids((await getDashboard(d, 'w')).tiles)).toEqual(['c', 'a', 'b']);
    await pinTile(d, 'w', { ...stat('a'), title: 'Share' }, undefined, now);
    expect((await getDashboard(d, 'w')).tiles[1]).toMatchObject({ id: 'a', title: 'Share' });
    expect(ids((await moveTile(d, 'w', 'c', 99, now)).tiles)).toEqual(['a', 'b', 'c']);
    expect(ids((await moveTile(d, 'w', 'b', -3, now)).tiles)).toEqual(['b', 'a', 'c']);
    expect(ids((await unpinTile(d, 'w', 'a', now)).tiles)).toEqual(['b', 'c']);
    expect(ids((await unpinCell(d, 'w', 'c1', now)).tiles)).toEqual(['c']);
    expect((await getDashboard(d, 'w')).updatedAt).toBe(now.toISOString());
    await expect(moveTile(d, 'w', 'gone', 0)).rejects.toThrow('dashboard tile not found: gone');
  });

  it('refuses duplicate tile ids and keeps what was stored', async () => {
    const d = db();
    await saveDashboard(d, 'w', [stat('a')], now);
    await expect(saveDashboard(d, 'w', [stat('x'), stat('x')])).rejects.toThrow('dashboard tile 2: id "x" is used twice');
    expect(ids((await getDashboard(d, 'w')).tiles)).toEqual(['a']);
  });
});
