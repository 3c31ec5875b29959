import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, FORMAT_HEAD_BYTES } from '../../../lib/data/detect-format';
import { DataError } from '../../../lib/errors';

const head = (file: string) => new Uint8Array(readFileSync(`tests/fixtures/formats/${file}`)).subarray(0, FORMAT_HEAD_BYTES);
const text = (s: string) => new TextEncoder().encode(s);
const PARQUET = head('types.parquet');
const ARROW_FILE = head('types.arrow');
const ARROW_STREAM = head('types.arrows');
const CSV = text('a,b\n1,2\n');
const JSONL = head('valid.jsonl');

function mismatch(name: string, bytes: Uint8Array): string {
  try {
    detectFormat(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('format-mismatch');
    return (error as DataError).message;
  }
  throw new Error(`expected a format mismatch for ${name}`);
}

describe('detectFormat', () => {
  it('trusts an extension that matches the bytes', () => {
    expect(detectFormat('a.csv', CSV)).toBe('csv');
    expect(detectFormat('a.TXT', CSV)).toBe('csv');
    expect(detectFormat('a.tsv', text('a\tb\n'))).toBe('tsv');
    expect(detectFormat('a.tab', text('a\tb\n'))).toBe('tsv');
    expect(detectFormat('a.parquet', PARQUET)).toBe('parquet');
    expect(detectFormat('a.arrow', ARROW_FILE)).toBe('arrow');
    expect(detectFormat('a.feather', ARROW_FILE)).toBe('arrow');
    expect(detectFormat('a.ipc', ARROW_STREAM)).toBe('arrow');
    expect(detectFormat('a.arrows', ARROW_STREAM)).toBe('arrow');
    expect(detectFormat('a.jsonl', JSONL)).toBe('jsonl');
    expect(detectFormat('a.ndjson', JSONL)).toBe('jsonl');
  });

  it('leaves an empty file to its reader', () => {
    expect(detectFormat('a.parquet', new Uint8Array(0))).toBe('parquet');
    expect(detectFormat('a.csv', new Uint8Array(0))).toBe('csv');
  });

  it('says which extension a binary file under a text extension needs', () => {
    expect(mismatch('x.csv', PARQUET)).toBe('format mismatch: x.csv looks like a Parquet file (starts with PAR1) — rename it .parquet');
    expect(mismatch('x.tsv', ARROW_FILE)).toBe('format mismatch: x.tsv looks like an Arrow IPC file (starts with ARROW1) — rename it .arrow');
    expect(mismatch('x.jsonl', ARROW_STREAM)).toBe('format mismatch: x.jsonl looks like an Arrow IPC stream (starts with 0xFFFFFFFF) — rename it .arrows');
    expect(mismatch('x.parquet', ARROW_FILE)).toMatch(/^format mismatch: x\.parquet looks like an Arrow IPC file .* rename it \.arrow$/);
    expect(mismatch('x.arrow', PARQUET)).toMatch(/^format mismatch: x\.arrow looks like a Parquet file .* rename it \.parquet$/);
  });

  it('rejects .parquet and .arrow files without their magic bytes', () => {
    expect(mismatch('x.parquet', CSV)).toMatch(/^format mismatch: x\.parquet is not a Parquet file \(does not start with PAR1\) — /);
    expect(mismatch('x.feather', CSV)).toMatch(/^format mismatch: x\.feather is not an Arrow IPC file or stream .* — /);
    expect(mismatch('old.feather', text('FEA1\0\0\0\0'))).toMatch(/looks like a Feather v1 file .* re-save it as Feather v2/);
  });

  it('rejects a JSON array saved as .jsonl', () => {
    expect(mismatch('x.jsonl', text('\uFEFF  [{"a":1}]'))).toMatch(/^format mismatch: x\.jsonl looks like a JSON array/);
  });

  it('sniffs unknown extensions by magic bytes, then `{` as JSON Lines, else CSV', () => {
    expect(detectFormat('data', PARQUET)).toBe('parquet');
    expect(detectFormat('data.bin', ARROW_FILE)).toBe('arrow');
    expect(detectFormat('data.dat', ARROW_STREAM)).toBe('arrow');
    expect(detectFormat('export.json', text(' {"a":1}\n'))).toBe('jsonl');
    expect(detectFormat('data.xyz', CSV)).toBe('csv');
    expect(detectFormat('noext', new Uint8Array(0))).toBe('csv');
  });
});
