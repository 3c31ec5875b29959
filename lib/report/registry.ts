import type { Table } from 'apache-arrow';
import { computeChartData } from '../charts/custom-chart-data';
import type { DatasetMeta } from '../data/types';
import { finishDrift, planDrift, runColumnTask, type ColumnTask, type DriftPlan } from '../drift/compute-drift';
import type { ColumnDriftResult, DriftConfig } from '../drift/types';
import { AnalysisError } from '../errors';
import { computeQuality } from '../quality/compute-quality';
import type { CellConfigs, CellKind, CellResults } from './cell-kinds';
import { driftConfigOf } from './drift-config';
import { classificationCell, estimatedCell, fairnessCell, operationalCell, regressionCell } from '../metrics/model-cells';

export interface OpenedDataset {
  meta: DatasetMeta;
  table: Table;
}

export interface ComputeContext {
  reference?: OpenedDataset;
  current?: OpenedDataset;
  onProgress?: (done: number, total: number) => void;
  /** Runs one planned drift column; the engine passes one that uses its cached reference profiles. */
  driftColumn?: (task: ColumnTask, plan: Pick<DriftPlan, 'config' | 'context'>) => Promise<ColumnDriftResult>;
}

export type InputSlot = 'reference' | 'current';

export interface CellKindSpec<K extends CellKind> {
  kind: K;
  /** Shown in the cell header and the add menu. */
  label: string;
  /** What the add menu says the cell does. */
  description: string;
  /** Datasets the compute needs; a note needs none. */
  inputs: readonly InputSlot[];
  /** Datasets it uses when given (data quality profiles one file, or two side by side). */
  optional?: readonly InputSlot[];
  defaultConfig(): CellConfigs[K];
  /** Absent for cells that compute nothing (a note renders its own text). */
  compute?(context: ComputeContext, config: CellConfigs[K]): Promise<CellResults[K]>;
}

function need(context: ComputeContext, slot: InputSlot): OpenedDataset {
  const dataset = context[slot];
  if (!dataset) throw new AnalysisError('missing-input', `this cell needs a ${slot} dataset — choose one in the cell's inputs`);
  return dataset;
}

async function drift(context: ComputeContext, config: DriftConfig) {
  const reference = need(context, 'reference');
  const current = need(context, 'current');
  const plan = planDrift(reference, current, config);
  const run =
    context.driftColumn ?? (async (task: ColumnTask, p: Pick<DriftPlan, 'config' | 'context'>) => runColumnTask(task, reference.table, current.table, p));
  const columns: ColumnDriftResult[] = [];
  for (const task of plan.tasks) {
    columns.push(await run(task, plan));
    context.onProgress?.(columns.length, plan.tasks.length);
  }
  return finishDrift(reference.meta, current.meta, plan, columns);
}

type Registry = { [K in CellKind]: CellKindSpec<K> };

/** kind → what the cell computes. The components registry maps the same kinds to their cell components. */
export const CELL_REGISTRY: Registry = {
  drift: {
    kind: 'drift',
    label: 'Data drift',
    description: 'Every column tested for drift, dataset drift verdict, distributions',
    inputs: ['reference', 'current'],
    defaultConfig: () => ({}),
    compute: drift,
  },
  column: {
    kind: 'column',
    label: 'Column detail',
    description: "One column's distribution and every applicable drift test",
    inputs: ['reference', 'current'],
    defaultConfig: () => ({ methods: 'all' }),
    async compute(context, config) {
      return drift(context, driftConfigOf('column', config)!);
    },
  },
  quality: {
    kind: 'quality',
    label: 'Data quality',
    description: 'Missing values, ranges, categories and duplicates, side by side',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({}),
    async compute(context) {
      return computeQuality(need(context, 'reference'), context.current);
    },
  },
  note: {
    kind: 'note',
    label: 'Note',
    description: 'Markdown text for the reader of the notebook or report',
    inputs: [],
    defaultConfig: () => ({ markdown: '' }),
  },
  chart: {
    kind: 'chart',
    label: 'Chart',
    description: 'Histogram, bars, line over time, scatter or box of chosen columns',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({ mark: 'histogram', sides: 'both' }),
    async compute(context, config) {
      return computeChartData(context.reference, context.current, config);
    },
  },
  classification: {
    kind: 'classification',
    label: 'Classification quality',
    description: 'Accuracy, precision, recall, F1, ROC/PR curves, calibration, confusion matrix (sklearn-exact)',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({}),
    async compute(context, config) {
      return classificationCell(need(context, 'reference'), context.current, config);
    },
  },
  regression: {
    kind: 'regression',
    label: 'Regression quality',
    description: 'Mean error, MAE, RMSE, MAPE, R², residuals (sklearn-exact)',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({}),
    async compute(context, config) {
      return regressionCell(need(context, 'reference'), context.current, config);
    },
  },
  operational: {
    kind: 'operational',
    label: 'Latency and throughput',
    description: 'Latency percentiles, share over an SLA, predictions per time window',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({ slaMs: 200 }),
    async compute(context, config) {
      return operationalCell(need(context, 'reference'), context.current, config);
    },
  },
  estimated: {
    kind: 'estimated',
    label: 'Estimated performance',
    description: 'Accuracy, F1 and ROC AUC estimated without labels (NannyML CBPE), vs realized',
    inputs: ['reference', 'current'],
    defaultConfig: () => ({ chunks: 8 }),
    async compute(context, config) {
      return estimatedCell(need(context, 'reference'), need(context, 'current'), config);
    },
  },
  fairness: {
    kind: 'fairness',
    label: 'Fairness',
    description: 'Per-group rates, demographic parity, equalized odds (Fairlearn), disparities, mitigation',
    inputs: ['reference'],
    optional: ['current'],
    defaultConfig: () => ({}),
    async compute(context, config) {
      return fairnessCell(need(context, 'reference'), context.current, config);
    },
  },
};

/** The spec of a kind, with its config type erased (callers hold a CellRecord's union config). */
export function cellSpec(kind: CellKind): CellKindSpec<CellKind> {
  const spec = CELL_REGISTRY[kind] as unknown as CellKindSpec<CellKind> | undefined;
  if (!spec) throw new AnalysisError('unknown-cell-kind', `unknown cell kind: ${kind}`);
  return spec;
}
