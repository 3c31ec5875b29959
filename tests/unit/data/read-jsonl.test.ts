import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../lib/data/bytes-source';
import type { ByteSource } from '../../../lib/data/reader-types';
import { readJsonl } from '../../../lib/data/read-jsonl';
import { toArrowTable } from '../../../lib/data/to-arrow';
import { DataError } from '../../../lib/errors';

const FIXTURES = 'tests/fixtures/formats';
const encode = (text: string) => new TextEncoder().encode(text);

function chunked(bytes: Uint8Array, name: string, size: number): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

/** Reads text or a fixture (in chunks of `chunk` bytes) and returns each column as JS values. */
async function read(input: { text?: string; file?: string; chunk?: number }) {
  const bytes = input.file ? new Uint8Array(readFileSync(`${FIXTURES}/${input.file}`)) : encode(input.text ?? '');
  const name = input.file ?? 'f.jsonl';
  const csv = await readJsonl(input.chunk ? chunked(bytes, name, input.chunk) : bytesSource(bytes, name));
  const { table } = toArrowTable(csv);
  const columns = csv.names.map((n) => [...table.getChild(n)!].map((v) => (v === null ? null : typeof v === 'number' ? v : String(v))));
  return { ...csv, columns };
}

async function dataError(run: () => Promise<unknown>): Promise<DataError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('readJsonl', () => {
  for (const chunk of [undefined, 1, 7]) {
    it(`reads one object per line, skipping blank lines (chunks: ${chunk ?? 'whole'})`, async () => {
      const csv = await read({ file: 'valid.jsonl', chunk });
      expect(csv.rows).toBe(3);
      expect(csv.delimiter).toBe('');
      expect(csv.names).toEqual(['id', 'name', 'score', 'ok', 'note']);
      expect(csv.builders.map((b) => b.kind)).toEqual(['numeric', 'string', 'numeric', 'string', 'string']);
      expect(csv.columns).toEqual([
        [1, 2, 3],
        ['Ada', 'Bo', 'Cy'],
        [0.5, -1.25, 1000],
        ['true', 'false', 'true'],
        [null, 'late', 'ok'],
      ]);
      expect(csv.warnings).toEqual([]);
    });
  }

  it('takes the union of keys in first-seen order, back-filling late columns with missing cells', async () => {
    const csv = await read({ file: 'late-keys.jsonl', chunk: 5 });
    expect(csv.names).toEqual(['a', 'b', 'c']);
    expect(csv.columns).toEqual([
      [1, 2, 3, 4, null],
      [null, null, 'x', null, 'y'],
      [null, null, null, 7.5, null],
    ]);
  });

  it('stores nested objects and arrays as JSON text, with one warning per column', async () => {
    const csv = await read({ file: 'nested.jsonl' });
    expect(csv.columns).toEqual([
      [1, 2, 3],
      ['["a","b"]', '[]', '["c"]'],
      ['{"k":1}', null, '{"k":2,"deep":{"x":[1,2]}}'],
    ]);
    expect(csv.warnings).toEqual([
      'nested values: column "tags" holds objects or arrays, stored as JSON text',
      'nested values: column "meta" holds objects or arrays, stored as JSON text',
    ]);
  });

  it('names the file line of invalid JSON', async () => {
    const error = await dataError(() => read({ file: 'bad-line-3.jsonl', chunk: 4 }));
    expect(error.code).toBe('bad-jsonl');
    expect(error.message).toMatch(/^invalid JSON: line 3 of bad-line-3\.jsonl — .+; each line must hold one complete JSON object$/);
    // Blank lines still count as file lines.
    const later = await dataError(() => read({ text: '{"a":1}\n\n\n{oops}\n' }));
    expect(later.message).toMatch(/^invalid JSON: line 4 of f\.jsonl/);
  });

  it('rejects a line that is not an object', async () => {
    const error = await dataError(() => read({ text: '{"a":1}\n[1,2]\n' }));
    expect(error.code).toBe('bad-jsonl');
    expect(error.message).toBe('not an object: line 2 of f.jsonl is an array — each line must hold one JSON object');
  });

  it('rejects an empty or blank file', async () => {
    for (const text of ['', '\n  \n\r\n']) {
      const error = await dataError(() => read({ text }));
      expect(error.code).toBe('empty-file');
      expect(error.message).toMatch(/^empty file: f\.jsonl has no JSON lines — /);
    }
  });

  it('handles a BOM, CRLF, a last line without newline and UTF-8 split across chunks', async () => {
    const csv = await read({ text: '\uFEFF{"city":"Zürich","n":1}\r\n{"city":"東京","n":2}', chunk: 3 });
    expect(csv.names).toEqual(['city', 'n']);
    expect(csv.columns).toEqual([
      ['Zürich', '東京'],
      [1, 2],
    ]);
  });

  it('keeps numeric-looking strings as text, and re-reads a number column that later holds text', async () => {
    const csv = await read({ text: '{"zip":"007","v":1}\n{"zip":"010","v":2.5}\n{"zip":null,"v":"n/a"}\n{"v":true}\n', chunk: 10 });
    expect(csv.builders.map((b) => b.kind)).toEqual(['string', 'string']);
    expect(csv.columns).toEqual([
      ['007', '010', null, null],
      ['1', '2.5', 'n/a', 'true'],
    ]);
  });

  it('passes every byte to onBytes once, even when a column is re-read', async () => {
    const bytes = encode('{"v":1}\n{"v":"x"}\n');
    let seen = 0;
    const phases = new Set<string>();
    await readJsonl(bytesSource(bytes, 'f.jsonl'), { onBytes: (c) => (seen += c.length), onProgress: (p) => phases.add(p.phase) });
    expect(seen).toBe(bytes.length);
    expect([...phases]).toEqual(['read', 'rescan']);
  });
});
