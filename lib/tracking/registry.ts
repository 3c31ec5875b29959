/**
 * The model registry's rules as pure functions over a registered model (the store wraps them in
 * transactions): version numbers are never reused, aliases follow MLflow's naming rules, stages are
 * MLflow's four. Each change returns the new model and what changed (for the audit trail).
 */
import { AnalysisError } from '../errors';
import type { ModelVersion, RegisteredModel } from './types';

/** MLflow's stages (mlflow/entities/model_registry/model_version_stages.py). */
export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** A registered model plus the highest version number ever given (deleted versions included). */
export type NumberedModel = RegisteredModel & { lastVersion: number };

/** What a registry operation changed (the audit trail's `registry-change` details). */
export type RegistryChange =
  | { action: 'create-model'; model: string }
  | { action: 'register-version'; model: string; version: number; runId: string | null }
  | { action: 'set-alias'; model: string; alias: string; from: number | null; to: number }
  | { action: 'delete-alias'; model: string; alias: string; from: number }
  | { action: 'stage'; model: string; version: number; from: string; to: string }
  | { action: 'delete-version'; model: string; version: number; aliases: string[] }
  | { action: 'edit'; model: string; version?: number; field: 'description' | 'tags' };

/** Why an alias name is refused (MLflow's _validate_model_alias_name), or null when it is fine. */
export function aliasProblem(alias: string): string | null {
  if (alias === '') return 'alias: empty — give it a name such as champion';
  if (!/^[\p{L}\p{N}_-]*$/u.test(alias)) return `alias: ${JSON.stringify(alias)} — names may only contain letters, digits, underscores (_) and dashes (-)`;
  if (alias.length > 255) return `alias: ${alias.length} characters — at most 255`;
  if (alias.toLowerCase() === 'latest') return "alias: 'latest' (any case) is reserved — choose another name";
  if (/^[vV]\d+$/.test(alias)) return `alias: ${alias} is reserved (it reads as a version number) — choose another name`;
  return null;
}

/** A stage in MLflow's spelling, case-insensitively ('production' → 'Production'), or null when it is not one. */
export function canonicalStage(stage: string): Stage | null {
  return STAGES.find((s) => s.toLowerCase() === stage.trim().toLowerCase()) ?? null;
}

/** The highest version number a model has used: its counter, or its versions' numbers when higher (an import). */
export const lastVersionOf = (model: Pick<NumberedModel, 'lastVersion' | 'versions'>): number =>
  Math.max(model.lastVersion, 0, ...model.versions.map((v) => v.version));

export function newModel(name: string, now: number, description = ''): NumberedModel {
  return { name, description, creationTimestamp: now, lastUpdatedTimestamp: now, tags: {}, aliases: {}, versions: [], lastVersion: 0 };
}

const findVersion = (model: RegisteredModel, version: number): ModelVersion => {
  const found = model.versions.find((v) => v.version === version);
  if (!found)
    throw new AnalysisError('registry', `model ${model.name}: no version ${version} (versions: ${model.versions.map((v) => v.version).join(', ') || 'none'})`);
  return found;
};

export interface NewVersion {
  runId: string | null;
  source: string;
  description?: string;
  tags?: Record<string, string>;
}

/** A new version numbered one past the highest ever used (so a deleted number is never given again). */
export function registerVersion(model: NumberedModel, spec: NewVersion, now: number): { model: NumberedModel; version: ModelVersion; change: RegistryChange } {
  const number = lastVersionOf(model) + 1;
  const version: ModelVersion = {
    version: number,
    runId: spec.runId,
    source: spec.source,
    status: 'READY',
    currentStage: 'None',
    description: spec.description ?? '',
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    tags: { ...spec.tags },
  };
  return {
    model: { ...model, versions: [...model.versions, version], lastVersion: number, lastUpdatedTimestamp: now },
    version,
    change: { action: 'register-version', model: model.name, version: number, runId: spec.runId },
  };
}

/** Points an alias at a version (moving it when it pointed elsewhere). */
export function setAlias(model: NumberedModel, alias: string, version: number, now: number): { model: NumberedModel; change: RegistryChange | null } {
  const problem = aliasProblem(alias);
  if (problem) throw new AnalysisError('registry', problem);
  findVersion(model, version);
  const from = model.aliases[alias] ?? null;
  if (from === version) return { model, change: null };
  return {
    model: { ...model, aliases: { ...model.aliases, [alias]: version }, lastUpdatedTimestamp: now },
    change: { action: 'set-alias', model: model.name, alias, from, to: version },
  };
}

export function deleteAlias(model: NumberedModel, alias: string, now: number): { model: NumberedModel; change: RegistryChange } {
  const from = model.aliases[alias];
  if (from === undefined)
    throw new AnalysisError('registry', `model ${model.name}: no alias ${alias} (aliases: ${Object.keys(model.aliases).join(', ') || 'none'})`);
  const aliases = { ...model.aliases };
  delete aliases[alias];
  return { model: { ...model, aliases, lastUpdatedTimestamp: now }, change: { action: 'delete-alias', model: model.name, alias, from } };
}

/**
 * Moves a version to a stage; with `archiveExisting`, the other versions in that stage (Staging or
 * Production) go to Archived, as MLflow's transition_model_version_stage(archive_existing_versions=True).
 */
export function transitionStage(
  model: NumberedModel,
  version: number,
  stage: string,
  now: number,
  archiveExisting = false,
): { model: NumberedModel; changes: RegistryChange[] } {
  const to = canonicalStage(stage);
  if (!to) throw new AnalysisError('registry', `stage: ${JSON.stringify(stage)} — use one of ${STAGES.join(', ')}`);
  const target = findVersion(model, version);
  const changes: RegistryChange[] = [];
  const versions = model.versions.map((v) => {
    if (v.version === version) {
      if (v.currentStage !== to) changes.push({ action: 'stage', model: model.name, version, from: v.currentStage, to });
      return { ...v, currentStage: to, lastUpdatedTimestamp: now };
    }
    if (archiveExisting && (to === 'Staging' || to === 'Production') && v.currentStage === to) {
      changes.push({ action: 'stage', model: model.name, version: v.version, from: v.currentStage, to: 'Archived' });
      return { ...v, currentStage: 'Archived', lastUpdatedTimestamp: now };
    }
    return v;
  });
  if (changes.length === 0 && target.currentStage === to) return { model, changes };
  return { model: { ...model, versions, lastUpdatedTimestamp: now }, changes };
}

/** Deletes a version and the aliases pointing at it; its number stays used. */
export function deleteVersion(model: NumberedModel, version: number, now: number): { model: NumberedModel; change: RegistryChange } {
  findVersion(model, version);
  const aliases = Object.fromEntries(Object.entries(model.aliases).filter(([, v]) => v !== version));
  const dropped = Object.keys(model.aliases).filter((a) => model.aliases[a] === version);
  return {
    model: { ...model, versions: model.versions.filter((v) => v.version !== version), aliases, lastVersion: lastVersionOf(model), lastUpdatedTimestamp: now },
    change: { action: 'delete-version', model: model.name, version, aliases: dropped },
  };
}

/** Sets the description and/or tags of the model, or of one version. */
export function editModel(
  model: NumberedModel,
  edit: { version?: number; description?: string; tags?: Record<string, string> },
  now: number,
): { model: NumberedModel; changes: RegistryChange[] } {
  const changes: RegistryChange[] = [];
  const fields = (['description', 'tags'] as const).filter((f) => edit[f] !== undefined);
  for (const field of fields) changes.push({ action: 'edit', model: model.name, ...(edit.version === undefined ? {} : { version: edit.version }), field });
  const patch = {
    ...(edit.description === undefined ? {} : { description: edit.description }),
    ...(edit.tags === undefined ? {} : { tags: { ...edit.tags } }),
  };
  if (edit.version === undefined) return { model: { ...model, ...patch, lastUpdatedTimestamp: now }, changes };
  findVersion(model, edit.version);
  const versions = model.versions.map((v) => (v.version === edit.version ? { ...v, ...patch, lastUpdatedTimestamp: now } : v));
  return { model: { ...model, versions, lastUpdatedTimestamp: now }, changes };
}
