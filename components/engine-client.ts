import * as Comlink from 'comlink';
import { AnalysisError, WorkerError, fromErrorInfo } from '../lib/errors';
import type { Engine, Outcome, ReadChoices } from '../lib/engine';
import type { DatasetMeta } from '../lib/data/types';
import type { ReadProgress } from '../lib/data/reader-types';
import { finishDrift } from '../lib/drift/compute-drift';
import { runDriftPlan } from '../lib/drift/scheduler';
import type { DriftConfig } from '../lib/drift/types';
import { cellSpec, type CellConfigs, type CellInputIds, type CellKind, type CellResults, type CellRunner } from '../lib/notebook';

/** The main thread's handle on the analysis engine: a pool of Web Workers, or the same functions in-thread as a fallback. */
export interface EngineClient extends CellRunner {
  readonly mode: 'worker' | 'main-thread';
  readonly size: number;
  /** Any cell kind's analysis over stored datasets (by id, with segments); drift-like kinds are spread over the pool one column per worker. */
  runCell<K extends CellKind>(
    kind: K,
    config: CellConfigs[K],
    inputs: CellInputIds,
    onProgress?: (done: number, total: number) => void,
  ): Promise<CellResults[K]>;
  /** Reads and stores a file in a worker; only its description comes back. */
  store(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options?: ReadChoices): Promise<DatasetMeta>;
  /** Stops whatever is running (workers are terminated and replaced); pending calls reject with code "aborted". */
  cancel(): void;
  dispose(): void;
}

function unwrap<T>(out: Outcome<T>): T {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
}

type Api = Comlink.Remote<Engine> | Engine;

/** One worker per core (at most 4), as the drift of a wide file is one task per column. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

export function createEngineClient(size = poolSize()): EngineClient {
  let workers: Worker[] = [];
  let apis: Api[] = [];
  let fallback: Promise<Engine> | undefined;
  const pending = new Set<(error: Error) => void>();

  const start = (): void => {
    try {
      workers = Array.from(
        { length: size },
        (_, i) => new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: `driftbook-analysis-${i + 1}` }),
      );
      apis = workers.map((w) => Comlink.wrap<Engine>(w));
      // A worker that dies (out of memory on a huge file, a crash) would leave its calls pending
      // for ever: fail them with a message, and start fresh workers.
      for (const w of workers) {
        w.addEventListener('error', (event) => {
          event.preventDefault();
          crashed(event.message || 'the analysis worker stopped');
        });
      }
    } catch {
      workers.forEach((w) => w.terminate());
      workers = [];
      apis = [];
      fallback = import('../lib/engine').then((m) => m.engine);
    }
  };
  start();

  // Each call can be rejected early by cancel(), whatever the workers are doing.
  const cancellable = <T>(run: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.add(reject);
      run()
        .then(resolve, reject)
        .finally(() => pending.delete(reject));
    });

  const api = async (i = 0): Promise<Api> => apis[i] ?? (await fallback!);

  function crashed(reason: string): void {
    const error = new WorkerError(
      'worker-crashed',
      `the analysis worker stopped (${reason}) — the file may be too large for this browser tab's memory; try a smaller file or the CLI (npx driftbook)`,
    );
    for (const reject of pending) reject(error);
    pending.clear();
    workers.forEach((w) => w.terminate());
    start();
  }

  /** One column per free worker until none is left (lib/drift/scheduler.ts); results in plan order. */
  async function driftOnPool(referenceId: string, currentId: string, config: DriftConfig, onProgress?: (done: number, total: number) => void) {
    const { plan, reference, current } = unwrap(await (await api(0)).planDrift(referenceId, currentId, config));
    const shared = { config: plan.config, context: plan.context };
    const free = [...apis];
    const columns = await runDriftPlan(
      plan,
      async (task) => {
        // The scheduler never runs more tasks than there are workers, so one is always free here.
        const worker = free.pop()!;
        try {
          return unwrap(await worker.driftColumn(referenceId, currentId, task, shared));
        } finally {
          free.push(worker);
        }
      },
      { concurrency: free.length, onProgress },
    );
    return finishDrift(reference, current, plan, columns);
  }

  return {
    get mode() {
      return apis.length ? 'worker' : 'main-thread';
    },
    get size() {
      return apis.length;
    },
    store(file, name, onProgress, options) {
      const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
      return cancellable(async () => unwrap(await (await api()).store(file, name, progress, options)));
    },
    runCell<K extends CellKind>(kind: K, config: CellConfigs[K], inputs: CellInputIds, onProgress?: (done: number, total: number) => void) {
      return cancellable(async (): Promise<CellResults[K]> => {
        // A drift-like kind (its spec says how) goes over the pool one column per worker; segmented inputs
        // stay on one worker, which filters them once.
        const pooled = cellSpec(kind).capabilities.drift;
        const { reference, current } = inputs;
        if (pooled && apis.length > 1 && reference && current && !reference.segment && !current.segment) {
          return pooled.result(await driftOnPool(reference.id, current.id, pooled.config(config), onProgress));
        }
        const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
        // The worker's proxy and the in-thread fallback run the same function; Comlink's Remote type only drops its type parameter.
        const target = (await api()) as Pick<Engine, 'runCell'>;
        return unwrap(await target.runCell(kind, config, inputs, progress));
      });
    },
    cancel() {
      const error = new AnalysisError('aborted', 'cancelled');
      for (const reject of pending) reject(error);
      pending.clear();
      if (workers.length) {
        workers.forEach((w) => w.terminate());
        start();
      }
    },
    dispose() {
      workers.forEach((w) => w.terminate());
      workers = [];
      apis = [];
    },
  };
}
