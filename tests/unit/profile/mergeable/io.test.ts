import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../lib/errors';
import { buildProfile } from '../../../../lib/profile/mergeable/build';
import { readProfile, writeProfile } from '../../../../lib/profile/mergeable/io';

const table = tableFromArrays({ x: Float64Array.from([0.1, 0.2, NaN, 1e6 + 0.3, -Infinity]), c: ['a', 'b', 'a', 'é\u202e', 'a'] });
const meta = {
  id: 'd',
  name: 'd.csv',
  format: 'csv' as const,
  sha256: 'ab',
  bytes: 0,
  rows: 5,
  schema: [
    { name: 'x', type: 'numeric' as const },
    { name: 'c', type: 'categorical' as const },
  ],
  warnings: [],
  createdAt: '',
};
const profile = buildProfile({ meta, table });

describe('.dbprofile io', () => {
  it('round-trips exactly through writeProfile / readProfile', () => {
    const text = writeProfile(profile);
    expect(readProfile(text)).toEqual(profile);
    expect(JSON.parse(text)).toMatchObject({ format: 'driftbook-profile', version: 1, rows: 5, source: { names: ['d.csv'], sha256: ['ab'] } });
    const x = profile.columns[0]!;
    expect([x.count, x.missing, x.nonFinite, x.min, x.max]).toEqual([3, 1, 1, 0.1, 1e6 + 0.3]);
  });

  it('rejects bad files with errors that name the field', () => {
    const doc = JSON.parse(writeProfile(profile)) as Record<string, unknown> & { columns: Record<string, unknown>[] };
    const cases: [unknown, RegExp][] = [
      ['{', /\.dbprofile file: is not valid JSON/],
      [JSON.stringify({ ...doc, format: 'whylogs' }), /\.dbprofile format: "whylogs", expected "driftbook-profile"/],
      [JSON.stringify({ ...doc, version: 2 }), /\.dbprofile version: 2, this Driftbook reads version 1/],
      [JSON.stringify({ ...doc, rows: 6 }), /column "x": count \+ missing \+ nonFinite = 5, the profile has 6 rows/],
      [
        JSON.stringify({ ...doc, columns: [{ ...doc.columns[0], histogram: { edges: [1, 0], counts: [3] } }, doc.columns[1]] }),
        /column "x" histogram.edges: must increase strictly/,
      ],
      [JSON.stringify({ ...doc, columns: [doc.columns[0], doc.columns[0]] }), /column "x" appears twice/],
      [JSON.stringify({ ...doc, columns: [{ ...doc.columns[0], type: 'float' }] }), /column "x" type: "float" is not one of/],
    ];
    for (const [text, message] of cases) {
      expect(() => readProfile(text as string)).toThrow(DataError);
      expect(() => readProfile(text as string)).toThrow(message);
    }
  });
});
