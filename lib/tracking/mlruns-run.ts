/**
 * One run folder as FileStore reads it (mlflow/store/tracking/file_store.py: _get_run_info_from_dir,
 * _get_run_from_info, _get_resource_files, _get_all_inputs): meta.yaml, then every file under
 * metrics/, params/ and tags/ (a key with '/' is a nested path), inputs/<id>/meta.yaml joined to the
 * experiment's datasets/<source_id>/meta.yaml, and the files under artifacts/ (artifact_uri is
 * reported as written, never resolved: the folder may come from another machine).
 */
import type { Run, RunInput } from './types';
import {
  filesUnder,
  idField,
  lifecycleField,
  sortedRecord,
  statusField,
  stringMap,
  textField,
  timeField,
  type Folder,
  type MlrunsReader,
} from './mlruns-fields';
import { parseMetricLines } from './mlruns-metrics';

/** Whole file contents per key: params and tags are never trimmed (FileStore's read_file). */
async function readValues(reader: MlrunsReader, folder: Folder | undefined): Promise<Record<string, string>> {
  const entries: Array<[string, string]> = [];
  for (const [key, path] of filesUnder(folder)) {
    const text = await reader.text(path);
    if (text !== undefined) entries.push([key, text]);
  }
  return sortedRecord(entries);
}

async function readMetrics(reader: MlrunsReader, folder: Folder | undefined): Promise<Run['metrics']> {
  const entries: Array<[string, Run['metrics'][string]]> = [];
  for (const [key, path] of filesUnder(folder)) {
    const text = await reader.text(path);
    if (text === undefined) continue;
    const points = parseMetricLines(text, (problem) => reader.warn(path, problem));
    if (points.length === 0) reader.warn(path, 'holds no value (FileStore calls such a metric malformed)');
    entries.push([key, points]);
  }
  return sortedRecord(entries);
}

/** The run's dataset inputs, in input-folder order; an input whose dataset is missing is reported. */
async function readInputs(reader: MlrunsReader, folder: Folder | undefined, datasets: Folder | undefined): Promise<RunInput[]> {
  const inputs: RunInput[] = [];
  for (const name of [...(folder?.folders.keys() ?? [])].sort()) {
    const inputFolder = folder!.folders.get(name)!;
    const metaPath = inputFolder.files.get('meta.yaml');
    if (!metaPath) {
      reader.warn(inputFolder.path, 'has no meta.yaml — input skipped');
      continue;
    }
    const meta = await reader.meta(metaPath);
    if (!meta) continue;
    if (meta.source_type !== 'DATASET') {
      reader.warn(metaPath, `source_type is ${JSON.stringify(textField(meta.source_type) ?? null)}, not DATASET — input skipped`);
      continue;
    }
    // MLflow writes source_id into destination_id too (_FileStoreInput.write_yaml); the dataset is source_id.
    const datasetId = idField(meta.source_id);
    const datasetMetaPath = datasetId === undefined ? undefined : datasets?.folders.get(datasetId)?.files.get('meta.yaml');
    if (!datasetMetaPath) {
      reader.warn(metaPath, `dataset ${JSON.stringify(datasetId ?? null)} is not in the experiment's datasets/ folder — input skipped`);
      continue;
    }
    const dataset = await reader.meta(datasetMetaPath);
    if (!dataset) continue;
    inputs.push({
      name: textField(dataset.name) ?? '',
      digest: textField(dataset.digest) ?? '',
      sourceType: textField(dataset.source_type) ?? '',
      source: textField(dataset.source) ?? '',
      schema: textField(dataset.schema) ?? null,
      profile: textField(dataset.profile) ?? null,
      tags: sortedRecord(Object.entries(stringMap(meta.tags))),
    });
  }
  return inputs;
}

/**
 * The run in `folder`, or undefined (with a warning) when its meta.yaml is missing or unreadable, or
 * records another experiment (FileStore's _list_run_infos ignores such a run).
 */
export async function readRun(reader: MlrunsReader, folder: Folder, experimentId: string, datasets: Folder | undefined): Promise<Run | undefined> {
  const metaPath = folder.files.get('meta.yaml');
  if (!metaPath) {
    reader.warn(folder.path, 'has no meta.yaml — not a run, skipped');
    return undefined;
  }
  const meta = await reader.meta(metaPath);
  if (!meta) return undefined;
  const recorded = idField(meta.experiment_id);
  if (recorded !== experimentId) {
    reader.warn(metaPath, `records experiment ${JSON.stringify(recorded ?? null)} but sits in experiment ${experimentId} — ignored, as MLflow does`);
    return undefined;
  }
  const id = idField(meta.run_id) || idField(meta.run_uuid) || folder.path.split('/').at(-1)!;
  const status = statusField(meta.status);
  if (!status) reader.warn(metaPath, `status ${JSON.stringify(textField(meta.status) ?? null)} is not an MLflow RunStatus — read as RUNNING`);
  const startTime = timeField(meta.start_time);
  if (startTime === null) reader.warn(metaPath, 'has no start_time — read as 0');

  const tags = await readValues(reader, folder.folders.get('tags'));
  const params = await readValues(reader, folder.folders.get('params'));
  const metrics = await readMetrics(reader, folder.folders.get('metrics'));
  const inputs = await readInputs(reader, folder.folders.get('inputs'), datasets);
  const artifacts = filesUnder(folder.folders.get('artifacts'))
    .map(([relative]) => relative)
    .sort();
  // run_name when non-empty, else the mlflow.runName tag (_get_run_from_info); the legacy `name` key is not read.
  const runName = textField(meta.run_name);
  const name = runName ? runName : tags['mlflow.runName'] ? tags['mlflow.runName'] : null;

  return {
    id,
    experimentId,
    name,
    status: status ?? 'RUNNING',
    startTime: startTime ?? 0,
    endTime: timeField(meta.end_time),
    lifecycleStage: lifecycleField(meta.lifecycle_stage),
    user: textField(meta.user_id) ?? '',
    artifactUri: textField(meta.artifact_uri) ?? '',
    params,
    tags,
    metrics,
    artifacts,
    inputs,
  };
}
