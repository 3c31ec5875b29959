/**
 * The "Change detection" cell: one sequential detector (lib/stream/detectors, River 0.26's and CUSUM)
 * over one column, in time order when a timestamp column is given. `driftbook detect` builds this
 * config from its flags and prints the result's detections and warnings.
 */
import type { DatasetMeta } from '../../data/types';
import { AnalysisError } from '../../errors';
import { formatScore } from '../../format';
import { detectChanges, type ChangeDetectionResult } from '../../stream/detect';
import { DETECTOR_IDS, DETECTORS, isDetectorId, parseDetectorParams, type RawDetectorParams } from '../../stream/detectors/index';
import { need, type CellKindSpec } from '../types';

export interface ChangeCellConfig {
  /** The monitored column (numeric; 0/1 or boolean errors for the binary detectors). */
  column?: string;
  /** A detector id: page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, cusum. */
  detector: string;
  /** River's constructor arguments, as typed or as text; absent ones take River's defaults. */
  params?: RawDetectorParams;
  /** A timestamp column: the rows are fed in its (stable) time order. */
  orderBy?: string;
}

/**
 * The detector's run: `detections` and `warnings` are the stream positions (with their data row and, when
 * ordered, timestamp) whose update left a drift or a warning — River's names, so `warnings` here are
 * detector warnings, not notes; `series` summarises the stream for the chart.
 */
export interface ChangeCellResult extends ChangeDetectionResult {
  kind: 'change';
  data: { name: string; rows: number };
  label: string;
  series: NonNullable<ChangeDetectionResult['series']>;
}

/** Buckets drawn in the chart: enough for a 1000-pixel line, small enough for the stored result. */
export const CHANGE_SERIES_POINTS = 800;

const DEFAULT_DETECTOR = 'page_hinkley';

function columnProblem(meta: DatasetMeta | undefined, name: string, what: string): string | undefined {
  if (!meta || meta.schema.some((c) => c.name === name)) return undefined;
  return `${what}: ${name} is not a column of ${meta.name}`;
}

export const changeKind: CellKindSpec<'change', ChangeCellConfig, ChangeCellResult> = {
  kind: 'change',
  label: 'Change detection',
  description: "A sequential drift detector (River's Page-Hinkley, ADWIN, KSWIN, DDM, EDDM, HDDM; CUSUM) over one column, in time order",
  inputs: { required: ['reference'], optional: [] },
  defaultConfig(datasets) {
    const meta = datasets?.reference;
    const role = (name: string) => meta?.roles?.[name];
    const monitorable = (type: string) => meta?.schema.find((c) => c.type === type && role(c.name) !== 'id' && role(c.name) !== 'timestamp')?.name;
    // A 0/1 error column is often read as categorical: it is chosen by hand (its values are not known here).
    const column = monitorable('numeric') ?? monitorable('boolean');
    const orderBy = (meta?.schema.find((c) => role(c.name) === 'timestamp') ?? meta?.schema.find((c) => c.type === 'datetime'))?.name;
    return { detector: DEFAULT_DETECTOR, params: {}, ...(column ? { column } : {}), ...(orderBy ? { orderBy } : {}) };
  },
  validate(config, datasets) {
    const problems: string[] = [];
    const meta = datasets?.reference;
    if (!config.column) problems.push('Column: choose the values to monitor');
    else {
      const missing = columnProblem(meta, config.column, 'Column');
      if (missing) problems.push(missing);
    }
    if (!isDetectorId(config.detector)) problems.push(`Detector: ${config.detector} is not one of ${DETECTOR_IDS.join(', ')}`);
    else {
      try {
        parseDetectorParams(config.detector, config.params ?? {});
      } catch (error) {
        problems.push(`Parameters: ${(error as Error).message}`);
      }
    }
    if (config.orderBy !== undefined) {
      const missing = columnProblem(meta, config.orderBy, 'Order by');
      if (missing) problems.push(missing);
      else if (config.orderBy === config.column) problems.push('Order by: choose a timestamp column other than the monitored one');
    }
    return problems;
  },
  compute: async (input, config, options) => {
    const dataset = need(input, 'reference');
    // A new cell on a dataset without a numeric column has none yet (it runs at once).
    if (!config.column) throw new AnalysisError('missing-column', "no column to monitor — choose one in the cell's settings");
    const result = detectChanges(
      dataset,
      { column: config.column, detector: config.detector, params: config.params ?? {}, ...(config.orderBy === undefined ? {} : { orderBy: config.orderBy }) },
      { seriesPoints: CHANGE_SERIES_POINTS, ...(options?.signal ? { signal: options.signal } : {}) },
    );
    return {
      kind: 'change',
      data: { name: dataset.meta.name, rows: dataset.table.numRows },
      label: DETECTORS[result.detector as keyof typeof DETECTORS].label,
      ...result,
      series: result.series ?? [],
    };
  },
  capabilities: { autoRun: true },
};

/** The parameters as one line, `name = value`, in the detector's order. */
export function paramsNote(result: Pick<ChangeCellResult, 'params'>): string {
  return Object.entries(result.params)
    .map(([name, value]) => `${name} = ${typeof value === 'number' ? formatScore(value) : String(value)}`)
    .join(' · ');
}

/** Consecutive warning positions as runs [first, last], for a chart band or a list. */
export function warningRuns(result: Pick<ChangeCellResult, 'warnings'>): [first: number, last: number][] {
  const runs: [number, number][] = [];
  for (const { index } of result.warnings) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}

/** One sentence: how many drifts and warning positions, on how many values. */
export function changeSummary(result: ChangeCellResult): string {
  const drifts = result.detections.length;
  const runs = warningRuns(result).length;
  const warned = result.warnings.length;
  const order = result.orderBy ? ' in time order' : '';
  const warnText = warned ? `; warnings at ${warned} position${warned === 1 ? '' : 's'} in ${runs} run${runs === 1 ? '' : 's'}` : '';
  return `${drifts} drift${drifts === 1 ? '' : 's'} in ${result.count} values${order}${warnText}`;
}

/** A drift, or a run of consecutive warning positions: one row of the cell's and the report's event table. */
export interface ChangeEvent {
  type: 'drift' | 'warning';
  /** Stream positions, first and last (equal for a drift). */
  first: number;
  last: number;
  /** 1-based data row of the first position, as messages name rows. */
  row: number;
  from?: string;
  to?: string;
}

/** Drifts and warning runs in stream order (a drift sorts before a warning run starting at the same position). */
export function changeEvents(result: Pick<ChangeCellResult, 'detections' | 'warnings'>): ChangeEvent[] {
  const byIndex = new Map(result.warnings.map((w) => [w.index, w]));
  const events: ChangeEvent[] = result.detections.map((d) => ({
    type: 'drift',
    first: d.index,
    last: d.index,
    row: d.row + 1,
    ...(d.timestamp ? { from: d.timestamp, to: d.timestamp } : {}),
  }));
  for (const [first, last] of warningRuns(result)) {
    const a = byIndex.get(first)!;
    const b = byIndex.get(last)!;
    events.push({ type: 'warning', first, last, row: a.row + 1, ...(a.timestamp && b.timestamp ? { from: a.timestamp, to: b.timestamp } : {}) });
  }
  return events.sort((p, q) => p.first - q.first || (p.type === q.type ? 0 : p.type === 'drift' ? -1 : 1));
}
