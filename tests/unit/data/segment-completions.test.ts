import { describe, expect, it } from 'vitest';
import { checkSegment } from '../../../lib/data/frame';
import { columnAccess, rowName, segmentCompletions } from '../../../lib/data/segment-completions';

const COLUMNS = ['country', 'count', 'age', 'odd name', "it's"];

describe('segment completions', () => {
  it('reads identifiers with a dot, other names in brackets (escaped)', () => {
    expect(COLUMNS.map((name) => columnAccess('d', name))).toEqual(['d.country', 'd.count', 'd.age', "d['odd name']", "d['it\\'s']"]);
    // Every access form is a segment the checker accepts.
    for (const name of COLUMNS) expect(() => checkSegment(`d => ${columnAccess('d', name)} != null`, COLUMNS)).not.toThrow();
  });

  it('starts an empty field with each column, finishes a partial column name', () => {
    expect(segmentCompletions('', COLUMNS)).toEqual(['d => d.country', 'd => d.count', 'd => d.age', "d => d['odd name']", "d => d['it\\'s']"]);
    expect(segmentCompletions('d => d.cou', COLUMNS)).toEqual(['d => d.country', 'd => d.count']);
    expect(segmentCompletions("d => d.age > 3 && d['odd", COLUMNS)).toEqual(["d => d.age > 3 && d['odd name']"]);
    expect(segmentCompletions('row => row.a', COLUMNS)).toEqual(['row => row.age']);
  });

  it('offers the next column after an operator or a space, using the declared row name', () => {
    expect(rowName('(r) => r.age')).toBe('r');
    expect(rowName('age > 3')).toBe('d');
    expect(segmentCompletions('r => r.age > 3 &&', ['age'])).toEqual(['r => r.age > 3 && r.age']);
    expect(segmentCompletions('d => !(', ['age'])).toEqual(['d => !(d.age']);
    expect(segmentCompletions("d => d.country === 'FR'", COLUMNS)).toEqual([]);
  });
});
