import * as Comlink from 'comlink';
import { AnalysisError, WorkerError, fromErrorInfo } from '../lib/errors';
import type { Engine, Outcome, ReadChoices } from '../lib/engine';
import type { ColumnRole, ColumnType, DatasetMeta } from '../lib/data/types';
import { unpackMeta } from '../lib/data/packed-meta';
import type { ReadProgress } from '../lib/data/reader-types';
import { runScheduled } from '../lib/drift/scheduler';
import type { DriftConfig } from '../lib/drift/types';
import { cellSpec, type CellConfigs, type CellInputIds, type CellKind, type CellRecord, type CellResults, type CellRunner } from '../lib/notebook';
import type { DatasetListing } from '../lib/engine';
import type { AutofillOptions } from '../lib/cards/autofill';
import type { CardAutofill } from '../lib/cards/types';
import type { BatchSummary } from '../lib/notebook/batch-summary';
import type { Period } from '../lib/stream/windows';
import type { ImportReport } from '../lib/store/tracking-import';
import type { AlertEvent } from '../lib/alerts/types';
import type { InputMapping, ModelMeta } from '../lib/models/types';
import { parcelBuffers } from '../lib/engine/held';
import { INGEST_PROFILE_MAX_COLUMNS } from '../lib/engine/ingest-profiles';

/** The main thread's handle on the analysis engine: a pool of Web Workers, or the same functions in-thread as a fallback. */
export interface EngineClient extends CellRunner {
  readonly mode: 'worker' | 'main-thread';
  readonly size: number;
  // runCell (from CellRunner): any kind over stored datasets (ids + segments); drift-like kinds are spread over the pool in column ranges.
  /** Reads and stores a file in a worker; only its description comes back. */
  store(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options?: ReadChoices): Promise<DatasetMeta>;
  /** The stored datasets, each description read and sent by a worker only when its revision is not `known` (lib/engine.ts). */
  listDatasets(known: Record<string, string>): Promise<DatasetListing[]>;
  /** Saves a user's roles or types in a worker and returns the new description. */
  updateRoles(id: string, changes: Record<string, ColumnRole>): Promise<DatasetMeta>;
  updateTypes(id: string, types: Record<string, ColumnType>): Promise<DatasetMeta>;
  resultKey(cell: Pick<CellRecord, 'kind' | 'config' | 'inputs'>): Promise<string>;
  /** Each cell's key if it were run now (staleness), hashed in a worker. */
  currentResultKeys(cells: Pick<CellRecord, 'kind' | 'config' | 'inputs'>[]): Promise<(string | undefined)[]>;
  /** A model card's autofilled numbers from a workspace's cells, computed in a worker (bootstrap intervals need the rows). */
  autofillCard(workspaceId: string, options?: Omit<AutofillOptions, 'onProgress'>, onProgress?: (done: number, total: number) => void): Promise<CardAutofill>;
  /** A batch's summary against the pinned reference, with the reference's cached profiles (lib/engine.ts). */
  summarizeBatch(referenceId: string, batchId: string): Promise<BatchSummary>;
  /** A stored file's calendar periods, each stored as a dataset (the batches of one file). */
  storePeriods(
    datasetId: string,
    split: { period: Period; timestampColumn: string; timeZone?: string },
  ): Promise<{ label: string; date: string; dataset: DatasetMeta }[]>;
  /** An MLflow folder read and stored in a worker (lib/engine.ts importTracking): counts and warnings. */
  importTracking(
    source: Parameters<Engine['importTracking']>[0],
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ report: ImportReport; warnings: string[] }>;
  /** Evaluates a workspace's alert rules after a cell computed or its batch history changed (lib/engine.ts); new events also go to onAlerts listeners. */
  evaluateAlerts(workspaceId: string, target: { cellId: string } | { batches: true }): Promise<AlertEvent[]>;
  /** Listens to new alert events (the page's notifications); returns the unsubscribe. */
  onAlerts(listener: (events: AlertEvent[]) => void): () => void;
  /** Opens a dropped .onnx file with onnxruntime-web in a worker and stores it (refused when the runtime cannot open it). */
  addModel(file: Blob, name: string): Promise<ModelMeta>;
  /** Scores a stored dataset with a stored model in a worker (batched, progress; cancel()); the stored derived dataset. */
  scoreDataset(
    modelId: string,
    datasetId: string,
    options?: { mapping?: InputMapping; outputs?: string[] },
    onProgress?: (done: number, total: number) => void,
  ): Promise<DatasetMeta>;
  /** A stored dataset's .dbprofile text, built in a worker from its rows (cached by SHA-256); a profile-only dataset's own. */
  datasetProfile(id: string): Promise<string>;
  /** Stops whatever is running (workers are terminated and replaced); pending calls reject with code "aborted". */
  cancel(): void;
  dispose(): void;
}

function unwrap<T>(out: Outcome<T>): T {
  if (out.ok) return out.value;
  throw fromErrorInfo(out.error);
}

type Api = Comlink.Remote<Engine> | Engine;

/** Columns per pooled drift message: one message per column made a 100,000-column run 100,000 round trips through the page. */
const BATCH_COLUMNS = 250;

/** One worker per core (at most 4), as the drift of a wide file is many tasks. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores));
}

export function createEngineClient(size = poolSize()): EngineClient {
  let workers: Worker[] = [];
  let apis: Api[] = [];
  let fallback: Promise<Engine> | undefined;
  const pending = new Set<(error: Error) => void>();
  // Which worker parsed (and so holds, with its drift profiles) each dataset stored in this session, and
  // how many files each worker is reading now: two files dropped together are read by two workers at once.
  let holders = new Map<string, number>();
  let reading: number[] = [];

  const start = (): void => {
    holders = new Map();
    reading = Array.from({ length: size }, () => 0);
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

  /** The worker to read a new file: the one reading the fewest files now, then holding the fewest datasets. */
  function readerIndex(): number {
    const holding = (i: number) => [...holders.values()].filter((h) => h === i).length;
    const order = reading.map((n, i) => [n, holding(i), i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    return order[0]?.[2] ?? 0;
  }

  /**
   * The one worker that holds both datasets of a drift run (lib/engine/held.ts), after the other worker
   * hands its dataset over (Arrow bytes and profiles, transferred through the page, never copied here):
   * the run then reads no IndexedDB and profiles nothing again. Undefined when no worker of this session
   * parsed both; the run then goes over the whole pool.
   */
  async function gatherHeld(referenceId: string, currentId: string): Promise<number | undefined> {
    const [home, other] = [holders.get(referenceId), holders.get(currentId)];
    if (home === undefined || other === undefined || !apis[home] || !apis[other]) return undefined;
    if (home === other) return home;
    const parcel = unwrap(await apis[other].exportHeld(currentId));
    if (!parcel) return undefined;
    unwrap(await apis[home].adoptHeld(currentId, Comlink.transfer(parcel, parcelBuffers(parcel))));
    holders.set(currentId, home);
    return home;
  }

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

  /**
   * A drift run over the pool in column ranges (a few hundred columns a message): the first worker
   * plans the run and finishes it; every worker plans it again from the ids, so neither the plan
   * nor the descriptions cross to the page, and ranges computed elsewhere go straight on to the first.
   */
  async function driftOnPool(
    referenceId: string,
    currentId: string,
    config: DriftConfig,
    onProgress?: (done: number, total: number) => void,
    lanes = apis.map((_, i) => i),
  ) {
    const runId = globalThis.crypto.randomUUID();
    const home = await api(lanes[0]);
    const total = unwrap(await home.beginDrift(runId, referenceId, currentId, config));
    const size = Math.max(1, Math.min(BATCH_COLUMNS, Math.ceil(total / (lanes.length * 4))));
    const ranges = Array.from({ length: Math.ceil(total / size) }, (_, i) => ({ start: i * size, end: Math.min(total, (i + 1) * size) }));
    // The one drift scheduler (lib/drift/scheduler.ts): a lane per worker, a unit per range of columns.
    const runRange = async (index: number, lane: number) => {
      const { start, end } = ranges[index]!;
      const out = unwrap(await apis[lanes[lane]!]!.driftBatch(runId, referenceId, currentId, config, start, end));
      if (typeof out !== 'number') unwrap(await home.gatherDrift(runId, start, out));
    };
    try {
      await runScheduled(ranges.length, runRange, { concurrency: lanes.length, weight: (i) => ranges[i]!.end - ranges[i]!.start, onProgress });
      // No column tasks (a profile input): the home worker computes the run whole and reports the columns it profiles from rows.
      const progress = total === 0 && onProgress ? (apis.length ? Comlink.proxy(onProgress) : onProgress) : undefined;
      return unwrap(await home.finishDrift(runId, referenceId, currentId, config, progress));
    } catch (error) {
      void Promise.resolve(home.dropDrift(runId)).catch(() => undefined);
      throw error;
    }
  }

  const call = <T>(run: (api: Api) => Promise<Outcome<T>>, worker = apis.length - 1): Promise<T> =>
    cancellable(async () => unwrap(await run(await api(Math.max(0, worker)))));
  const alertListeners = new Set<(events: AlertEvent[]) => void>();

  return {
    get mode() {
      return apis.length ? 'worker' : 'main-thread';
    },
    get size() {
      return apis.length;
    },
    store(file, name, onProgress, options) {
      const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
      return cancellable(async () => {
        const [i, counts] = [readerIndex(), reading];
        counts[i] = (counts[i] ?? 0) + 1;
        try {
          const meta = unpackMeta(unwrap(await (await api(i)).store(file, name, progress, options)));
          // Wider files are not profiled at ingest: their drift is better spread over the pool.
          if (apis.length && meta.schema.length <= INGEST_PROFILE_MAX_COLUMNS) holders.set(meta.id, i);
          return meta;
        } finally {
          counts[i] = Math.max(0, (counts[i] ?? 1) - 1);
        }
      });
    },
    listDatasets: (known) => call((a) => a.listDatasets(known)),
    updateRoles: (id, changes) => call((a) => a.updateRoles(id, changes)).then(unpackMeta),
    updateTypes: (id, types) => call((a) => a.updateTypes(id, types)).then(unpackMeta),
    resultKey: (cell) => call((a) => a.resultKey(cell)),
    currentResultKeys: (cells) => call((a) => a.currentResultKeys(cells)),
    autofillCard: (workspaceId, options, onProgress) => {
      const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
      return call((a) => a.autofillCard(workspaceId, options, progress));
    },
    importTracking: (source, onProgress) => {
      const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
      return call((a) => a.importTracking(source, progress), 0);
    },
    evaluateAlerts: (workspaceId, target) =>
      call((a) => a.evaluateAlerts(workspaceId, target), 0).then((events) => {
        if (events.length) for (const listener of alertListeners) listener(events);
        return events;
      }),
    onAlerts(listener) {
      alertListeners.add(listener);
      return () => void alertListeners.delete(listener);
    },
    // Worker 0 keeps the reference's table opened across batches.
    summarizeBatch: (referenceId, batchId) => call((a) => a.summarizeBatch(referenceId, batchId), 0),
    storePeriods: (datasetId, split) =>
      call((a) => a.storePeriods(datasetId, split), 0).then((periods) =>
        periods.map(({ label, date, packed }) => ({ label, date, dataset: unpackMeta(packed) })),
      ),
    addModel: (file, name) => call((a) => a.addModel(file, name), 0),
    datasetProfile: (id) => call((a) => a.datasetProfile(id), 0),
    scoreDataset: (modelId, datasetId, options, onProgress) => {
      const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
      return call((a) => a.scoreDataset(modelId, datasetId, options, progress), 0).then(unpackMeta);
    },
    runCell<K extends CellKind>(kind: K, config: CellConfigs[K], inputs: CellInputIds, onProgress?: (done: number, total: number) => void) {
      return cancellable(async (): Promise<CellResults[K]> => {
        // A drift-like kind (its spec says how) goes over the pool in column ranges; segmented inputs
        // stay on one worker, which filters them once.
        const pooled = cellSpec(kind).capabilities.drift;
        const { reference, current } = inputs;
        if (pooled && apis.length > 1 && reference && current && !reference.segment && !current.segment) {
          const held = await gatherHeld(reference.id, current.id);
          return pooled.result(await driftOnPool(reference.id, current.id, pooled.config(config), onProgress, held === undefined ? undefined : [held]));
        }
        const progress = onProgress && apis.length ? Comlink.proxy(onProgress) : onProgress;
        // On the worker holding the reference, if one does. The worker's proxy and the in-thread fallback run
        // the same function; Comlink's Remote type only drops its type parameter.
        const target = (await api(holders.get(reference?.id ?? '') ?? 0)) as Pick<Engine, 'runCell'>;
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
