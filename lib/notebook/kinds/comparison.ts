import { compareModels, type CompareConfig } from '../../compare/compare-models';
import type { CompareResult } from '../../compare/types';
import { takeDatasetRows } from '../../data/frame';
import type { Dataset, DatasetMeta } from '../../data/types';
import { AnalysisError } from '../../errors';
import { labelColumn } from '../../metrics/model-columns';
import { byRole, required } from '../model-inputs';
import { need, type CellKindSpec, type ComputeOptions } from '../types';

/**
 * Model comparison cell (champion vs challenger): shadow (several prediction columns on the same
 * rows) or canary (one prediction column and the column naming the model that served each row),
 * optionally broken down by the values of a segment column. Columns default to their roles.
 */
export interface ComparisonCellConfig {
  mode?: 'shadow' | 'canary';
  target?: string;
  /** Shadow: the prediction columns, one per model (default: every column with the prediction role). */
  models?: string[];
  /** Shadow: one score column per model, in the same order (DeLong's test of their AUCs). */
  scores?: string[];
  /** Canary: the prediction column (default: by role) and the column naming the serving model. */
  prediction?: string;
  modelColumn?: string;
  posLabel?: string;
  task?: 'classification' | 'regression';
  /** Friedman blocks: the rows of each value of a column, or N row chunks. */
  blockColumn?: string;
  chunks?: number;
  bootstrap?: number;
  seed?: number;
  /** The comparison again within each value of this column (the largest MAX_SEGMENTS). */
  segmentBy?: string;
}

export interface ComparisonSegment {
  value: string;
  rows: number;
  result?: CompareResult;
  /** Why this segment could not be compared (e.g. one model served none of its rows). */
  error?: string;
}

export type ComparisonCellResult = CompareResult & {
  kind: 'comparison';
  /** The columns compared, after defaults by role. */
  columns: { target: string; models: string[]; scores: string[]; prediction: string | null; modelColumn: string | null };
  segments?: { column: string; groups: ComparisonSegment[]; omitted: number };
};

/** Segments beyond this many (by rows) are left out and counted. */
export const MAX_SEGMENTS = 12;

/** The compare config of a cell config on this dataset: defaults by role, then the checks compareModels does not make. */
export function toCompareConfig(dataset: Dataset, config: ComparisonCellConfig): CompareConfig {
  const target = required(config.target ?? byRole(dataset, 'target')[0], 'target', dataset);
  const base: CompareConfig = {
    target,
    ...(config.posLabel === undefined ? {} : { posLabel: config.posLabel }),
    ...(config.task ? { task: config.task } : {}),
    ...(config.blockColumn ? { blocks: { column: config.blockColumn } } : config.chunks ? { blocks: { chunks: config.chunks } } : {}),
    ...(config.bootstrap === undefined ? {} : { bootstrap: config.bootstrap }),
    ...(config.seed === undefined ? {} : { seed: config.seed }),
  };
  if (config.mode === 'canary') {
    const prediction = required(config.prediction ?? byRole(dataset, 'prediction')[0], 'prediction', dataset);
    if (!config.modelColumn) throw new AnalysisError('missing-model-column', 'model column: choose the column naming the model that served each row');
    return { ...base, canary: { prediction, modelColumn: config.modelColumn } };
  }
  const models = config.models?.length ? config.models : byRole(dataset, 'prediction');
  if (models.length < 2)
    throw new AnalysisError(
      'too-few-models',
      `models: ${models.length} prediction column${models.length === 1 ? '' : 's'} — choose two or more prediction columns (one per model), or the canary mode`,
    );
  return { ...base, models, ...(config.scores?.length ? { scores: config.scores } : {}) };
}

async function bySegment(
  dataset: Dataset,
  column: string,
  compare: CompareConfig,
  signal?: AbortSignal,
): Promise<NonNullable<ComparisonCellResult['segments']>> {
  const labels = labelColumn(dataset, column);
  const rowsOf = new Map<string, number[]>();
  labels.forEach((label, row) => {
    const key = label === null ? '(missing)' : String(label);
    let rows = rowsOf.get(key);
    if (!rows) rowsOf.set(key, (rows = []));
    rows.push(row);
  });
  // Largest first; equal sizes in name order, so the breakdown is the same on every run.
  const ordered = [...rowsOf].sort(([a, ra], [b, rb]) => rb.length - ra.length || (a < b ? -1 : a > b ? 1 : 0));
  const groups: ComparisonSegment[] = [];
  for (const [value, rows] of ordered.slice(0, MAX_SEGMENTS)) {
    signal?.throwIfAborted();
    const subset = takeDatasetRows(dataset, Uint32Array.from(rows));
    try {
      groups.push({ value, rows: rows.length, result: await compareModels(subset, compare, { signal }) });
    } catch (error) {
      if (error instanceof AnalysisError && !signal?.aborted) groups.push({ value, rows: rows.length, error: error.message });
      else throw error;
    }
  }
  return { column, groups, omitted: Math.max(0, ordered.length - MAX_SEGMENTS) };
}

export async function comparisonCell(dataset: Dataset, config: ComparisonCellConfig, options: ComputeOptions = {}): Promise<ComparisonCellResult> {
  const compare = toCompareConfig(dataset, config);
  const result = await compareModels(dataset, compare, { onProgress: options.onProgress, signal: options.signal });
  const columns = {
    target: compare.target,
    models: compare.models ?? [],
    scores: compare.scores ?? [],
    prediction: compare.canary?.prediction ?? null,
    modelColumn: compare.canary?.modelColumn ?? null,
  };
  const segments = config.segmentBy ? await bySegment(dataset, config.segmentBy, compare, options.signal) : undefined;
  return { ...result, kind: 'comparison', columns, ...(segments ? { segments } : {}) };
}

const hasColumn = (meta: DatasetMeta | undefined, name: string) => !meta || meta.schema.some((c) => c.name === name);

export const comparisonKind: CellKindSpec<'comparison', ComparisonCellConfig, ComparisonCellResult> = {
  kind: 'comparison',
  label: 'Model comparison',
  description: "Champion vs challenger (shadow or canary): McNemar, Cohen's κ, DeLong, paired bootstrap Δ, Wilcoxon, Friedman, a verdict with its numbers",
  inputs: { required: ['reference'], optional: [], labels: { reference: 'data' } },
  defaultConfig: () => ({}),
  validate(config, datasets) {
    const problems: string[] = [];
    const meta = datasets?.reference;
    if (config.mode === 'canary') {
      if (!config.modelColumn) problems.push('Canary: choose the column naming the model that served each row');
      if (config.modelColumn !== undefined && config.modelColumn === config.prediction)
        problems.push('The model column and the prediction are the same column');
    } else {
      if (config.models !== undefined && config.models.length === 1) problems.push('Choose two or more prediction columns (one per model)');
      if (config.scores?.length && config.models?.length && config.scores.length !== config.models.length)
        problems.push(`Give one score column per model (${config.models.length} models, ${config.scores.length} scores), in the same order`);
    }
    if (config.target !== undefined && (config.models?.includes(config.target) || config.prediction === config.target))
      problems.push('The target is also a prediction column: choose the prediction columns again');
    if (config.blockColumn !== undefined && config.chunks !== undefined) problems.push('Friedman blocks: a column or a number of chunks, not both');
    if (config.chunks !== undefined && !(Number.isInteger(config.chunks) && config.chunks >= 2)) problems.push('Chunks: a whole number, 2 or more');
    if (config.bootstrap !== undefined && !(Number.isInteger(config.bootstrap) && config.bootstrap >= 1))
      problems.push('Bootstrap resamples: a whole number, 1 or more');
    if (config.seed !== undefined && !(Number.isInteger(config.seed) && config.seed >= 0 && config.seed < 2 ** 32))
      problems.push('Seed: a whole number from 0 to 4294967295');
    const named = [
      config.target,
      ...(config.models ?? []),
      ...(config.scores ?? []),
      config.prediction,
      config.modelColumn,
      config.blockColumn,
      config.segmentBy,
    ];
    for (const name of named) if (name !== undefined && !hasColumn(meta, name)) problems.push(`Column "${name}" is not in the data: choose it again`);
    return problems;
  },
  compute: async (input, config, options) => comparisonCell(need(input, 'reference'), config, options),
  capabilities: { autoRun: true },
};
