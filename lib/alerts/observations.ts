/**
 * What rules evaluate: observations of a cell's run, of each window of a timeline, of each batch
 * of the history. Each has a time (`at`, ISO 8601 UTC) and a source whose `key` names one
 * sequence for the `for` clock: `cell:<id>` for a cell's runs and for a timeline cell's windows
 * (a timeline gives no run samples of its own), `batches` for the batch history.
 */
import type { BatchSummary } from '../notebook/batch-summary';
import type { TimelineCellResult, TimelineWindow } from '../notebook/kinds/timeline';
import { scalarSample } from './scalar-samples';
import { orderSamples, samplesOf } from './samples';
import type { Observation, Sample } from './types';

export const cellSourceKey = (cellId: string): string => `cell:${cellId}`;
export const BATCHES_SOURCE_KEY = 'batches';

/** An instant as UTC ISO 8601 (a window's local time with its offset, a batch's date); the text itself when it does not parse. */
const utc = (time: string): string => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
};

const driftLabels = (column: string, method: string | null): Record<string, string> => (method ? { column, method } : { column });

interface CellAbout {
  id: string;
  title?: string;
}

const cellSource = (workspaceId: string, cell: CellAbout & { kind?: string }) => ({
  workspaceId,
  key: cellSourceKey(cell.id),
  cellId: cell.id,
  ...(cell.title ? { cellTitle: cell.title } : {}),
  ...(cell.kind ? { kind: cell.kind } : {}),
});

/** One run of a cell: every catalogue sample its result offers, at the time it was computed. */
export function cellObservation(workspaceId: string, cell: CellAbout & { kind: string }, result: unknown, at: string): Observation {
  return { at: utc(at), source: cellSource(workspaceId, cell), samples: samplesOf(cell.kind, result) };
}

/** A window's samples: the scalar's series, then each heatmap column's score and verdict (dataset drift: its verdict). */
function windowSamples(result: TimelineCellResult, w: TimelineWindow, settings: Record<string, unknown>): Sample[] {
  const { id, column } = result.scalar;
  const heatmap = result.heatmap;
  const method = column !== undefined ? heatmap?.columns.find((c) => c.name === column)?.method : undefined;
  const scalarSettings = method ? { ...settings, columnMethods: { [column!]: method } } : settings;
  const out: Sample[] = [scalarSample(id, column, w.value, scalarSettings)];
  if (id === 'dataset_drift_share' && w.value !== null) out.push({ metric: 'dataset_drift_detected', labels: {}, value: w.crossed ? 1 : 0 });
  heatmap?.columns.forEach((c, i) => {
    const score = heatmap.scores[i]?.[w.index] ?? null;
    if (score === null) return;
    const labels = driftLabels(c.name, c.method);
    out.push({ metric: 'column_drift_score', labels, value: score });
    out.push({ metric: 'column_drift_detected', labels, value: heatmap.drifted[i]?.[w.index] ? 1 : 0 });
  });
  return orderSamples(out);
}

/**
 * One observation per window of a timeline, in window order. `at` is the window's end (the first
 * instant after it) for calendar periods; row and count windows have no time of their own, so
 * they all carry `computedAt` (the cell's run time) and keep their order: a duration `for` other
 * than 0s cannot elapse between them — give such rules `{consecutive: N}`. Windows the timeline
 * greys (fewer rows than its minimum, empty ones included) are not evaluated: they neither extend
 * nor break a run. `settings`: the timeline's scalar settings (its drift method, sensitive columns).
 */
export function windowObservations(
  workspaceId: string,
  cell: CellAbout,
  result: TimelineCellResult,
  computedAt = '1970-01-01T00:00:00.000Z',
  settings: Record<string, unknown> = {},
): Observation[] {
  const base = cellSource(workspaceId, { ...cell, kind: 'timeline' });
  return result.windows
    .filter((w) => !w.small)
    .map((w) => ({
      at: utc(w.end ?? computedAt),
      source: {
        ...base,
        window: { index: w.index, label: w.label, ...(w.start === undefined ? {} : { start: w.start }), ...(w.end === undefined ? {} : { end: w.end }) },
      },
      samples: windowSamples(result, w, settings),
    }));
}

/** A batch's samples: the dataset's drift share, verdict and drifted columns, its rows and missing share, each column's score and verdict. */
function batchSamples(summary: BatchSummary): Sample[] {
  const current = { dataset: 'current' };
  const out: Sample[] = [
    { metric: 'dataset_drift_share', labels: {}, value: summary.driftShare },
    { metric: 'dataset_drift_detected', labels: {}, value: summary.datasetDrifted ? 1 : 0 },
    { metric: 'dataset_drifted_columns', labels: {}, value: summary.driftedColumns },
    { metric: 'dataset_rows', labels: current, value: summary.rows },
    { metric: 'dataset_missing_share', labels: current, value: summary.missingShare },
  ];
  for (const c of summary.columns) {
    const labels = driftLabels(c.name, c.method);
    out.push({ metric: 'column_drift_score', labels, value: c.score }, { metric: 'column_drift_detected', labels, value: c.drifted ? 1 : 0 });
  }
  return orderSamples(out);
}

/** One observation per batch, by date (then in the order given), at the batch's date; source key `batches`. */
export function batchObservations(workspaceId: string, batches: readonly { id: string; date: string; name?: string; summary: BatchSummary }[]): Observation[] {
  return batches
    .map((b, i) => ({ b, i, t: Date.parse(b.date) }))
    .sort((x, y) => (Number.isNaN(x.t) || Number.isNaN(y.t) ? 0 : x.t - y.t) || x.i - y.i)
    .map(({ b }) => ({
      at: utc(b.date),
      source: { workspaceId, key: BATCHES_SOURCE_KEY, batch: { id: b.id, date: b.date, ...(b.name ? { name: b.name } : {}) } },
      samples: batchSamples(b.summary),
    }));
}
