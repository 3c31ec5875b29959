import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { fromErrorInfo } from '../errors';
import { finishDrift, planDrift, type DriftPlan } from '../drift/compute-drift';
import type { ColumnDriftResult, DriftConfig, DriftResult } from '../drift/types';
import type { IngestReply, PoolRequest, PoolResponse } from './pool-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = PoolRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * worker_threads running the same lib/ functions as the browser's workers: files are parsed in
 * parallel and columns spread over the threads one at a time, each thread taking the next column
 * when it is free. Tables are shared as SharedArrayBuffer IPC bytes, never copied per column.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { request: PoolRequest; pending: Pending }[] = [];
  private readonly pending = new Map<number, { pending: Pending; worker: Worker }>();
  private readonly workers: Worker[];
  private nextId = 0;

  constructor(size = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(new URL('./pool-worker.mjs', import.meta.url));
      worker.on('message', (response: PoolResponse) => this.settle(worker, response));
      worker.on('error', (error) => this.fail(error));
      this.idle.push(worker);
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  run<T>(request: Request): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ request: { ...request, id: this.nextId++ } as PoolRequest, pending: { resolve: resolve as (v: unknown) => void, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { request, pending } = this.queue.shift()!;
      this.pending.set(request.id, { pending, worker });
      worker.postMessage(request);
    }
  }

  private settle(worker: Worker, response: PoolResponse): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    this.pending.delete(response.id);
    this.idle.push(worker);
    if (response.ok) entry.pending.resolve(response.value);
    else entry.pending.reject(fromErrorInfo(response.error));
    this.dispatch();
  }

  private fail(error: Error): void {
    for (const { pending } of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The CLI's drift run on a pool: both files parsed at once, then one column per free thread. */
export async function driftOnPool(pool: WorkerPool, referencePath: string, currentPath: string, config: DriftConfig): Promise<DriftResult> {
  const [reference, current] = await Promise.all([
    pool.run<IngestReply>({ kind: 'ingest', path: referencePath }),
    pool.run<IngestReply>({ kind: 'ingest', path: currentPath }),
  ]);
  const refTable = tableFromIPC(new Uint8Array(reference.ipc));
  const curTable = tableFromIPC(new Uint8Array(current.ipc));
  const plan: DriftPlan = planDrift({ meta: reference.meta, table: refTable }, { meta: current.meta, table: curTable }, config);
  const shared = { config: plan.config, context: plan.context };
  const columns = await Promise.all(
    plan.tasks.map((task) =>
      pool.run<ColumnDriftResult>({
        kind: 'column',
        task,
        plan: shared,
        reference: { key: 'reference', ipc: reference.ipc },
        current: { key: 'current', ipc: current.ipc },
      }),
    ),
  );
  return finishDrift(reference.meta, current.meta, plan, columns);
}
