/**
 * A dashboard tile resolved against the workspace: its title, where it comes from, and either its
 * numbers (a stat tile over the history of its source) or its chart builder — or, when it cannot
 * be shown, why (cell deleted, not run, series gone). The app's Dashboard tab and the exported
 * dashboard render the same resolved tiles, so they show the same numbers.
 */
import { statView, type StatView } from '../alerts/dashboard';
import { BATCH_HISTORY_SOURCE } from '../alerts/dashboard-tiles';
import type { AlertRule, DashboardTile, FamilyName, Observation } from '../alerts/types';
import type { CellBase } from '../notebook/cell-record';
import { isKnownKind, type CellKind } from '../notebook/registry';
import { cellCharts, type CellChart, type ChartSource } from './dashboard-charts';

/** What a stat tile's history runs over: a timeline's windows, the batch history, or the cell's logged runs. */
export type TileHistoryKind = 'windows' | 'batches' | 'runs';

export interface TileHistory {
  over: TileHistoryKind;
  /** Oldest first. */
  observations: Observation[];
}

/** A notebook cell as the dashboard reads it (a CellRecord is one). */
export type DashboardCell = Pick<CellBase, 'id' | 'title'> & ChartSource<CellKind>;

export interface DashboardInputs {
  cells: readonly DashboardCell[];
  /** By cell id, and BATCH_HISTORY_SOURCE for the batch history. */
  histories: Readonly<Record<string, TileHistory>>;
  rules: readonly AlertRule[];
}

export interface ResolvedTile {
  tile: DashboardTile;
  title: string;
  /** The cell's title, or "Batch history". */
  source: string;
  /** A stat tile's series, as `column=a · method=psi`. */
  series?: string;
  stat?: StatView & { over: TileHistoryKind };
  chart?: CellChart;
  /** Why the tile shows nothing. */
  problem?: string;
}

const OVER_TEXT: Record<TileHistoryKind, string> = { windows: 'windows', batches: 'batches', runs: 'logged runs' };

/** "over 12 windows", "over 3 logged runs". */
export const overText = (over: TileHistoryKind, count: number): string => `over ${count} ${count === 1 ? OVER_TEXT[over].replace(/s$/, '') : OVER_TEXT[over]}`;

/** `model_metric` → "Model metric". */
export const familyTitle = (metric: FamilyName): string => metric.charAt(0).toUpperCase() + metric.slice(1).replace(/_/g, ' ');

/** A stat tile's default title: the family, and the label that says most (`Model metric: accuracy`, `Column drift score: age`). */
export function statTitle(metric: FamilyName, labels: Record<string, string>): string {
  const key = labels.metric ?? labels.column ?? labels.quantile ?? labels.series ?? labels.suite;
  return key === undefined ? familyTitle(metric) : `${familyTitle(metric)}: ${key}`;
}

/** A series' labels as a reader names them: `metric=accuracy · dataset=current` (empty for none). */
export const labelsText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(' · ');

function resolveStat(
  tile: Extract<DashboardTile, { type: 'stat' }>,
  source: string,
  history: TileHistory | undefined,
  rules: readonly AlertRule[],
): ResolvedTile {
  const base = { tile, source, title: tile.title ?? statTitle(tile.metric, tile.labels), series: labelsText(tile.labels) };
  if (!history || history.observations.length === 0) return { ...base, problem: 'No numbers yet: run the cell.' };
  const view = statView(tile.metric, tile.labels, history.observations, rules);
  if (view.points.every((p) => p.value === null))
    return { ...base, stat: { ...view, over: history.over }, problem: 'This series is not in the latest results.' };
  return { ...base, stat: { ...view, over: history.over } };
}

/** One tile resolved against the workspace's cells, histories and rules. */
export function resolveTile(tile: DashboardTile, { cells, histories, rules }: DashboardInputs): ResolvedTile {
  if (tile.cellId === BATCH_HISTORY_SOURCE && tile.type === 'stat') return resolveStat(tile, 'Batch history', histories[BATCH_HISTORY_SOURCE], rules);
  const cell = cells.find((c) => c.id === tile.cellId);
  if (!cell)
    return {
      tile,
      title: tile.title ?? (tile.type === 'stat' ? statTitle(tile.metric, tile.labels) : 'Chart'),
      source: 'Deleted cell',
      problem: 'Its cell was deleted: unpin it.',
    };
  if (tile.type === 'stat') return resolveStat(tile, cell.title, histories[cell.id], rules);
  // A kind this version does not know (a newer backup's) has no charts here, never a crash.
  const charts = isKnownKind(cell.kind) ? cellCharts(cell) : [];
  const chart = charts.find((c) => c.id === tile.chart) ?? (tile.chart === undefined ? charts[0] : undefined);
  const title = tile.title ?? chart?.label ?? 'Chart';
  if (!chart)
    return { tile, title, source: cell.title, problem: cell.result === undefined ? 'No chart yet: run the cell.' : 'This chart is not in the latest result.' };
  return { tile, title, source: cell.title, chart };
}
