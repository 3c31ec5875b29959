import type { DatasetMeta } from '../lib/data/types';
import type { ReadProgress } from '../lib/data/read-csv';
import type { ReadChoices } from '../lib/engine';
import { AnalysisError, toErrorInfo } from '../lib/errors';
import type { DriftbookDb } from '../lib/store/db';
import { resultKey } from '../lib/store/result-key';
import type { CellKind, CellRecord, WorkspaceRecord } from '../lib/store/types';
import { createWorkspace, nextCellOrder, saveCell, setLastWorkspaceId } from '../lib/store/workspaces';
import type { EngineClient } from './engine-client';

export const DEMO_FILES = {
  reference: { url: '/demo/seattle-weather-2012-2013.csv', name: 'seattle-weather-2012-2013.csv' },
  current: { url: '/demo/seattle-weather-2015.csv', name: 'seattle-weather-2015.csv' },
} as const;

export const DEMO_WORKSPACE_NAME = 'Seattle weather — demo';

/** Parses and stores a file in a worker (or finds the identical stored one); only its description reaches the page. */
export async function addDataset(
  client: EngineClient,
  file: Blob,
  name: string,
  onProgress?: (progress: ReadProgress) => void,
  options?: ReadChoices,
): Promise<DatasetMeta> {
  return client.store(file, name, onProgress, options);
}

/** Creates a cell comparing two stored datasets (drift, or data quality side by side), saved as running. */
export async function createCell(
  db: DriftbookDb,
  workspaceId: string,
  kind: CellKind,
  reference: DatasetMeta,
  current: DatasetMeta,
): Promise<CellRecord> {
  const cell: CellRecord = {
    id: globalThis.crypto.randomUUID(),
    workspaceId,
    order: await nextCellOrder(db, workspaceId),
    kind,
    title: `${reference.name} → ${current.name}`,
    config: {},
    inputs: { reference: { id: reference.id, sha256: reference.sha256 }, current: { id: current.id, sha256: current.sha256 } },
    status: 'running',
    updatedAt: new Date().toISOString(),
  };
  await saveCell(db, cell);
  return cell;
}

/** Runs a cell in the engine and saves its result, or its error (keeping the last good result). */
export async function runCell(
  db: DriftbookDb,
  client: EngineClient,
  cell: CellRecord,
  onProgress?: (done: number, total: number) => void,
): Promise<CellRecord> {
  const started = performance.now();
  await saveCell(db, { ...cell, status: 'running', error: undefined });
  let next: CellRecord;
  try {
    const result =
      cell.kind === 'quality'
        ? await client.quality(cell.inputs.reference.id, cell.inputs.current.id)
        : await client.drift(cell.inputs.reference.id, cell.inputs.current.id, cell.config, onProgress);
    next = {
      ...cell,
      status: 'ok',
      result,
      error: undefined,
      resultKey: await resultKey(cell.kind, cell.config, [cell.inputs.reference.sha256, cell.inputs.current.sha256]),
      durationMs: Math.round(performance.now() - started),
      updatedAt: new Date().toISOString(),
    };
  } catch (error) {
    next = { ...cell, status: 'error', error: toErrorInfo(error), updatedAt: new Date().toISOString() };
  }
  await saveCell(db, next);
  return next;
}

let seeding: Promise<WorkspaceRecord> | undefined;

/** First visit: a demo workspace computed from the bundled Seattle weather split (once per page, even under StrictMode). */
export function seedDemoWorkspace(db: DriftbookDb, client: EngineClient): Promise<WorkspaceRecord> {
  seeding ??= (async () => {
    const workspace = await createWorkspace(db, DEMO_WORKSPACE_NAME);
    await setLastWorkspaceId(db, workspace.id);
    const fetchBlob = async (url: string): Promise<Blob> => {
      const response = await fetch(url);
      if (!response.ok) throw new AnalysisError('demo-missing', `demo data not found: ${url} (HTTP ${response.status})`);
      return response.blob();
    };
    const [refBlob, curBlob] = await Promise.all([fetchBlob(DEMO_FILES.reference.url), fetchBlob(DEMO_FILES.current.url)]);
    const reference = await addDataset(client, refBlob, DEMO_FILES.reference.name);
    const current = await addDataset(client, curBlob, DEMO_FILES.current.name);
    for (const kind of ['drift', 'quality'] as const) await runCell(db, client, await createCell(db, workspace.id, kind, reference, current));
    return workspace;
  })();
  return seeding;
}
