/**
 * Champion vs challenger (issue 17): per-model metrics, per-pair agreement, Cohen's kappa,
 * McNemar, DeLong, bootstrap intervals of each metric difference, Wilcoxon / paired t
 * (regression), Friedman over blocks, and a verdict with its rule and numbers. Shadow: several
 * prediction columns on the same rows; canary: one prediction column and a column naming the model
 * that served each row. Pairs are every (a, b) with a before b in the models' order; every
 * difference, z and paired test is a − b. Definitions: README "Model comparison (definitions)".
 */
import type { Dataset } from '../data/types';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../metrics/bootstrap';
import { readCompareInput } from './compare-input';
import { friedmanOverBlocks } from './friedman-blocks';
import { deltaMetrics, modelMetrics } from './model-metrics';
import { allPairDeltas, pairIndexes } from './paired-bootstrap';
import { pairStatistics } from './pairs';
import type { CompareResult, PairComparison } from './types';
import { verdictOf } from './verdict';

export interface CompareConfig {
  /** The target column. */
  target: string;
  /** Shadow mode: prediction columns, one per model, on the same rows (pairs in this order; the first is the champion). */
  models?: string[];
  /** Canary mode: one prediction column and the column naming the model that served each row (models in sorted order). */
  canary?: { prediction: string; modelColumn: string };
  /** Shadow, binary: one score column per model (the positive class's score), same order as `models`. */
  scores?: string[];
  posLabel?: string | number | boolean;
  /** 'classification' (binary or multiclass from the labels) or 'regression'; default decided from the target. */
  task?: 'classification' | 'regression';
  /** Blocks for the Friedman test: the rows of each value of a column, or N row chunks (numpy array_split). */
  blocks?: { column: string } | { chunks: number };
  /** Bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** Seed of numpy's RandomState for the bootstrap (default 42). */
  seed?: number;
}

export interface CompareOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Yields to the event loop so a cancel can land before and after the bootstrap. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function compareModels(dataset: Dataset, config: CompareConfig, options: CompareOptions = {}): Promise<CompareResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const resamples = config.bootstrap ?? DEFAULT_RESAMPLES;
  const seed = config.seed ?? DEFAULT_SEED;
  const input = readCompareInput(dataset, config);
  const { sides, warnings } = input;
  const models = sides.map((side) => ({ name: side.name, n: side.rows.length, metrics: modelMetrics(input, side) }));
  const bootstrap = allPairDeltas(
    input,
    deltaMetrics(input),
    models.map((m) => m.metrics),
    { resamples, seed, ...(onProgress ? { onProgress } : {}) },
  );
  await tick();
  signal?.throwIfAborted();
  const pairs: PairComparison[] = pairIndexes(sides.length).map(([i, j], p) => {
    const [a, b] = [sides[i]!, sides[j]!];
    return { a: a.name, b: b.name, ...pairStatistics(input, a, b, warnings), deltas: bootstrap.deltas[p]! };
  });
  const friedman = config.blocks ? friedmanOverBlocks(dataset, input, config.blocks, warnings) : undefined;
  const rows = input.mode === 'shadow' ? sides[0]!.rows.length : sides.reduce((s, side) => s + side.rows.length, 0);
  const task = input.task === 'regression' ? 'regression' : 'classification';
  const withIntervals = models.map((m, i) => ({ ...m, ci: bootstrap.models[i]! }));
  const result = { schemaVersion: 1 as const, task, mode: input.mode, rows, models: withIntervals, pairs } as const;
  return {
    ...result,
    ...(friedman ? { friedman } : {}),
    bootstrap: { resamples, seed },
    verdict: verdictOf(result),
    warnings,
  };
}
