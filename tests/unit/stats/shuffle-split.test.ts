import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../../lib/errors';
import { shuffleSplit, stratifiedShuffleSplit } from '../../../lib/stats/shuffle-split';
import { readJson } from '../../support';

interface SplitCase {
  kind: 'shuffle' | 'stratified';
  n: number;
  seed: number;
  y?: number[];
  splits: { train: number[]; test: number[] }[];
}
const fixture = readJson<{ sklearn: string; cases: SplitCase[] }>('tests/fixtures/cbpe/splits.json');

describe(`ShuffleSplit / StratifiedShuffleSplit vs sklearn ${fixture.sklearn} (n_splits=10, test_size=0.1)`, () => {
  for (const c of fixture.cases) {
    it(`${c.kind} n=${c.n} random_state=${c.seed}`, () => {
      const got = c.kind === 'shuffle' ? shuffleSplit(c.n, { seed: c.seed }) : stratifiedShuffleSplit(c.y!, { seed: c.seed });
      expect(got.map((s) => ({ train: Array.from(s.train), test: Array.from(s.test) }))).toEqual(c.splits);
    });
  }

  it('refuses what sklearn refuses, with typed errors', () => {
    expect(() => stratifiedShuffleSplit([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], { seed: 42 })).toThrow(AnalysisError);
    expect(() => stratifiedShuffleSplit([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], { seed: 42 })).toThrow(/1 test rows for 2 classes/);
    expect(() => shuffleSplit(1, { seed: 42 })).toThrow(/no training rows/);
    expect(() => shuffleSplit(10, { seed: 42, testSize: 1.5 })).toThrow(/test size: 1.5/);
  });
});
