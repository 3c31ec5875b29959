import { describe, expect, it } from 'vitest';
import { excelSepLine, readCsv } from '../../../lib/data/read-csv';
import { ingestCsv } from '../../../lib/data/ingest';
import { DataError } from '../../../lib/errors';

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = '\ufeff';

/** A source over the bytes, `chunk` bytes at a time (1: every boundary, a BOM and CRLF split too). */
function source(text: string, chunk = 1 << 20) {
  const bytes = encode(text);
  return {
    name: 'excel.csv',
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
  };
}

async function read(text: string, chunk?: number) {
  const csv = await readCsv(source(text, chunk));
  const values = csv.builders.map((b) => (b.kind === 'numeric' ? [...b.finishNumbers().values] : b.dictionary));
  return { names: csv.names, delimiter: csv.delimiter, rows: csv.rows, values, warnings: csv.warnings };
}

describe("Excel's sep= first line", () => {
  const cases: [string, string][] = [
    ['sep=;', ';'],
    ['sep=,', ','],
    ['sep=\t', '\t'],
    ['sep=|', '|'],
    ['"sep=;"', ';'],
    ['SEP=;', ';'],
  ];

  it('is skipped and names the delimiter (quoted or not, after a BOM, with CRLF or LF), in any chunk size', async () => {
    for (const [line, delimiter] of cases) {
      for (const [bom, eol] of [
        ['', '\n'],
        [BOM, '\r\n'],
        [BOM, '\n'],
        ['', '\r'],
      ]) {
        const d = delimiter;
        // Header names full of the other candidate delimiters, so that sniffing alone would pick another one.
        const others = [',', '\t', ';', '|'].filter((c) => c !== d).join('');
        const names = ['a', 'b', 'c'].map((n) => `${n}${others}${others}`);
        const text = `${bom}${line}${eol}${names.join(d)}${eol}"1,5"${d}"x;y"${d}2${eol}"3\t5"${d}"z|w"${d}4${eol}`;
        for (const chunk of [undefined, 1, 3]) {
          const csv = await read(text, chunk);
          const label = JSON.stringify({ line, bom, eol, chunk });
          expect(csv.delimiter, label).toBe(delimiter);
          expect(csv.names, label).toEqual(names);
          expect(csv.rows, label).toBe(2);
          expect(csv.values, label).toEqual([
            ['1,5', '3\t5'],
            ['x;y', 'z|w'],
            [2, 4],
          ]);
          expect(csv.warnings, label).toEqual([]);
        }
      }
    }
  });

  it('keeps file line numbers in messages: the header is line 2, a ragged row names its own line', async () => {
    const error = await readCsv(source('sep=;\r\na;b\r\n1;2\r\n3;4;5\r\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^ragged row: line 4 of excel\.csv has 3 fields, the header has 2/);
    const quoted = await readCsv(source(`${BOM}"sep=,"\nx,y\n"1,2\n`)).catch((e: unknown) => e);
    expect((quoted as DataError).message).toMatch(/quoted field on line 3 of excel\.csv never ends/);
  });

  it('goes through ingest (app and CLI): the sep line is neither a header nor a row', async () => {
    const { meta, table } = await ingestCsv(encode(`${BOM}sep=;\r\nx;c\r\n1,5;a\r\n2,5;b\r\n`), 'excel.csv');
    expect(meta.schema.map((c: { name: string }) => c.name)).toEqual(['x', 'c']);
    expect(meta.rows).toBe(2);
    expect([...table.getChild('c')!]).toEqual(['a', 'b']);
  });

  it('is only a first line of exactly "sep=X": elsewhere, or with more text, it is data', async () => {
    expect(excelSepLine('sep=;\nrest')).toEqual({ delimiter: ';', rest: 'rest' });
    expect(excelSepLine('sep=;')).toEqual({ delimiter: ';', rest: '' });
    for (const head of ['sep=;;\na', 'sep=\na', 'sep=;x\na', ' sep=;\na', 'a\nsep=;\n', '"sep=;\na', 'sep="\na'])
      expect(excelSepLine(head), head).toBeUndefined();
    // A one-column file whose header is literally "sep=x;y" stays a header.
    const csv = await read('sep=x;y\n1;2\n');
    expect(csv.names).toEqual(['sep=x', 'y']);
  });

  it('a caller-chosen delimiter (a .tsv) wins over the sep line, which is still skipped', async () => {
    const csv = await readCsv(source('sep=;\na\tb\n1\t2\n'), { delimiter: '\t' });
    expect(csv.names).toEqual(['a', 'b']);
    expect(csv.rows).toBe(1);
  });

  it('refuses a file with only a sep line, and an unsupported delimiter, with clear messages', async () => {
    for (const text of ['sep=;', 'sep=;\r\n', `${BOM}sep=,\n\n`]) {
      const error = await readCsv(source(text)).catch((e: unknown) => e);
      expect((error as DataError).code, text).toBe('empty-file');
      expect((error as DataError).message).toMatch(/only a "sep=" line/);
    }
    const error = await readCsv(source('sep=é\na\n1\n')).catch((e: unknown) => e);
    expect((error as DataError).code).toBe('bad-delimiter');
  });
});
