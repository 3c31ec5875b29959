import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { fromErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { finishDrift, planDrift, runColumnTask, type DriftPlan } from '../drift/compute-drift';
import { runScheduled } from '../drift/scheduler';
import { profileColumn, type ColumnProfile } from '../profile/column-profile';
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

/**
 * Numeric reference columns profiled (sorted) on the main thread while the worker still parses the
 * current file — time it would otherwise spend waiting. Stops as soon as the current file is in; a
 * column that cannot be profiled is left to its task (which reports why).
 */
async function profileWhileWaiting(table: Table, schema: DatasetMeta['schema'], waitingFor: Promise<unknown>): Promise<Map<string, ColumnProfile>> {
  let arrived = false;
  void waitingFor.then(
    () => (arrived = true),
    () => (arrived = true),
  );
  const early = new Map<string, ColumnProfile>();
  for (const column of schema) {
    if (column.type !== 'numeric') continue;
    // Lets the worker's reply in before each column.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (arrived) break;
    try {
      early.set(column.name, profileColumn(table, column.name, 'numeric'));
    } catch {
      // Left to the column's task.
    }
  }
  return early;
}

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
  const early = await profileWhileWaiting(reference.table, reference.meta.schema, currentReply);
  mark(`${early.size} reference columns profiled while waiting`);
  const current = await currentReply;
  mark('current parsed (worker) and received');
  const currentBytes = new Uint8Array(current.ipc);
  const curTable = tableFromIPC(currentBytes);
  const plan: DriftPlan = planDrift(reference, { meta: current.meta, table: curTable }, config);
  const shared = { config: plan.config, context: plan.context };
  const currentShared = pool.size > 1 ? { key: keys.current, ipc: toShared(currentBytes) } : { key: keys.current };
  // One lane per worker, then the main thread's: the main thread takes the columns whose reference
  // it profiled while waiting, the workers the others first.
  const columns = new Array<ColumnDriftResult>(plan.tasks.length);
  const ready = (i: number) => plan.tasks[i]!.type === 'numeric' && early.has(plan.tasks[i]!.name);
  const left = plan.tasks.map((_, i) => i);
  const claim = (onMain: boolean): number => {
    const k = onMain ? left.findIndex(ready) : left.findIndex((i) => !ready(i));
    return left.splice(k >= 0 ? k : onMain ? 0 : left.length - 1, 1)[0]!;
  };
  await runScheduled(
    plan.tasks.length,
    async (_, lane) => {
      const onMain = lane === pool.size;
      const i = claim(onMain);
      const task = plan.tasks[i]!;
      if (!onMain) {
        const move = !referenceShared && !referenceMoved ? [ownBuffer(referenceIpc)] : [];
        referenceMoved ||= move.length > 0;
        const referenceTable = referenceShared ?? { key: keys.reference, ...(move.length ? { ipc: move[0] } : {}) };
        columns[i] = await pool.run<ColumnDriftResult>({ kind: 'column', task, plan: shared, reference: referenceTable, current: currentShared }, move);
        return;
      }
      columns[i] = runColumnTask(task, reference.table, curTable, shared, ready(i) ? early.get(task.name) : undefined);
      // Let worker replies be handled between columns computed here.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    { concurrency: pool.size + 1 },
  );
  mark('columns tested');
  return { result: finishDrift(reference.meta, current.meta, plan, columns), reference: reference.meta, current: current.meta };
}
