import { describe, expect, it } from 'vitest';
import { matchProbaColumns } from '../../../lib/metrics/proba-columns';

describe('matchProbaColumns', () => {
  it('matches proba_ / prob_ / p_ suffixes to labels, in label order', () => {
    expect(matchProbaColumns(['proba_dog', 'prob_cat', 'p_fox'], ['fox', 'cat', 'dog'])).toEqual({
      columns: [
        { label: 'cat', column: 'prob_cat' },
        { label: 'dog', column: 'proba_dog' },
        { label: 'fox', column: 'p_fox' },
      ],
      missing: [],
    });
  });
  it('normalises numeric suffixes like labels and lists labels without a column', () => {
    expect(matchProbaColumns(['p_1.0', 'p_0'], [0, 1, 2])).toEqual({
      columns: [
        { label: '0', column: 'p_0' },
        { label: '1', column: 'p_1.0' },
      ],
      missing: ['2'],
    });
  });
  it('falls back to a unique case-insensitive match', () => {
    expect(matchProbaColumns(['proba_Yes', 'proba_no'], ['yes', 'no']).columns.map((c) => c.label)).toEqual(['no', 'yes']);
  });
  it('throws naming the labels seen when a suffix matches no label', () => {
    expect(() => matchProbaColumns(['proba_cat', 'proba_cow'], ['cat', 'dog'])).toThrow(
      'probability column "proba_cow": suffix "cow" matches no label; labels seen: "cat", "dog"',
    );
  });
  it('throws on a name without a prefix and on two columns for one label', () => {
    expect(() => matchProbaColumns(['score_cat'], ['cat'])).toThrow(/probability column name: "score_cat"/);
    expect(() => matchProbaColumns(['p_1', 'proba_1.0'], [1])).toThrow(/both match label "1"/);
  });
});
