/**
 * Experiments, runs and artifacts (MLflow's model, lib/tracking/types.ts) in IndexedDB. Runs made in
 * Driftbook (a cell run, by hand) and imported ones are the same records. Deleting is MLflow's soft
 * delete (lifecycleStage 'deleted', restorable); purging removes a deleted run and its artifacts.
 */
import { StorageError } from '../errors';
import type { Experiment, LifecycleStage, MetricPoint, RunInput, RunStatus, TrackingOrigin } from '../tracking/types';
import type { DriftbookDb } from './db';
import type { ArtifactRecord, ExperimentRecord, RunRecord } from './tracking-records';

/** The tag MLflow's UI keeps a run's (or an experiment's) markdown note in. */
export const NOTE_TAG = 'mlflow.note.content';

const LOCAL_ORIGIN: TrackingOrigin = { kind: 'driftbook' };

/** A 32-hex-digit id, MLflow's run id format (uuid4().hex). */
export const newRunId = (): string => globalThis.crypto.randomUUID().replace(/-/g, '');

export type LifecycleFilter = LifecycleStage | 'all';

export interface NewExperiment {
  name: string;
  tags?: Record<string, string>;
  origin?: TrackingOrigin;
  /** Default: a new uuid (never an integer, so never an imported MLflow id). */
  id?: string;
}

export async function createExperiment(db: DriftbookDb, spec: NewExperiment, now = Date.now()): Promise<ExperimentRecord> {
  const name = spec.name.trim();
  if (!name) throw new StorageError('bad-name', 'experiment name: empty — give the experiment a name');
  const id = spec.id ?? globalThis.crypto.randomUUID();
  const record: ExperimentRecord = {
    id,
    name,
    lifecycleStage: 'active',
    artifactLocation: `driftbook:/experiments/${id}`,
    creationTime: now,
    lastUpdateTime: now,
    tags: { ...spec.tags },
    origin: spec.origin ?? LOCAL_ORIGIN,
  };
  return db.transaction('rw', db.experiments, async () => {
    if (await db.experiments.get(id)) throw new StorageError('exists', `experiment ${id}: already exists`);
    await db.experiments.add(record);
    return record;
  });
}

export async function getExperiment(db: DriftbookDb, id: string): Promise<ExperimentRecord> {
  const found = await db.experiments.get(id);
  if (!found) throw new StorageError('not-found', `experiment ${id}: not found — it may have been purged`);
  return found;
}

export async function listExperiments(db: DriftbookDb, lifecycle: LifecycleFilter = 'all'): Promise<ExperimentRecord[]> {
  const all = await db.experiments.toArray();
  return all.filter((e) => lifecycle === 'all' || e.lifecycleStage === lifecycle).sort((a, b) => a.name.localeCompare(b.name));
}

/** Renames, retags or (soft) deletes/restores an experiment. */
export async function updateExperiment(
  db: DriftbookDb,
  id: string,
  patch: Partial<Pick<Experiment, 'name' | 'tags' | 'lifecycleStage'>>,
  now = Date.now(),
): Promise<ExperimentRecord> {
  return db.transaction('rw', db.experiments, async () => {
    const current = await getExperiment(db, id);
    if (patch.name !== undefined && !patch.name.trim()) throw new StorageError('bad-name', 'experiment name: empty — give the experiment a name');
    const next: ExperimentRecord = { ...current, ...patch, ...(patch.name ? { name: patch.name.trim() } : {}), lastUpdateTime: now };
    await db.experiments.put(next);
    return next;
  });
}

export interface NewRun {
  experimentId: string;
  name?: string | null;
  status?: RunStatus;
  startTime?: number;
  endTime?: number | null;
  user?: string;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  metrics?: Record<string, MetricPoint[]>;
  inputs?: RunInput[];
  origin?: TrackingOrigin;
  id?: string;
}

/** A new run in an existing experiment (status RUNNING unless given). */
export async function createRun(db: DriftbookDb, spec: NewRun, now = Date.now()): Promise<RunRecord> {
  const id = spec.id ?? newRunId();
  const record: RunRecord = {
    id,
    experimentId: spec.experimentId,
    name: spec.name?.trim() ? spec.name : null,
    status: spec.status ?? 'RUNNING',
    startTime: spec.startTime ?? now,
    endTime: spec.endTime ?? null,
    lifecycleStage: 'active',
    user: spec.user ?? '',
    artifactUri: `driftbook:/runs/${id}/artifacts`,
    params: { ...spec.params },
    tags: { ...spec.tags, ...(spec.name?.trim() ? { 'mlflow.runName': spec.name } : {}) },
    metrics: Object.fromEntries(Object.entries(spec.metrics ?? {}).map(([k, v]) => [k, [...v]])),
    artifacts: [],
    inputs: [...(spec.inputs ?? [])],
    origin: spec.origin ?? LOCAL_ORIGIN,
  };
  return db.transaction('rw', db.experiments, db.runs, async () => {
    await getExperiment(db, spec.experimentId);
    if (await db.runs.get(id)) throw new StorageError('exists', `run ${id}: already exists`);
    await db.runs.add(record);
    return record;
  });
}

export async function getRun(db: DriftbookDb, id: string): Promise<RunRecord> {
  const found = await db.runs.get(id);
  if (!found) throw new StorageError('not-found', `run ${id}: not found — it may have been purged`);
  return found;
}

/** Runs of some experiments (all when none given), newest first. */
export async function listRuns(
  db: DriftbookDb,
  { experimentIds, lifecycle = 'active' }: { experimentIds?: string[]; lifecycle?: LifecycleFilter } = {},
): Promise<RunRecord[]> {
  const runs = experimentIds ? await db.runs.where('experimentId').anyOf(experimentIds).toArray() : await db.runs.toArray();
  return runs.filter((r) => lifecycle === 'all' || r.lifecycleStage === lifecycle).sort((a, b) => b.startTime - a.startTime || (a.id < b.id ? -1 : 1));
}

/** Changes a stored run in a transaction (the edit gets the current record and returns the next one). */
async function editRun(db: DriftbookDb, id: string, edit: (run: RunRecord) => RunRecord): Promise<RunRecord> {
  return db.transaction('rw', db.runs, async () => {
    const next = edit(await getRun(db, id));
    await db.runs.put(next);
    return next;
  });
}

const checkKey = (what: string, key: string): string => {
  if (!key.trim()) throw new StorageError('bad-key', `${what} key: empty — give it a name`);
  return key;
};

/** Sets the run's name (also its `mlflow.runName` tag, as MLflow does), status or end time. */
export function updateRun(db: DriftbookDb, id: string, patch: { name?: string | null; status?: RunStatus; endTime?: number | null }): Promise<RunRecord> {
  return editRun(db, id, (run) => {
    const next: RunRecord = { ...run, ...patch };
    if (patch.name !== undefined) {
      const name = patch.name?.trim() ? patch.name : null;
      next.name = name;
      next.tags = { ...run.tags };
      if (name) next.tags['mlflow.runName'] = name;
      else delete next.tags['mlflow.runName'];
    }
    return next;
  });
}

/** Sets (or, with value null, removes) a param. Unlike MLflow's API, a hand edit may change a logged value. */
export const setParam = (db: DriftbookDb, id: string, key: string, value: string | null): Promise<RunRecord> =>
  editRun(db, id, (run) => ({ ...run, params: withEntry(run.params, checkKey('param', key), value) }));

/** Sets (or, with value null, removes) a tag. */
export const setTag = (db: DriftbookDb, id: string, key: string, value: string | null): Promise<RunRecord> =>
  editRun(db, id, (run) => ({ ...run, tags: withEntry(run.tags, checkKey('tag', key), value) }));

/** The run's markdown note (MLflow's `mlflow.note.content` tag); empty text removes it. */
export const setRunNote = (db: DriftbookDb, id: string, markdown: string): Promise<RunRecord> => setTag(db, id, NOTE_TAG, markdown === '' ? null : markdown);

function withEntry(map: Record<string, string>, key: string, value: string | null): Record<string, string> {
  const next = { ...map };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

/** Appends a point to a metric's history (timestamp now and step 0 unless given). */
export async function logMetric(db: DriftbookDb, id: string, key: string, point: { value: number; timestamp?: number; step?: number }): Promise<RunRecord> {
  checkKey('metric', key);
  if (typeof point.value !== 'number') throw new StorageError('bad-metric', `metric ${key}: ${String(point.value)} is not a number`);
  const full: MetricPoint = { value: point.value, timestamp: point.timestamp ?? Date.now(), step: point.step ?? 0 };
  if (!Number.isInteger(full.step)) throw new StorageError('bad-metric', `metric ${key}: step ${full.step} is not an integer`);
  return editRun(db, id, (run) => ({ ...run, metrics: { ...run.metrics, [key]: [...(run.metrics[key] ?? []), full] } }));
}

/** Removes a metric and its whole history. */
export const deleteMetric = (db: DriftbookDb, id: string, key: string): Promise<RunRecord> =>
  editRun(db, id, (run) => {
    const metrics = { ...run.metrics };
    delete metrics[key];
    return { ...run, metrics };
  });

/** MLflow's soft delete and restore. */
export const setRunLifecycle = (db: DriftbookDb, id: string, stage: LifecycleStage): Promise<RunRecord> =>
  editRun(db, id, (run) => ({ ...run, lifecycleStage: stage }));

/** Removes a deleted run and its artifacts for good (MLflow's `gc`); an active run must be deleted first. */
export async function purgeRun(db: DriftbookDb, id: string): Promise<void> {
  await db.transaction('rw', db.runs, db.artifacts, async () => {
    const run = await getRun(db, id);
    if (run.lifecycleStage !== 'deleted') throw new StorageError('active-run', `run ${id}: still active — delete it before purging it`);
    await db.artifacts.where('runId').equals(id).delete();
    await db.runs.delete(id);
  });
}

const cleanPath = (path: string): string => {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..'))
    throw new StorageError('bad-path', `artifact path: ${JSON.stringify(path)} — use a relative path such as plots/roc.png`);
  return parts.join('/');
};

/** Stores an artifact's bytes under a path of the run (replacing the one at that path). */
export async function putArtifact(db: DriftbookDb, runId: string, path: string, blob: Blob, now = Date.now()): Promise<ArtifactRecord> {
  const clean = cleanPath(path);
  const record: ArtifactRecord = {
    id: `${runId}/${clean}`,
    runId,
    path: clean,
    name: clean.split('/').pop()!,
    size: blob.size,
    type: blob.type,
    blob,
    createdAt: now,
  };
  await db.transaction('rw', db.runs, db.artifacts, async () => {
    const run = await getRun(db, runId);
    await db.artifacts.put(record);
    if (!run.artifacts.includes(clean)) await db.runs.put({ ...run, artifacts: [...run.artifacts, clean].sort() });
  });
  return record;
}

export async function getArtifact(db: DriftbookDb, runId: string, path: string): Promise<ArtifactRecord | undefined> {
  return db.artifacts.get(`${runId}/${cleanPath(path)}`);
}

/** The run's stored artifacts (an imported run lists paths whose bytes were not imported: those have no record). */
export async function listArtifacts(db: DriftbookDb, runId: string): Promise<ArtifactRecord[]> {
  return (await db.artifacts.where('runId').equals(runId).toArray()).sort((a, b) => (a.path < b.path ? -1 : 1));
}

export async function deleteArtifact(db: DriftbookDb, runId: string, path: string): Promise<void> {
  const clean = cleanPath(path);
  await db.transaction('rw', db.runs, db.artifacts, async () => {
    const run = await getRun(db, runId);
    await db.artifacts.delete(`${runId}/${clean}`);
    await db.runs.put({ ...run, artifacts: run.artifacts.filter((p) => p !== clean) });
  });
}
