/**
 * Reads an MLflow FileStore folder (`mlruns`) into a TrackingSnapshot, without MLflow and without a
 * server — in a worker in the browser, or in Node for the CLI. The layout and every rule follow
 * mlflow/store/tracking/file_store.py and mlflow/store/model_registry/file_store.py:
 *   <id>/meta.yaml, <id>/tags/**            an experiment (any top folder but .trash and models)
 *   .trash/<id>/...                         a deleted experiment: deleted whatever its meta.yaml says
 *                                           (MLflow ≤ 2.2 moved the folder without rewriting it)
 *   <id>/<run>/...                          its runs (lib/tracking/mlruns-run.ts); <id>/datasets/ the
 *                                           datasets the runs' inputs point to; tags/, datasets/,
 *                                           traces/ and models/ are not runs
 *   models/<name>/...                       the model registry (lib/tracking/mlruns-registry.ts)
 * meta.yaml is read with PyYAML's resolver (lib/tracking/mlruns-yaml.ts). A file or folder that is
 * broken is a warning naming its path; everything else is still read.
 */
import type { Experiment, Run, TrackingSnapshot } from './types';
import type { FileTree } from './file-tree';
import { filesUnder, idField, indexFolders, lifecycleField, MlrunsReader, sortedRecord, textField, timeField, type Folder } from './mlruns-fields';
import { readRegistry } from './mlruns-registry';
import { readRun } from './mlruns-run';

export interface ReadMlrunsOptions {
  /** Called as files are read: files read so far, files in the tree. */
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface ReadMlrunsResult {
  snapshot: TrackingSnapshot;
  warnings: string[];
}

const TRASH = '.trash';
const MODELS = 'models';
// FileStore.RESERVED_EXPERIMENT_FOLDERS (tags, datasets, traces) plus MLflow 3's logged models.
const NOT_RUNS = new Set(['tags', 'datasets', 'traces', 'models']);

/** Numeric ids in numeric order (they exceed 2^53: compared as digit strings), others after, by code point. */
function compareIds(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readExperiment(
  reader: MlrunsReader,
  folder: Folder,
  folderName: string,
  trashed: boolean,
): Promise<{ experiment: Experiment; runs: Run[] } | undefined> {
  const metaPath = folder.files.get('meta.yaml');
  if (!metaPath) {
    reader.warn(folder.path, 'has no meta.yaml — not an experiment, skipped');
    return undefined;
  }
  const meta = await reader.meta(metaPath);
  if (!meta) return undefined;
  const id = idField(meta.experiment_id);
  if (id !== folderName) {
    // FileStore._get_experiment ignores an experiment whose recorded id is not its folder's name.
    reader.warn(metaPath, `records experiment id ${JSON.stringify(id ?? null)} in folder ${folderName} — ignored, as MLflow does`);
    return undefined;
  }
  const tags: Array<[string, string]> = [];
  for (const [key, path] of filesUnder(folder.folders.get('tags'))) {
    const text = await reader.text(path);
    if (text !== undefined) tags.push([key, text]);
  }
  const experiment: Experiment = {
    id,
    name: textField(meta.name) ?? '',
    lifecycleStage: trashed ? 'deleted' : lifecycleField(meta.lifecycle_stage),
    artifactLocation: textField(meta.artifact_location) ?? '',
    creationTime: timeField(meta.creation_time),
    lastUpdateTime: timeField(meta.last_update_time),
    tags: sortedRecord(tags),
  };
  const runs: Run[] = [];
  const datasets = folder.folders.get('datasets');
  for (const [name, child] of folder.folders) {
    if (NOT_RUNS.has(name)) continue;
    reader.signal?.throwIfAborted();
    const run = await readRun(reader, child, id, datasets);
    if (run) runs.push(run);
  }
  for (const [name, path] of folder.files) if (name !== 'meta.yaml') reader.warn(path, 'is not part of an experiment folder — skipped');
  runs.sort((a, b) => a.startTime - b.startTime || compareIds(a.id, b.id));
  return { experiment, runs };
}

const looksLikeStore = (folder: Folder) => folder.folders.has(TRASH) || [...folder.folders.values()].some((child) => child.files.has('meta.yaml'));

/** The folder picked, or the one folder inside it when that is the store (the parent of mlruns/ was picked). */
function storeRoot(picked: Folder, reader: MlrunsReader): Folder {
  const [only] = picked.folders.values();
  if (
    picked.folders.size !== 1 ||
    picked.files.size > 0 ||
    !only ||
    only.path === MODELS ||
    only.path === TRASH ||
    only.files.has('meta.yaml') ||
    looksLikeStore(picked) ||
    !looksLikeStore(only)
  )
    return picked;
  reader.warn(only.path, 'the folder picked holds one MLflow store, read from here');
  return only;
}

/** Reads every experiment, run and registered model of an mlruns folder. */
export async function readMlruns(tree: FileTree, options: ReadMlrunsOptions = {}): Promise<ReadMlrunsResult> {
  const paths = tree.paths();
  const reader = new MlrunsReader(tree, paths.length, options.onProgress, options.signal);
  const root = storeRoot(indexFolders(paths), reader);
  const found: Array<{ experiment: Experiment; runs: Run[] }> = [];
  const places: Array<[Folder, string, boolean]> = [];
  for (const [name, folder] of root.folders) {
    if (name === TRASH) for (const [trashedName, trashed] of folder.folders) places.push([trashed, trashedName, true]);
    else if (name !== MODELS) places.push([folder, name, false]);
  }
  for (const [name, path] of root.files) reader.warn(path, `stray file ${name} at the top of the folder — skipped`);
  for (const [folder, name, trashed] of places) {
    options.signal?.throwIfAborted();
    const read = await readExperiment(reader, folder, name, trashed);
    if (read) found.push(read);
  }
  const registeredModels = await readRegistry(reader, root.folders.get(MODELS));
  found.sort((a, b) => compareIds(a.experiment.id, b.experiment.id));
  const seen = new Set<string>();
  for (const { experiment } of found) {
    if (seen.has(experiment.id)) reader.warn(experiment.id, 'is both an active and a deleted (.trash) experiment — both kept');
    seen.add(experiment.id);
  }
  options.onProgress?.(paths.length, paths.length);
  return {
    snapshot: { experiments: found.map((f) => f.experiment), runs: found.flatMap((f) => f.runs), registeredModels },
    warnings: reader.warnings,
  };
}
