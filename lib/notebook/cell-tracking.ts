/**
 * Every computed cell run logs an MLflow-style run (lib/tracking/cell-run.ts says what) in its
 * workspace's experiment (one per workspace, named after it, tagged driftbook.workspaceId). Metrics
 * are the kind's catalogue scalars that need no column (lib/notebook/scalars.ts), then the result's
 * other top-level numbers; the result's JSON is stored as the artifact `result.json` when it is
 * small (the HTML report needs lib/report, a layer above). Logging never fails the cell.
 */
import type { DriftbookDb } from '../store/db';
import { getDatasetMeta } from '../store/datasets';
import { createExperiment, createRun, putArtifact, updateExperiment } from '../store/tracking';
import type { RunRecord } from '../store/tracking-records';
import { cellRunSpec, MAX_RUN_METRICS, scalarFields, WORKSPACE_TAG, type CellRunInput } from '../tracking/cell-run';
import type { CellRecord } from './cell-record';
import { scalarsOfKind } from './scalars';
import { INPUT_SLOTS } from './types';

/** Results with more values than this are not stored as result.json (a 10,000-column drift result would be megabytes per run). */
export const RESULT_ARTIFACT_MAX_VALUES = 20_000;

/** The experiment that holds a workspace's cell runs. */
export const workspaceExperimentId = (workspaceId: string): string => `workspace-${workspaceId}`;

/** The run's metrics: catalogue scalars of the kind (no column needed), then the result's obvious numbers, at most MAX_RUN_METRICS. */
export function cellRunMetrics(kind: string, result: unknown): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const scalar of scalarsOfKind(kind)) {
    if (scalar.column === 'required') continue;
    try {
      const value = scalar.read(result, undefined).value;
      if (typeof value === 'number' && Number.isFinite(value)) metrics[scalar.id] = value;
    } catch {
      // Not this result's task (a regression scalar on a classification result): not logged.
    }
  }
  for (const [key, value] of Object.entries(scalarFields(result))) {
    if (Object.keys(metrics).length >= MAX_RUN_METRICS) break;
    if (!(key in metrics)) metrics[key] = value;
  }
  return metrics;
}

/** The result as JSON, or null when it holds more than `maxValues` values (counted while serialising, so a huge one stops early). */
export function resultJson(result: unknown, maxValues = RESULT_ARTIFACT_MAX_VALUES): string | null {
  let seen = 0;
  const tooBig = new Error('too big');
  try {
    return JSON.stringify(result, (_key, value: unknown) => {
      if (++seen > maxValues) throw tooBig;
      return value;
    });
  } catch (error) {
    if (error === tooBig) return null;
    throw error;
  }
}

async function ensureExperiment(db: DriftbookDb, workspaceId: string, name: string, now: number): Promise<string> {
  const id = workspaceExperimentId(workspaceId);
  const existing = await db.experiments.get(id);
  if (!existing) await createExperiment(db, { id, name, tags: { [WORKSPACE_TAG]: workspaceId }, origin: { kind: 'driftbook', workspaceId } }, now);
  else if (existing.name !== name) await updateExperiment(db, id, { name }, now);
  return id;
}

/**
 * Logs a finished cell run (status ok or error). Returns the run, or undefined when logging failed
 * (the failure is swallowed: a cell's run never fails because of its tracking).
 */
export async function logCellRun(
  db: DriftbookDb,
  cell: CellRecord,
  { startTime, endTime = Date.now(), reused = false }: { startTime: number; endTime?: number; reused?: boolean },
): Promise<RunRecord | undefined> {
  try {
    if (cell.status !== 'ok' && cell.status !== 'error') return undefined;
    const workspace = await db.workspaces.get(cell.workspaceId);
    const workspaceName = workspace?.name ?? cell.workspaceId;
    const inputs: CellRunInput[] = [];
    for (const slot of INPUT_SLOTS) {
      const ref = cell.inputs[slot];
      if (!ref) continue;
      let name = ref.id;
      try {
        name = (await getDatasetMeta(db, ref.id)).name;
      } catch {
        // A deleted dataset: its id stands for its name.
      }
      inputs.push({ slot, datasetId: ref.id, name, sha256: ref.sha256, ...(ref.segment ? { segment: ref.segment } : {}) });
    }
    const ok = cell.status === 'ok';
    const spec = cellRunSpec({
      workspaceId: cell.workspaceId,
      workspaceName,
      cellId: cell.id,
      title: cell.title,
      kind: cell.kind,
      config: cell.config,
      inputs,
      ok,
      ...(ok ? {} : { error: { code: cell.error?.code ?? 'internal', message: cell.error?.message ?? '' } }),
      startTime,
      endTime,
      metrics: ok && cell.result ? cellRunMetrics(cell.kind, cell.result) : {},
      reused,
    });
    const experimentId = await ensureExperiment(db, cell.workspaceId, workspaceName, endTime);
    const json = ok && cell.result ? resultJson(cell.result) : null;
    if (ok && cell.result && json === null) spec.tags['driftbook.resultArtifact'] = `not stored: more than ${RESULT_ARTIFACT_MAX_VALUES} values`;
    const run = await createRun(db, { experimentId, ...spec, origin: { kind: 'driftbook', workspaceId: cell.workspaceId, cellId: cell.id } }, endTime);
    if (json !== null) await putArtifact(db, run.id, 'result.json', new Blob([json], { type: 'application/json' }), endTime);
    return (await db.runs.get(run.id)) ?? run;
  } catch {
    return undefined;
  }
}
