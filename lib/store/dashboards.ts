/**
 * One dashboard per workspace (IndexedDB `dashboards`, keyed by workspace): its tiles in reading
 * order. Written by helper C for the Dashboard tab (helper D) and the workspace backup. Every change
 * reads and writes in one transaction, so a concurrent change in another tab is not overwritten.
 */
import type { DashboardRecord, DashboardTile } from '../alerts/types';
import { StorageError } from '../errors';
import type { DriftbookDb } from './db';

/** The workspace's dashboard; an empty one (not stored) when it has none yet. */
export async function getDashboard(db: DriftbookDb, workspaceId: string): Promise<DashboardRecord> {
  return (await db.dashboards.get(workspaceId)) ?? { workspaceId, tiles: [], updatedAt: new Date(0).toISOString() };
}

function checkTiles(tiles: readonly DashboardTile[]): void {
  const seen = new Set<string>();
  for (const [i, tile] of tiles.entries()) {
    if (!tile.id) throw new StorageError('bad-tile', `dashboard tile ${i + 1}: it has no id`);
    if (seen.has(tile.id)) throw new StorageError('bad-tile', `dashboard tile ${i + 1}: id ${JSON.stringify(tile.id)} is used twice`);
    seen.add(tile.id);
  }
}

/**
 * The tiles with their cells' new ids (a duplicated workspace, an imported backup). A tile's id starts with
 * `<type>:<cellId>:` (lib/alerts/dashboard-tiles.ts), so it follows too: pinning the same series again then
 * replaces the tile instead of adding a second one. Tiles of cells not in the map (the batch history) stay.
 */
export function retargetTiles(tiles: readonly DashboardTile[], cellIdOf: ReadonlyMap<string, string>): DashboardTile[] {
  return tiles.map((tile) => {
    const cellId = cellIdOf.get(tile.cellId);
    if (cellId === undefined) return tile;
    const prefix = `${tile.type}:${tile.cellId}:`;
    const id = tile.id.startsWith(prefix) ? `${tile.type}:${cellId}:${tile.id.slice(prefix.length)}` : tile.id;
    return { ...tile, id, cellId };
  });
}

/** Replaces the dashboard's tiles (an arrangement by drag or keyboard, an import). */
export async function saveDashboard(db: DriftbookDb, workspaceId: string, tiles: readonly DashboardTile[], now = new Date()): Promise<DashboardRecord> {
  checkTiles(tiles);
  const record: DashboardRecord = { workspaceId, tiles: [...tiles], updatedAt: now.toISOString() };
  await db.dashboards.put(record);
  return record;
}

async function changeDashboard(db: DriftbookDb, workspaceId: string, change: (tiles: DashboardTile[]) => DashboardTile[], now: Date): Promise<DashboardRecord> {
  return db.transaction('rw', db.dashboards, async () => saveDashboard(db, workspaceId, change([...(await getDashboard(db, workspaceId)).tiles]), now));
}

/** Adds a tile at the end (or at `index`); a tile with the same id is replaced where it is. */
export function pinTile(db: DriftbookDb, workspaceId: string, tile: DashboardTile, index?: number, now = new Date()): Promise<DashboardRecord> {
  return changeDashboard(
    db,
    workspaceId,
    (tiles) => {
      const at = tiles.findIndex((t) => t.id === tile.id);
      if (at >= 0) tiles[at] = tile;
      else tiles.splice(index ?? tiles.length, 0, tile);
      return tiles;
    },
    now,
  );
}

/** Removes a tile (no error when it is already gone). */
export function unpinTile(db: DriftbookDb, workspaceId: string, tileId: string, now = new Date()): Promise<DashboardRecord> {
  return changeDashboard(db, workspaceId, (tiles) => tiles.filter((t) => t.id !== tileId), now);
}

/** Moves a tile to position `to` (clamped to the grid), the others keeping their order. */
export function moveTile(db: DriftbookDb, workspaceId: string, tileId: string, to: number, now = new Date()): Promise<DashboardRecord> {
  return changeDashboard(
    db,
    workspaceId,
    (tiles) => {
      const from = tiles.findIndex((t) => t.id === tileId);
      if (from < 0) throw new StorageError('tile-missing', `dashboard tile not found: ${tileId} — it may have been removed in another tab`);
      const [tile] = tiles.splice(from, 1);
      tiles.splice(Math.max(0, Math.min(tiles.length, to)), 0, tile!);
      return tiles;
    },
    now,
  );
}

/** Removes the tiles of a deleted cell. */
export function unpinCell(db: DriftbookDb, workspaceId: string, cellId: string, now = new Date()): Promise<DashboardRecord> {
  return changeDashboard(db, workspaceId, (tiles) => tiles.filter((t) => t.cellId !== cellId), now);
}
