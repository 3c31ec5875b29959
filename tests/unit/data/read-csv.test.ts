import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../lib/data/read-csv';
import { DataError } from '../../../lib/errors';

const parse = (text: string) => readCsv(text, { name: 'f.csv' });

function expectDataError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe(code);
    expect((error as DataError).message).toMatch(message);
    return;
  }
  throw new Error(`expected a DataError ${code}`);
}

describe('readCsv', () => {
  it('reads columns as raw strings, column-major', () => {
    const csv = parse('a,b\n1,x\n2,y\n');
    expect(csv.names).toEqual(['a', 'b']);
    expect(csv.columns).toEqual([['1', '2'], ['x', 'y']]);
    expect(csv.rows).toBe(2);
    expect(csv.delimiter).toBe(',');
  });

  it('handles a BOM, CRLF line endings, quoted delimiters, doubled quotes and quoted newlines', () => {
    const csv = parse('\ufeffname,note\r\n"Smith, J","said ""hi"""\r\nLee,"two\r\nlines"\r\n');
    expect(csv.names).toEqual(['name', 'note']);
    expect(csv.columns[0]).toEqual(['Smith, J', 'Lee']);
    expect(csv.columns[1]).toEqual(['said "hi"', 'two\r\nlines']);
  });

  it('sniffs semicolons and tabs, and honours an explicit delimiter', () => {
    expect(parse('a;b\n1;2\n').columns).toEqual([['1'], ['2']]);
    expect(parse('a\tb\n1\t2\n').columns).toEqual([['1'], ['2']]);
    expect(readCsv('a\tb\n1,5\t2\n', { name: 't.tsv', delimiter: '\t' }).columns).toEqual([['1,5'], ['2']]);
  });

  it('accepts a last line without a newline and skips blank lines', () => {
    expect(parse('a,b\n1,2\n\n3,4').columns).toEqual([['1', '3'], ['2', '4']]);
  });

  it('keeps empty cells as empty strings', () => {
    expect(parse('a,b,c\n1,,3\n,,\n').columns).toEqual([['1', ''], ['', ''], ['3', '']]);
  });

  it('renames empty and duplicate header names with warnings', () => {
    const csv = parse('a,,a,a\n1,2,3,4\n');
    expect(csv.names).toEqual(['a', 'column_2', 'a_2', 'a_3']);
    expect(csv.warnings).toHaveLength(3);
    expect(csv.warnings[1]).toContain('"a" renamed "a_2"');
  });

  it('rejects an empty file, a blank file and a header-only file with clear messages', () => {
    expectDataError(() => parse(''), 'empty-file', /^empty file: f\.csv/);
    expectDataError(() => parse('\n\n  \n'), 'empty-file', /^empty file/);
    expectDataError(() => parse('a,b,c\n'), 'no-rows', /^header only: f\.csv has a header but no data rows/);
    expectDataError(() => parse('a,b,c'), 'no-rows', /^header only/);
  });

  it('names the file line of the first ragged row (header = line 1), short or long', () => {
    expectDataError(() => parse('a,b\n1,2\n3\n4,5\n'), 'ragged-row', /line 3 of f\.csv has 1 fields, the header has 2/);
    expectDataError(() => parse('a,b\n1,2\n3,4,5\n'), 'ragged-row', /line 3 of f\.csv has 3 fields, the header has 2/);
    // A quoted newline spans two lines: the next record starts on line 4.
    expectDataError(() => parse('a,b\n1,"x\ny"\n3\n'), 'ragged-row', /line 4 of f\.csv has 1 fields/);
  });

  it('reports an unclosed quote', () => {
    expectDataError(() => parse('a,b\n1,"oops\n2,3\n'), 'unclosed-quote', /unclosed quote/);
  });
});
