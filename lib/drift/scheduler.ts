import { AnalysisError } from '../errors';
import type { ColumnTask, DriftPlan } from './compute-drift';
import type { ColumnDriftResult } from './types';

export interface DriftScheduleOptions {
  /** How many `runTask` calls may run at once (default 1): a host's worker count. */
  concurrency?: number;
  /** Called after each column with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects at once with AnalysisError code "aborted"; no further task starts. */
  signal?: AbortSignal;
}

const cancelled = () => new AnalysisError('aborted', 'drift cancelled');

/**
 * The one scheduling loop every drift host uses: `count` units of work run `concurrency` at a time,
 * each on a lane (a host binds a lane to one of its workers), results in index order whatever order
 * they finish in; progress adds each unit's weight (a unit may be a range of columns). The first
 * error rejects the run and stops new units from starting (units already running are left to finish).
 */
export async function runScheduled<T>(
  count: number,
  run: (index: number, lane: number) => Promise<T>,
  { concurrency = 1, onProgress, signal, weight }: DriftScheduleOptions & { weight?: (index: number) => number } = {},
): Promise<T[]> {
  if (signal?.aborted) throw cancelled();
  const results = new Array<T>(count);
  let total = 0;
  for (let i = 0; i < count; i++) total += weight ? weight(i) : 1;
  let next = 0;
  let done = 0;
  let stopped = false;

  const lane = async (_: unknown, laneIndex: number): Promise<void> => {
    while (!stopped && next < count) {
      const index = next++;
      results[index] = await run(index, laneIndex);
      if (stopped) return;
      done += weight ? weight(index) : 1;
      onProgress?.(done, total);
    }
  };

  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, count));
  try {
    await Promise.race([Promise.all(Array.from({ length: lanes }, lane)), aborted]);
    return results;
  } finally {
    stopped = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** A drift plan's column tasks through runScheduled: one unit per column, results in plan order. */
export function runDriftPlan(
  plan: Pick<DriftPlan, 'tasks'>,
  runTask: (task: ColumnTask, index: number, lane: number) => Promise<ColumnDriftResult>,
  options: DriftScheduleOptions = {},
): Promise<ColumnDriftResult[]> {
  return runScheduled(plan.tasks.length, (index, lane) => runTask(plan.tasks[index]!, index, lane), options);
}
