import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { fromErrorInfo } from '../errors';
import { ingestSource } from '../data/ingest';
import { localFileSource, nodeSha256 } from '../data/read-file';
import { finishDrift, planDrift, runColumnTask, testsFromProfiles, type DriftPlan } from '../drift/compute-drift';
import { runScheduled } from '../drift/scheduler';
import type { ColumnProfile } from '../profile/column-profile';
import { profileEntry, profileMap } from './pool-profiles';
import { testProfiled, type ProfilePair } from './pool-split';
import type { ColumnDriftResult, DriftConfig, DriftResult } from '../drift/types';
import type { DatasetMeta } from '../data/types';
import {
  ownBuffer,
  profileEntryKey,
  type IngestReply,
  type PoolRequest,
  type PoolResponse,
  type ProfileEntry,
  type ReadSettings,
  type SharedTable,
} from './pool-protocol';

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
  /** Which worker parsed (and keeps) each table key. */
  private readonly holders = new Map<string, Worker>();
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
    for (let q = 0; q < this.queue.length && this.idle.length;) {
      const { request } = this.queue[q]!;
      // A table is asked of the worker that parsed it (it waits for that one to be free).
      const holder = request.kind === 'table' ? this.holders.get(request.key) : undefined;
      const k = holder ? this.idle.indexOf(holder) : this.idle.length - 1;
      if (k < 0) {
        q++;
        continue;
      }
      const worker = this.idle.splice(k, 1)[0]!;
      const { pending, transfer } = this.queue.splice(q, 1)[0]!;
      if (request.kind === 'ingest') this.holders.set(request.key, worker);
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
 * The reference's drift profiles built on the main thread while the worker still parses and profiles
 * the current file — time it would otherwise spend waiting. Stops as soon as the current file is in
 * (the columns left are then profiled by their tasks, on any lane).
 */
async function profileWhileWaiting(table: Table, schema: DatasetMeta['schema'], waitingFor: Promise<unknown>): Promise<Map<string, ColumnProfile>> {
  let arrived = false;
  void waitingFor.then(
    () => (arrived = true),
    () => (arrived = true),
  );
  const entries: ProfileEntry[] = [];
  for (const column of schema) {
    // Lets the worker's reply in before each column.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (arrived) break;
    const entry = profileEntry(table, column);
    if (entry) entries.push(entry);
  }
  return profileMap(entries);
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
  const currentReply = pool.run<IngestReply>({ kind: 'ingest', path: currentPath, options: read, key: keys.current, profile: true });
  // Attach a handler now, so a failed worker parse is not unhandled while the reference parses.
  currentReply.catch(() => undefined);
  const reference = await ingestSource(await localFileSource(referencePath), { ...read, createHasher: nodeSha256 });
  mark('reference parsed (main thread)');
  const early = await profileWhileWaiting(reference.table, reference.meta.schema, currentReply);
  mark(`${early.size} reference columns profiled while waiting`);
  const current = await currentReply;
  mark('current parsed and profiled (worker), received');
  const currentProfiles = profileMap(current.profiles ?? []);
  // Planning reads each column's length and null count; the table stays in the worker until a column needs it.
  const counts = new Map(current.counts.map((c) => [c.name, c]));
  const plan: DriftPlan = planDrift(reference, { meta: current.meta, table: { getChild: (name) => counts.get(name) ?? null } }, config);
  const shared = { config: plan.config, context: plan.context };
  let currentTable: Promise<{ table: Table; shared: SharedTable }> | undefined;
  const fetchCurrent = () =>
    (currentTable ??= pool.run<ArrayBuffer>({ kind: 'table', key: keys.current }).then((ipc) => {
      const bytes = new Uint8Array(ipc);
      return { table: tableFromIPC(bytes), shared: pool.size > 1 ? { key: keys.current, ipc: toShared(bytes) } : { key: keys.current } };
    }));
  // The reference table goes to workers only when a column's profiles are not both at hand: shared
  // when several workers read it, moved to the only one once.
  let referenceIpc: Uint8Array | undefined;
  let referenceShared: { key: string; ipc: SharedArrayBuffer } | undefined;
  let referenceMoved = false;
  const referenceFor = (): { table: SharedTable; move: ArrayBuffer[] } => {
    referenceIpc ??= tableToIPC(reference.table, 'file');
    if (pool.size > 1) return { table: (referenceShared ??= { key: keys.reference, ipc: toShared(referenceIpc) }), move: [] };
    if (referenceMoved) return { table: { key: keys.reference }, move: [] };
    referenceMoved = true;
    const ipc = ownBuffer(referenceIpc);
    return { table: { key: keys.reference, ipc }, move: [ipc] };
  };
  const profilesOf = (i: number) => {
    const key = profileEntryKey(plan.tasks[i]!.name, plan.tasks[i]!.type);
    return { reference: early.get(key), current: currentProfiles.get(key) };
  };
  const both = (i: number) => {
    const p = profilesOf(i);
    return p.reference !== undefined && p.current !== undefined;
  };
  const columns = new Array<ColumnDriftResult>(plan.tasks.length);
  if (plan.tasks.every((task, i) => both(i) || !testsFromProfiles(task))) {
    const pairOf = (i: number): ProfilePair | undefined => {
      const { reference: ref, current: cur } = profilesOf(i);
      return ref && cur && testsFromProfiles(plan.tasks[i]!) ? { reference: ref, current: cur } : undefined;
    };
    // Columns not tested (a user-set id role…) are counted from the tables on the main thread.
    const curTable = plan.tasks.some((task) => !testsFromProfiles(task)) ? (await fetchCurrent()).table : undefined;
    const tested = await testProfiled(
      pool.size + 1,
      (request) => pool.run<ColumnDriftResult[]>(request),
      plan.tasks,
      shared,
      pairOf,
      (i) => runColumnTask(plan.tasks[i]!, reference.table, curTable!, shared),
    );
    tested.forEach((column, i) => (columns[i] = column));
    mark('columns tested');
    return { result: finishDrift(reference.meta, current.meta, plan, columns), reference: reference.meta, current: current.meta };
  }
  const { table: curTable, shared: currentShared } = await fetchCurrent();
  // One lane per worker, then the main thread's: the main thread takes the columns whose two profiles
  // it has (each then a short walk over sorted values), the workers the others first.
  const left = plan.tasks.map((_, i) => i);
  const claim = (onMain: boolean): number => {
    const k = onMain ? left.findIndex(both) : left.findIndex((i) => !both(i));
    return left.splice(k >= 0 ? k : onMain ? 0 : left.length - 1, 1)[0]!;
  };
  await runScheduled(
    plan.tasks.length,
    async (_, lane) => {
      const onMain = lane === pool.size;
      const i = claim(onMain);
      const task = plan.tasks[i]!;
      const profiles = profilesOf(i);
      if (!onMain) {
        const withProfiles = {
          ...(profiles.reference ? { referenceProfile: profiles.reference } : {}),
          ...(profiles.current ? { currentProfile: profiles.current } : {}),
        };
        const { table: referenceTable, move } = both(i) && testsFromProfiles(task) ? { table: { key: keys.reference }, move: [] } : referenceFor();
        const request = { kind: 'column' as const, task, plan: shared, reference: referenceTable, current: currentShared, ...withProfiles };
        columns[i] = await pool.run<ColumnDriftResult>(request, move);
        return;
      }
      columns[i] = runColumnTask(task, reference.table, curTable, shared, profiles.reference, profiles.current);
      // Let worker replies be handled between columns computed here.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    { concurrency: pool.size + 1 },
  );
  mark('columns tested');
  return { result: finishDrift(reference.meta, current.meta, plan, columns), reference: reference.meta, current: current.meta };
}
