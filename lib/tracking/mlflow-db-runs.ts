import type { Experiment, MetricPoint, Run, RunInput, RunStatus } from './types';
import type { Database } from './sql-js';
import { forEachRow, groupTags, num, selectRows, setEntry, text, type DbRow } from './mlflow-db-schema';

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

/** A metric row with what it sorts by: the stored value (null sorts first, as in SQLite) and is_nan. */
interface MetricRow {
  point: MetricPoint;
  stored: number | null;
  isNan: number;
}

function compareRows(a: MetricRow, b: MetricRow): number {
  const byStored = a.stored === b.stored ? 0 : a.stored === null ? -1 : b.stored === null ? 1 : a.stored < b.stored ? -1 : 1;
  return a.point.timestamp - b.point.timestamp || a.point.step - b.point.step || byStored || a.isNan - b.isNan;
}

/**
 * Metric histories per run, in SqlAlchemyStore.get_metric_history's order — ORDER BY timestamp, step,
 * value: a NaN sorts as its stored 0 (then is_nan, only so that ties come out the same every time).
 * The rows are scanned in table order and each history sorted here: SQLite sorting the whole table
 * took longer than the scan itself (6 s more for 2M rows). `is_nan = 1` is NaN; ±inf were stored as
 * ±max double and stay that number. Without an is_nan column (the oldest schemas), a NULL value is
 * NaN; without a step column, the step is 0 (the migration that added it backfilled 0).
 */
function readMetrics(db: Database, signal?: AbortSignal): Map<string, Record<string, MetricPoint[]>> {
  const rows = new Map<string, Map<string, MetricRow[]>>();
  let count = 0;
  const columns = ['run_uuid', 'key', 'value', 'timestamp', 'step', 'is_nan'];
  forEachRow(db, 'metrics', columns, {}, (values) => {
    if (++count % 100_000 === 0) signal?.throwIfAborted();
    const [runValue = null, keyValue = null, value = null, timestamp = null, step = null, isNanValue = null] = values;
    const runId = text(runValue);
    const key = text(keyValue);
    if (runId === null || key === null) return;
    let byKey = rows.get(runId);
    if (!byKey) rows.set(runId, (byKey = new Map()));
    let history = byKey.get(key);
    if (!history) byKey.set(key, (history = []));
    const stored = num(value);
    const isNan = num(isNanValue) === 1 || stored === null ? 1 : 0;
    history.push({ point: { value: isNan ? NaN : stored!, timestamp: num(timestamp) ?? 0, step: num(step) ?? 0 }, stored, isNan });
  });
  const out = new Map<string, Record<string, MetricPoint[]>>();
  for (const [runId, byKey] of rows) {
    const metrics: Record<string, MetricPoint[]> = {};
    for (const [key, history] of byKey)
      setEntry(
        metrics,
        key,
        history.sort(compareRows).map((row) => row.point),
      );
    out.set(runId, metrics);
  }
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
