import { describe, expect, it } from 'vitest';
import { defaultPosLabel, encodeLabels, labelsOf, normaliseLabel, sortLabels } from '../../../lib/metrics/labels';

describe('normaliseLabel', () => {
  it('treats 1, "1", "1.0", "+1" and 1.0 as one class', () => {
    expect([1, '1', '1.0', '+1', 1.0, ' 1 '].map(normaliseLabel)).toEqual(['1', '1', '1', '1', '1', '1']);
    expect(normaliseLabel(-0)).toBe('0');
    expect(normaliseLabel('2.50')).toBe('2.5');
  });
  it('keeps other strings verbatim and maps booleans', () => {
    expect(normaliseLabel('Cat')).toBe('Cat');
    expect(normaliseLabel(' cat')).toBe(' cat');
    expect(normaliseLabel(true)).toBe('true');
  });
  it('null, undefined, NaN and "" are missing', () => {
    expect([null, undefined, NaN, ''].map(normaliseLabel)).toEqual([null, null, null, null]);
  });
});

describe('sortLabels (sklearn unique_labels order)', () => {
  it('sorts numeric labels numerically', () => {
    expect(sortLabels(['10', '9', '-1', '2.5'])).toEqual(['-1', '2.5', '9', '10']);
  });
  it('sorts strings by code point, a mix as strings', () => {
    expect(sortLabels(['b', 'B', 'a', 'é'])).toEqual(['B', 'a', 'b', 'é']);
    expect(sortLabels(['10', 'x', '9'])).toEqual(['10', '9', 'x']);
  });
  it('labelsOf merges columns and drops missing values', () => {
    expect(labelsOf([1, null, 0], ['2', ''])).toEqual(['0', '1', '2']);
  });
});

describe('encodeLabels', () => {
  it('codes labels, −1 for missing', () => {
    expect(Array.from(encodeLabels(['b', null, 'a', 'b'], ['a', 'b']))).toEqual([1, -1, 0, 1]);
  });
  it('names an unknown label and the classes', () => {
    expect(() => encodeLabels(['c'], ['a', 'b'], 'target')).toThrow('target not among the classes: "c" (row 0); classes are a, b');
  });
});

describe('defaultPosLabel (sklearn _check_pos_label_consistency)', () => {
  it('is 1 for {0, 1} and {−1, 1}, "true" for booleans, silently', () => {
    const warnings: string[] = [];
    expect(defaultPosLabel(['0', '1'], warnings)).toBe('1');
    expect(defaultPosLabel(['0'], warnings)).toBe('1');
    expect(defaultPosLabel(['-1', '1'], warnings)).toBe('1');
    expect(defaultPosLabel(['false', 'true'], warnings)).toBe('true');
    expect(warnings).toEqual([]);
  });
  it('otherwise takes the last label and warns', () => {
    const warnings: string[] = [];
    expect(defaultPosLabel(['churn', 'stay'], warnings)).toBe('stay');
    expect(warnings[0]).toMatch(/^pos_label: not given, using "stay"/);
  });
});
