/**
 * Stores an MLflow import (lib/tracking's TrackingSnapshot) as ordinary experiments, runs and
 * registered models. Importing the same folder or database again duplicates nothing: runs are keyed
 * by their MLflow ids (uuids), experiments by (source, MLflow id), models by name, versions by number;
 * each record is counted as added, updated (it differed) or unchanged.
 */
import type { Experiment, RegisteredModel, Run, TrackingOrigin, TrackingSnapshot } from '../tracking/types';
import { lastVersionOf } from '../tracking/registry';
import type { DriftbookDb } from './db';
import type { ExperimentRecord, RegisteredModelRecord, RunRecord } from './tracking-records';

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  experiments: ImportCounts;
  runs: ImportCounts;
  registeredModels: ImportCounts;
  /** Experiments stored under another id because theirs was taken by a different experiment: MLflow id → stored id. */
  renamedExperimentIds: Record<string, string>;
}

const counts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0 });

/** JSON with sorted keys and NaN/±Infinity kept apart (JSON.stringify writes all three as null). */
function stable(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `"${String(value)}"`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
    .join(',')}}`;
}

const sameSource = (origin: TrackingOrigin, source: string): boolean => origin.kind === 'mlflow-import' && origin.source === source;

/** A short stable suffix for an id taken by another source's experiment (FNV-1a of the source). */
function sourceSuffix(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Where an imported experiment goes: the one this source stored before (same MLflow id), else the
 * stored experiment with that id when it has the same name (MLflow's Default '0' from two folders is
 * one experiment), else that id when free, else the id with a suffix of the source.
 */
async function experimentSlot(db: DriftbookDb, experiment: Experiment, source: string): Promise<string> {
  const previous = await db.experiments.filter((e) => sameSource(e.origin, source) && (e.mlflowId ?? e.id) === experiment.id).first();
  if (previous) return previous.id;
  const holder = await db.experiments.get(experiment.id);
  if (!holder || holder.name === experiment.name) return experiment.id;
  let id = `${experiment.id}-${sourceSuffix(source)}`;
  for (let k = 2; await db.experiments.get(id); k++) id = `${experiment.id}-${sourceSuffix(source)}-${k}`;
  return id;
}

const withoutOrigin = <T extends { origin?: unknown }>(record: T): Omit<T, 'origin'> => {
  const { origin: _origin, ...rest } = record;
  return rest;
};

/** Puts `next` unless an equal record is stored; counts what happened. */
async function upsert<T extends { origin: TrackingOrigin }>(
  table: { get(key: string): Promise<T | undefined>; put(value: T): Promise<unknown> },
  key: string,
  next: T,
  tally: ImportCounts,
): Promise<void> {
  const stored = await table.get(key);
  if (!stored) {
    await table.put(next);
    tally.added++;
  } else if (stable(withoutOrigin(stored)) === stable(withoutOrigin(next))) {
    tally.unchanged++;
  } else {
    await table.put(next);
    tally.updated++;
  }
}

/** Merges an imported model into the stored one: imported versions and aliases win, local versions stay, numbers keep counting up. */
function mergeModel(stored: RegisteredModelRecord | undefined, model: RegisteredModel, origin: TrackingOrigin): RegisteredModelRecord {
  const imported = new Set(model.versions.map((v) => v.version));
  const local = (stored?.versions ?? []).filter((v) => !imported.has(v.version));
  const versions = [...local, ...model.versions].sort((a, b) => a.version - b.version);
  const merged = {
    ...model,
    aliases: { ...stored?.aliases, ...model.aliases },
    versions,
    lastVersion: stored?.lastVersion ?? 0,
    origin: stored?.origin ?? origin,
  };
  return { ...merged, lastVersion: lastVersionOf(merged) };
}

/** Stores a snapshot; `origin` says where it came from (its `source`, e.g. the folder's or file's name, keys re-imports). */
export async function importSnapshot(
  db: DriftbookDb,
  snapshot: TrackingSnapshot,
  origin: Extract<TrackingOrigin, { kind: 'mlflow-import' }>,
): Promise<ImportReport> {
  const report: ImportReport = { experiments: counts(), runs: counts(), registeredModels: counts(), renamedExperimentIds: {} };
  await db.transaction('rw', db.experiments, db.runs, db.registeredModels, async () => {
    const ids = new Map<string, string>();
    for (const experiment of snapshot.experiments) {
      const id = await experimentSlot(db, experiment, origin.source);
      ids.set(experiment.id, id);
      if (id !== experiment.id) report.renamedExperimentIds[experiment.id] = id;
      const record: ExperimentRecord = { ...experiment, id, origin, ...(id === experiment.id ? {} : { mlflowId: experiment.id }) };
      await upsert(db.experiments, id, record, report.experiments);
    }
    for (const run of snapshot.runs) {
      const record: RunRecord = { ...(run as Run), experimentId: ids.get(run.experimentId) ?? run.experimentId, origin };
      await upsert(db.runs, run.id, record, report.runs);
    }
    for (const model of snapshot.registeredModels) {
      const stored = await db.registeredModels.get(model.name);
      await upsert(db.registeredModels, model.name, mergeModel(stored, model, origin), report.registeredModels);
    }
  });
  return report;
}
