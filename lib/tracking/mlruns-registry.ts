/**
 * The model registry under mlruns/models/ as MLflow's registry FileStore reads it
 * (mlflow/store/model_registry/file_store.py: _get_registered_model_from_path,
 * get_all_registered_model_aliases_from_path, _get_file_model_version_from_dir). Aliases are the
 * files in aliases/ (each holds a version number); the `aliases` a meta.yaml may carry is a cache
 * that goes stale, so it is not read. A version whose stage is `Deleted_Internal` is a tombstone
 * (delete_model_version keeps the folder so numbers are never reused) and is left out.
 */
import type { ModelVersion, RegisteredModel } from './types';
import { filesUnder, idField, sortedRecord, textField, timeField, type Folder, type MlrunsReader } from './mlruns-fields';
import { pythonInt } from './mlruns-metrics';

const DELETED_INTERNAL = 'Deleted_Internal';

async function readTexts(reader: MlrunsReader, folder: Folder | undefined): Promise<Array<[string, string, string]>> {
  const out: Array<[string, string, string]> = [];
  for (const [key, path] of filesUnder(folder)) {
    const text = await reader.text(path);
    if (text !== undefined) out.push([key, text, path]);
  }
  return out;
}

async function readVersion(reader: MlrunsReader, folder: Folder, folderNumber: number): Promise<ModelVersion | undefined> {
  const metaPath = folder.files.get('meta.yaml');
  if (!metaPath) {
    reader.warn(folder.path, 'has no meta.yaml — version skipped');
    return undefined;
  }
  const meta = await reader.meta(metaPath);
  if (!meta) return undefined;
  const stage = textField(meta.current_stage) ?? 'None';
  if (stage === DELETED_INTERNAL) return undefined;
  const recorded = pythonInt(idField(meta.version) ?? '');
  if (recorded !== undefined && recorded !== folderNumber)
    reader.warn(metaPath, `records version ${recorded} in folder version-${folderNumber} — the folder's number is used`);
  const tags = await readTexts(reader, folder.folders.get('tags'));
  return {
    version: folderNumber,
    runId: textField(meta.run_id) || null,
    source: textField(meta.source) ?? '',
    status: textField(meta.status) ?? 'READY',
    currentStage: stage,
    description: textField(meta.description) ?? '',
    creationTimestamp: timeField(meta.creation_timestamp),
    lastUpdatedTimestamp: timeField(meta.last_updated_timestamp),
    tags: sortedRecord(tags.map(([key, value]) => [key, value])),
  };
}

async function readModel(reader: MlrunsReader, folder: Folder, folderName: string): Promise<RegisteredModel | undefined> {
  const metaPath = folder.files.get('meta.yaml');
  if (!metaPath) {
    reader.warn(folder.path, 'has no meta.yaml — registered model skipped');
    return undefined;
  }
  const meta = await reader.meta(metaPath);
  if (!meta) return undefined;
  const versions: ModelVersion[] = [];
  for (const [name, child] of folder.folders) {
    const match = /^version-(\d+)$/.exec(name);
    if (!match) {
      if (name !== 'tags' && name !== 'aliases') reader.warn(child.path, 'is not a version-N folder — skipped');
      continue;
    }
    const version = await readVersion(reader, child, Number(match[1]));
    if (version) versions.push(version);
  }
  versions.sort((a, b) => a.version - b.version);
  const aliases: Array<[string, number]> = [];
  for (const [alias, text, path] of await readTexts(reader, folder.folders.get('aliases'))) {
    const version = pythonInt(text);
    if (version === undefined) {
      reader.warn(path, `holds ${JSON.stringify(text.slice(0, 40))}, not a version number — alias skipped`);
      continue;
    }
    if (!versions.some((v) => v.version === version)) reader.warn(path, `points to version ${version}, which is not in the registry`);
    aliases.push([alias, version]);
  }
  const tags = await readTexts(reader, folder.folders.get('tags'));
  return {
    name: textField(meta.name) ?? folderName,
    description: textField(meta.description) ?? '',
    creationTimestamp: timeField(meta.creation_timestamp),
    lastUpdatedTimestamp: timeField(meta.last_updated_timestamp),
    tags: sortedRecord(tags.map(([key, value]) => [key, value])),
    aliases: sortedRecord(aliases),
    versions,
  };
}

/** Every registered model under `models/`, by name. */
export async function readRegistry(reader: MlrunsReader, models: Folder | undefined): Promise<RegisteredModel[]> {
  const out: RegisteredModel[] = [];
  for (const [name, folder] of models?.folders ?? []) {
    reader.signal?.throwIfAborted();
    const model = await readModel(reader, folder, name);
    if (model) out.push(model);
  }
  for (const [name, path] of models?.files ?? []) reader.warn(path, `stray file ${name} in models/ — skipped`);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
