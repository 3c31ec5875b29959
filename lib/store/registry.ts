/**
 * The model registry in IndexedDB: each operation applies lib/tracking/registry.ts's rules to the
 * stored model in a transaction, then records what changed in the audit trail (alias moves, stage
 * changes, versions registered and deleted, edits) after the change is stored, so the history of
 * `champion` is kept. Importing a snapshot is audited as one 'import' entry by its caller, not here.
 */
import { AnalysisError, StorageError } from '../errors';
import { appendAudit } from './audit';
import { WORKSPACE_TAG } from '../tracking/cell-run';
import * as rules from '../tracking/registry';
import type { ModelVersion } from '../tracking/types';
import type { DriftbookDb } from './db';
import { getRun } from './tracking';
import type { RegisteredModelRecord } from './tracking-records';

const LOCAL = { kind: 'driftbook' } as const;

/**
 * The one place registry changes reach the audit trail (lib/store/audit.ts's appendAudit, type
 * 'registry-change'), after the change is stored.
 */
async function auditRegistryChanges(db: DriftbookDb, changes: readonly rules.RegistryChange[]): Promise<void> {
  for (const entry of changes) await appendAudit(db, 'registry-change', { ...entry });
}

export async function getModel(db: DriftbookDb, name: string): Promise<RegisteredModelRecord> {
  const found = await db.registeredModels.get(name);
  if (!found) throw new StorageError('not-found', `registered model ${name}: not found`);
  return found;
}

export async function listModels(db: DriftbookDb): Promise<RegisteredModelRecord[]> {
  return (await db.registeredModels.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** A registered version whose source run a workspace logged (a model card lists them). */
export interface WorkspaceVersion {
  model: string;
  version: number;
  stage: string;
  aliases: string[];
  runId: string;
}

/**
 * The registered versions whose source run carries `driftbook.workspaceId` = `workspaceId` (the runs
 * its cells logged), by model name then version — what the workspace's model card links to.
 */
export async function listWorkspaceVersions(db: DriftbookDb, workspaceId: string): Promise<WorkspaceVersion[]> {
  const models = await listModels(db);
  const runIds = [...new Set(models.flatMap((m) => m.versions.map((v) => v.runId)).filter((id): id is string => id !== null))];
  const runs = await db.runs.bulkGet(runIds);
  const mine = new Set(runs.filter((r) => r?.tags[WORKSPACE_TAG] === workspaceId).map((r) => r!.id));
  return models.flatMap((m) =>
    m.versions
      .filter((v) => v.runId !== null && mine.has(v.runId))
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        model: m.name,
        version: v.version,
        stage: v.currentStage,
        aliases: Object.keys(m.aliases)
          .filter((alias) => m.aliases[alias] === v.version)
          .sort(),
        runId: v.runId!,
      })),
  );
}

/** Runs a rule on the stored model in a transaction, storing its result, then audits its changes. */
async function change(
  db: DriftbookDb,
  name: string,
  apply: (model: RegisteredModelRecord) => { model: rules.NumberedModel; changes: rules.RegistryChange[] },
): Promise<RegisteredModelRecord> {
  let changes: rules.RegistryChange[] = [];
  const next = await db.transaction('rw', db.registeredModels, async () => {
    const current = await getModel(db, name);
    let result;
    try {
      result = apply(current);
    } catch (error) {
      if (error instanceof AnalysisError) throw new StorageError(error.code, error.message);
      throw error;
    }
    changes = result.changes;
    const stored: RegisteredModelRecord = { ...result.model, origin: current.origin };
    if (changes.length) await db.registeredModels.put(stored);
    return stored;
  });
  await auditRegistryChanges(db, changes);
  return next;
}

export async function createModel(db: DriftbookDb, name: string, description = '', now = Date.now()): Promise<RegisteredModelRecord> {
  const clean = name.trim();
  if (!clean) throw new StorageError('bad-name', 'model name: empty — give the registered model a name');
  const record: RegisteredModelRecord = { ...rules.newModel(clean, now, description), origin: LOCAL };
  await db.transaction('rw', db.registeredModels, async () => {
    if (await db.registeredModels.get(clean)) throw new StorageError('exists', `registered model ${clean}: already exists`);
    await db.registeredModels.add(record);
  });
  await auditRegistryChanges(db, [{ action: 'create-model', model: clean }]);
  return record;
}

/**
 * Registers a version of `name` from a run (the model is created when new); its source is the run's
 * artifact URI plus `artifactPath` (e.g. "model"). The number is one past the highest ever used.
 */
export async function registerFromRun(
  db: DriftbookDb,
  name: string,
  runId: string,
  {
    artifactPath = 'model',
    description,
    tags,
    now = Date.now(),
  }: { artifactPath?: string; description?: string; tags?: Record<string, string>; now?: number } = {},
): Promise<ModelVersion> {
  const run = await getRun(db, runId);
  if (!(await db.registeredModels.get(name.trim()))) await createModel(db, name, '', now);
  let version: ModelVersion | undefined;
  const source = `${run.artifactUri.replace(/\/+$/, '')}/${artifactPath.replace(/^\/+/, '')}`;
  await change(db, name.trim(), (model) => {
    const result = rules.registerVersion(model, { runId, source, description, tags }, now);
    version = result.version;
    return { model: result.model, changes: [result.change] };
  });
  return version!;
}

/** Points an alias at a version; a move from another version is kept in the audit trail. */
export const setAlias = (db: DriftbookDb, name: string, alias: string, version: number, now = Date.now()) =>
  change(db, name, (model) => {
    const result = rules.setAlias(model, alias, version, now);
    return { model: result.model, changes: result.change ? [result.change] : [] };
  });

export const deleteAlias = (db: DriftbookDb, name: string, alias: string, now = Date.now()) =>
  change(db, name, (model) => {
    const result = rules.deleteAlias(model, alias, now);
    return { model: result.model, changes: [result.change] };
  });

/** MLflow's stage transition (None, Staging, Production, Archived), optionally archiving the others in that stage. */
export const transitionStage = (db: DriftbookDb, name: string, version: number, stage: string, { archiveExisting = false, now = Date.now() } = {}) =>
  change(db, name, (model) => rules.transitionStage(model, version, stage, now, archiveExisting));

/** Deletes a version (and its aliases); its number is never given again. */
export const deleteVersion = (db: DriftbookDb, name: string, version: number, now = Date.now()) =>
  change(db, name, (model) => {
    const result = rules.deleteVersion(model, version, now);
    return { model: result.model, changes: [result.change] };
  });

/** Edits the description and/or tags of the model or of one of its versions. */
export const editModel = (db: DriftbookDb, name: string, edit: { version?: number; description?: string; tags?: Record<string, string> }, now = Date.now()) =>
  change(db, name, (model) => rules.editModel(model, edit, now));
