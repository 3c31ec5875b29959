import type { Dataset } from '../../data/types';
import { AnalysisError } from '../../errors';
import { numberColumn, timestampColumn } from '../../metrics/model-columns';
import { computeOperationalMetrics, type OperationalResult } from '../../metrics/operational';
import type { WindowOption } from '../../metrics/time-windows';
import { formatCount } from '../../format';
import { byRole, columnsOf } from '../model-inputs';
import { need, type CellKindSpec } from '../types';
import type { Better, MetricRow, MetricUnit } from '../view/metric-rows';

export interface OperationalCellConfig {
  /** Latency column in milliseconds; default the first column whose name mentions latency. */
  latency?: string;
  timestamp?: string;
  slaMs?: number;
  window?: WindowOption;
}

export interface OperationalSide extends OperationalResult {
  name: string;
  rows: number;
}

export interface OperationalCellResult {
  kind: 'operational';
  columns: { latency: string; timestamp: string | null };
  slaMs: number;
  reference: OperationalSide;
  current?: OperationalSide;
}

const DEFAULT_SLA_MS = 200;

export function operationalCell(reference: Dataset, current: Dataset | undefined, config: OperationalCellConfig): OperationalCellResult {
  // By name only: a latency column with few distinct values is typed categorical, yet holds numbers.
  const latency = config.latency ?? reference.meta.schema.find((c) => /latency|duration|elapsed|response_?time/i.test(c.name))?.name;
  if (!latency)
    throw new AnalysisError(
      'missing-latency',
      `latency: no column chosen and none is named like latency in ${reference.meta.name} — choose the column holding latencies in ms (columns: ${columnsOf(reference.meta)})`,
    );
  const timestamp = config.timestamp ?? byRole(reference, 'timestamp')[0] ?? null;
  const slaMs = config.slaMs ?? DEFAULT_SLA_MS;
  const side = (d: Dataset): OperationalSide => {
    const has = timestamp !== null && d.meta.schema.some((c) => c.name === timestamp);
    const metrics = computeOperationalMetrics(numberColumn(d, latency), {
      slaMs,
      ...(has ? { timestamps: timestampColumn(d, timestamp) } : {}),
      window: config.window ?? 'auto',
    });
    return { ...metrics, name: d.meta.name, rows: d.table.numRows };
  };
  return { kind: 'operational', columns: { latency, timestamp }, slaMs, reference: side(reference), ...(current ? { current: side(current) } : {}) };
}

export const operationalKind: CellKindSpec<'operational', OperationalCellConfig, OperationalCellResult> = {
  kind: 'operational',
  label: 'Latency and throughput',
  description: 'Latency percentiles, share over an SLA, predictions per time window',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({ slaMs: DEFAULT_SLA_MS }),
  validate: (config) => (config.slaMs !== undefined && !(config.slaMs >= 0) ? ['The SLA is a latency in ms: 0 or more'] : []),
  compute: async (input, config) => operationalCell(need(input, 'reference'), input.current, config),
  capabilities: { autoRun: true },
};

const LATENCY: readonly [id: keyof OperationalSide, label: string, better: Better, unit: MetricUnit][] = [
  ['count', 'Latencies', null, 'count'],
  ['missing', 'Missing latencies', 'lower', 'count'],
  ['mean', 'Mean', 'lower', 'ms'],
  ['std', 'Standard deviation', null, 'ms'],
  ['min', 'Min', null, 'ms'],
  ['p50', 'p50 (median)', 'lower', 'ms'],
  ['p90', 'p90', 'lower', 'ms'],
  ['p95', 'p95', 'lower', 'ms'],
  ['p99', 'p99', 'lower', 'ms'],
  ['max', 'Max', 'lower', 'ms'],
  ['shareOverSla', 'Share over the SLA', 'lower', 'share'],
];

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Latency statistics of each side (numpy's conventions, see lib/metrics/operational.ts). */
export function operationalRows(result: OperationalCellResult): MetricRow[] {
  const { reference: ref, current: cur } = result;
  return LATENCY.map(([id, label, better, unit]) => ({
    id: id === 'shareOverSla' ? 'share_over_sla' : id,
    label,
    better,
    unit,
    reference: numberOrNull(ref[id]),
    ...(cur ? { current: numberOrNull(cur[id]) } : {}),
  }));
}

/** How a side's throughput was windowed, or why it has none. */
export function windowNote(side: OperationalSide): string {
  const t = side.throughput;
  if (!t) return 'no timestamps: throughput and latency over time need a timestamp column';
  const missing = t.missingTimestamps ? ` · ${formatCount(t.missingTimestamps)} rows without a timestamp left out` : '';
  return `${formatCount(t.windows.length)} windows of ${t.label}${t.auto ? ' (chosen automatically)' : ''} · throughput in predictions per ${t.rateUnit}${missing}`;
}
