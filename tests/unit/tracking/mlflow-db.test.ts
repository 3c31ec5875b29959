// mlflow.db import against databases built by tests/fixtures/generate_mlflow_db.py from MLflow's table
// definitions (mlflow/store/tracking/dbmodels/models.py, mlflow/store/model_registry/dbmodels/models.py,
// tests/db/schemas/sqlite.sql) in three schema generations (mlflow/store/db_migrations/versions/*).
// Orders and conversions follow mlflow/store/tracking/sqlalchemy_store.py: get_metric_history orders by
// timestamp, step, value; SqlMetric.to_mlflow_entity turns is_nan rows into NaN; SqlRun.to_mlflow_entity
// falls back to the mlflow.runName tag; SqlExperiment.to_mlflow_entity reports str(experiment_id).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMlflowDb } from '../../../lib/tracking/mlflow-db';
import { loadSqlJs } from '../../../lib/tracking/sql-js';
import type { TrackingSnapshot } from '../../../lib/tracking/types';

const DIR = join(__dirname, '../../fixtures/mlflow-db');
const GENERATIONS = ['1x', '2x', '3x'] as const;

function fixture(label: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, `mlflow-${label}.db`)));
}

function expected(label: string): unknown {
  return JSON.parse(readFileSync(join(DIR, `mlflow-${label}.expected.json`), 'utf8'));
}

/** The snapshot as the expected JSON writes it: non-finite metric values as strings. */
function asJson(snapshot: TrackingSnapshot): unknown {
  return JSON.parse(
    JSON.stringify(snapshot, (_key, value: unknown) => {
      if (typeof value !== 'number' || Number.isFinite(value)) return value;
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    }),
  );
}

describe('readMlflowDb', () => {
  for (const label of GENERATIONS) {
    it(`reads the ${label} schema generation exactly as the generator inserted it`, async () => {
      const { snapshot, warnings } = await readMlflowDb(fixture(label));
      expect(warnings).toEqual([]);
      expect(asJson(snapshot)).toEqual(expected(label));
    });
  }

  it('orders a history by timestamp, step, stored value: a NaN (stored 0, is_nan = 1) sorts as 0', async () => {
    const { snapshot } = await readMlflowDb(fixture('2x'));
    const loss = snapshot.runs.find((r) => r.name === 'lively-owl-42')!.metrics.loss!;
    expect(loss.map((p) => [p.step, p.value])).toEqual([
      [0, 0.9],
      [0, 0.7],
      [1, -0.25],
      [1, NaN],
      [1, 0.7],
      [2, 0.5],
    ]);
  });

  it('reports ±inf as the ±max double MLflow stored (indistinguishable from a logged max double)', async () => {
    const { snapshot } = await readMlflowDb(fixture('3x'));
    const auc = snapshot.runs.find((r) => r.name === 'lively-owl-42')!.metrics.auc!;
    expect(auc.map((p) => p.value)).toEqual([0.8125, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE]);
  });

  it('keeps 19-digit experiment ids exact as strings (SQL integers above 2^53)', async () => {
    const { snapshot } = await readMlflowDb(fixture('2x'));
    expect(snapshot.experiments.map((e) => e.id)).toEqual(['0', '1', '2', '8714525305245712345']);
    const run = snapshot.runs.find((r) => r.name === 'uses-churn-data')!;
    expect(run.experimentId).toBe('8714525305245712345');
  });

  it('names a run by runs.name, else the mlflow.runName tag, else null', async () => {
    const { snapshot } = await readMlflowDb(fixture('3x'));
    const byId = new Map(snapshot.runs.map((r) => [r.id[0], r]));
    expect(byId.get('a')!.name).toBe('lively-owl-42');
    expect(byId.get('b')!.name).toBe('from-tag'); // runs.name is ''
    expect(byId.get('c')!.name).toBeNull();
    expect(byId.get('d')!.name).toBe('uses-churn-data'); // the tag says otherwise: the column wins
    expect(byId.get('c')!.lifecycleStage).toBe('deleted');
    expect(snapshot.experiments.find((e) => e.id === '2')!.lifecycleStage).toBe('deleted');
  });

  it("joins inputs to datasets on dataset_uuid alone: a run uses another experiment's dataset", async () => {
    const { snapshot } = await readMlflowDb(fixture('2x'));
    const run = snapshot.runs.find((r) => r.experimentId === '8714525305245712345')!;
    expect(run.inputs).toEqual([
      {
        name: 'train',
        digest: '20240e51',
        sourceType: 'local',
        source: '{"uri": "/data/train.csv"}',
        schema: '{"mlflow_colspec": []}',
        profile: '{"num_rows": 100}',
        tags: {},
      },
    ]);
  });

  it('leaves Deleted_Internal versions out (their numbers stay unused) and reads aliases from their table', async () => {
    const { snapshot } = await readMlflowDb(fixture('3x'));
    const model = snapshot.registeredModels.find((m) => m.name === 'churn-model')!;
    expect(model.versions.map((v) => v.version)).toEqual([1, 2, 4]);
    expect(model.aliases).toEqual({ champion: 2, challenger: 4 });
    const old = (await readMlflowDb(fixture('1x'))).snapshot.registeredModels.find((m) => m.name === 'churn-model')!;
    expect(old.aliases).toEqual({});
  });

  it('reads a database whose tables lack later columns (no is_nan, no step, no times) as nulls and defaults', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256), artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32));
      CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, experiment_id INTEGER, status VARCHAR(20), start_time BIGINT, lifecycle_stage VARCHAR(20));
      CREATE TABLE metrics (key VARCHAR(250), value FLOAT, timestamp BIGINT, run_uuid VARCHAR(32));
      INSERT INTO experiments VALUES (0, 'Default', './mlruns/0', 'active');
      INSERT INTO runs VALUES ('r1', 0, 'FINISHED', 5, 'active');
      INSERT INTO metrics VALUES ('m', NULL, 2, 'r1'), ('m', 1.5, 1, 'r1');`);
    const bytes = db.export();
    db.close();
    const { snapshot } = await readMlflowDb(bytes);
    expect(snapshot.experiments[0]).toEqual({
      id: '0',
      name: 'Default',
      lifecycleStage: 'active',
      artifactLocation: './mlruns/0',
      creationTime: null,
      lastUpdateTime: null,
      tags: {},
    });
    const run = snapshot.runs[0]!;
    expect([run.name, run.endTime, run.user, run.artifactUri, run.inputs, run.artifacts]).toEqual([null, null, '', '', [], []]);
    expect(run.metrics.m).toEqual([
      { value: 1.5, timestamp: 1, step: 0 },
      { value: NaN, timestamp: 2, step: 0 },
    ]);
    expect(snapshot.registeredModels).toEqual([]);
  });

  it('takes only inputs whose destination is a RUN; a missing DATASET row is a warning, another source is dropped', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name VARCHAR(256), lifecycle_stage VARCHAR(32));
      CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, experiment_id INTEGER, status VARCHAR(9), lifecycle_stage VARCHAR(20));
      CREATE TABLE datasets (dataset_uuid VARCHAR(36), experiment_id INTEGER, name VARCHAR(500), digest VARCHAR(36), dataset_source_type VARCHAR(36), dataset_source TEXT);
      CREATE TABLE inputs (input_uuid VARCHAR(36), source_type VARCHAR(36), source_id VARCHAR(36), destination_type VARCHAR(36), destination_id VARCHAR(36));
      INSERT INTO experiments VALUES (1, 'e', 'active');
      INSERT INTO runs VALUES ('r', 1, 'FINISHED', 'active');
      INSERT INTO datasets VALUES ('u1', 1, 'd', 'x1', 'local', 's');
      INSERT INTO inputs VALUES ('i1', 'DATASET', 'u1', 'RUN', 'r'), ('i2', 'DATASET', 'u1', 'MODEL', 'r'),
        ('i3', 'DATASET', 'gone', 'RUN', 'r'), ('i4', 'OTHER', 'm-1', 'RUN', 'r');`);
    const bytes = db.export();
    db.close();
    const { snapshot, warnings } = await readMlflowDb(bytes);
    expect(snapshot.runs[0]!.inputs).toEqual([{ name: 'd', digest: 'x1', sourceType: 'local', source: 's', schema: null, profile: null, tags: {} }]);
    expect(warnings).toEqual(['run r: input dataset gone is not in the datasets table; left out']);
  });

  it('keeps a __proto__ param, tag or metric key as an entry (a valid MLflow key)', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name VARCHAR(256));
      CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, experiment_id INTEGER, status VARCHAR(9));
      CREATE TABLE params (key VARCHAR(250), value VARCHAR(8000), run_uuid VARCHAR(32));
      CREATE TABLE tags (key VARCHAR(250), value VARCHAR(8000), run_uuid VARCHAR(32));
      CREATE TABLE metrics (key VARCHAR(250), value FLOAT, timestamp BIGINT, run_uuid VARCHAR(32), step BIGINT, is_nan BOOLEAN);
      INSERT INTO experiments VALUES (1, 'e');
      INSERT INTO runs VALUES ('r', 1, 'FINISHED');
      INSERT INTO params VALUES ('__proto__', 'p', 'r');
      INSERT INTO tags VALUES ('__proto__', 't', 'r');
      INSERT INTO metrics VALUES ('__proto__', 1, 1, 'r', 0, 0);`);
    const bytes = db.export();
    db.close();
    const run = (await readMlflowDb(bytes)).snapshot.runs[0]!;
    expect(Object.keys(run.params)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(run.params)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(run))).toMatchObject({ params: { ['__proto__']: 'p' }, tags: { ['__proto__']: 't' } });
    expect(Object.keys(run.metrics)).toEqual(['__proto__']);
  });

  it('loads sql.js from given wasm bytes (how a host without node_modules or fetch can provide it)', async () => {
    const wasm = new Uint8Array(readFileSync(join(__dirname, '../../../node_modules/sql.js/dist/sql-wasm.wasm')));
    const sql = await loadSqlJs({ wasmBinary: wasm });
    const { snapshot } = await readMlflowDb(fixture('1x'), { sql });
    expect(asJson(snapshot)).toEqual(expected('1x'));
  });

  it('opens read-only: the bytes are left as they were, and a WAL-mode header is read with a warning', async () => {
    const bytes = fixture('2x');
    const before = bytes.slice();
    await readMlflowDb(bytes);
    expect(bytes).toEqual(before);
    const wal = bytes.slice();
    wal[18] = 2;
    wal[19] = 2;
    const { snapshot, warnings } = await readMlflowDb(wal);
    expect(asJson(snapshot)).toEqual(expected('2x'));
    expect(warnings.join('\n')).toMatch(/WAL mode/);
  });

  it('refuses what is not an MLflow SQLite database, with a reason', async () => {
    await expect(readMlflowDb(new TextEncoder().encode('experiment_id,name\n0,Default\n'))).rejects.toMatchObject({ code: 'not-sqlite' });
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec('CREATE TABLE t (x INTEGER)');
    await expect(readMlflowDb(db.export())).rejects.toMatchObject({ code: 'not-mlflow-db', message: expect.stringMatching(/no experiments table/) });
    db.close();
    const truncated = fixture('2x').slice(0, 2048);
    await expect(readMlflowDb(truncated)).rejects.toMatchObject({ kind: 'DataError' });
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readMlflowDb(fixture('3x'), { signal: controller.signal })).rejects.toThrow();
  });
});
