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

/** Deep equality of plain records: key order ignored, NaN equals NaN, undefined members ignored; stops at the first difference. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i], other[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(rb, k) || !sameRecord(ra[k], rb[k])) return false;
  return true;
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

/** Counts each record against the stored one (by key) and returns those to put: new or changed. */
function tally<T extends { origin: TrackingOrigin }>(stored: readonly (T | undefined)[], next: readonly T[], counts: ImportCounts): T[] {
  const changed: T[] = [];
  next.forEach((record, i) => {
    const before = stored[i];
    if (!before) counts.added++;
    else if (sameRecord(withoutOrigin(before), withoutOrigin(record))) {
      counts.unchanged++;
      return;
    } else counts.updated++;
    changed.push(record);
  });
  return changed;
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
    const experiments: ExperimentRecord[] = [];
    for (const experiment of snapshot.experiments) {
      const id = await experimentSlot(db, experiment, origin.source);
      ids.set(experiment.id, id);
      if (id !== experiment.id) report.renamedExperimentIds[experiment.id] = id;
      experiments.push({ ...experiment, id, origin, ...(id === experiment.id ? {} : { mlflowId: experiment.id }) });
    }
    await db.experiments.bulkPut(tally(await db.experiments.bulkGet(experiments.map((e) => e.id)), experiments, report.experiments));
    const runs: RunRecord[] = snapshot.runs.map((run: Run) => ({ ...run, experimentId: ids.get(run.experimentId) ?? run.experimentId, origin }));
    await db.runs.bulkPut(tally(await db.runs.bulkGet(runs.map((r) => r.id)), runs, report.runs));
    const storedModels = await db.registeredModels.bulkGet(snapshot.registeredModels.map((m) => m.name));
    const models = snapshot.registeredModels.map((model, i) => mergeModel(storedModels[i], model, origin));
    await db.registeredModels.bulkPut(tally(storedModels, models, report.registeredModels));
  });
  return report;
}
