/**
 * The mlruns importer against a FileStore folder written by tests/fixtures/generate_mlruns.py the way
 * MLflow writes one (several MLflow generations in one folder), and against small broken trees.
 * References (MLflow is not installable here; its source was read, not copied):
 *   mlflow/store/tracking/file_store.py — _get_metric_from_line, _get_resource_files, _get_run_from_info,
 *     _read_persisted_run_info_dict, _get_all_inputs, _FileStoreInput.write_yaml, delete_experiment,
 *     _list_run_infos, RESERVED_EXPERIMENT_FOLDERS;
 *   mlflow/store/model_registry/file_store.py — get_all_registered_model_aliases_from_path,
 *     delete_model_version (STAGE_DELETED_INTERNAL), _get_file_model_version_from_dir;
 *   mlflow/utils/file_utils.py — read_file / read_file_lines (codecs.open: whole contents, UTF-8);
 *   mlflow/entities/run_status.py — RunStatus's int enum.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTreeFromDirectory } from '../../../lib/cli/runs-command';
import { fileTreeFromFiles, fileTreeFromMap } from '../../../lib/tracking/file-tree';
import { readMlruns } from '../../../lib/tracking/mlruns';
import { parseMetricLines, pythonFloat } from '../../../lib/tracking/mlruns-metrics';
import { parsePyYaml } from '../../../lib/tracking/mlruns-yaml';
import { snapshotFromJson, snapshotToJson } from '../../../lib/tracking/snapshot-json';
import type { Run, TrackingSnapshot } from '../../../lib/tracking/types';

const FIXTURE = join(__dirname, '../../fixtures/mlruns');

async function fixture() {
  return readMlruns(await fileTreeFromDirectory(join(FIXTURE, 'tree')));
}

/** The snapshot as printed JSON, in the generator's order (experiments and runs by id, models by name). */
function printed(snapshot: TrackingSnapshot): unknown {
  const json = JSON.parse(snapshotToJson(snapshot)) as { experiments: Array<{ id: string }>; runs: Array<{ id: string }>; registeredModels: unknown[] };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...json, experiments: [...json.experiments].sort(byId), runs: [...json.runs].sort(byId) };
}

const runNamed = (snapshot: TrackingSnapshot, id: string): Run => snapshot.runs.find((r) => r.id === id)!;

describe('readMlruns on a FileStore folder of several MLflow generations', () => {
  it('prints exactly what the generator wrote, with no warning', async () => {
    const { snapshot, warnings } = await fixture();
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));
    expect(printed(snapshot)).toEqual(expected);
    expect(warnings).toEqual([]);
    expect(snapshot.experiments).toHaveLength(5);
    expect(snapshot.runs).toHaveLength(9);
  });

  it('keeps ids as strings, 19 digits included, and reads a legacy int experiment_id as a string', async () => {
    const { snapshot } = await fixture();
    expect(snapshot.experiments.map((e) => e.id).sort()).toEqual(['0', '1234567890123456789', '5', '6', '987654321098765432']);
    expect(runNamed(snapshot, '0a1b2c3d4e5f60718293a4b5c6d7e8f9').experimentId).toBe('0');
    expect(runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b').experimentId).toBe('1234567890123456789');
  });

  it('reads a plain `digest: 20240e51` as the string PyYAML reads (not 2.024e+55)', async () => {
    const { snapshot } = await fixture();
    const run = runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b');
    // Inputs come in input-folder order (their md5 ids), as the generator lists them.
    expect(run.inputs.map((i) => i.digest).sort()).toEqual(['1e5', '20240e51']);
  });

  it('reads metric values as Python str(float) wrote them: nan, inf, -inf; history in file order, duplicates kept', async () => {
    const { snapshot } = await fixture();
    const run = runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b');
    expect(run.metrics['train/grad_norm']!.map((p) => p.value)).toEqual([Infinity, -Infinity, 1e-7, 123456789.125]);
    const loss = run.metrics['val/loss']!;
    expect(Number.isNaN(loss[1]!.value)).toBe(true);
    expect(loss.map((p) => p.step)).toEqual([0, 1, 2, 2]);
    expect(loss.map((p) => p.timestamp)).toEqual([1700000101000, 1700000102000, 1700000100500, 1700000100500]);
    expect(run.metrics.auc!.map((p) => p.step)).toEqual([10, -1]);
  });

  it('reads 2-field lines (step 0) and MLflow 3 5-field lines (step = third field)', async () => {
    const { snapshot } = await fixture();
    expect(runNamed(snapshot, '0a1b2c3d4e5f60718293a4b5c6d7e8f9').metrics.loss).toEqual([
      { value: 0.9, timestamp: 1550000001000, step: 0 },
      { value: 0.5, timestamp: 1550000002000, step: 0 },
      { value: 0.5, timestamp: 1550000002000, step: 0 },
      { value: 5, timestamp: 1550000003000, step: 0 },
    ]);
    expect(runNamed(snapshot, '60718293a4b5c6d7e8f90a1b2c3d4e5f').metrics.exact_match).toEqual([
      { value: 0.61, timestamp: 1750000150000, step: 0 },
      { value: 0.64, timestamp: 1750000160000, step: 1 },
    ]);
  });

  it('marks an experiment under .trash/ deleted even when its meta.yaml says active; its runs keep their own stage', async () => {
    const { snapshot } = await fixture();
    const five = snapshot.experiments.find((e) => e.id === '5')!;
    expect(five.lifecycleStage).toBe('deleted');
    expect(runNamed(snapshot, '718293a4b5c6d7e8f90a1b2c3d4e5f60').lifecycleStage).toBe('active');
    expect(runNamed(snapshot, '3d4e5f60718293a4b5c6d7e8f90a1b2c').lifecycleStage).toBe('deleted');
  });

  it('names a run by run_name, else the mlflow.runName tag — never by the legacy `name` key', async () => {
    const { snapshot } = await fixture();
    expect(runNamed(snapshot, '0a1b2c3d4e5f60718293a4b5c6d7e8f9').name).toBe('legacy-run'); // name: '' + tag
    expect(runNamed(snapshot, '1b2c3d4e5f60718293a4b5c6d7e8f90a').name).toBeNull(); // name: 'not the name', no tag
    expect(runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b').name).toBe('from-tag'); // run_name: ''
    expect(runNamed(snapshot, '4e5f60718293a4b5c6d7e8f90a1b2c3d').name).toBe('still-running'); // run_name beats a stale tag
  });

  it('maps RunStatus ints to names and keeps times (end null while running)', async () => {
    const { snapshot } = await fixture();
    const status = (id: string) => runNamed(snapshot, id).status;
    expect(status('0a1b2c3d4e5f60718293a4b5c6d7e8f9')).toBe('FINISHED');
    expect(status('1b2c3d4e5f60718293a4b5c6d7e8f90a')).toBe('KILLED');
    expect(status('3d4e5f60718293a4b5c6d7e8f90a1b2c')).toBe('FAILED');
    expect(status('4e5f60718293a4b5c6d7e8f90a1b2c3d')).toBe('RUNNING');
    expect(status('5f60718293a4b5c6d7e8f90a1b2c3d4e')).toBe('SCHEDULED');
    expect(runNamed(snapshot, '4e5f60718293a4b5c6d7e8f90a1b2c3d').endTime).toBeNull();
  });

  it('keeps params and tags as whole file contents (trailing newlines, spaces, CRLF), nested keys as paths', async () => {
    const { snapshot } = await fixture();
    const old = runNamed(snapshot, '0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(old.params).toEqual({ empty: '', lr: '0.1\n', optimizer: 'adam  ' });
    const modern = runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b');
    expect(modern.params.note).toBe('  leading and trailing  \n\n');
    expect(modern.params['model/depth']).toBe('6');
    expect(modern.tags['mlflow.log-model.history']).toBe('[]\r\n');
    expect(modern.tags['team/owner']).toBe('risk');
  });

  it('follows source_id for dataset inputs (destination_id may name another dataset)', async () => {
    const { snapshot } = await fixture();
    const inputs = runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b').inputs;
    expect(inputs.map((i) => [i.name, i.source, i.tags['mlflow.data.context']]).sort()).toEqual([
      ['eval', '{"uri": "/data/eval.parquet"}', 'eval'],
      ['train', '{"uri": "/data/train.parquet"}', 'training'],
    ]);
  });

  it('takes aliases from aliases/ files (not the stale meta.yaml list) and leaves Deleted_Internal versions out', async () => {
    const { snapshot } = await fixture();
    const fraud = snapshot.registeredModels.find((m) => m.name === 'fraud-model')!;
    expect(fraud.aliases).toEqual({ challenger: 4, champion: 3 });
    expect(fraud.versions.map((v) => v.version)).toEqual([1, 3, 4]);
    expect(fraud.versions[2]!.runId).toBeNull();
  });

  it('skips .DS_Store everywhere, lists artifacts relative to artifacts/, never resolving artifact_uri', async () => {
    const { snapshot } = await fixture();
    const old = runNamed(snapshot, '0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(old.artifacts).toEqual(['model/MLmodel', 'plots/roc.png']);
    expect(old.artifactUri).toBe('/home/alice/mlruns/0/0a1b2c3d4e5f60718293a4b5c6d7e8f9/artifacts');
    expect(runNamed(snapshot, '2c3d4e5f60718293a4b5c6d7e8f90a1b').artifacts).toContain('eval/confusion matrix.json');
  });

  it('does not read traces/ or MLflow 3 models/ folders as runs', async () => {
    const { snapshot } = await fixture();
    expect(snapshot.runs.filter((r) => r.experimentId === '987654321098765432').map((r) => r.id)).toEqual(['60718293a4b5c6d7e8f90a1b2c3d4e5f']);
  });

  it('reports progress up to the file count and stops when aborted', async () => {
    const tree = await fileTreeFromDirectory(join(FIXTURE, 'tree'));
    const seen: Array<[number, number]> = [];
    await readMlruns(tree, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([tree.paths().length, tree.paths().length]);
    const controller = new AbortController();
    controller.abort();
    await expect(readMlruns(tree, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('readMlruns on broken trees: a warning naming the path, the rest still read', () => {
  const experimentMeta = "artifact_location: /x\nexperiment_id: '1'\nlifecycle_stage: active\nname: e\n";
  const runMeta = (id: string, extra = '') =>
    `artifact_uri: /x/${id}/artifacts\nexperiment_id: '1'\nrun_id: ${id}\nrun_name: r\nstart_time: 5\nstatus: 3\nuser_id: u\n${extra}`;

  it('a malformed metric line or value is left out, the other lines kept', async () => {
    const { snapshot, warnings } = await readMlruns(
      fileTreeFromMap({ '1/meta.yaml': experimentMeta, '1/aa/meta.yaml': runMeta('aa'), '1/aa/metrics/m': '1 0.5 0\n2 0.6 1 extra\n3 abc 2\n\n4 0.7 3\n' }),
    );
    expect(snapshot.runs[0]!.metrics.m).toEqual([
      { value: 0.5, timestamp: 1, step: 0 },
      { value: 0.7, timestamp: 4, step: 3 },
    ]);
    expect(warnings).toHaveLength(3);
    expect(warnings.every((w) => w.startsWith('1/aa/metrics/m: line '))).toBe(true);
  });

  it('a broken meta.yaml, a run folder without one, a wrong experiment id, an unknown status', async () => {
    const { snapshot, warnings } = await readMlruns(
      fileTreeFromMap({
        '1/meta.yaml': experimentMeta,
        '1/aa/meta.yaml': 'artifact_uri: [unclosed\n',
        '1/bb/params/p': 'v',
        '1/cc/meta.yaml': runMeta('cc').replace("experiment_id: '1'", "experiment_id: '2'"),
        '1/dd/meta.yaml': runMeta('dd').replace('status: 3', 'status: 9'),
        '2/meta.yaml': experimentMeta,
        'notes.txt': 'hello',
      }),
    );
    expect(snapshot.runs.map((r) => [r.id, r.status])).toEqual([['dd', 'RUNNING']]);
    expect(snapshot.experiments.map((e) => e.id)).toEqual(['1']);
    const paths = warnings.map((w) => w.split(': ')[0]);
    expect(paths).toEqual(expect.arrayContaining(['1/aa/meta.yaml', '1/bb', '1/cc/meta.yaml', '1/dd/meta.yaml', '2/meta.yaml', 'notes.txt']));
  });

  it('an input whose dataset is missing, an alias that is not a number, a file that cannot be read', async () => {
    const tree = fileTreeFromMap({
      '1/meta.yaml': experimentMeta,
      '1/aa/meta.yaml': runMeta('aa'),
      '1/aa/inputs/i1/meta.yaml': 'destination_id: x\ndestination_type: RUN\nsource_id: missing\nsource_type: DATASET\ntags: {}\n',
      '1/aa/params/bad': new Uint8Array([0x61, 0xff, 0x62]),
      'models/m/meta.yaml': 'name: m\ncreation_timestamp: 1\nlast_updated_timestamp: 2\ndescription: null\n',
      'models/m/aliases/prod': 'three',
      'models/m/version-1/meta.yaml':
        'version: 1\ncurrent_stage: None\nsource: s\nrun_id: aa\nstatus: READY\ncreation_timestamp: 1\nlast_updated_timestamp: 1\n',
    });
    const broken = { ...tree, read: async (path: string) => (path === '1/aa/params/gone' ? Promise.reject(new Error('EACCES')) : tree.read(path)) };
    const { snapshot, warnings } = await readMlruns({ paths: () => [...tree.paths(), '1/aa/params/gone'], read: broken.read });
    expect(snapshot.runs[0]!.inputs).toEqual([]);
    expect(snapshot.runs[0]!.params).toEqual({ bad: 'a\uFFFDb' });
    expect(snapshot.registeredModels[0]!.aliases).toEqual({});
    expect(snapshot.registeredModels[0]!.versions.map((v) => v.version)).toEqual([1]);
    expect(warnings.map((w) => w.split(': ')[0]).sort()).toEqual(['1/aa/inputs/i1/meta.yaml', '1/aa/params/bad', '1/aa/params/gone', 'models/m/aliases/prod']);
  });
});

describe('ids written as YAML integers', () => {
  it('keeps an unquoted 19-digit experiment_id exact (read as bigint, printed as its digits)', async () => {
    const id = '9223372036854775807';
    const { snapshot, warnings } = await readMlruns(
      fileTreeFromMap({
        [`${id}/meta.yaml`]: `artifact_location: /x\nexperiment_id: ${id}\nlifecycle_stage: active\nname: e\n`,
        [`${id}/aa/meta.yaml`]: `experiment_id: ${id}\nrun_uuid: aa\nstart_time: 1\nstatus: 3\nuser_id: u\n`,
      }),
    );
    expect(warnings).toEqual([]);
    expect(snapshot.experiments[0]!.id).toBe(id);
    expect(snapshot.runs[0]!.experimentId).toBe(id);
  });
});

describe('the parent of mlruns/ picked', () => {
  it('reads the store inside, with a warning', async () => {
    const { snapshot, warnings } = await readMlruns(
      fileTreeFromMap({ 'mlruns/0/meta.yaml': "artifact_location: /x\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n" }),
    );
    expect(snapshot.experiments.map((e) => e.name)).toEqual(['Default']);
    expect(warnings).toEqual(['mlruns: the folder picked holds one MLflow store, read from here']);
  });
  it('does not take a store holding only a registry for a parent folder', async () => {
    const { snapshot, warnings } = await readMlruns(fileTreeFromMap({ 'models/m/meta.yaml': 'name: m\ncreation_timestamp: 1\nlast_updated_timestamp: 1\n' }));
    expect(snapshot.registeredModels.map((m) => m.name)).toEqual(['m']);
    expect(warnings).toEqual([]);
  });
});

describe('PyYAML-compatible meta.yaml reading', () => {
  it('resolves plain scalars as PyYAML does, not as YAML 1.2 or the yaml package 1.1 schema', () => {
    expect(parsePyYaml("a: 20240e51\nb: 1.0e+5\nc: 1234567890123456789\nd: y\ne: yes\nf: .nan\ng: '12'\nh: null\ni: 017\nj: 1e5\n")).toEqual({
      a: '20240e51',
      b: 100000,
      c: 1234567890123456789n,
      d: 'y',
      e: true,
      f: NaN,
      g: '12',
      h: null,
      i: 15n,
      j: '1e5',
    });
  });
});

describe("Python's float() and metric lines", () => {
  it('reads what str(float) prints and what float() accepts', () => {
    expect(['nan', 'inf', '-inf', 'Infinity', '1e-05', '5', '-0.0', '1_000.5', '.5'].map(pythonFloat)).toEqual([
      NaN,
      Infinity,
      -Infinity,
      Infinity,
      1e-5,
      5,
      -0,
      1000.5,
      0.5,
    ]);
    expect(['', 'abc', '1..2', '0x10', '.', 'nanx'].map(pythonFloat)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
  it('splits on single spaces after strip (two spaces make an empty field)', () => {
    const problems: string[] = [];
    expect(parseMetricLines('  1 2 3  \r\n1  2 3\n', (p) => problems.push(p))).toEqual([{ value: 2, timestamp: 1, step: 3 }]);
    expect(problems).toHaveLength(1);
  });
});

describe('file trees and the JSON shape', () => {
  it('fileTreeFromFiles drops the picked folder name from webkitRelativePath', async () => {
    const file = (path: string, text: string) => ({
      webkitRelativePath: path,
      name: path.split('/').at(-1)!,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    });
    const tree = fileTreeFromFiles([file('mlruns/0/meta.yaml', 'x'), file('mlruns/models/m/meta.yaml', 'y')]);
    expect(tree.paths().sort()).toEqual(['0/meta.yaml', 'models/m/meta.yaml']);
    expect(new TextDecoder().decode(await tree.read('0/meta.yaml'))).toBe('x');
  });

  it('writes NaN and ±inf as strings and reads them back', async () => {
    const { snapshot } = await fixture();
    const json = snapshotToJson(snapshot);
    expect(json).toContain('"value": "NaN"');
    expect(json).toContain('"value": "-Infinity"');
    expect(snapshotFromJson(json)).toEqual(snapshot);
  });
});
