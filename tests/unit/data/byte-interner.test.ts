import { describe, expect, it } from 'vitest';
import { ABSENT, ByteInterner } from '../../../lib/data/byte-interner';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('ByteInterner', () => {
  it('maps byte strings to values, compared byte for byte (spans anywhere in a buffer)', () => {
    const table = new ByteInterner();
    const buffer = bytesOf('xxabcabdab');
    expect(table.get(buffer, 2, 5)).toBe(ABSENT);
    table.add(buffer, 2, 5, 7);
    expect(table.get(bytesOf('abc'), 0, 3)).toBe(7);
    expect(table.get(buffer, 5, 8)).toBe(ABSENT); // "abd": same length, one byte differs
    table.add(buffer, 5, 8, -1);
    expect(table.get(buffer, 8, 10)).toBe(ABSENT); // "ab": a prefix
    table.add(buffer, 8, 10, 0);
    expect(table.get(buffer, 0, 0)).toBe(ABSENT); // the empty string is a key like any other
    table.add(buffer, 0, 0, 3);
    expect([table.get(bytesOf('abd'), 0, 3), table.get(bytesOf('ab'), 0, 2), table.get(buffer, 1, 1), table.size]).toEqual([-1, 0, 3, 4]);
  });

  it('keeps every key through many rehashes and arena growth', () => {
    const table = new ByteInterner();
    const keys = Array.from({ length: 20_000 }, (_, k) => `key-${k}-${'é'.repeat(k % 7)}`);
    keys.forEach((key, k) => {
      const bytes = bytesOf(key);
      expect(table.get(bytes, 0, bytes.length)).toBe(ABSENT);
      table.add(bytes, 0, bytes.length, k);
    });
    keys.forEach((key, k) => {
      const bytes = bytesOf(key);
      if (table.get(bytes, 0, bytes.length) !== k) throw new Error(`${key} lost`);
    });
    expect(table.size).toBe(keys.length);
  });
});
