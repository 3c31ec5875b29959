import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../lib/data/read-csv';
import { bytesSource } from '../../../lib/data/bytes-source';
import type { ByteSource } from '../../../lib/data/reader-types';
import { toArrowTable } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const encode = (text: string) => new TextEncoder().encode(text);

/** Parses text and returns each column's values as JS values (numbers, strings, null). */
async function parse(text: string | Uint8Array, options: { delimiter?: string; chunk?: number } = {}) {
  const bytes = typeof text === 'string' ? encode(text) : text;
  const source: ByteSource = options.chunk
    ? {
        name: 'f.csv',
        size: bytes.length,
        async *open() {
          for (let i = 0; i < bytes.length; i += options.chunk!) yield bytes.subarray(i, i + options.chunk!);
        },
      }
    : bytesSource(bytes, 'f.csv');
  const csv = await readCsv(source, { delimiter: options.delimiter });
  const { table, schema } = toArrowTable(csv);
  return {
    ...csv,
    schema,
    columns: csv.names.map((n) => [...table.getChild(n)!].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v)))),
  };
}

async function expectDataError(run: () => Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a DataError ${code}`).toBeInstanceOf(DataError);
  expect((error as DataError).code).toBe(code);
  expect((error as DataError).message).toMatch(message);
}

describe('readCsv', () => {
  it('reads typed columns: numbers as numbers, text as strings', async () => {
    const csv = await parse('a,b\n1.5,x\n2,x\n');
    expect(csv.names).toEqual(['a', 'b']);
    expect(csv.columns).toEqual([
      [1.5, 2],
      ['x', 'x'],
    ]);
    expect(csv.schema.map((c) => c.type)).toEqual(['numeric', 'categorical']);
    expect(csv.rows).toBe(2);
    expect(csv.delimiter).toBe(',');
  });

  it('handles a BOM, CRLF line endings, quoted delimiters, doubled quotes and quoted newlines', async () => {
    const csv = await parse('\ufeffname,note\r\n"Smith, J","said ""hi"""\r\nLee,"two\r\nlines"\r\n');
    expect(csv.names).toEqual(['name', 'note']);
    expect(csv.columns).toEqual([
      ['Smith, J', 'Lee'],
      ['said "hi"', 'two\r\nlines'],
    ]);
  });

  it('gives the same result whatever the chunk size, even 1 byte (CRLF, quotes and UTF-8 split across chunks)', async () => {
    const text = 'k,"v, w",n\r\n"a ""1""","é\r\nü",1.5\r\nb,ok,2e3\r\nc,"x",\r\n';
    const whole = await parse(text);
    for (const chunk of [1, 2, 3, 5, 7]) expect((await parse(text, { chunk })).columns).toEqual(whole.columns);
    expect(whole.columns).toEqual([
      ['a "1"', 'b', 'c'],
      ['é\r\nü', 'ok', 'x'],
      [1.5, 2000, null],
    ]);
  });

  it('reads one-column files, quoted or not, in any chunk size (uDSV 0.7.3 cannot)', async () => {
    const text = '"my col"\n"a, b"\n"c ""d"""\nplain\n\n42';
    for (const chunk of [undefined, 1, 4]) {
      const csv = await parse(text, { chunk });
      expect(csv.names).toEqual(['my col']);
      expect(csv.columns).toEqual([['a, b', 'c "d"', 'plain', '42']]);
    }
    expect((await parse('v\n1\n2.5\n')).columns).toEqual([[1, 2.5]]);
  });

  it('reads a file larger than the first parser chunk', async () => {
    const lines = ['id,x,label'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},${(i * 0.37).toFixed(2)},"l ${i % 7}"`);
    const csv = await parse(lines.join('\r\n'), { chunk: 4096 });
    expect(csv.rows).toBe(20_000);
    expect(csv.columns[1]![19_999]).toBe(Number((19_999 * 0.37).toFixed(2)));
    expect(csv.columns[2]![19_999]).toBe(`l ${19_999 % 7}`);
  });

  it('sniffs semicolons and tabs, and honours an explicit delimiter', async () => {
    expect((await parse('a;b\n1;2\n')).columns).toEqual([[1], [2]]);
    expect((await parse('a\tb\n1\t2\n')).columns).toEqual([[1], [2]]);
    expect((await parse('a\tb\n1,5\t2\n', { delimiter: '\t' })).columns).toEqual([['1,5'], [2]]);
  });

  it('accepts a last line without a newline and skips blank lines', async () => {
    expect((await parse('a,b\n1,2\n\n3,4')).columns).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('reads missing tokens as null and keeps empty text cells missing', async () => {
    expect((await parse('a,b,c\n1,,3\n,,NA\nNaN,x,None\n')).columns).toEqual([
      [1, null, null],
      [null, null, 'x'],
      [3, null, null],
    ]);
  });

  it('re-reads a column that turns out not to be numeric, keeping the original text', async () => {
    const lines = ['v'];
    for (let i = 0; i < 5000; i++) lines.push(i % 2 ? '1.50' : '2');
    lines.push('n/a');
    const csv = await parse(lines.join('\n'));
    expect(csv.schema[0]!.type).toBe('categorical');
    expect(csv.columns[0]!.slice(0, 3)).toEqual(['2', '1.50', '2']);
    expect(csv.columns[0]!.at(-1)).toBe('n/a');
  });

  it('types ISO dates as datetime and an all-missing column as categorical', async () => {
    const csv = await parse('d,e\n2020-01-01,\n2020-02-01T10:00:00Z,NA\n');
    expect(csv.schema.map((c) => c.type)).toEqual(['datetime', 'categorical']);
  });

  it('renames empty and duplicate header names with warnings', async () => {
    const csv = await parse('a,,a,a\n1,2,3,4\n');
    expect(csv.names).toEqual(['a', 'column_2', 'a_2', 'a_3']);
    expect(csv.warnings).toHaveLength(3);
    expect(csv.warnings[1]).toContain('"a" renamed "a_2"');
  });

  it('rejects an empty file, a blank file and a header-only file with clear messages', async () => {
    await expectDataError(() => parse(''), 'empty-file', /^empty file: f\.csv/);
    await expectDataError(() => parse('\n\n  \n'), 'empty-file', /^empty file/);
    await expectDataError(() => parse('a,b,c\n'), 'no-rows', /^header only: f\.csv has a header but no data rows/);
    await expectDataError(() => parse('a,b,c'), 'no-rows', /^header only/);
  });

  it('names the file line of the first ragged row (header = line 1), short or long', async () => {
    await expectDataError(() => parse('a,b\n1,2\n3\n4,5\n'), 'ragged-row', /line 3 of f\.csv has 1 field, the header has 2/);
    await expectDataError(() => parse('a,b\n1,2\n3,4,5\n'), 'ragged-row', /line 3 of f\.csv has 3 fields, the header has 2/);
    // A quoted newline spans two lines: the next record starts on line 4.
    await expectDataError(() => parse('a,b\n1,"x\ny"\n3\n'), 'ragged-row', /line 4 of f\.csv has 1 field,/);
    await expectDataError(() => parse('a,b\r\n1,2\r\n\r\n3\r\n', { chunk: 1 }), 'ragged-row', /line 4 of f\.csv has 1 field,/);
  });

  it('reports an unclosed quote, binary content and invalid UTF-8', async () => {
    await expectDataError(() => parse('a,b\n1,"oops\n2,3\n'), 'unclosed-quote', /unclosed quote/);
    await expectDataError(() => parse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), 'binary-file', /NUL bytes/);
    await expectDataError(() => parse(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a])), 'not-utf8', /not UTF-8/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectDataError(() => readCsv(bytesSource(encode('a\n1\n'), 'f.csv'), { signal: controller.signal }), 'aborted', /cancelled/);
  });
});

describe('readCsv recovery options', () => {
  it('skips malformed rows when asked, counting them in a warning', async () => {
    const csv = await readCsv(bytesSource(encode('a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n'), 'f.csv'), { skipMalformed: true });
    expect(csv.rows).toBe(3);
    expect(csv.warnings).toEqual(["skipped 2 malformed rows (field count differs from the header's; the first on line 3)"]);
  });

  it('decodes Windows-1252 when asked (and says so in the UTF-8 error)', async () => {
    const bytes = new Uint8Array([...encode('name\ncaf'), 0xe9, 0x0a, ...encode('na'), 0xef, 0x76, 0x65, 0x0a]);
    await expectDataError(() => readCsv(bytesSource(bytes, 'w.csv')), 'not-utf8', /decode it as Windows-1252/);
    const csv = await readCsv(bytesSource(bytes, 'w.csv'), { encoding: 'windows-1252' });
    const { table } = toArrowTable(csv);
    expect([...table.getChild('name')!]).toEqual(['café', 'naïve']);
  });
});

describe('readCsv number formats', () => {
  it('reads decimal commas and thousands separators when told, exactly', async () => {
    const de = await readCsv(bytesSource(encode('id;price\n1;1.234,5\n2;-0,25\n3;7\n'), 'de.csv'), { numberFormat: { decimal: ',', thousands: '.' } });
    const { table, schema } = toArrowTable(de);
    expect(schema[1]!.type).toBe('numeric');
    expect([...table.getChild('price')!]).toEqual([1234.5, -0.25, 7]);
    const us = await readCsv(bytesSource(encode('amount\n"1,234.5"\n"12,345.0"\n9\n'), 'us.csv'), { numberFormat: { decimal: '.', thousands: ',' } });
    expect([...toArrowTable(us).table.getChild('amount')!]).toEqual([1234.5, 12345, 9]);
    // Without the option the same text stays text.
    const plain = await readCsv(bytesSource(encode('amount\n"1,234.5"\n"12,345.0"\n9\n'), 'us.csv'));
    expect(toArrowTable(plain).schema[0]!.type).not.toBe('numeric');
  });
});

describe('readCsv from bytes (chunk boundaries, encodings, batches)', () => {
  it('reads categories with multi-byte characters split at every chunk boundary, keeping surrounding spaces (" café " is its own category)', async () => {
    const text = 'c,n\r\ncafé,1\r\n"日本, 𝄞",2\r\n café ,3\r\ncafé,NA\r\n"x""y",\r\nNA,5\r\n"日本, 𝄞",6\r\n';
    const whole = await parse(text);
    expect(whole.columns).toEqual([
      ['café', '日本, 𝄞', ' café ', 'café', 'x"y', null, '日本, 𝄞'],
      [1, 2, 3, null, null, 5, 6],
    ]);
    expect(whole.builders[0]!.dictionary).toEqual(['café', '日本, 𝄞', ' café ', 'x"y']);
    for (const chunk of [1, 2, 3, 4, 5, 6]) expect((await parse(text, { chunk })).columns).toEqual(whole.columns);
  });

  it('drops the file\'s BOM (split or not) but keeps a U+FEFF inside the data (so "\\ufeff1" is no number)', async () => {
    for (const chunk of [undefined, 1, 2]) {
      const csv = await parse('\ufeffa,b\n\ufeff1,1\n2,\ufeff1\n', { chunk });
      expect(csv.names).toEqual(['a', 'b']);
      // Not numbers; as strings they are kept exactly, U+FEFF included (checked in the builders: Arrow JS's
      // UTF-8 decoder drops a leading U+FEFF when a value is read back from the table).
      expect(csv.schema.map((c) => c.type)).toEqual(['text', 'text']);
      expect(csv.builders.map((b) => b.dictionary)).toEqual([
        ['\ufeff1', '2'],
        ['1', '\ufeff1'],
      ]);
    }
  });

  it('decodes Windows-1252 bytes 0x80–0x9F as Windows-1252 (€, ‚, Ÿ), not Latin-1, in names and values', async () => {
    const bytes = new Uint8Array([0x80, 0x0a, 0x82, 0x9f, 0x0a, 0x31, 0x80, 0x0a, 0xff, 0x0a]);
    const csv = await readCsv(bytesSource(bytes, 'w.csv'), { encoding: 'windows-1252' });
    expect(csv.names).toEqual(['€']);
    expect([...toArrowTable(csv).table.getChild('€')!]).toEqual(['‚Ÿ', '1€', 'ÿ']);
  });

  it('reads numbers the tokenizer parses and those it leaves to the column builder alike', async () => {
    const csv = await parse('a,b\n1.5,1e3\n-0.25," 2 "\n3,+4\n0.1234567890123456789,-.5\n1234567890123456,5.\n');
    expect(csv.columns).toEqual([
      [1.5, -0.25, 3, Number('0.1234567890123456789'), 1234567890123456],
      [1000, 2, 4, -0.5, 5],
    ]);
    expect(csv.schema.map((c) => c.type)).toEqual(['numeric', 'numeric']);
  });

  it('handles records spread over several batches in one chunk: ragged rows after the first batch, skipped or reported with their line', async () => {
    const lines = ['id,x,label'];
    for (let i = 0; i < 30_000; i++) lines.push(i === 25_000 || i === 29_000 ? `${i},1` : `${i},${i / 4},l${i % 3}`);
    const text = `${lines.join('\n')}\n`;
    const bytes = encode(text);
    const source = (): ByteSource => ({
      name: 'f.csv',
      size: bytes.length,
      async *open() {
        yield bytes;
      },
    });
    await expectDataError(() => readCsv(source()), 'ragged-row', /^ragged row: line 25002 of f\.csv has 2 fields, the header has 3/);
    const csv = await readCsv(source(), { skipMalformed: true });
    expect(csv.rows).toBe(29_998);
    expect(csv.warnings).toEqual(["skipped 2 malformed rows (field count differs from the header's; the first on line 25002)"]);
    const { table } = toArrowTable(csv);
    expect(table.getChild('x')!.get(25_000)).toBe(25_001 / 4);
    expect(table.getChild('label')!.get(29_997)).toBe(`l${29_999 % 3}`);
  });

  it("reads a free-text column (mostly distinct values, past the byte lookup table's limit) the same way", async () => {
    const values = Array.from({ length: 70_000 }, (_, i) => `t${i}`);
    values.push('t5', ' t5 ', 'NA', 't69999', 'new');
    const csv = await parse(`v\n${values.join('\n')}\n`);
    expect(csv.schema[0]!.type).toBe('text');
    const { indices, valid, dictionary } = csv.builders[0]!.finishStrings();
    // " t5 " keeps its spaces: a category of its own.
    expect(dictionary.length).toBe(70_002);
    expect([...indices.subarray(69_999)]).toEqual([69_999, 5, 70_000, 0, 69_999, 70_001]);
    expect([...valid.subarray(69_999)]).toEqual([1, 1, 1, 0, 1, 1]);
  });

  it('reports a ragged row before a stray quote further down the same chunk', async () => {
    await expectDataError(() => parse('a,b\n1\n"x"y,2\n'), 'ragged-row', /line 2 of f\.csv has 1 field/);
  });

  it('rejects a delimiter that is not one ASCII character', async () => {
    await expectDataError(() => parse('a§b\n1§2\n', { delimiter: '§' }), 'bad-delimiter', /^unsupported delimiter: "§"/);
  });
});
