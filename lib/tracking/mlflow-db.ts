import { DataError } from '../errors';
import type { TrackingSnapshot } from './types';
import { loadSqlJs, type Database, type SqlJsStatic } from './sql-js';
import { tableColumns } from './mlflow-db-schema';
import { readExperiments, readRuns } from './mlflow-db-runs';
import { readRegisteredModels } from './mlflow-db-registry';

export interface ReadMlflowDbOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** An initialised sql.js (tests, or a host that loaded it already); loadSqlJs() otherwise. */
  sql?: SqlJsStatic;
}

export interface ReadMlflowDbResult {
  snapshot: TrackingSnapshot;
  warnings: string[];
}

const HEADER = 'SQLite format 3\u0000';

/**
 * The database bytes as sql.js should open them: a WAL-mode file (header bytes 18–19 = 2) is marked
 * as a rollback-journal one in a copy, since the in-memory copy has no -wal file beside it.
 */
function checkedBytes(bytes: Uint8Array, warnings: string[]): Uint8Array {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (bytes.length < 100 || header !== HEADER) {
    throw new DataError(
      'not-sqlite',
      'not an SQLite database: the file does not start with "SQLite format 3"; pick the mlflow.db file MLflow writes (sqlite:///mlflow.db)',
    );
  }
  if (bytes[18] !== 2 && bytes[19] !== 2) return bytes;
  warnings.push(
    'the database is in WAL mode: changes still in its mlflow.db-wal file are not read (stop the MLflow server, or run PRAGMA wal_checkpoint, before copying mlflow.db)',
  );
  const copy = bytes.slice();
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}

function open(sql: SqlJsStatic, bytes: Uint8Array): Database {
  let db: Database | undefined;
  try {
    db = new sql.Database(bytes);
    // Read-only: sql.js works on an in-memory copy; query_only also refuses any write to it.
    db.exec('PRAGMA query_only = 1');
    db.exec('SELECT count(*) FROM sqlite_master');
    return db;
  } catch (error) {
    db?.close();
    throw new DataError('bad-sqlite', `the SQLite database cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads MLflow's SQLite tracking store (mlflow.db) into the import snapshot: experiments, runs
 * (params, tags, metric histories, dataset inputs; deleted ones included), registered models with
 * versions and aliases. Columns are selected by name, so every MLflow schema generation reads (a
 * column or table the file lacks is null or empty); the alembic_version table is not consulted.
 * Artifacts are not in the database (`artifacts: []`).
 */
export async function readMlflowDb(bytes: Uint8Array, options: ReadMlflowDbOptions = {}): Promise<ReadMlflowDbResult> {
  const warnings: string[] = [];
  const checked = checkedBytes(bytes, warnings);
  const sql = options.sql ?? (await loadSqlJs());
  options.signal?.throwIfAborted();
  const db = open(sql, checked);
  try {
    for (const table of ['experiments', 'runs']) {
      if (tableColumns(db, table).size === 0) {
        throw new DataError(
          'not-mlflow-db',
          `not an MLflow tracking database: no ${table} table; pick the mlflow.db file of an MLflow tracking server or client`,
        );
      }
    }
    const experiments = readExperiments(db);
    const runs = readRuns(db, warnings, options);
    options.signal?.throwIfAborted();
    const registeredModels = readRegisteredModels(db, warnings);
    options.onProgress?.(runs.length, runs.length);
    return { snapshot: { experiments, runs, registeredModels }, warnings };
  } finally {
    db.close();
  }
}
