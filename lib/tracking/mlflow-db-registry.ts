import type { ModelVersion, RegisteredModel } from './types';
import type { Database } from './sql-js';
import { num, selectRows, setEntry, text } from './mlflow-db-schema';

/** The stage MLflow gives a deleted model version: a tombstone keeping its number, never shown. */
const DELETED_STAGE = 'Deleted_Internal';

/**
 * Registered models by name with their versions (by number, Deleted_Internal left out), tags and
 * aliases (from registered_model_aliases; none in databases older than that table).
 */
export function readRegisteredModels(db: Database, warnings: string[]): RegisteredModel[] {
  const models = selectRows(db, 'registered_models', ['name', 'creation_time', 'last_updated_time', 'description'], { orderBy: ['name'] });
  const byName = new Map<string, RegisteredModel>();
  const out = models.map((row) => {
    const model: RegisteredModel = {
      name: text(row.name ?? null) ?? '',
      description: text(row.description ?? null) ?? '',
      creationTimestamp: num(row.creation_time ?? null),
      lastUpdatedTimestamp: num(row.last_updated_time ?? null),
      tags: {},
      aliases: {},
      versions: [],
    };
    byName.set(model.name, model);
    return model;
  });
  for (const row of selectRows(db, 'registered_model_tags', ['name', 'key', 'value'])) {
    const model = byName.get(text(row.name ?? null) ?? '');
    const key = text(row.key ?? null);
    if (model && key !== null) setEntry(model.tags, key, text(row.value ?? null) ?? '');
  }
  const versionCols = ['name', 'version', 'creation_time', 'last_updated_time', 'description', 'current_stage', 'source', 'run_id', 'status'];
  const versions = new Map<string, ModelVersion>();
  for (const row of selectRows(db, 'model_versions', versionCols, { orderBy: ['name', 'version'] })) {
    const name = text(row.name ?? null) ?? '';
    const model = byName.get(name);
    const number = num(row.version ?? null);
    if (!model || number === null) {
      warnings.push(`model version ${name} ${String(row.version)}: no registered model of that name; left out`);
      continue;
    }
    const currentStage = text(row.current_stage ?? null) ?? 'None';
    if (currentStage === DELETED_STAGE) continue;
    const version: ModelVersion = {
      version: number,
      runId: text(row.run_id ?? null),
      source: text(row.source ?? null) ?? '',
      status: text(row.status ?? null) ?? '',
      currentStage,
      description: text(row.description ?? null) ?? '',
      creationTimestamp: num(row.creation_time ?? null),
      lastUpdatedTimestamp: num(row.last_updated_time ?? null),
      tags: {},
    };
    model.versions.push(version);
    versions.set(`${name}\u0000${number}`, version);
  }
  for (const row of selectRows(db, 'model_version_tags', ['name', 'version', 'key', 'value'])) {
    const version = versions.get(`${text(row.name ?? null) ?? ''}\u0000${num(row.version ?? null) ?? ''}`);
    const key = text(row.key ?? null);
    if (version && key !== null) setEntry(version.tags, key, text(row.value ?? null) ?? '');
  }
  for (const row of selectRows(db, 'registered_model_aliases', ['name', 'alias', 'version'])) {
    const model = byName.get(text(row.name ?? null) ?? '');
    const alias = text(row.alias ?? null);
    const version = num(row.version ?? null);
    if (model && alias !== null && version !== null) setEntry(model.aliases, alias, version);
  }
  return out;
}
