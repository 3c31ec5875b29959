import type { DatasetMeta } from '../lib/data/types';
import type { ReadProgress } from '../lib/data/reader-types';
import type { ReadChoices } from '../lib/engine';
import { AnalysisError, toErrorInfo } from '../lib/errors';
import type { DriftbookDb } from '../lib/store/db';
import { cellResultKey } from '../lib/store/result-key';
import { insertCell } from '../lib/store/cells';
import { getDatasetMeta } from '../lib/store/datasets';
import { cellSpec, type InputSlot } from '../lib/report/registry';
import { cellTitle } from '../lib/report/preset';
import type { CellConfig, CellInputs, CellKind, CellRecord, WorkspaceRecord } from '../lib/store/types';
import { addWorkspaceDataset, createWorkspace, saveCell, setLastWorkspaceId } from '../lib/store/workspaces';
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

export interface NewCell {
  kind: CellKind;
  reference?: DatasetMeta;
  current?: DatasetMeta;
  config?: CellConfig;
  title?: string;
  /** Position in the notebook; the end when absent. */
  index?: number;
}

/** Adds a cell to a workspace (not run yet: status idle). */
export async function createCell(db: DriftbookDb, workspaceId: string, spec: NewCell): Promise<CellRecord> {
  const { kind, reference, current } = spec;
  const inputs: CellInputs = {};
  if (reference) inputs.reference = { id: reference.id, sha256: reference.sha256 };
  if (current) inputs.current = { id: current.id, sha256: current.sha256 };
  return insertCell(
    db,
    {
      id: globalThis.crypto.randomUUID(),
      workspaceId,
      kind,
      title: spec.title ?? cellTitle(kind, reference, current),
      config: spec.config ?? cellSpec(kind).defaultConfig(),
      inputs,
      status: 'idle',
      updatedAt: new Date().toISOString(),
    },
    spec.index,
  );
}

/** The stored descriptions of a cell's input datasets (their current types and roles). */
export async function cellInputs(db: DriftbookDb, cell: CellRecord): Promise<Partial<Record<InputSlot, DatasetMeta>>> {
  const out: Partial<Record<InputSlot, DatasetMeta>> = {};
  for (const slot of ['reference', 'current'] as const) {
    const ref = cell.inputs[slot];
    if (ref) out[slot] = await getDatasetMeta(db, ref.id);
  }
  return out;
}

/**
 * The key the cell's result would have if it were run now (compare with cell.resultKey for
 * staleness), from the dataset descriptions the page already holds; undefined when an input is gone.
 */
export async function currentResultKey(cell: CellRecord, datasets: readonly DatasetMeta[]): Promise<string | undefined> {
  if (!cellSpec(cell.kind).compute) return undefined;
  const inputs: Partial<Record<InputSlot, DatasetMeta>> = {};
  for (const slot of ['reference', 'current'] as const) {
    const ref = cell.inputs[slot];
    if (!ref) continue;
    const meta = datasets.find((d) => d.id === ref.id);
    if (!meta) return undefined;
    inputs[slot] = meta;
  }
  return cellResultKey(cell.kind, cell.config, inputs);
}

/**
 * Runs a cell and saves its result, or its error (keeping the last good result). An unchanged cell
 * (same kind, config and input data) is not recomputed, nor one whose twin elsewhere has the result.
 */
export async function runCell(
  db: DriftbookDb,
  client: EngineClient,
  cell: CellRecord,
  onProgress?: (done: number, total: number) => void,
  { force = false }: { force?: boolean } = {},
): Promise<CellRecord> {
  const spec = cellSpec(cell.kind);
  if (!spec.compute) {
    const next = { ...cell, status: 'ok' as const, error: undefined, updatedAt: new Date().toISOString() };
    await saveCell(db, next);
    return next;
  }
  const started = performance.now();
  let next: CellRecord;
  try {
    const missing = spec.inputs.filter((slot) => !cell.inputs[slot]);
    if (missing.length) throw new AnalysisError('missing-input', `this cell needs a ${missing.join(' and a ')} dataset — choose it in the cell's inputs`);
    const key = await cellResultKey(cell.kind, cell.config, await cellInputs(db, cell));
    if (!force && cell.status === 'ok' && cell.result && cell.resultKey === key) return cell;
    const twin = force
      ? undefined
      : await db.cells
          .where('resultKey')
          .equals(key)
          .filter((c) => c.result !== undefined && c.status === 'ok')
          .first();
    let result = twin?.result;
    if (!result) {
      await saveCell(db, { ...cell, status: 'running', error: undefined });
      const ids = { reference: cell.inputs.reference?.id, current: cell.inputs.current?.id };
      result = await client.runCell(cell.kind, cell.config, ids, onProgress);
    }
    next = {
      ...cell,
      status: 'ok',
      result,
      error: undefined,
      resultKey: key,
      durationMs: twin ? 0 : Math.round(performance.now() - started),
      updatedAt: new Date().toISOString(),
    };
  } catch (error) {
    const info = toErrorInfo(error);
    // Cancelled by the user: back to how it was (its last result, or not run), not a failure.
    next =
      info.code === 'aborted'
        ? { ...cell, status: cell.result ? 'ok' : 'idle', error: undefined, updatedAt: new Date().toISOString() }
        : { ...cell, status: 'error', error: info, updatedAt: new Date().toISOString() };
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
    for (const dataset of [reference, current]) await addWorkspaceDataset(db, workspace.id, dataset.id);
    for (const spec of demoCells(reference, current)) await runCell(db, client, await createCell(db, workspace.id, spec));
    return workspace;
  })();
  return seeding;
}

/** The demo notebook: what it shows, the default preset (drift + quality), one column in detail and a chart over time. */
function demoCells(reference: DatasetMeta, current: DatasetMeta): NewCell[] {
  return [
    {
      kind: 'note',
      config: {
        markdown: [
          '## Seattle weather: 2012–2013 vs 2015',
          '',
          "A **demo notebook** computed in your browser from [vega-datasets](https://github.com/vega/vega-datasets)' *seattle-weather.csv*:",
          'the reference is 2012–2013, the current data is 2015. Every cell below can be re-run, edited, moved or deleted;',
          'drop your own reference and current files above to start a notebook of your own.',
        ].join('\n'),
      },
    },
    { kind: 'drift', reference, current },
    { kind: 'quality', reference, current },
    { kind: 'column', reference, current, config: { column: 'temp_max', methods: 'all' }, title: 'temp_max in detail' },
    { kind: 'chart', reference, current, config: { mark: 'line', x: 'date', y: 'precipitation', sides: 'both' }, title: 'Precipitation over time' },
    // The demo's rain model (scripts/train-demo-model.py): its quality, and its 2015 performance estimated without labels.
    {
      kind: 'classification',
      reference,
      current,
      config: { target: 'rain', prediction: 'rain_predicted', score: ['rain_score'], posLabel: '1' },
      title: 'Rain model: quality',
    },
    {
      kind: 'estimated',
      reference,
      current,
      config: { target: 'rain', score: 'rain_score', prediction: 'rain_predicted', posLabel: '1', chunks: 12 },
      title: 'Rain model: estimated vs realized',
    },
  ];
}
