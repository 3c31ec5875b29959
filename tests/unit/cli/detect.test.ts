import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { expectClose, readJson, ROOT } from '../../support';

// Streams from tests/fixtures/generate_binary_streams.py; the expected indices are River 0.26's own
// (river/drift/binary/*.py docstrings, river/drift/test_drift_detectors.py), as in tests/unit/stream/binary-detectors.test.ts.
const docstring = readJson<{ stream: number[] }>('tests/fixtures/stream-binary/docstring.json').stream;
const { stream2, stream3 } = readJson<{ stream2: number[]; stream3: number[] }>('tests/fixtures/stream-binary/unit-tests.json');

const dir = mkdtempSync(join(tmpdir(), 'driftbook-detect-'));
function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Point {
  index: number;
  timestamp?: string;
}
interface Output {
  detector: string;
  params: Record<string, unknown>;
  detections: Point[];
  warnings: Point[];
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['detect', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function detect(args: string[]): Promise<Output> {
  const { code, out, err } = await run(args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Output;
}

async function refused(args: string[]): Promise<string> {
  const { code, out, err } = await run(args);
  expect(out).toBe('');
  expect(code).toBe(2);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  return err;
}

/** The first warning after the start and after each drift, and every drift: what River's docstring examples print. */
function docstringLines({ detections, warnings }: Output): string[] {
  const lines: string[] = [];
  const drifts = new Set(detections.map((d) => d.index));
  const warned = new Set(warnings.map((w) => w.index));
  let printWarning = true;
  for (let i = 0; i < docstring.length; i++) {
    if (warned.has(i) && printWarning) {
      lines.push(`W${i}`);
      printWarning = false;
    }
    if (drifts.has(i)) {
      lines.push(`C${i}`);
      printWarning = true;
    }
  }
  return lines;
}

const docstringCsv = csv('docstring.csv', `error\n${docstring.join('\n')}\n`);
const unitCsv = csv('unit.csv', `s2,s3\n${stream2.map((x, i) => `${x},${stream3[i]}`).join('\n')}\n`);

// The docstring stream with its rows shuffled (a fixed permutation) and a timestamp one minute apart per position.
const BASE = Date.UTC(2026, 0, 1);
const minute = (i: number) => new Date(BASE + i * 60_000).toISOString();
const shuffled = Array.from({ length: docstring.length }, (_, k) => (k * 7919) % docstring.length);
const shuffledCsv = csv('shuffled.csv', `ts,error\n${shuffled.map((i) => `${minute(i)},${docstring[i]}`).join('\n')}\n`);

describe('driftbook detect', () => {
  it("prints River's detections, every warning index and the parameters with River's defaults (DDM docstring)", async () => {
    const result = await detect(['--data', docstringCsv, '--column', 'error', '--detector', 'ddm']);
    expect(Object.keys(result)).toEqual(['detector', 'params', 'detections', 'warnings']);
    expect(result.detector).toBe('ddm');
    expect(result.params).toEqual({ warm_start: 30, warning_threshold: 2, drift_threshold: 3 });
    expect(result.detections).toEqual([{ index: 1334 }]);
    expect(docstringLines(result)).toEqual(['W1084', 'C1334', 'W1492']);
    // Every index of a warning run, not only the first.
    expect(result.warnings.length).toBeGreaterThan(2);
    expect(result.warnings[0]).toEqual({ index: 1084 });
  });

  it('reproduces the docstring examples of EDDM, HDDM_A and HDDM_W', async () => {
    const lines = async (detector: string, ...params: string[]) =>
      docstringLines(await detect(['--data', docstringCsv, '--column', 'error', '--detector', detector, ...params.flatMap((p) => ['--param', p])]));
    expect(await lines('eddm', 'alpha=0.8', 'beta=0.75')).toEqual(['W1059', 'C1278']);
    expect(await lines('hddm_a')).toEqual(['W451', 'C1206']);
    expect(await lines('hddm_w')).toEqual(['W451', 'C1077']);
  });

  it("takes River's constructor arguments as --param (numbers, booleans) and reproduces its unit-test vectors", async () => {
    const drifts = async (column: string, detector: string, ...params: string[]) =>
      (await detect(['--data', unitCsv, '--column', column, '--detector', detector, ...params.flatMap((p) => ['--param', p])])).detections.map((d) => d.index);
    expect(await drifts('s2', 'eddm', 'alpha=0.9', 'beta=0.8')).toEqual([1059]);
    expect(await drifts('s3', 'hddm_a', 'two_sided_test=true')).toEqual([531, 1015, 1545]);
    expect(await drifts('s3', 'hddm_w', 'two_sided_test=true')).toEqual([507, 1032, 1508]);
    const { params } = await detect([
      '--data',
      unitCsv,
      '--column',
      's3',
      '--detector',
      'hddm_w',
      '--param',
      'two_sided_test=true',
      '--param',
      'lambda_val=0.1',
    ]);
    expect(params).toEqual({ drift_confidence: 0.001, warning_confidence: 0.005, lambda_val: 0.1, two_sided_test: true });
  });

  it('--order-by feeds the rows in time order: indices are positions in that order, with their timestamps', async () => {
    const result = await detect(['--data', shuffledCsv, '--column', 'error', '--detector', 'ddm', '--order-by', 'ts']);
    expect(result.detections).toEqual([{ index: 1334, timestamp: minute(1334) }]);
    expect(docstringLines(result)).toEqual(['W1084', 'C1334', 'W1492']);
    for (const w of result.warnings) expect(w.timestamp).toBe(minute(w.index));
    // In file order the same rows are another stream.
    expect((await detect(['--data', shuffledCsv, '--column', 'error', '--detector', 'ddm'])).detections).not.toEqual([{ index: 1334 }]);
  });

  it('orders stably: rows with equal timestamps keep their file order', async () => {
    // 40 zeros then an error, all at one time, then 20 zeros an hour earlier: in time order the 20 come first, so the
    // error is the 61st value (index 60); DDM's first error after a clean warm-up is a drift (p_min = s_min = 0).
    const rows = [
      ...Array.from({ length: 40 }, () => '2026-02-01T10:00:00Z,0'),
      '2026-02-01T10:00:00Z,1',
      ...Array.from({ length: 20 }, () => '2026-02-01T09:00:00Z,0'),
    ];
    const path = csv('ties.csv', `ts,error\n${rows.join('\n')}\n`);
    expect((await detect(['--data', path, '--column', 'error', '--detector', 'ddm', '--order-by', 'ts'])).detections).toEqual([
      { index: 60, timestamp: '2026-02-01T10:00:00.000Z' },
    ]);
  });

  it('reads a boolean column as 0/1 and runs the numeric detectors on any numbers', async () => {
    const bools = csv('bools.csv', `wrong\n${docstring.map((x) => (x === 1 ? 'true' : 'false')).join('\n')}\n`);
    expect((await detect(['--data', bools, '--column', 'wrong', '--detector', 'hddm_a'])).detections).toEqual([{ index: 1206 }]);
    const level = csv('level.csv', `x\n${Array.from({ length: 300 }, (_, i) => (i < 150 ? 0 : 10)).join('\n')}\n`);
    const ph = await detect(['--data', level, '--column', 'x', '--detector', 'page_hinkley']);
    expect(ph.detector).toBe('page_hinkley');
    expect(ph.detections.length).toBeGreaterThan(0);
    expect(ph.detections[0]!.index).toBeGreaterThanOrEqual(150);
    expect(ph.warnings).toEqual([]);
  });

  it('writes --out', async () => {
    const out = join(dir, 'out.json');
    const { code, out: printed } = await run(['--data', docstringCsv, '--column', 'error', '--detector', 'hddm_w', '--out', out]);
    expect(code).toBe(0);
    expect(printed).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Output).detections).toEqual([{ index: 1077 }]);
  });

  it('refuses unknown detectors and parameters listing the valid ones, and bad parameter values', async () => {
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'ddn'])).toMatch(
      /unknown detector: "ddn"; use one of page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, cusum/,
    );
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'ddm', '--param', 'delta=1'])).toMatch(
      /unknown ddm parameter: "delta"; valid parameters are warm_start, warning_threshold, drift_threshold/,
    );
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'ddm', '--param', 'warm_start=ten'])).toMatch(
      /warm_start: expected a finite integer, got "ten"/,
    );
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'hddm_a', '--param', 'two_sided_test=1'])).toMatch(
      /expected true or false/,
    );
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'eddm', '--param', 'beta=0.99'])).toMatch(
      /alpha \(0\.95\) must be greater than or equal to beta/,
    );
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'ddm', '--param', 'warm_start'])).toMatch(/--param: expected NAME=VALUE/);
    expect(await refused(['--data', docstringCsv, '--column', 'error', '--detector', 'ddm', '--param', 'warm_start=1', '--param', 'warm_start=2'])).toMatch(
      /given twice/,
    );
    // The detector and its parameters are checked before the file is read.
    expect(await refused(['--data', join(dir, 'absent.csv'), '--column', 'error', '--detector', 'ddm', '--param', 'x=1'])).toMatch(/unknown ddm parameter/);
  });

  it('refuses missing flags, unknown columns, missing values, non-0/1 values for binary detectors and rows without a timestamp', async () => {
    expect(await refused(['--column', 'error', '--detector', 'ddm'])).toMatch(/detect needs --data FILE/);
    expect(await refused(['--data', docstringCsv, '--detector', 'ddm'])).toMatch(/detect needs --column COL/);
    expect(await refused(['--data', docstringCsv, '--column', 'error'])).toMatch(/detect needs --detector ID, one of page_hinkley/);
    expect(await refused(['--data', docstringCsv, '--column', 'errors', '--detector', 'ddm'])).toMatch(
      /Change detection settings: Column: errors is not a column of docstring\.csv/,
    );

    const gaps = csv('gaps.csv', 'ts,x\n2026-01-01,0\n2026-01-03,1\n2026-01-02,\n2026-01-04,2\n');
    expect(await refused(['--data', gaps, '--column', 'x', '--detector', 'ddm'])).toMatch(/column "x": row 3 \(index 2\) is missing/);
    expect(await refused(['--data', gaps, '--column', 'x', '--detector', 'ddm', '--order-by', 'ts'])).toMatch(
      /column "x": row 3 \(index 1 in time order\) is missing/,
    );
    const twos = csv('twos.csv', 'ts,x\n2026-01-01,0\n2026-01-03,1\n2026-01-02,2\n');
    expect(await refused(['--data', twos, '--column', 'x', '--detector', 'eddm'])).toMatch(
      /eddm: column "x", row 3 \(index 2\): expected 0 or 1 \(1 = error, 0 = correct\), got 2/,
    );
    const noTime = csv('no-time.csv', 'ts,x\n2026-01-01,0\n,1\n2026-01-02,0\n');
    expect(await refused(['--data', noTime, '--column', 'x', '--detector', 'ddm', '--order-by', 'ts'])).toMatch(
      /timestamp column "ts": row 2 has no timestamp/,
    );
    expect(await refused(['--data', noTime, '--column', 'x', '--detector', 'ddm', '--order-by', 'when'])).toMatch(
      /Change detection settings: Order by: when is not a column of no-time\.csv/,
    );
    const words = csv('words.csv', 'x\na\nb\n');
    expect(await refused(['--data', words, '--column', 'x', '--detector', 'adwin'])).toMatch(
      /column "x": row 1 holds "a", which is not a number — a detector reads numbers/,
    );
  });

  describe('--source and --reference (tests/fixtures/generate_change_sources.py)', () => {
    const fixture = (name: string) => join(ROOT, 'tests/fixtures/change-sources', name);
    const stream = fixture('stream.csv');
    const targets = readJson<Record<string, { mu: number; sigma: number }>>('tests/fixtures/change-sources/targets.json');

    it('--source error and abs_error read the model columns as the model commands take them: the runs over the error columns', async () => {
      const over = (...flags: string[]) => detect(['--data', stream, '--order-by', 'ts', ...flags]);
      expect(await over('--source', 'error', '--target', 'y', '--prediction', 'pred', '--detector', 'ddm')).toEqual(
        await over('--column', 'err', '--detector', 'ddm'),
      );
      expect(await over('--source', 'error', '--target', 'y', '--score', 'score', '--threshold', '0.5', '--pos-label', 'yes', '--detector', 'eddm')).toEqual(
        await over('--column', 'err_score', '--detector', 'eddm'),
      );
      const abs = await over('--source', 'abs_error', '--target', 'yreg', '--prediction', 'preg', '--detector', 'page_hinkley', '--param', 'threshold=20');
      expect(abs).toEqual(await over('--column', 'abserr', '--detector', 'page_hinkley', '--param', 'threshold=20'));
      expect(abs.detections.length).toBeGreaterThan(0);
    });

    it("--reference gives CUSUM's untyped targets: numpy's mean and sample std of the reference series", async () => {
      const cases: [string[], string][] = [
        [['--column', 'x'], 'x'],
        [['--source', 'error', '--target', 'y', '--prediction', 'pred'], 'error'],
        [['--source', 'abs_error', '--target', 'yreg', '--prediction', 'preg'], 'abs_error'],
      ];
      for (const [flags, name] of cases) {
        const result = await detect(['--data', stream, '--reference', fixture('reference.csv'), ...flags, '--detector', 'cusum', '--order-by', 'ts']);
        expectClose(result.params.mu as number, targets[name]!.mu, 1e-12, `${name} mu`);
        expectClose(result.params.sigma as number, targets[name]!.sigma, 1e-12, `${name} sigma`);
      }
    });

    it('refuses CUSUM without targets, a reference nobody reads, model flags without a source and unknown sources', async () => {
      expect(await refused(['--data', stream, '--column', 'x', '--detector', 'cusum'])).toMatch(
        /cusum: without --param mu=… and --param sigma=… it needs --reference FILE/,
      );
      expect(await refused(['--data', stream, '--column', 'x', '--detector', 'ddm', '--reference', stream])).toMatch(
        /--reference: only CUSUM without typed mu and sigma/,
      );
      expect(await refused(['--data', stream, '--column', 'x', '--target', 'y', '--detector', 'ddm'])).toMatch(
        /--target: the model's columns are read with --source error or abs_error/,
      );
      expect(await refused(['--data', stream, '--source', 'window_metric', '--detector', 'ddm'])).toMatch(
        /--source: window_metric is not one of column, error, abs_error/,
      );
      expect(await refused(['--data', stream, '--source', 'error', '--column', 'x', '--detector', 'ddm'])).toMatch(
        /--column: --source error reads the model's columns/,
      );
      expect(
        await refused(['--data', stream, '--source', 'error', '--target', 'y', '--prediction', 'pred', '--threshold', '0.5', '--detector', 'ddm']),
      ).toMatch(/A threshold derives predictions from the score: clear the prediction column or the threshold/);
    });
  });
});
