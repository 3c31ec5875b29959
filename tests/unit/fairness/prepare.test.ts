import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../../lib/fairness/fairness';
import { prepareRows } from '../../../lib/fairness/prepare';
import type { FairnessInput } from '../../../lib/fairness/types';

const base: FairnessInput = { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], sensitive: [{ name: 'sex', values: ['F', 'F', 'M', 'M'] }] };

describe('prepareRows: bad input is an error saying what to do', () => {
  it.each<[string, FairnessInput, RegExp]>([
    ['mismatched yPred', { ...base, yPred: [0, 1, 0] }, /^yPred: 3 values, yTrue has 4 — pass columns taken from the same rows$/],
    ['mismatched sensitive', { ...base, sensitive: [{ name: 'sex', values: ['F'] }] }, /^sensitive feature "sex": 1 values, yTrue has 4/],
    ['mismatched weights', { ...base, sampleWeight: new Float64Array(5) }, /^sampleWeight: 5 values/],
    ['mismatched scores', { ...base, scores: [0.1] }, /^scores: 1 values/],
    ['negative weight', { ...base, sampleWeight: Float64Array.from([1, -1, 1, 1]) }, /^sampleWeight: row 2 is -1 — weights must be finite and ≥ 0$/],
    ['NaN weight', { ...base, sampleWeight: Float64Array.from([1, 1, NaN, 1]) }, /^sampleWeight: row 3 is NaN/],
    ['no sensitive feature', { ...base, sensitive: [] }, /^sensitive: 0 features — pass one sensitive feature, or two/],
    [
      'three sensitive features',
      { ...base, sensitive: [base.sensitive[0]!, { name: 'a', values: [1, 1, 1, 1] }, { name: 'b', values: [1, 1, 1, 1] }] },
      /^sensitive: 3 features/,
    ],
    [
      'no complete rows',
      { ...base, sensitive: [{ name: 'sex', values: [null, '', undefined, NaN] }] },
      /^groups: none — all 4 rows miss the target, the prediction or a sensitive value/,
    ],
    [
      'three labels',
      { ...base, yPred: [0, 1, 2, 0] },
      /^labels: 3 distinct values in targets and predictions \("0", "1", "2"\) — fairness metrics need binary labels/,
    ],
    [
      'string labels without posLabel',
      { ...base, yTrue: ['no', 'yes', 'yes', 'no'], yPred: ['no', 'yes', 'no', 'no'] },
      /^posLabel: not given and labels are "no", "yes" — choose which label is the positive outcome$/,
    ],
  ])('%s', (_name, input, message) => {
    expect(() => prepareRows(input)).toThrow(message);
  });

  it('unknown posLabel', () => {
    expect(() => prepareRows(base, 'yes')).toThrow(/^posLabel: "yes" is not a label of the data \("0", "1"\) — pick one of them$/);
  });

  it('errors carry a code (AnalysisError)', () => {
    expect(() => prepareRows(base, 2)).toThrow(expect.objectContaining({ kind: 'AnalysisError', code: 'unknown-pos-label' }));
  });

  it('bad options name the option', () => {
    expect(() => computeFairness(base, { method: 'pairwise' as never })).toThrow(/^method: "pairwise" — use "between_groups" or "to_overall"$/);
    expect(() => computeFairness(base, { agg: 'max' as never })).toThrow(/^agg: "max"/);
    expect(() => computeFairness(base, { referenceGroup: 'X' })).toThrow(/^referenceGroup: "X" is not a group \("F", "M"\)/);
    expect(() => computeFairness(base, { disparityBand: [1.25, 0.8] })).toThrow(/^disparityBand: \[1.25, 0.8\]/);
    expect(() => computeFairness({ ...base, scores: [0.1, 0.9, 0.4, 0.2] }, { thresholds: { criterion: 'fpr' as never } })).toThrow(
      /^thresholds.criterion: "fpr"/,
    );
  });
});

describe('prepareRows: rows, labels and groups', () => {
  it('excludes and counts rows missing a target, prediction or sensitive value', () => {
    const d = prepareRows({
      yTrue: [0, null, 1, 1, 0, NaN],
      yPred: [0, 1, undefined, 1, 1, null],
      sensitive: [{ name: 'g', values: ['a', 'a', 'b', '', 'b', 'a'] }],
    });
    expect(d.excluded).toEqual({ total: 4, missing_target: 2, missing_prediction: 2, missing_sensitive: 1 });
    expect(Array.from(d.rows)).toEqual([0, 4]);
    expect(d.warnings[0]).toMatch(/^excluded rows: 4 of 6/);
  });

  it('numbers and their strings are one label; numeric groups are strings sorted numerically', () => {
    const d = prepareRows({ yTrue: [1, '1', 0, '0'], yPred: ['1', 1, 1, 0], sensitive: [{ name: 'n', values: [10, 2, 1, 2] }] });
    expect(d.labels).toEqual(['0', '1']);
    expect(d.posLabel).toBe('1');
    expect(d.groups.map((g) => g.group)).toEqual(['1', '2', '10']);
  });

  it('default positive label: 1 for {0, 1} and {-1, 1}, true for booleans', () => {
    expect(prepareRows({ ...base, yTrue: [-1, 1, 1, -1], yPred: [-1, -1, 1, 1] }).posLabel).toBe('1');
    expect(prepareRows({ ...base, yTrue: [0, 0, 0, 0], yPred: [0, 0, 0, 0] }).posLabel).toBe('1');
    expect(prepareRows({ ...base, yTrue: [true, false, true, false], yPred: [true, true, false, false] }).posLabel).toBe('true');
  });

  it('intersections are named "a, b", keep the tuple, sort by the first then the second feature', () => {
    const d = prepareRows({
      yTrue: [0, 1, 0, 1, 1],
      yPred: [0, 1, 1, 1, 0],
      sensitive: [
        { name: 'sex', values: ['Male', 'Female', 'Male', 'Female', 'Female'] },
        { name: 'race', values: ['White', 'White', 'Black', 'Black', 'White'] },
      ],
    });
    expect(d.groups).toEqual([
      { group: 'Female, Black', values: ['Female', 'Black'] },
      { group: 'Female, White', values: ['Female', 'White'] },
      { group: 'Male, Black', values: ['Male', 'Black'] },
      { group: 'Male, White', values: ['Male', 'White'] },
    ]);
    expect(Array.from(d.groupOf)).toEqual([3, 1, 2, 0, 1]);
  });
});
