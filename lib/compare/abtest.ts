/**
 * A/B test of user-interaction metrics (issue 17): per variant rate (Wilson interval) and mean,
 * each variant vs the control (Newcombe difference, ratio lift, pooled z, Holm, Welch, Mann–Whitney),
 * sample-ratio mismatch, planning and rate per time window.
 */
import type { Dataset } from '../data/types';
import type { Period } from '../stream/windows';
import type { AbTestResult } from './types';

export interface AbTestConfig {
  /** Column naming each row's variant. */
  variant: string;
  /** The control variant; default the first variant in sorted order. */
  control?: string;
  /** Binary outcome column (0/1, true/false). */
  binary?: string;
  /** Numeric outcome column (revenue, dwell time). */
  numeric?: string;
  /** Timestamp column: rate per variant per window. */
  timestamp?: string;
  /** Calendar period of the windows (default day) when `timestamp` is given. */
  period?: Period;
  /** Time zone of the windows (IANA; default UTC). */
  timeZone?: string;
  /** Planned share per variant name (any positive weights; default equal). */
  plannedSplit?: Record<string, number>;
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
  /** Power for planning (default 0.8). */
  power?: number;
  /** Absolute difference in rate to plan the sample size for (n per group). */
  effect?: number;
}

export interface AbTestOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Runs the A/B test on `dataset` (implementation follows). */
export async function abTest(dataset: Dataset, config: AbTestConfig, options: AbTestOptions = {}): Promise<AbTestResult> {
  void dataset;
  void config;
  void options;
  throw new Error('abTest: not implemented yet');
}
