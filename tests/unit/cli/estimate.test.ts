import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { estimatedCell } from '../../../lib/notebook/kinds/estimated';
import { load } from '../../../lib/cli/read-options';
import { expectClose, readJson, ROOT } from '../../support';

// tests/fixtures/generate_cbpe.py computes the expected JSON with its numpy/sklearn re-implementation of NannyML 0.13's CBPE
// (nannyml/calibration.py needs_calibration, nannyml/chunk.py Size/CountBasedChunker, confidence_based/metrics.py, thresholds.py).
type Metrics = Record<string, number | null>;
interface Chunk {
  start: number;
  end: number;
  estimated: Metrics;
  realized?: Metrics;
  lowerThreshold: Metrics;
  upperThreshold: Metrics;
  alert: Record<string, boolean>;
}
interface Output {
  schemaVersion: number;
  calibrated: boolean;
  chunks: Chunk[];
}
const expected = readJson<Record<string, Output>>('tests/fixtures/cbpe/estimate.json');
const file = (name: string) => join(ROOT, 'tests/fixtures/cbpe', name);
const REL = 1e-9;
let maxRel = 0;

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['estimate', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function estimate(args: string[]): Promise<Output> {
  const { code, out, err } = await run(args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Output;
}

function expectMetrics(got: Metrics | undefined, want: Metrics | undefined, what: string): void {
  expect(got === undefined, `${what} present`).toBe(want === undefined);
  if (!got || !want) return;
  expect(Object.keys(got), what).toEqual(['accuracy', 'precision', 'recall', 'f1', 'roc_auc']);
  for (const [key, w] of Object.entries(want)) {
    if (w === null) expect(got[key], `${what}.${key}`).toBeNull();
    else {
      expectClose(got[key], w, REL, `${what}.${key}`);
      maxRel = Math.max(maxRel, Math.abs(got[key]! - w) / Math.max(Math.abs(w), Number.MIN_VALUE));
    }
  }
}

function expectOutput(got: Output, want: Output): void {
  expect(Object.keys(got)).toEqual(['schemaVersion', 'calibrated', 'chunks']);
  expect(got.schemaVersion).toBe(1);
  expect(got.calibrated).toBe(want.calibrated);
  expect(got.chunks.map((c) => [c.start, c.end])).toEqual(want.chunks.map((c) => [c.start, c.end]));
  got.chunks.forEach((c, k) => {
    const w = want.chunks[k]!;
    expectMetrics(c.estimated, w.estimated, `chunk ${k} estimated`);
    expectMetrics(c.realized, w.realized, `chunk ${k} realized`);
    expectMetrics(c.lowerThreshold, w.lowerThreshold, `chunk ${k} lowerThreshold`);
    expectMetrics(c.upperThreshold, w.upperThreshold, `chunk ${k} upperThreshold`);
    expect(c.alert, `chunk ${k} alert`).toEqual(w.alert);
  });
}

const base = ['--reference', file('estimate-reference.csv'), '--target', 'outcome', '--score', 'proba'];

describe('driftbook estimate vs NannyML CBPE (tests/fixtures/cbpe/estimate.json)', () => {
  it('--chunk-size 300: three full chunks and an incomplete one (rows 900–1029), realized where labelled', async () => {
    const got = await estimate([...base, '--current', file('estimate-current.csv'), '--chunk-size', '300']);
    expectOutput(got, expected['chunk-size-300']!);
    expect(got.chunks.at(-1)).toMatchObject({ start: 900, end: 1029 });
  });

  it('default chunks (NannyML: 10) on an unlabelled current file: no realized field', async () => {
    const got = await estimate([...base, '--current', file('estimate-current-unlabelled.csv')]);
    expectOutput(got, expected['default-chunks-unlabelled']!);
    expect(got.chunks).toHaveLength(10);
    expect(got.chunks.every((c) => !('realized' in c))).toBe(true);
  });

  it('--chunks 4 --threshold 0.4: 257-row chunks plus an incomplete one of 2 rows', async () => {
    const got = await estimate([...base, '--current', file('estimate-current.csv'), '--chunks', '4', '--threshold', '0.4']);
    expectOutput(got, expected['chunks-4-threshold-0.4']!);
    expect(got.chunks.map((c) => c.end - c.start + 1)).toEqual([257, 257, 257, 257, 2]);
  });

  it('--prediction COL --chunks 7', async () => {
    const args = ['--reference', file('estimate-reference-pred.csv'), '--current', file('estimate-current-pred.csv'), '--target', 'outcome'];
    expectOutput(await estimate([...args, '--score', 'proba', '--prediction', 'decision', '--chunks', '7']), expected['prediction-column-chunks-7']!);
  });

  it('prints what the app cell computes for the same config', async () => {
    const got = await estimate([...base, '--current', file('estimate-current.csv'), '--chunks', '3']);
    const [reference, current] = await Promise.all([load(file('estimate-reference.csv'), {}), load(file('estimate-current.csv'), {})]);
    const { cbpe } = estimatedCell(reference, current, { target: 'outcome', score: 'proba', threshold: 0.5, chunks: 3 });
    expect(got.calibrated).toBe(cbpe.calibrated);
    expect(got.chunks.map((c) => [c.start, c.end, c.estimated.roc_auc, c.alert.accuracy])).toEqual(
      cbpe.chunks!.map((c) => [c.start, c.end - 1, c.estimated.rocAuc, c.alert.accuracy]),
    );
    expect(got.chunks[0]!.lowerThreshold.f1).toBe(cbpe.thresholds!.lower.f1);
    console.log(`estimate CLI: max relative error ${maxRel.toExponential(2)} vs the fixture`);
  });

  it('exits 2 with one line on bad input', async () => {
    const cur = ['--current', file('estimate-current.csv')];
    const cases: [string[], RegExp][] = [
      [[...base, ...cur, '--chunk-size', '100', '--chunks', '3'], /--chunk-size and --chunks both given/],
      [[...base, ...cur, '--chunks', '0'], /--chunks: 0 is not a whole number/],
      [[...base, ...cur, '--chunk-size', '2.5'], /--chunk-size: 2\.5/],
      [[...base, ...cur, '--threshold', 'high'], /--threshold: high/],
      [['--reference', file('estimate-reference.csv'), ...cur, '--score', 'proba'], /needs --target COL/],
      [['--reference', file('estimate-reference.csv'), ...cur, '--target', 'nope', '--score', 'proba'], /nope/],
      [['--reference', file('estimate-reference.csv'), ...cur, '--target', 'proba', '--score', 'proba'], /binary/],
      [
        [...base, '--current', file('estimate-current.csv'), '--chunks', '5000'],
        /^driftbook: Estimated performance settings: Chunks: a whole number from 1 to 50$/m,
      ],
      [[...base, ...cur, '--prediction', 'outcome', '--threshold', '0.3'], /--prediction and --threshold both given/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err, args.join(' ')).toMatch(message);
      expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
