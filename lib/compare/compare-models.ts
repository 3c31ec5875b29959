/**
 * Champion vs challenger (issue 17): per-model metrics, per-pair agreement, Cohen's kappa,
 * McNemar, DeLong, paired bootstrap deltas, Wilcoxon / paired t (regression), Friedman over
 * blocks, and a verdict with its rule and numbers. Shadow: several prediction columns on the same
 * rows; canary: one prediction column and a column naming the model that served each row.
 */
import type { Dataset } from '../data/types';
import type { CompareResult } from './types';

export interface CompareConfig {
  /** The target column. */
  target: string;
  /** Shadow mode: prediction columns, one per model, on the same rows (pairs in this order). */
  models?: string[];
  /** Canary mode: one prediction column and the column naming the model that served each row. */
  canary?: { prediction: string; modelColumn: string };
  /** Shadow: one score column per model (binary: the positive class's score), same order as `models`. */
  scores?: string[];
  posLabel?: string | number | boolean;
  /** 'classification' (binary or multiclass from the labels) or 'regression'; default decided from the target. */
  task?: 'classification' | 'regression';
  /** Blocks for the Friedman test: the rows of each value of a column, or N row chunks (numpy array_split). */
  blocks?: { column: string } | { chunks: number };
  /** Paired bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** Seed of numpy's RandomState for the bootstrap (default 42). */
  seed?: number;
}

export interface CompareOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Compares the models of `dataset` (implementation follows). */
export async function compareModels(dataset: Dataset, config: CompareConfig, options: CompareOptions = {}): Promise<CompareResult> {
  void dataset;
  void config;
  void options;
  throw new Error('compareModels: not implemented yet');
}
