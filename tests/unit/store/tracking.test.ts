import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DriftbookDb } from '../../../lib/store/db';
import {
  createExperiment,
  createRun,
  deleteArtifact,
  getArtifact,
  getRun,
  listArtifacts,
  listRuns,
  logMetric,
  NOTE_TAG,
  purgeRun,
  putArtifact,
  setParam,
  setRunLifecycle,
  setRunNote,
  setTag,
  updateExperiment,
  updateRun,
} from '../../../lib/store/tracking';
import { importSnapshot, sameRecord } from '../../../lib/store/tracking-import';
import {
  deleteAlias,
  deleteVersion,
  editModel,
  getModel,
  listWorkspaceVersions,
  registerFromRun,
  setAlias,
  transitionStage,
} from '../../../lib/store/registry';
import { listAudit } from '../../../lib/store/audit';
import { verifyChain } from '../../../lib/tracking/audit';
import type { Experiment, Run, TrackingSnapshot } from '../../../lib/tracking/types';

const dbs: DriftbookDb[] = [];
let n = 0;
function freshDb(): DriftbookDb {
  const db = new DriftbookDb(`tracking-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('experiments and runs by hand', () => {
  it('creates a run, edits params/tags/note/metrics, soft-deletes, restores and purges it', async () => {
    const db = freshDb();
    const exp = await createExperiment(db, { name: '  churn  ' }, 1000);
    expect(exp).toMatchObject({ name: 'churn', lifecycleStage: 'active', creationTime: 1000, origin: { kind: 'driftbook' } });
    const run = await createRun(db, { experimentId: exp.id, name: 'baseline', params: { lr: '0.1' } }, 2000);
    expect(run.id).toMatch(/^[0-9a-f]{32}$/);
    expect(run).toMatchObject({ status: 'RUNNING', startTime: 2000, name: 'baseline', tags: { 'mlflow.runName': 'baseline' } });

    await setParam(db, run.id, 'model', ' xgb ');
    await setTag(db, run.id, 'team', 'risk');
    await setRunNote(db, run.id, '# Notes\n*fine*');
    await logMetric(db, run.id, 'auc', { value: 0.7, timestamp: 1, step: 0 });
    await logMetric(db, run.id, 'auc', { value: NaN, timestamp: 2, step: 1 });
    await logMetric(db, run.id, 'auc', { value: 0.8, timestamp: 3, step: 1 });
    await updateRun(db, run.id, { status: 'FINISHED', endTime: 5000, name: 'renamed' });
    let stored = await getRun(db, run.id);
    expect(stored.params).toEqual({ lr: '0.1', model: ' xgb ' });
    expect(stored.tags).toEqual({ 'mlflow.runName': 'renamed', team: 'risk', [NOTE_TAG]: '# Notes\n*fine*' });
    expect(stored.metrics.auc!.map((p) => p.value)).toEqual([0.7, NaN, 0.8]);
    expect(stored).toMatchObject({ status: 'FINISHED', endTime: 5000, name: 'renamed' });

    await setParam(db, run.id, 'lr', null);
    await setRunNote(db, run.id, '');
    stored = await getRun(db, run.id);
    expect(stored.params).toEqual({ model: ' xgb ' });
    expect(stored.tags[NOTE_TAG]).toBeUndefined();

    await expect(purgeRun(db, run.id)).rejects.toThrow(/still active/);
    await setRunLifecycle(db, run.id, 'deleted');
    expect(await listRuns(db, { experimentIds: [exp.id] })).toHaveLength(0);
    expect(await listRuns(db, { experimentIds: [exp.id], lifecycle: 'deleted' })).toHaveLength(1);
    await setRunLifecycle(db, run.id, 'active');
    expect(await listRuns(db)).toHaveLength(1);
    await setRunLifecycle(db, run.id, 'deleted');
    await putArtifact(db, run.id, 'a.txt', new Blob(['x']));
    await purgeRun(db, run.id);
    await expect(getRun(db, run.id)).rejects.toThrow(/not found/);
    expect(await db.artifacts.count()).toBe(0);
  });

  it('refuses bad input with messages', async () => {
    const db = freshDb();
    await expect(createExperiment(db, { name: ' ' })).rejects.toThrow(/experiment name: empty/);
    await expect(createRun(db, { experimentId: 'nope' })).rejects.toThrow(/experiment nope: not found/);
    const exp = await createExperiment(db, { name: 'e' });
    const run = await createRun(db, { experimentId: exp.id });
    await expect(setTag(db, run.id, '', 'v')).rejects.toThrow(/tag key: empty/);
    await expect(logMetric(db, run.id, 'm', { value: 1, step: 1.5 })).rejects.toThrow(/step 1.5 is not an integer/);
    await expect(putArtifact(db, run.id, '../x', new Blob(['x']))).rejects.toThrow(/artifact path/);
    await expect(updateExperiment(db, exp.id, { name: '' })).rejects.toThrow(/empty/);
    expect((await updateExperiment(db, exp.id, { lifecycleStage: 'deleted' })).lifecycleStage).toBe('deleted');
  });

  it('stores artifacts as blobs with name, size and type, listed on the run', async () => {
    const db = freshDb();
    const exp = await createExperiment(db, { name: 'e' });
    const run = await createRun(db, { experimentId: exp.id });
    await putArtifact(db, run.id, 'plots//roc.png', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }));
    await putArtifact(db, run.id, 'data.csv', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }));
    const art = await getArtifact(db, run.id, 'plots/roc.png');
    expect(art).toMatchObject({ name: 'roc.png', path: 'plots/roc.png', size: 4, type: 'image/png' });
    expect(new Uint8Array(await art!.blob.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect((await getRun(db, run.id)).artifacts).toEqual(['data.csv', 'plots/roc.png']);
    expect((await listArtifacts(db, run.id)).map((a) => a.path)).toEqual(['data.csv', 'plots/roc.png']);
    await deleteArtifact(db, run.id, 'data.csv');
    expect((await getRun(db, run.id)).artifacts).toEqual(['plots/roc.png']);
  });
});

const experiment = (id: string, name: string): Experiment => ({
  id,
  name,
  lifecycleStage: 'active',
  artifactLocation: `file:///m/${id}`,
  creationTime: 1,
  lastUpdateTime: 1,
  tags: {},
});
const mlflowRun = (id: string, experimentId: string, auc: number): Run => ({
  id,
  experimentId,
  name: 'r',
  status: 'FINISHED',
  startTime: 10,
  endTime: 20,
  lifecycleStage: 'active',
  user: 'ana',
  artifactUri: `file:///m/${experimentId}/${id}/artifacts`,
  params: { model: 'xgb' },
  tags: {},
  metrics: { auc: [{ value: auc, timestamp: 1, step: 0 }], loss: [{ value: Infinity, timestamp: 1, step: 0 }] },
  artifacts: ['model/MLmodel'],
  inputs: [],
});
const snapshot = (auc = 0.8): TrackingSnapshot => ({
  experiments: [experiment('0', 'Default'), experiment('123456789012345678', 'fraud')],
  runs: [mlflowRun('a'.repeat(32), '0', auc), mlflowRun('b'.repeat(32), '123456789012345678', 0.9)],
  registeredModels: [
    {
      name: 'fraud-model',
      description: '',
      creationTimestamp: 1,
      lastUpdatedTimestamp: 1,
      tags: {},
      aliases: { champion: 3 },
      versions: [1, 3].map((version) => ({
        version,
        runId: 'b'.repeat(32),
        source: 'x',
        status: 'READY',
        currentStage: 'None',
        description: '',
        creationTimestamp: 1,
        lastUpdatedTimestamp: 1,
        tags: {},
      })),
    },
  ],
});

describe('importSnapshot', () => {
  const origin = { kind: 'mlflow-import', source: 'mlruns' } as const;

  it('imports runs as ordinary runs; a second import of the same folder duplicates nothing', async () => {
    const db = freshDb();
    const first = await importSnapshot(db, snapshot(), origin);
    expect(first).toMatchObject({ experiments: { added: 2 }, runs: { added: 2 }, registeredModels: { added: 1 } });
    const again = await importSnapshot(db, snapshot(), origin);
    expect(again).toEqual({
      experiments: { added: 0, updated: 0, unchanged: 2 },
      runs: { added: 0, updated: 0, unchanged: 2 },
      registeredModels: { added: 0, updated: 0, unchanged: 1 },
      renamedExperimentIds: {},
    });
    expect(await db.runs.count()).toBe(2);
    // A changed metric (NaN vs Infinity are told apart) is an update.
    const changed = await importSnapshot(db, snapshot(NaN), origin);
    expect(changed.runs).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect((await getRun(db, 'a'.repeat(32))).metrics.auc![0]!.value).toBeNaN();
    expect((await getRun(db, 'b'.repeat(32))).metrics.loss![0]!.value).toBe(Infinity);
    // Imported runs are edited like local ones.
    await setTag(db, 'a'.repeat(32), 'team', 'risk');
    expect((await listRuns(db)).map((r) => r.id).sort()).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
  });

  it("stores another source's experiment whose id is taken by a different experiment under a new id, stably", async () => {
    const db = freshDb();
    await importSnapshot(db, snapshot(), origin);
    const other: TrackingSnapshot = {
      experiments: [experiment('123456789012345678', 'churn')],
      runs: [mlflowRun('c'.repeat(32), '123456789012345678', 0.5)],
      registeredModels: [],
    };
    const report = await importSnapshot(db, other, { kind: 'mlflow-import', source: 'other/mlruns' });
    const newId = report.renamedExperimentIds['123456789012345678']!;
    expect(newId).toMatch(/^123456789012345678-[0-9a-f]{8}$/);
    expect((await getRun(db, 'c'.repeat(32))).experimentId).toBe(newId);
    const twice = await importSnapshot(db, other, { kind: 'mlflow-import', source: 'other/mlruns' });
    expect(twice.experiments).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await db.experiments.count()).toBe(3);
  });

  it('keeps version numbers counting past imported ones', async () => {
    const db = freshDb();
    await importSnapshot(db, snapshot(), origin);
    expect((await getModel(db, 'fraud-model')).lastVersion).toBe(3);
    const v = await registerFromRun(db, 'fraud-model', 'a'.repeat(32));
    expect(v.version).toBe(4);
    expect((await importSnapshot(db, snapshot(), origin)).registeredModels).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const model = await getModel(db, 'fraud-model');
    expect(model.versions.map((x) => x.version)).toEqual([1, 3, 4]);
    expect(model.lastVersion).toBe(4);
  });
});

describe('registry', () => {
  async function withRun(db: DriftbookDb) {
    const exp = await createExperiment(db, { name: 'e' });
    return createRun(db, { experimentId: exp.id });
  }

  it('lists the versions whose run a workspace logged (its model card links to them), with their stage and aliases', async () => {
    const db = freshDb();
    const exp = await createExperiment(db, { name: 'w' });
    const mine = await createRun(db, { experimentId: exp.id, tags: { 'driftbook.workspaceId': 'ws-1' } });
    const other = await createRun(db, { experimentId: exp.id, tags: { 'driftbook.workspaceId': 'ws-2' } });
    const untagged = await createRun(db, { experimentId: exp.id });
    await registerFromRun(db, 'b-model', mine.id);
    await registerFromRun(db, 'b-model', other.id);
    await registerFromRun(db, 'b-model', mine.id);
    await registerFromRun(db, 'a-model', untagged.id);
    await registerFromRun(db, 'a-model', mine.id);
    await setAlias(db, 'b-model', 'champion', 3);
    await setAlias(db, 'b-model', 'blue', 3);
    await transitionStage(db, 'b-model', 1, 'Archived');
    expect(await listWorkspaceVersions(db, 'ws-1')).toEqual([
      { model: 'a-model', version: 2, stage: 'None', aliases: [], runId: mine.id },
      { model: 'b-model', version: 1, stage: 'Archived', aliases: [], runId: mine.id },
      { model: 'b-model', version: 3, stage: 'None', aliases: ['blue', 'champion'], runId: mine.id },
    ]);
    expect((await listWorkspaceVersions(db, 'ws-2')).map((v) => `${v.model} v${v.version}`)).toEqual(['b-model v2']);
    expect(await listWorkspaceVersions(db, 'ws-3')).toEqual([]);
  });

  it('numbers versions max + 1 and never reuses a deleted number', async () => {
    const db = freshDb();
    const run = await withRun(db);
    const v1 = await registerFromRun(db, 'm', run.id, { now: 1 });
    const v2 = await registerFromRun(db, 'm', run.id, { now: 2 });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1).toMatchObject({ runId: run.id, source: `${run.artifactUri}/model`, currentStage: 'None', status: 'READY' });
    await deleteVersion(db, 'm', 2);
    const v3 = await registerFromRun(db, 'm', run.id);
    expect(v3.version).toBe(3);
    await deleteVersion(db, 'm', 3);
    await deleteVersion(db, 'm', 1);
    expect((await registerFromRun(db, 'm', run.id)).version).toBe(4);
    await expect(registerFromRun(db, 'm', 'missing')).rejects.toThrow(/run missing: not found/);
  });

  it('sets, moves and deletes aliases; deleting a version drops its aliases', async () => {
    const db = freshDb();
    const run = await withRun(db);
    await registerFromRun(db, 'm', run.id);
    await registerFromRun(db, 'm', run.id);
    await setAlias(db, 'm', 'champion', 1);
    await setAlias(db, 'm', 'champion', 2);
    await setAlias(db, 'm', 'challenger', 1);
    expect((await getModel(db, 'm')).aliases).toEqual({ champion: 2, challenger: 1 });
    await deleteAlias(db, 'm', 'challenger');
    await expect(deleteAlias(db, 'm', 'challenger')).rejects.toThrow(/no alias challenger/);
    await expect(setAlias(db, 'm', 'latest', 1)).rejects.toThrow(/reserved/);
    await expect(setAlias(db, 'm', 'v3', 1)).rejects.toThrow(/reserved/);
    await expect(setAlias(db, 'm', 'a b', 1)).rejects.toThrow(/letters, digits/);
    await expect(setAlias(db, 'm', 'x', 9)).rejects.toThrow(/no version 9/);
    await deleteVersion(db, 'm', 2);
    expect((await getModel(db, 'm')).aliases).toEqual({});
  });

  it('changes stages (case-insensitive names, archiving the others when asked) and edits descriptions and tags', async () => {
    const db = freshDb();
    const run = await withRun(db);
    await registerFromRun(db, 'm', run.id);
    await registerFromRun(db, 'm', run.id);
    await transitionStage(db, 'm', 1, 'production');
    await transitionStage(db, 'm', 2, 'Production', { archiveExisting: true });
    expect((await getModel(db, 'm')).versions.map((v) => v.currentStage)).toEqual(['Archived', 'Production']);
    await expect(transitionStage(db, 'm', 1, 'Live')).rejects.toThrow(/use one of None, Staging, Production, Archived/);
    await editModel(db, 'm', { description: 'fraud scorer', tags: { team: 'risk' } });
    await editModel(db, 'm', { version: 2, description: 'retrained' });
    const model = await getModel(db, 'm');
    expect(model).toMatchObject({ description: 'fraud scorer', tags: { team: 'risk' } });
    expect(model.versions[1]!.description).toBe('retrained');
  });
});

describe('registry changes in the audit trail', () => {
  it('logs each registration, alias move, stage change and deletion as a registry-change entry, chained', async () => {
    const db = freshDb();
    const exp = await createExperiment(db, { name: 'e' });
    const run = await createRun(db, { experimentId: exp.id });
    await registerFromRun(db, 'm', run.id);
    await registerFromRun(db, 'm', run.id);
    await setAlias(db, 'm', 'champion', 1);
    await setAlias(db, 'm', 'champion', 1); // unchanged: no entry
    await setAlias(db, 'm', 'champion', 2);
    await transitionStage(db, 'm', 2, 'Staging');
    await deleteAlias(db, 'm', 'champion');
    await deleteVersion(db, 'm', 1);
    const entries = await listAudit(db);
    expect(entries.every((e) => e.type === 'registry-change')).toBe(true);
    expect(entries.map((e) => e.details)).toEqual([
      { action: 'create-model', model: 'm' },
      { action: 'register-version', model: 'm', version: 1, runId: run.id },
      { action: 'register-version', model: 'm', version: 2, runId: run.id },
      { action: 'set-alias', model: 'm', alias: 'champion', from: null, to: 1 },
      { action: 'set-alias', model: 'm', alias: 'champion', from: 1, to: 2 },
      { action: 'stage', model: 'm', version: 2, from: 'None', to: 'Staging' },
      { action: 'delete-alias', model: 'm', alias: 'champion', from: 2 },
      { action: 'delete-version', model: 'm', version: 1, aliases: [] },
    ]);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, count: 8 });
  });
});

describe('sameRecord', () => {
  it('ignores key order and undefined members, tells NaN, Infinity and null apart', () => {
    expect(sameRecord({ a: 1, b: [NaN, { c: 'x' }] }, { b: [NaN, { c: 'x' }], a: 1, d: undefined })).toBe(true);
    expect(sameRecord({ v: NaN }, { v: Infinity })).toBe(false);
    expect(sameRecord({ v: null }, { v: NaN })).toBe(false);
    expect(sameRecord([1, 2], [1, 2, 3])).toBe(false);
    expect(sameRecord({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameRecord([], {})).toBe(false);
  });
});
