/**
 * Bootstrap intervals against numpy/sklearn: tests/fixtures/generate_bootstrap.py draws
 * np.random.RandomState(seed).randint(0, n, size=n) per resample, computes sklearn's metric and
 * takes np.percentile(values, [2.5, 97.5]); undefined resamples are left out and counted.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapClassification, bootstrapRegression, randintIndices, type BootstrapInterval, type BootstrapIntervals } from '../../../lib/metrics/bootstrap';
import { computeClassificationMetrics } from '../../../lib/metrics/compute-classification';
import { mt19937 } from '../../../lib/stats/random';
import { expectClose, readJson } from '../../support';

type Label = string | number | null;
interface Case {
  name: string;
  task: 'classification' | 'regression';
  target: (Label | number)[];
  prediction: Label[] | null;
  score?: (number | null)[] | null;
  proba?: (number | null)[][] | null;
  labels?: Label[];
  posLabel?: Label;
  threshold?: number | null;
  resamples: number;
  seed: number;
  full: Record<string, number | null>;
  intervals: Record<string, BootstrapInterval | null>;
}
interface Fixture {
  cases: Case[];
  randint: { seed: number; n: number; resamples: number[][] }[];
}

const fixture = readJson<Fixture>('tests/fixtures/bootstrap/bootstrap.json');
const REL = 1e-9;

function compare(actual: BootstrapIntervals<string>, expected: Case['intervals'], what: string): void {
  for (const [metric, want] of Object.entries(expected)) {
    const got = actual[metric];
    if (want === null) {
      expect(got, `${what} ${metric}`).toBeNull();
      continue;
    }
    expect(got, `${what} ${metric}`).not.toBeNull();
    expectClose(got!.lower, want.lower, REL, `${what} ${metric} lower`);
    expectClose(got!.upper, want.upper, REL, `${what} ${metric} upper`);
    expect({ level: got!.level, resamples: got!.resamples, seed: got!.seed, undefined: got!.undefined }, `${what} ${metric}`).toEqual({
      level: want.level,
      resamples: want.resamples,
      seed: want.seed,
      undefined: want.undefined,
    });
  }
}

const nums = (values: (number | null)[]) => values.map((v) => (v === null ? NaN : v));

describe('randintIndices (numpy legacy RandomState.randint(0, n, size=n))', () => {
  for (const { seed, n, resamples } of fixture.randint) {
    it(`seed ${seed}, n ${n}`, () => {
      const rng = mt19937(seed);
      for (const expected of resamples) expect(Array.from(randintIndices(rng, n).slice(0, 40))).toEqual(expected);
    });
  }
});

describe('bootstrapClassification', () => {
  for (const c of fixture.cases.filter((x) => x.task === 'classification')) {
    it(`${c.name}: intervals equal numpy/sklearn`, () => {
      const input = {
        target: c.target,
        ...(c.prediction ? { prediction: c.prediction } : {}),
        ...(c.score ? { score: nums(c.score) } : {}),
        ...(c.proba ? { proba: { labels: c.labels!, columns: c.labels!.map((_, j) => nums(c.proba!.map((row) => row[j]!))) } } : {}),
      };
      const options = {
        labels: c.labels!,
        ...(c.posLabel === null || c.posLabel === undefined ? { task: 'multiclass' as const } : { posLabel: c.posLabel }),
        ...(c.threshold ? { threshold: c.threshold } : {}),
      };
      // The full data's metrics (what the cell shows) are sklearn's too.
      const full = computeClassificationMetrics(input, options);
      for (const m of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc'] as const) {
        if (c.full[m] === null) expect(full[m], m).toBeNull();
        else expectClose(full[m], c.full[m]!, REL, `${c.name} full ${m}`);
      }
      compare(bootstrapClassification(input, { ...options, resamples: c.resamples, seed: c.seed }), c.intervals, c.name);
    });
  }

  it('counts the resamples where ROC AUC is undefined (one class only)', () => {
    const c = fixture.cases.find((x) => x.name === 'binary_small_missing')!;
    expect(c.intervals.roc_auc!.undefined).toBeGreaterThan(0);
    const one = fixture.cases.find((x) => x.name === 'one_class')!;
    expect(one.intervals.roc_auc).toBeNull();
  });

  it('is deterministic for a seed and changes with it', () => {
    const input = { target: [0, 1, 1, 0, 1, 0, 1, 1], prediction: [0, 1, 0, 0, 1, 1, 1, 1] };
    const a = bootstrapClassification(input, { resamples: 50, seed: 1 });
    expect(bootstrapClassification(input, { resamples: 50, seed: 1 })).toEqual(a);
    expect(bootstrapClassification(input, { resamples: 50, seed: 2 })).not.toEqual(a);
    expect(a.accuracy).toMatchObject({ level: 0.95, resamples: 50, seed: 1 });
    // No score column: no ROC AUC interval.
    expect(a.roc_auc).toBeNull();
  });

  it('reports its progress every 25 resamples and at the end, without changing the intervals', () => {
    const input = { target: [0, 1, 1, 0, 1, 0, 1, 1], prediction: [0, 1, 0, 0, 1, 1, 1, 1] };
    const seen: [number, number][] = [];
    const withProgress = bootstrapClassification(input, { resamples: 60, seed: 3, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [25, 60],
      [50, 60],
      [60, 60],
    ]);
    expect(withProgress).toEqual(bootstrapClassification(input, { resamples: 60, seed: 3 }));
  });

  it('refuses bad settings with a clear message', () => {
    const input = { target: [0, 1], prediction: [0, 1] };
    expect(() => bootstrapClassification(input, { resamples: 0 })).toThrow(/resamples: 0 — give a whole number ≥ 1/);
    expect(() => bootstrapClassification(input, { seed: -1 })).toThrow(/seed: -1/);
    expect(() => bootstrapClassification(input, { level: 1 })).toThrow(/level: 1/);
  });
});

describe('bootstrapRegression', () => {
  for (const c of fixture.cases.filter((x) => x.task === 'regression')) {
    it(`${c.name}: intervals equal numpy/sklearn`, () => {
      const input = { target: c.target as (number | null)[], prediction: c.prediction as (number | null)[] };
      compare(bootstrapRegression(input, { resamples: c.resamples, seed: c.seed }), c.intervals, c.name);
    });
  }
});
