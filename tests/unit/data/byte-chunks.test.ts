import { describe, expect, it } from 'vitest';
import { byteChunks, hasNonAscii } from '../../../lib/data/byte-chunks';
import type { ByteSource } from '../../../lib/data/reader-types';

async function collect(bytes: number[], chunk: number, encoding?: 'utf-8' | 'windows-1252'): Promise<number[]> {
  const all = Uint8Array.from(bytes);
  const source: ByteSource = {
    name: 'b.csv',
    async *open() {
      for (let i = 0; i < all.length; i += chunk) yield all.subarray(i, i + chunk);
    },
  };
  const out: number[] = [];
  for await (const part of byteChunks(source, { encoding }, 'read', () => 0)) out.push(...part);
  return out;
}

describe('hasNonAscii', () => {
  it('finds a byte ≥ 0x80 at any position, offset and length (word-at-a-time with unaligned ends)', () => {
    const buffer = new Uint8Array(40).fill(0x41);
    for (let offset = 0; offset < 5; offset++) {
      for (let length = 0; length < 20; length++) {
        const view = buffer.subarray(offset, offset + length);
        expect(hasNonAscii(view)).toBe(false);
        for (let k = 0; k < length; k++) {
          view[k] = 0x80;
          expect(hasNonAscii(view)).toBe(true);
          view[k] = 0x41;
        }
      }
    }
  });
});

describe('byteChunks', () => {
  const BOM = [0xef, 0xbb, 0xbf];
  it('drops up to two UTF-8 BOMs, even split across chunks, as decoding did', async () => {
    for (const chunk of [1, 2, 4, 100]) {
      expect(await collect([...BOM, 0x61], chunk)).toEqual([0x61]);
      expect(await collect([...BOM, ...BOM, 0x61], chunk)).toEqual([0x61]);
      expect(await collect([...BOM, ...BOM, ...BOM, 0x61], chunk)).toEqual([...BOM, 0x61]);
      expect(await collect([0x61, ...BOM], chunk)).toEqual([0x61, ...BOM]);
    }
  });

  it('keeps the bytes of a Windows-1252 file as they are', async () => {
    expect(await collect([...BOM, 0x61], 1, 'windows-1252')).toEqual([...BOM, 0x61]);
  });

  it('rejects invalid UTF-8, also a character cut by the end of the file, wherever chunks split', async () => {
    for (const chunk of [1, 2, 3, 100]) {
      await expect(collect([0x61, 0xc3, 0x0a], chunk)).rejects.toThrow(/^not UTF-8: b\.csv contains bytes/);
      await expect(collect([0x61, 0x0a, 0xe2, 0x82], chunk)).rejects.toThrow(/^not UTF-8: b\.csv ends inside a multi-byte character/);
      expect(await collect([0x61, 0xe2, 0x82, 0xac, 0x62], chunk)).toEqual([0x61, 0xe2, 0x82, 0xac, 0x62]);
    }
  });
});
