import { describe, expect, it } from 'vitest';
import { packMeta, unpackMeta } from '../../../lib/data/packed-meta';
import { COLUMN_TYPES, type DatasetMeta } from '../../../lib/data/types';

const meta: DatasetMeta = {
  id: 'd1',
  name: 'wide\u202e.csv',
  format: 'csv',
  sha256: 'ab'.repeat(32),
  bytes: 1234,
  rows: 2,
  schema: COLUMN_TYPES.map((type, i) => ({ name: i === 0 ? '' : `c,${i}\n"x"`, type })),
  warnings: ['renamed a repeated header'],
  roles: { 'c,1\n"x"': 'target' },
  roleSources: { 'c,1\n"x"': 'user' },
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('packMeta / unpackMeta', () => {
  it('round-trips a description with every column type, odd names and roles', () => {
    const packed = packMeta(meta);
    expect(packed.names).toHaveLength(meta.schema.length);
    expect(packed.types).toBeInstanceOf(Uint8Array);
    expect(unpackMeta(structuredClone(packed))).toEqual(meta);
  });

  it('packs 100,000 columns as one string array and one byte per column', () => {
    const wide = { ...meta, schema: Array.from({ length: 100_000 }, (_, c) => ({ name: `c${c}`, type: COLUMN_TYPES[c % COLUMN_TYPES.length]! })) };
    const packed = packMeta(wide);
    expect(packed.types.byteLength).toBe(100_000);
    expect(Object.keys(packed.meta)).not.toContain('schema');
    expect(unpackMeta(packed).schema).toEqual(wide.schema);
  });
});
