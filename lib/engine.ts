import { toErrorInfo, type ErrorInfo } from './errors';
import { ingestCsv } from './data/ingest';
import type { ParsedDataset } from './data/types';
import { computeDrift } from './drift/compute-drift';
import type { DriftResult } from './drift/types';
import { getDb } from './store/db';
import { loadDataset } from './store/load-dataset';

/** A call's outcome as plain data: typed errors keep their kind and code across the worker boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

export interface DriftRunOptions {
  driftShare?: number;
}

/**
 * The analysis engine as the worker exposes it; the main-thread fallback calls the very same
 * object. Inputs are files and dataset ids, never parsed data: datasets are read from IndexedDB here.
 */
export const engine = {
  ingest(file: Blob, name: string): Promise<Outcome<ParsedDataset>> {
    return outcome(async () => ingestCsv(new Uint8Array(await file.arrayBuffer()), name));
  },

  drift(
    referenceId: string,
    currentId: string,
    options: DriftRunOptions = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<Outcome<DriftResult>> {
    return outcome(async () => {
      const db = getDb();
      const [reference, current] = await Promise.all([loadDataset(db, referenceId), loadDataset(db, currentId)]);
      return computeDrift(reference, current, { ...options, onProgress });
    });
  },
};

export type Engine = typeof engine;
