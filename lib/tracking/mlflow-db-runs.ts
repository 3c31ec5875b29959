import type { Experiment, MetricPoint, Run, RunInput, RunStatus } from './types';
import type { Database } from './sql-js';
import { forEachRow, groupTags, num, selectRows, text, type DbRow } from './mlflow-db-schema';

const STATUSES: ReadonlySet<string> = new Set(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']);

function stage(value: DbRow[string]): 'active' | 'deleted' {
  return text(value ?? null) === 'deleted' ? 'deleted' : 'active';
}

/** Experiments in id order (ids read as text: SQL integers that may pass 2^53). */
export function readExperiments(db: Database): Experiment[] {
  const cols = ['experiment_id', 'name', 'artifact_location', 'lifecycle_stage', 'creation_time', 'last_update_time'];
  const tags = groupTags(selectRows(db, 'experiment_tags', ['experiment_id', 'key', 'value'], { asText: ['experiment_id'] }), 'experiment_id');
  return selectRows(db, 'experiments', cols, { asText: ['experiment_id'], orderBy: ['experiment_id'] }).map((row) => {
    const id = text(row.experiment_id ?? null) ?? '';
    return {
      id,
      name: text(row.name ?? null) ?? '',
      lifecycleStage: stage(row.lifecycle_stage ?? null),
      artifactLocation: text(row.artifact_location ?? null) ?? '',
      creationTime: num(row.creation_time ?? null),
      lastUpdateTime: num(row.last_update_time ?? null),
      tags: tags.get(id) ?? {},
    };
  });
}

/**
 * Metric histories per run, in SqlAlchemyStore.get_metric_history's order: timestamp, step, then the
 * stored value (a NaN sorts as its stored 0; is_nan last, only so that ties come out the same every
 * time). `is_nan = 1` is NaN; ±inf were stored as ±max double
 * and stay that number. Without an is_nan column (the oldest schemas), a NULL value is NaN; without
 * a step column, the step is 0 (the migration that added it backfilled 0).
 */
function readMetrics(db: Database, signal?: AbortSignal): Map<string, Record<string, MetricPoint[]>> {
  const out = new Map<string, Record<string, MetricPoint[]>>();
  let count = 0;
  const columns = ['run_uuid', 'key', 'value', 'timestamp', 'step', 'is_nan'];
  forEachRow(db, 'metrics', columns, { orderBy: ['run_uuid', 'key', 'timestamp', 'step', 'value', 'is_nan'] }, (row) => {
    if (++count % 100_000 === 0) signal?.throwIfAborted();
    const runId = text(row.run_uuid ?? null);
    const key = text(row.key ?? null);
    if (runId === null || key === null) return;
    const stored = num(row.value ?? null);
    const isNan = num(row.is_nan ?? null) === 1 || stored === null;
    let metrics = out.get(runId);
    if (!metrics) out.set(runId, (metrics = {}));
    (metrics[key] ??= []).push({ value: isNan ? NaN : stored!, timestamp: num(row.timestamp ?? null) ?? 0, step: num(row.step ?? null) ?? 0 });
  });
  return out;
}

/**
 * Dataset inputs per run, as SqlAlchemyStore._get_run_inputs joins them: `inputs` rows whose
 * destination is a RUN, joined to `datasets` on source_id = dataset_uuid alone (a run may use another
 * experiment's dataset row), with their `input_tags`; listed by dataset name, then digest.
 */
function readInputs(db: Database, warnings: string[]): Map<string, RunInput[]> {
  const datasets = new Map<string, DbRow>();
  const dcols = ['dataset_uuid', 'name', 'digest', 'dataset_source_type', 'dataset_source', 'dataset_schema', 'dataset_profile'];
  for (const row of selectRows(db, 'datasets', dcols)) datasets.set(text(row.dataset_uuid ?? null) ?? '', row);
  const tags = groupTags(selectRows(db, 'input_tags', ['input_uuid', 'name', 'value']), 'input_uuid', 'name');
  const out = new Map<string, RunInput[]>();
  for (const row of selectRows(db, 'inputs', ['input_uuid', 'source_type', 'source_id', 'destination_type', 'destination_id'])) {
    if (text(row.destination_type ?? null) !== 'RUN') continue;
    const runId = text(row.destination_id ?? null) ?? '';
    const uuid = text(row.source_id ?? null) ?? '';
    const d = datasets.get(uuid);
    if (!d) {
      // MLflow's inner join drops it silently; a DATASET input without its row is worth a word.
      if ((text(row.source_type ?? null) ?? 'DATASET') !== 'DATASET') continue;
      warnings.push(`run ${runId}: input dataset ${uuid} is not in the datasets table; left out`);
      continue;
    }
    const input: RunInput = {
      name: text(d.name ?? null) ?? '',
      digest: text(d.digest ?? null) ?? '',
      sourceType: text(d.dataset_source_type ?? null) ?? '',
      source: text(d.dataset_source ?? null) ?? '',
      schema: text(d.dataset_schema ?? null),
      profile: text(d.dataset_profile ?? null),
      tags: tags.get(text(row.input_uuid ?? null) ?? '') ?? {},
    };
    let list = out.get(runId);
    if (!list) out.set(runId, (list = []));
    list.push(input);
  }
  for (const list of out.values()) list.sort((a, b) => cmp(a.name, b.name) || cmp(a.digest, b.digest));
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReadRunsOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** Runs by experiment, start time, id; deleted runs included with lifecycleStage "deleted". */
export function readRuns(db: Database, warnings: string[], options: ReadRunsOptions = {}): Run[] {
  const cols = ['run_uuid', 'name', 'user_id', 'status', 'start_time', 'end_time', 'lifecycle_stage', 'artifact_uri', 'experiment_id'];
  const rows = selectRows(db, 'runs', cols, { asText: ['experiment_id'], orderBy: ['experiment_id', 'start_time', 'run_uuid'] });
  const params = groupTags(selectRows(db, 'params', ['run_uuid', 'key', 'value']), 'run_uuid');
  const tags = groupTags(selectRows(db, 'tags', ['run_uuid', 'key', 'value']), 'run_uuid');
  options.signal?.throwIfAborted();
  const metrics = readMetrics(db, options.signal);
  const inputs = readInputs(db, warnings);
  return rows.map((row, i) => {
    if (i % 100 === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(i, rows.length);
    }
    const id = text(row.run_uuid ?? null) ?? '';
    const runTags = tags.get(id) ?? {};
    let status = text(row.status ?? null) ?? '';
    if (!STATUSES.has(status)) {
      warnings.push(`run ${id}: unknown status ${JSON.stringify(status)}; read as SCHEDULED (MLflow's column default)`);
      status = 'SCHEDULED';
    }
    // SqlRun.to_mlflow_entity: runs.name when non-empty, else the mlflow.runName tag.
    const name = text(row.name ?? null) || runTags['mlflow.runName'] || null;
    return {
      id,
      experimentId: text(row.experiment_id ?? null) ?? '',
      name,
      status: status as RunStatus,
      startTime: num(row.start_time ?? null) ?? 0,
      endTime: num(row.end_time ?? null),
      lifecycleStage: stage(row.lifecycle_stage ?? null),
      user: text(row.user_id ?? null) ?? '',
      artifactUri: text(row.artifact_uri ?? null) ?? '',
      params: params.get(id) ?? {},
      tags: runTags,
      metrics: metrics.get(id) ?? {},
      artifacts: [],
      inputs: inputs.get(id) ?? [],
    };
  });
}
