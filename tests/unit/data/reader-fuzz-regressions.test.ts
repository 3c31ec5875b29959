/** Bugs tests/unit/data/reader-fuzz.test.ts found, one test each, named after the bug. */
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../lib/data/ingest';
import type { ByteSource } from '../../../lib/data/reader-types';

const encode = (text: string) => new TextEncoder().encode(text);

function chunked(bytes: Uint8Array, name: string, size: number): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
    },
  };
}

async function codeOf(bytes: Uint8Array, name: string, size: number): Promise<string> {
  try {
    await ingestSource(chunked(bytes, name, size));
    return 'read';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('reader bugs found by fuzzing', () => {
  it('UTF-16 was reported as "not UTF-8" (or "binary file") when the first chunk held one byte', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(encode('a,b\n1,2\n'), (b) => [b, 0]).flat()]);
    for (const size of [1, 2, 3, 1 << 20]) expect(await codeOf(utf16, 'u.csv', size)).toBe('utf16');
  });

  it('a NUL byte after invalid UTF-8 gave "binary file" or "not UTF-8" depending on the chunking: the first in the file wins', async () => {
    // Past the first 64 KiB (a NUL there is a binary file, whatever comes before it).
    const rows = encode(`a,b\n${'1,2\n'.repeat(20_000)}`);
    const badThenNul = Uint8Array.from([...rows, ...encode('1,'), 0xff, ...encode('x\n2,'), 0, ...encode('y\n')]);
    const nulThenBad = Uint8Array.from([...rows, ...encode('1,'), 0, ...encode('x\n2,'), 0xff, ...encode('y\n')]);
    for (const size of [1000, 80_003, 80_005, 1 << 20]) {
      expect(await codeOf(badThenNul, 'b.csv', size)).toBe('not-utf8');
      expect(await codeOf(nulThenBad, 'b.csv', size)).toBe('binary-file');
    }
  });

  it('JSON Lines: invalid UTF-8 on a later line hid a broken line before it when both were in one chunk', async () => {
    const bytes = Uint8Array.from([...encode('{"a":1}\n{"a":\n{"a":"'), 0xff, ...encode('"}\n')]);
    for (const size of [1, 4, 12, 1 << 20]) expect(await codeOf(bytes, 'j.jsonl', size)).toBe('bad-jsonl');
    const later = Uint8Array.from([...encode('{"a":1}\n{"a":"'), 0xff, ...encode('"}\n{"a":\n')]);
    for (const size of [1, 4, 12, 1 << 20]) expect(await codeOf(later, 'j.jsonl', size)).toBe('not-utf8');
  });

  it('a record longer than many chunks was rescanned from its start on every chunk (quadratic): now read once, exactly', async () => {
    // 600 KB in one quoted field with doubled quotes and line breaks, read in 1 KB chunks: the carried
    // record is rescanned only when it has doubled, and the records scanned from the carry stay intact.
    const field = 'ab,"c\r\n'.repeat(100_000);
    const text = `k,v\n1,"${field.replace(/"/g, '""')}"\n2,short\n3,"${field.slice(0, 5000).replace(/"/g, '""')}"\n`;
    for (const size of [1024, 7777, 1 << 20]) {
      const { table } = await ingestSource(chunked(encode(text), 'long.csv', size));
      expect([...table.getChild('v')!].map(String)).toEqual([field, 'short', field.slice(0, 5000)]);
    }
  });
});
