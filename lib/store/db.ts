import Dexie, { type Table } from 'dexie';
import type { AlertEvent, DashboardRecord, WorkspaceRulesRecord } from '../alerts/types';
import type { DatasetMeta } from '../data/types';
import type { ModelMeta } from '../models/types';
import type { ArtifactRecord, AuditRecord, ExperimentRecord, RegisteredModelRecord, RunRecord } from './tracking-records';
import type { BatchRecord, CardRecord, CardVersionRecord, CellRecord, DatasetBlobRecord, ProfileRecord, WorkspaceRecord } from './types';
import type { DbProfileRecord } from './stored-profiles';

export const DB_NAME = 'driftbook';

/**
 * The one IndexedDB database. Dataset descriptions and their Arrow bytes live in separate tables
 * so listing datasets never loads data. Schema changes add a version with an upgrade function.
 */
export class DriftbookDb extends Dexie {
  datasets!: Table<DatasetMeta, string>;
  datasetBlobs!: Table<DatasetBlobRecord, string>;
  workspaces!: Table<WorkspaceRecord, string>;
  cells!: Table<CellRecord, string>;
  settings!: Table<{ key: string; value: unknown }, string>;
  profiles!: Table<ProfileRecord, string>;
  cards!: Table<CardRecord, string>;
  cardVersions!: Table<CardVersionRecord, string>;
  batches!: Table<BatchRecord, string>;
  experiments!: Table<ExperimentRecord, string>;
  runs!: Table<RunRecord, string>;
  artifacts!: Table<ArtifactRecord, string>;
  registeredModels!: Table<RegisteredModelRecord, string>;
  audit!: Table<AuditRecord, number>;
  alertRules!: Table<WorkspaceRulesRecord, string>;
  alerts!: Table<AlertEvent, string>;
  dashboards!: Table<DashboardRecord, string>;
  models!: Table<ModelMeta, string>;
  modelBlobs!: Table<{ id: string; bytes: Uint8Array }, string>;
  dbProfiles!: Table<DbProfileRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      datasets: 'id, sha256, createdAt',
      datasetBlobs: 'id',
      workspaces: 'id, updatedAt',
      cells: 'id, workspaceId, [workspaceId+order]',
      settings: 'key',
    });
    // v2: cached column profiles of stored datasets (no existing record changes).
    this.version(2).stores({ profiles: 'key, datasetId' });
    // v3: cells indexed by result key (a cell equal to another one reuses its result); cells from
    // v1/v2 that never ran get the explicit 'idle' status, the rest keep theirs.
    this.version(3)
      .stores({ cells: 'id, workspaceId, [workspaceId+order], resultKey' })
      .upgrade((tx) =>
        tx
          .table('cells')
          .toCollection()
          .modify((cell: { status?: string; result?: unknown }) => {
            if (cell.status === 'running') cell.status = cell.result === undefined ? 'idle' : 'ok';
          }),
      );
    // v4: model cards (one per workspace, its draft) and every saved version of each (no existing record changes).
    this.version(4).stores({ cards: 'id, workspaceId, updatedAt', cardVersions: 'id, cardId, [cardId+version], workspaceId' });
    // v5: batch histories (a workspace's batches by date against its pinned reference; no existing record changes).
    this.version(5).stores({ batches: 'id, workspaceId, [workspaceId+date]' });
    // v6: tracking (MLflow's model: experiments, runs, artifact blobs, registered models) and the audit trail
    // (entries by sequence number). No existing record changes.
    this.version(6).stores({
      experiments: 'id, name',
      runs: 'id, experimentId, startTime',
      artifacts: 'id, runId',
      registeredModels: 'name',
      audit: 'seq',
    });
    // v7: alert rules per workspace, alert events (firing/resolved) and one dashboard per workspace. No existing record changes.
    this.version(7).stores({
      alertRules: 'workspaceId',
      alerts: 'id, workspaceId, [workspaceId+at], ruleId',
      dashboards: 'workspaceId',
    });
    // v8: ONNX models (descriptions apart from their bytes, as datasets are). No existing record changes.
    this.version(8).stores({ models: 'id, sha256, createdAt', modelBlobs: 'id' });
    // v9: mergeable profiles (.dbprofile): the profile of a profile-only dataset, and profiles built from stored datasets
    // for download, cached by SHA-256 (lib/store/stored-profiles.ts). No existing record changes.
    this.version(9).stores({ dbProfiles: 'key, datasetId' });
  }
}

let shared: DriftbookDb | undefined;

/** The page's (or worker's) database handle, opened lazily. */
export function getDb(): DriftbookDb {
  shared ??= new DriftbookDb();
  return shared;
}
