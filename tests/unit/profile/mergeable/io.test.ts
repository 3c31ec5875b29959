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

/** Engine quantiles on column x (3 finite values): one good, then one fault each. */
function quantileCases(doc: { columns: Record<string, unknown>[] }): [string, RegExp][] {
  const good = { n: 3, probs: [0, 0.5, 1], values: [0.1, 0.2, 1e6 + 0.3], rankError: 0.25 + 1 / 3, method: 'postgres percentile_disc (exact)' };
  const withQ = (q: unknown) => JSON.stringify({ ...doc, columns: [{ ...doc.columns[0], quantiles: q }, doc.columns[1]] });
  expect(readProfile(withQ(good)).columns[0]!.quantiles).toEqual(good);
  expect(readProfile(withQ({ ...good, rankError: null })).columns[0]!.quantiles!.rankError).toBeNull();
  return [
    [withQ({ ...good, n: 4 }), /column "x" quantiles.n: 4 differs from count 3/],
    [withQ({ ...good, probs: [0, 0.5, 0.5] }), /column "x" quantiles.probs: must increase strictly within \[0, 1\]/],
    [withQ({ ...good, values: [0.2, 0.1, 1] }), /column "x" quantiles.values: must not decrease/],
    [withQ({ ...good, values: [0.1, 0.2] }), /column "x" quantiles: 3 probs but 2 values/],
    [withQ({ ...good, rankError: 2 }), /column "x" quantiles.rankError: 2 is not a rank error in \[0, 1\] or null/],
    [withQ({ ...good, method: 1 }), /column "x" quantiles.method: must be a string/],
    [withQ([]), /column "x" quantiles: must be a \{n, probs, values, rankError, method\} object/],
  ];
}

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
      ...quantileCases(doc),
    ];
    for (const [text, message] of cases) {
      expect(() => readProfile(text as string)).toThrow(DataError);
      expect(() => readProfile(text as string)).toThrow(message);
    }
  });
});
