import type { Dataset } from '../../data/types';
import { formatScore } from '../../format';
import { MULTIVARIATE_METHODS, multivariateDrift, type MultivariateConfig, type MultivariateResult } from '../../multivariate/multivariate';
import type { MultivariateChunk } from '../../multivariate/reconstruction';
import { PERIODS } from '../../stream/windows';
import { need, type CellKindSpec } from '../types';

/** The cell's settings are the analysis's (lib/multivariate/multivariate.ts). */
export type MultivariateCellConfig = MultivariateConfig;

export interface MultivariateCellResult {
  kind: 'multivariate';
  reference: { name: string; rows: number };
  current: { name: string; rows: number };
  drift: MultivariateResult;
}

const whole = (x: number | undefined, min: number, max: number) => x === undefined || (Number.isInteger(x) && x >= min && x <= max);

export function multivariateProblems(config: MultivariateCellConfig): string[] {
  const problems: string[] = [];
  if (config.method !== undefined && !MULTIVARIATE_METHODS.includes(config.method)) problems.push(`Method: ${String(config.method)} — use pca or classifier`);
  if (config.variance !== undefined && !(config.variance > 0 && config.variance < 1)) problems.push('Variance kept: a share between 0 and 1 (e.g. 0.65)');
  if (!whole(config.chunkSize, 1, Number.MAX_SAFE_INTEGER)) problems.push('Chunk size: a whole number of rows, 1 or more');
  if (!whole(config.chunks, 1, 1000)) problems.push('Chunks: a whole number from 1 to 1000');
  if (config.period !== undefined && !PERIODS.includes(config.period)) problems.push(`Period: ${String(config.period)} — use ${PERIODS.join(', ')}`);
  if (config.columns !== undefined && config.columns.length === 1) problems.push('Columns: choose 2 or more (or none for every feature)');
  const folds = config.classifier?.folds;
  if (!whole(folds, 2, 20)) problems.push('Folds: a whole number from 2 to 20');
  const repeats = config.classifier?.repeats;
  if (!whole(repeats, 1, 50)) problems.push('Permutation repeats: a whole number from 1 to 50');
  return problems;
}

export async function multivariateCell(
  reference: Dataset,
  current: Dataset,
  config: MultivariateCellConfig,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<MultivariateCellResult> {
  return {
    kind: 'multivariate',
    reference: { name: reference.meta.name, rows: reference.table.numRows },
    current: { name: current.meta.name, rows: current.table.numRows },
    drift: await multivariateDrift(reference, current, config, options),
  };
}

export const multivariateKind: CellKindSpec<'multivariate', MultivariateCellConfig, MultivariateCellResult> = {
  kind: 'multivariate',
  label: 'Multivariate drift',
  description: 'Drift no single column shows: PCA reconstruction error per chunk (NannyML) or a domain classifier’s AUC',
  inputs: { required: ['reference', 'current'], optional: [] },
  defaultConfig: () => ({ method: 'pca' }),
  validate: (config) => multivariateProblems(config),
  compute: async (input, config, options) => multivariateCell(need(input, 'reference'), need(input, 'current'), config, options),
  capabilities: { autoRun: true },
};

/** What the method measures, in one line (cell and report). */
export function multivariateNote(drift: MultivariateResult): string {
  if (drift.method === 'pca')
    return `PCA reconstruction error (NannyML): ${drift.components} component(s) keep ${formatScore(drift.variance ?? 0)} of the reference variance; thresholds are the reference chunks' mean ± 3 std`;
  const s = drift.classifier!;
  return `Domain classifier: logistic regression (L2, C = ${s.c}), ${s.folds}-fold stratified CV (seed ${s.seed}), ROC AUC ${formatScore(drift.auc ?? 0.5)} (0.5: no drift); importance: AUC drop when a feature is shuffled (${s.repeats} repeats); thresholds 0.45–0.65 (NannyML's default)`;
}

export interface MultivariateChunkRow {
  chunk: string;
  rows: number;
  value: number | null;
  alert: boolean;
}

const chunkName = (c: MultivariateChunk) => c.label ?? `rows ${String(c.start)}–${String(c.end)}`;

/** Current chunks as table rows (cell and report). */
export function multivariateChunkRows(drift: MultivariateResult): MultivariateChunkRow[] {
  return drift.current.chunks.map((c) => ({ chunk: chunkName(c), rows: c.rows, value: c.value, alert: c.alert ?? false }));
}

/** The number of current chunks that alert. */
export const multivariateAlerts = (drift: MultivariateResult): number => drift.current.chunks.filter((c) => c.alert).length;
