import { tableToIPC, type Table } from 'apache-arrow';
import { AnalysisError, toErrorInfo, type ErrorInfo } from './errors';
import { blobSource } from './data/blob-source';
import { ingestSource, type IngestOptions } from './data/ingest';
import { applySegment, hasSegment } from './data/frame';
import type { Dataset, DatasetMeta, ParsedDataset } from './data/types';
import type { ReadProgress } from './data/reader-types';
import { planDrift, runColumnTask, type ColumnTask, type DriftPlan } from './drift/compute-drift';
import { profileColumn } from './profile/column-profile';
import { cachedProfile } from './store/profiles';
import type { ColumnDriftResult, DriftConfig } from './drift/types';
import { getDb } from './store/db';
import { loadDataset } from './store/load-dataset';
import { getDatasetMeta, saveDataset } from './store/datasets';
import { cellSpec, type CellConfigs, type CellKind, type CellResults } from './notebook/registry';
import type { CellInputIds } from './notebook/types';

/** A call's outcome as plain data: typed errors keep their kind and code across the worker boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

// Datasets this engine has opened, by id (a pooled worker computes many columns of the same two).
const CACHE_SIZE = 4;
// Only the (immutable) tables are cached: the description is read each time, as the user may
// have changed a column's type or role since.
const opened = new Map<string, Promise<Table>>();

/** A dataset to open: by id, or by id with a segment (an arquero filter expression). */
export type DatasetInput = string | { id: string; segment?: string };

// Descriptions kept for pooled drift columns only: a column task carries its own type, and of the
// description it needs only id and sha256, which never change for an id. Reading a 100,000-column
// description from IndexedDB once per column made a wide file's drift quadratic.
const metas = new Map<string, Promise<DatasetMeta>>();

/** A stored dataset as its rows after its segment's filter (the whole table without one). */
async function open(input: DatasetInput, reuseMeta = false): Promise<Dataset & { segment?: string }> {
  const { id, segment } = typeof input === 'string' ? { id: input, segment: undefined } : input;
  let table = opened.get(id);
  if (!table) {
    table = loadDataset(getDb(), id).then((d) => d.table);
    table.catch(() => opened.delete(id));
    opened.set(id, table);
    if (opened.size > CACHE_SIZE) opened.delete(opened.keys().next().value!);
  }
  const cached = reuseMeta ? metas.get(id) : undefined;
  const described = cached ?? getDatasetMeta(getDb(), id);
  if (!cached) {
    described.catch(() => metas.delete(id));
    metas.set(id, described);
    if (metas.size > CACHE_SIZE) metas.delete(metas.keys().next().value!);
  }
  const [meta, loaded] = await Promise.all([described, table]);
  if (!hasSegment(segment)) return { meta, table: loaded };
  return { ...applySegment({ meta, table: loaded }, segment), segment };
}

type Opened = Dataset & { segment?: string };

/** At most one progress report per 100 ms: each one crosses the worker boundary and re-renders. */
function throttle<T>(report: (value: T) => void, ms = 100): (value: T) => void {
  let last = -Infinity;
  return (value) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    report(value);
  };
}

/** One column, with the reference's profile from the IndexedDB cache when it was computed before. */
async function driftColumn(reference: Opened, current: Opened, task: ColumnTask, plan: Pick<DriftPlan, 'config' | 'context'>) {
  // A segment's rows are not the stored dataset's: its profile is computed, never cached under the dataset's key.
  if (task.type === 'datetime' || task.type === 'text' || reference.segment !== undefined) return runColumnTask(task, reference.table, current.table, plan);
  let profile;
  try {
    ({ profile } = await cachedProfile(getDb(), reference.meta, task.name, task.type, () => profileColumn(reference.table, task.name, task.type)));
  } catch (error) {
    // A column that cannot be read as its type: runColumnTask reports it as not tested.
    if (!(error instanceof AnalysisError)) throw error;
  }
  return runColumnTask(task, reference.table, current.table, plan, profile);
}

/** What a user may choose when a file does not read as is. */
export type ReadChoices = Pick<IngestOptions, 'encoding' | 'skipMalformed' | 'missingTokens' | 'columnTypes' | 'numberFormat' | 'dateFormat'>;

export interface DriftPlanReply {
  plan: DriftPlan;
  reference: DatasetMeta;
  current: DatasetMeta;
}

/**
 * The analysis engine as a worker exposes it; the main-thread fallback calls the very same
 * object. Inputs are files and dataset ids, never parsed data: datasets are read from IndexedDB here.
 */
export const engine = {
  ingest(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options: ReadChoices = {}): Promise<Outcome<ParsedDataset>> {
    return outcome(async () => {
      const { meta, table } = await ingestSource(blobSource(file, name), { ...options, onProgress: onProgress && throttle(onProgress) });
      // Stored and moved between threads as Arrow IPC bytes.
      return { meta, ipc: tableToIPC(table, 'file') };
    });
  },

  /**
   * Reads a file and stores it in IndexedDB from this thread, returning only its description:
   * the Arrow bytes (hundreds of MB for a large file) never reach the page's main thread.
   */
  store(file: Blob, name: string, onProgress?: (progress: ReadProgress) => void, options: ReadChoices = {}): Promise<Outcome<DatasetMeta>> {
    return outcome(async () => {
      const { meta, table } = await ingestSource(blobSource(file, name), { ...options, onProgress: onProgress && throttle(onProgress) });
      return saveDataset(getDb(), { meta, ipc: tableToIPC(table, 'file') });
    });
  },

  /** Any notebook cell's analysis, by kind (lib/notebook/registry.ts), over stored datasets filtered by their segments. */
  runCell<K extends CellKind>(
    kind: K,
    config: CellConfigs[K],
    inputs: CellInputIds,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<CellResults[K]>> {
    return outcome(async () => {
      const spec = cellSpec(kind);
      if (!spec.compute) throw new AnalysisError('nothing-to-compute', `${spec.label} cells have nothing to compute`);
      const [reference, current] = await Promise.all([
        inputs.reference ? open(inputs.reference) : undefined,
        inputs.current ? open(inputs.current) : undefined,
      ]);
      return spec.compute({ reference, current }, config, {
        onProgress,
        driftColumn: reference && current ? (task, plan) => driftColumn(reference, current, task, plan) : undefined,
      });
    });
  },

  /** A pool's first step: which columns to compare, with which settings. */
  planDrift(referenceId: DatasetInput, currentId: DatasetInput, config: DriftConfig = {}): Promise<Outcome<DriftPlanReply>> {
    return outcome(async () => {
      const [reference, current] = await Promise.all([open(referenceId), open(currentId)]);
      return { plan: planDrift(reference, current, config), reference: reference.meta, current: current.meta };
    });
  },

  /** A pool's unit of work: one column of a planned drift run. */
  driftColumn(
    referenceId: DatasetInput,
    currentId: DatasetInput,
    task: ColumnTask,
    plan: Pick<DriftPlan, 'config' | 'context'>,
  ): Promise<Outcome<ColumnDriftResult>> {
    return outcome(async () => {
      const [reference, current] = await Promise.all([open(referenceId, true), open(currentId, true)]);
      return driftColumn(reference, current, task, plan);
    });
  },
};

export type Engine = typeof engine;
