/**
 * Tracking with MLflow's data model: experiments, runs (params, metric histories, tags, artifacts,
 * dataset inputs), the model registry, and the audit trail. The import shape (`TrackingSnapshot`) is
 * exactly what `driftbook runs import --format json` prints; stored records add Driftbook's fields.
 *
 * Ids are strings: MLflow's experiment and run ids can be 18–19-digit integers, larger than 2^53.
 * Times are epoch milliseconds (MLflow's unit). Metric values are numbers in memory; NaN and ±Infinity
 * are kept as such and written as the strings "NaN", "Infinity", "-Infinity" in JSON.
 */

export type LifecycleStage = 'active' | 'deleted';
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface Experiment {
  id: string;
  name: string;
  lifecycleStage: LifecycleStage;
  artifactLocation: string;
  creationTime: number | null;
  lastUpdateTime: number | null;
  tags: Record<string, string>;
}

/** One logged value of a metric; a history is these in the order MLflow keeps them (duplicates kept). */
export interface MetricPoint {
  value: number;
  timestamp: number;
  step: number;
}

/** A dataset a run used (MLflow's `inputs`: the dataset row plus the input's tags, e.g. mlflow.data.context). */
export interface RunInput {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
  tags: Record<string, string>;
}

export interface Run {
  id: string;
  experimentId: string;
  /** `run_name` when non-empty, else the `mlflow.runName` tag; null when neither. */
  name: string | null;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  lifecycleStage: LifecycleStage;
  user: string;
  artifactUri: string;
  /** Whole values as logged (strings, never trimmed). */
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, MetricPoint[]>;
  /** Artifact paths relative to the run's artifact root ('/'-separated). */
  artifacts: string[];
  inputs: RunInput[];
}

export interface ModelVersion {
  /** 1, 2, … — a deleted version's number is never reused. */
  version: number;
  runId: string | null;
  source: string;
  status: string;
  currentStage: string;
  description: string;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  tags: Record<string, string>;
}

export interface RegisteredModel {
  name: string;
  description: string;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  tags: Record<string, string>;
  /** alias → version number. */
  aliases: Record<string, number>;
  versions: ModelVersion[];
}

/** What an MLflow import reads (and what `driftbook runs import --format json` prints). */
export interface TrackingSnapshot {
  experiments: Experiment[];
  runs: Run[];
  registeredModels: RegisteredModel[];
}

/** Where a stored experiment/run came from: made in Driftbook (a cell run, by hand) or imported. */
export type TrackingOrigin = { kind: 'driftbook'; workspaceId?: string; cellId?: string } | { kind: 'mlflow-import'; source: string };

/** One entry of the append-only audit trail (lib/tracking/audit.ts defines the hash chain over them). */
export interface AuditEntry {
  /** 0, 1, 2, … in append order. */
  seq: number;
  /** ISO 8601 time of the event. */
  time: string;
  /** dataset-added | cell-run | config-change | export | registry-change | import | card-edit | card-sign-off | … */
  type: string;
  /** What happened: plain JSON, canonicalised for the hash. */
  details: Record<string, unknown>;
  /** SHA-256 (hex) of the previous entry's canonical serialisation; 64 zeros for the first. */
  prev: string;
  /** SHA-256 (hex) of this entry's canonical serialisation without `hash`. */
  hash: string;
}
