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
 * The one drift loop (plan → column tasks → results): every host (computeDrift, the browser's
 * worker pool, the CLI's worker_threads) passes how one column is run; this decides when.
 * Results come back in plan order, whatever order the tasks finish in. The first task error
 * rejects the run and stops new tasks from starting (tasks already running are left to finish).
 */
export async function runDriftPlan(
  plan: Pick<DriftPlan, 'tasks'>,
  runTask: (task: ColumnTask, index: number) => Promise<ColumnDriftResult>,
  { concurrency = 1, onProgress, signal }: DriftScheduleOptions = {},
): Promise<ColumnDriftResult[]> {
  if (signal?.aborted) throw cancelled();
  const { tasks } = plan;
  const results = new Array<ColumnDriftResult>(tasks.length);
  let next = 0;
  let done = 0;
  let stopped = false;

  const lane = async (): Promise<void> => {
    while (!stopped && next < tasks.length) {
      const index = next++;
      results[index] = await runTask(tasks[index]!, index);
      if (stopped) return;
      onProgress?.(++done, tasks.length);
    }
  };

  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, tasks.length));
  try {
    await Promise.race([Promise.all(Array.from({ length: lanes }, lane)), aborted]);
    return results;
  } finally {
    stopped = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
