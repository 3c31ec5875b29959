import * as Comlink from 'comlink';
import { AnalysisError, fromErrorInfo } from '../lib/errors';
import type { Engine, Outcome } from '../lib/engine';
import type { ParsedDataset } from '../lib/data/types';
import type { DriftConfig, DriftResult } from '../lib/drift/types';

/** The main thread's handle on the analysis engine: a Web Worker, or the same functions in-thread as a fallback. */
export interface EngineClient {
  readonly mode: 'worker' | 'main-thread';
  ingest(file: Blob, name: string): Promise<ParsedDataset>;
  drift(referenceId: string, currentId: string, config: DriftConfig, onProgress?: (done: number, total: number) => void): Promise<DriftResult>;
  /** Stops whatever is running (the worker is terminated and replaced); pending calls reject with code "aborted". */
  cancel(): void;
  dispose(): void;
}

function unwrap<T>(out: Outcome<T>): T {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
}

export function createEngineClient(): EngineClient {
  let worker: Worker | undefined;
  let remote: Comlink.Remote<Engine> | undefined;
  let fallback: Promise<Engine> | undefined;
  const pending = new Set<(error: Error) => void>();

  const start = (): void => {
    try {
      worker = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'driftbook-analysis' });
      remote = Comlink.wrap<Engine>(worker);
    } catch {
      worker = undefined;
      remote = undefined;
      fallback = import('../lib/engine').then((m) => m.engine);
    }
  };
  start();

  // Each call can be rejected early by cancel(), whatever the worker is doing.
  const cancellable = <T>(run: () => Promise<Outcome<T>>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.add(reject);
      run()
        .then(unwrap)
        .then(resolve, reject)
        .finally(() => pending.delete(reject));
    });

  const api = async (): Promise<Comlink.Remote<Engine> | Engine> => remote ?? (await fallback!);

  return {
    get mode() {
      return remote ? 'worker' : 'main-thread';
    },
    ingest(file, name) {
      return cancellable(async () => (await api()).ingest(file, name));
    },
    drift(referenceId, currentId, config, onProgress) {
      return cancellable(async () => {
        const engine = await api();
        const progress = onProgress && remote ? Comlink.proxy(onProgress) : onProgress;
        return engine.drift(referenceId, currentId, config, progress);
      });
    },
    cancel() {
      const error = new AnalysisError('aborted', 'cancelled');
      for (const reject of pending) reject(error);
      pending.clear();
      if (worker) {
        worker.terminate();
        start();
      }
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}
