import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { fromErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { finishDrift, planDrift, runColumnTask, type DriftPlan } from '../drift/compute-drift';
import { runDriftPlan } from '../drift/scheduler';
import type { ColumnDriftResult, DriftConfig, DriftResult } from '../drift/types';
import type { DatasetMeta } from '../data/types';
import { ownBuffer, type IngestReply, type PoolRequest, type PoolResponse, type ReadSettings } from './pool-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = PoolRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * worker_threads running the same lib/ functions as the browser's workers, each taking the next
 * task when it is free. Tables are shared as SharedArrayBuffer IPC bytes, never copied per column.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: { request: PoolRequest; pending: Pending; transfer: ArrayBuffer[] }[] = [];
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

  /** Workers free to take a request now (none queued ahead of it). */
  get idleCount(): number {
    return this.queue.length ? 0 : this.idle.length;
  }

  /** Queues a request; buffers in `transfer` are moved to the worker that takes it (no copy). */
  run<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ request: { ...request, id: this.nextId++ } as PoolRequest, pending: { resolve: resolve as (v: unknown) => void, reject }, transfer });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { request, pending, transfer } = this.queue.shift()!;
      this.pending.set(request.id, { pending, worker });
      worker.postMessage(request, transfer);
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

/** IPC bytes copied once into shared memory: every worker then reads the same bytes without a copy. */
function toShared(ipc: Uint8Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(ipc.byteLength);
  new Uint8Array(shared).set(ipc);
  return shared;
}

/** DRIFTBOOK_TIMINGS=1: when each phase of a pooled run ended, in seconds since the process started (stderr). */
function phaseTimer(): (phase: string) => void {
  if (!process.env.DRIFTBOOK_TIMINGS) return () => undefined;
  return (phase) => process.stderr.write(`driftbook timings: ${phase} at ${(performance.now() / 1000).toFixed(2)} s\n`);
}

// Each run's tables get keys of their own: a pool that outlives a run must not serve its tables to the next.
let runs = 0;

/** A pooled drift run's result and the two datasets it read (the HTML report lists them). */
export interface PooledDrift {
  result: DriftResult;
  reference: DatasetMeta;
  current: DatasetMeta;
}

/**
 * The CLI's drift run for a drift-like kind (its spec's `capabilities.drift` gives the config):
 * the main thread parses the reference while a worker parses the current file (so a worker's
 * start-up overlaps real work), then the main thread and every worker each take the next column
 * until none is left. The worker that parsed the current file keeps its table; with more workers
 * than one, the others get it as shared IPC bytes.
 */
export async function driftOnPool(
  pool: WorkerPool,
  referencePath: string,
  currentPath: string,
  config: DriftConfig,
  read: ReadSettings = {},
): Promise<PooledDrift> {
  const mark = phaseTimer();
  mark('modules loaded, pool started');
  const keys = { reference: `reference-${runs}`, current: `current-${runs}` };
  runs++;
  const currentReply = pool.run<IngestReply>({ kind: 'ingest', path: currentPath, options: read, key: keys.current });
  // Attach a handler now, so a failed worker parse is not unhandled while the reference parses.
  currentReply.catch(() => undefined);
  const reference = await ingestSource(await localFileSource(referencePath), { ...read, createHasher: nodeSha256 });
  mark('reference parsed (main thread)');
  // Written before waiting for the current file (the worker usually finishes last: it started later).
  // Several workers share it; the only worker gets it moved with its first column, not copied.
  const referenceIpc = tableToIPC(reference.table, 'file');
  const referenceShared = pool.size > 1 ? { key: keys.reference, ipc: toShared(referenceIpc) } : undefined;
  let referenceMoved = false;
  mark('reference shared');
  const current = await currentReply;
  mark('current parsed (worker) and received');
  const currentBytes = new Uint8Array(current.ipc);
  const curTable = tableFromIPC(currentBytes);
  const plan: DriftPlan = planDrift(reference, { meta: current.meta, table: curTable }, config);
  const shared = { config: plan.config, context: plan.context };
  const currentShared = pool.size > 1 ? { key: keys.current, ipc: toShared(currentBytes) } : { key: keys.current };
  // One lane per worker plus the main thread: a task goes to a free worker, else runs here.
  const columns = await runDriftPlan(
    plan,
    async (task) => {
      if (pool.idleCount > 0) {
        const move = !referenceShared && !referenceMoved ? [ownBuffer(referenceIpc)] : [];
        referenceMoved ||= move.length > 0;
        const referenceTable = referenceShared ?? { key: keys.reference, ...(move.length ? { ipc: move[0] } : {}) };
        return pool.run<ColumnDriftResult>({ kind: 'column', task, plan: shared, reference: referenceTable, current: currentShared }, move);
      }
      const result = runColumnTask(task, reference.table, curTable, shared);
      // Let worker replies be handled between columns computed here.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return result;
    },
    { concurrency: pool.size + 1 },
  );
  mark('columns tested');
  return { result: finishDrift(reference.meta, current.meta, plan, columns), reference: reference.meta, current: current.meta };
}
