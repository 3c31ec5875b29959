import type { AuditEntry, Experiment, RegisteredModel, Run, TrackingOrigin } from '../tracking/types';

/** A stored experiment: MLflow's fields plus where it came from (one experiment per workspace for cell runs). */
export interface ExperimentRecord extends Experiment {
  origin: TrackingOrigin;
  /** An imported experiment stored under another id (its MLflow id was taken by a different experiment): the MLflow id. */
  mlflowId?: string;
}

/** A stored run: MLflow's fields plus where it came from. Imported runs are ordinary runs. */
export interface RunRecord extends Run {
  origin: TrackingOrigin;
}

/** An artifact's bytes (a Blob) with its run, its path under the run's artifact root, size and MIME type. */
export interface ArtifactRecord {
  /** `${runId}/${path}`: one artifact per path per run. */
  id: string;
  runId: string;
  /** '/'-separated path relative to the run's artifact root (also listed in the run's `artifacts`). */
  path: string;
  /** The last segment of `path`. */
  name: string;
  size: number;
  /** MIME type ('' when unknown). */
  type: string;
  blob: Blob;
  createdAt: number;
}

/** A stored registered model: MLflow's fields plus the highest version number ever used (numbers are never reused). */
export interface RegisteredModelRecord extends RegisteredModel {
  /** Highest version number ever given (deleted versions included); the next version is this + 1. */
  lastVersion: number;
  origin: TrackingOrigin;
}

export type AuditRecord = AuditEntry;
