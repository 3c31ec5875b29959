import { describe, expect, it } from 'vitest';
import { CsvTokenizer, unescapeQuotes } from '../../../lib/data/csv-tokenizer';
import { DataError } from '../../../lib/errors';

/** Tokenizes text fed in pieces of `chunk` characters; returns records as string arrays with their line. */
function tokenize(text: string, chunk = text.length || 1, delimiter = ','): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const t = new CsvTokenizer(delimiter.charCodeAt(0), 't.csv', (src, starts, ends, escaped, count, line) => {
    const fields: string[] = [];
    for (let k = 0; k < count; k++) {
      const raw = src.slice(starts[k]!, ends[k]!);
      fields.push(escaped[k] ? unescapeQuotes(raw) : raw);
    }
    out.push({ fields, line });
  });
  for (let i = 0; i < text.length; i += chunk) t.feed(text.slice(i, i + chunk));
  t.finish();
  return out;
}

describe('CsvTokenizer', () => {
  const text = 'a,"b ""q""",c\r\n"multi\nline",,"x,y"\n\n"",2,3\rlast,"",\n';
  it('splits RFC 4180 records the same way for every chunk size', () => {
    const want = [
      { fields: ['a', 'b "q"', 'c'], line: 1 },
      { fields: ['multi\nline', '', 'x,y'], line: 2 },
      { fields: ['', '2', '3'], line: 5 },
      { fields: ['last', '', ''], line: 6 },
    ];
    for (const chunk of [1, 2, 3, 4, 5, 7, 11, 1000]) expect(tokenize(text, chunk)).toEqual(want);
  });

  it('reads a last record without a line break and an empty field at the end', () => {
    expect(tokenize('a,b\n1,')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', ''], line: 2 },
    ]);
  });

  it('uses the given delimiter only', () => {
    expect(tokenize('a;b,c\n', undefined, ';')).toEqual([{ fields: ['a', 'b,c'], line: 1 }]);
    expect(tokenize('a\tb\n', undefined, '\t')).toEqual([{ fields: ['a', 'b'], line: 1 }]);
  });

  it('rejects text after a closing quote and an unclosed quote, naming the line', () => {
    expect(() => tokenize('a\n"x"y\n')).toThrow(DataError);
    expect(() => tokenize('a\n"x"y\n')).toThrow(/^stray quote: line 2 of t\.csv/);
    expect(() => tokenize('a\nb\n"open\n')).toThrow(/^unclosed quote: the quoted field on line 3 of t\.csv never ends/);
  });
});
