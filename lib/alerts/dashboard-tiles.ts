/**
 * A dashboard's tiles: ids derived from what a tile shows (pinning the same series twice replaces
 * it, lib/store/dashboards.ts pinTile), where a keyboard move lands and the sentence a screen reader
 * hears after it. Pure: the store keeps and reorders the list, the page renders it.
 */
import { seriesKey } from './samples';
import type { DashboardTile, FamilyName } from './types';

export type StatTile = Extract<DashboardTile, { type: 'stat' }>;
export type ChartTile = Extract<DashboardTile, { type: 'chart' }>;

/**
 * A stat tile whose `cellId` is BATCHES_SOURCE_KEY (`batches`, the batch history's source key)
 * follows the workspace's batch history rather than a cell (a cell id is a UUID: no collision).
 */
export { BATCHES_SOURCE_KEY as BATCH_HISTORY_SOURCE } from './observations';

/** Whether two label sets are equal (same names, same values). */
export function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export function statTile(cellId: string, metric: FamilyName, labels: Record<string, string>, title?: string): StatTile {
  return { id: `stat:${cellId}:${seriesKey(metric, labels)}`, type: 'stat', cellId, metric, labels: { ...labels }, ...(title ? { title } : {}) };
}

export function chartTile(cellId: string, chart: string, title?: string): ChartTile {
  return { id: `chart:${cellId}:${chart}`, type: 'chart', cellId, chart, ...(title ? { title } : {}) };
}

/** Where a tile lands when moved `by` places (−1 earlier, +1 later), stopping at the ends; −1 for an unknown id. */
export function movedIndex(tiles: readonly DashboardTile[], id: string, by: number): number {
  const from = tiles.findIndex((t) => t.id === id);
  return from < 0 ? -1 : Math.max(0, Math.min(tiles.length - 1, from + by));
}

/** What the live region says after a move (position 1-based): "Moved “Accuracy” to position 2 of 5." */
export function moveAnnouncement(title: string, index: number, count: number): string {
  return `Moved “${title}” to position ${index + 1} of ${count}.`;
}
