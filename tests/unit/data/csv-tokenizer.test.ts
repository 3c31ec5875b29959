import { describe, expect, it } from 'vitest';
import { CsvTokenizer, NUMBER_FIELD, ESCAPED_FIELD, unescapeQuotes } from '../../../lib/data/csv-tokenizer';
import { parseNumber } from '../../../lib/data/parse-number';
import { DataError } from '../../../lib/errors';

type Tokens = { fields: string[]; line: number; numbers: (number | undefined)[] };

/** Tokenizes text fed in pieces of `chunk` bytes; returns records as string arrays with their line and inline-parsed numbers. */
function tokenize(text: string | Uint8Array, chunk?: number, delimiter = ','): Tokens[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const decoder = new TextDecoder();
  const out: Tokens[] = [];
  const t = new CsvTokenizer(delimiter.charCodeAt(0), 't.csv', (batch) => {
    for (let r = 0; r < batch.records; r++) {
      const fields: string[] = [];
      const numbers: (number | undefined)[] = [];
      for (let f = batch.recordStarts[r]!; f < batch.recordStarts[r]! + batch.recordFields[r]!; f++) {
        const raw = decoder.decode(batch.bytes.subarray(batch.starts[f], batch.ends[f]));
        fields.push(batch.kinds[f] === ESCAPED_FIELD ? unescapeQuotes(raw) : raw);
        numbers.push(batch.kinds[f] === NUMBER_FIELD ? batch.numbers[f] : undefined);
      }
      out.push({ fields, line: batch.recordLines[r]!, numbers });
    }
  });
  const step = chunk ?? (bytes.length || 1);
  for (let i = 0; i < bytes.length; i += step) t.feed(bytes.slice(i, i + step));
  t.finish();
  return out;
}

const fieldsOf = (tokens: Tokens[]) => tokens.map(({ fields, line }) => ({ fields, line }));

describe('CsvTokenizer', () => {
  const text = 'a,"b ""q""",c\r\n"multi\nline",,"x,y"\n\n"",2,3\rlast,"",\n';
  it('splits RFC 4180 records the same way for every chunk size', () => {
    const want = [
      { fields: ['a', 'b "q"', 'c'], line: 1 },
      { fields: ['multi\nline', '', 'x,y'], line: 2 },
      { fields: ['', '2', '3'], line: 5 },
      { fields: ['last', '', ''], line: 6 },
    ];
    for (const chunk of [1, 2, 3, 4, 5, 7, 11, 1000]) expect(fieldsOf(tokenize(text, chunk))).toEqual(want);
  });

  it('keeps multi-byte characters whole when chunks split them, inside and outside quotes', () => {
    const text = 'é,"ü\r\n€, ""𝄞""",ß\r\n"日本",x€y,\r\n';
    const want = [
      { fields: ['é', 'ü\r\n€, "𝄞"', 'ß'], line: 1 },
      { fields: ['日本', 'x€y', ''], line: 3 },
    ];
    for (const chunk of [1, 2, 3, 5, 1000]) expect(fieldsOf(tokenize(text, chunk))).toEqual(want);
  });

  it('counts a CRLF split across chunks as one line break, and a lone CR as one', () => {
    for (const chunk of [1, 2, 3]) {
      expect(fieldsOf(tokenize('a\r\nb\r\n\r\nc\rd\r', chunk))).toEqual([
        { fields: ['a'], line: 1 },
        { fields: ['b'], line: 2 },
        { fields: ['c'], line: 4 },
        { fields: ['d'], line: 5 },
      ]);
    }
  });

  it('reads a last record without a line break and an empty field at the end', () => {
    expect(fieldsOf(tokenize('a,b\n1,'))).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', ''], line: 2 },
    ]);
  });

  it('uses the given delimiter only', () => {
    expect(fieldsOf(tokenize('a;b,c\n', undefined, ';'))).toEqual([{ fields: ['a', 'b,c'], line: 1 }]);
    expect(fieldsOf(tokenize('a\tb\n', undefined, '\t'))).toEqual([{ fields: ['a', 'b'], line: 1 }]);
  });

  it('rejects text after a closing quote and an unclosed quote, naming the line', () => {
    expect(() => tokenize('a\n"x"y\n')).toThrow(DataError);
    expect(() => tokenize('a\n"x"y\n')).toThrow(/^stray quote: line 2 of t\.csv/);
    expect(() => tokenize('a\nb\n"open\n')).toThrow(/^unclosed quote: the quoted field on line 3 of t\.csv never ends/);
  });

  it('rejects a delimiter that is not one ASCII character', () => {
    expect(() => new CsvTokenizer('§'.charCodeAt(0), 't.csv', () => undefined)).toThrow(/^unsupported delimiter/);
    expect(() => new CsvTokenizer(34, 't.csv', () => undefined)).toThrow(/^unsupported delimiter/);
  });
});

describe('CsvTokenizer inline numbers', () => {
  it('parses plain decimals on the way, exactly as Number(), and leaves the rest to the column builder', () => {
    const row = '0,-0,1.5,-2.25,.5,5.,007.50,123456789012345,1234567890123456,0.0000000000000000000001,0.00000000000000000000001,1e3, 1,+1,-,.,1.2.3,x1,1x,"2"';
    const [record] = tokenize(`${row}\n`);
    const fields = row.split(',');
    const fast = new Set(['0', '-0', '1.5', '-2.25', '.5', '5.', '007.50', '123456789012345', '0.0000000000000000000001']);
    fields.forEach((text, k) => {
      const got = record!.numbers[k];
      if (fast.has(text)) {
        if (!Object.is(got, Number(text))) throw new Error(`${text}: ${got} !== ${Number(text)}`);
      } else expect(got, text).toBeUndefined();
    });
  });

  it('gives the same numbers whatever the chunk size (a number split across chunks)', () => {
    const text = 'x,y\n12345.678,-0.001\n9,10.5\n';
    const whole = tokenize(text);
    for (const chunk of [1, 2, 3, 4, 7]) expect(tokenize(text, chunk)).toEqual(whole);
    expect(whole[1]!.numbers).toEqual([12345.678, -0.001]);
  });

  it('leaves a number at the very end of the data (no line break) to the column builder', () => {
    expect(tokenize('a\n42')[1]!.numbers).toEqual([undefined]);
  });

  it('does not parse inline when the delimiter could be part of a number', () => {
    expect(fieldsOf(tokenize('1.5.2\n', undefined, '.'))).toEqual([{ fields: ['1', '5', '2'], line: 1 }]);
    expect(tokenize('1-2\n', undefined, '-')[0]!.numbers).toEqual([undefined, undefined]);
  });

  it('equals Number() bit for bit on many random plain decimals (inline fast path or left undefined)', () => {
    let seed = 987654;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts: string[] = [];
    for (let k = 0; k < 50_000; k++) {
      const digits = 1 + Math.floor(next() * 20);
      let text = '';
      for (let d = 0; d < digits; d++) text += Math.floor(next() * 10);
      const dot = Math.floor(next() * (digits + 1));
      if (next() < 0.8) text = `${text.slice(0, dot)}.${text.slice(dot)}`;
      if (next() < 0.5) text = `-${text}`;
      texts.push(text);
    }
    const records = tokenize(`${texts.join('\n')}\n`, 4096);
    let inline = 0;
    records.forEach((record, k) => {
      const got = record.numbers[0];
      if (got === undefined) {
        expect(parseNumber(texts[k]!)).toBe(Number(texts[k]!));
        return;
      }
      inline++;
      if (!Object.is(got, Number(texts[k]!))) throw new Error(`${texts[k]}: ${got} !== ${Number(texts[k]!)}`);
    });
    expect(inline).toBeGreaterThan(20_000);
  });
});
