import { describe, expect, it } from 'vitest';
import { Dictionary, Field, Float64, Int32, Schema, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { fieldIndex, libraryAssign, libraryGetChild } from '../../../lib/data/arrow-linear';

const meta = (entries: [string, string][]) => new Map(entries);

/** A schema's observable content: names, types, nullability, metadata, dictionaries. */
function shape(schema: Schema) {
  return {
    fields: schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable, metadata: [...f.metadata] })),
    metadata: [...schema.metadata],
    dictionaries: [...schema.dictionaries.keys()],
    version: schema.metadataVersion,
  };
}

const dictionaryField = (name: string, id: number) => new Field(name, new Dictionary(new Utf8(), new Int32(), id), true);

describe('linear Schema.assign', () => {
  const base = new Schema(
    [
      new Field('a', new Float64(), false, meta([['k', '1']])),
      new Field('b', new Utf8(), true),
      new Field('a', new Utf8(), true, meta([['dup', 'second']])),
      dictionaryField('d', 7),
    ],
    meta([['schema', 'x']]),
  );
  const cases: [string, unknown[]][] = [
    ['a schema with the same names (what RecordBatch passes)', [new Schema(base.fields.map((f) => f.clone({ nullable: true })))]],
    [
      'a field array with new and repeated names',
      [[new Field('b', new Float64(), false, meta([['m', 'v']])), new Field('c', new Int32()), dictionaryField('e', 9)]],
    ],
    ['fields as arguments, a duplicate name twice', [new Field('a', new Int32(), true, meta([['k', '2']])), new Field('a', new Float64(), true)]],
    [
      'a schema with its own metadata',
      [
        new Schema(
          [new Field('z', new Utf8())],
          meta([
            ['schema', 'y'],
            ['more', '1'],
          ]),
        ),
      ],
    ],
    ['nothing', [[]]],
  ];
  it.each(cases)('returns what the library returns for %s', (_label, args) => {
    const ours = (base.assign as (...a: unknown[]) => Schema)(...args);
    const theirs = (libraryAssign as (...a: unknown[]) => Schema).call(base, ...args);
    expect(Schema.prototype.assign).not.toBe(libraryAssign);
    expect(shape(ours)).toEqual(shape(theirs));
  });
});

describe('linear Table.getChild', () => {
  // Typed as any name, as analyses look columns up by user-given names.
  const table: Table = new Table({ a: vectorFromArray([1, 2]), b: vectorFromArray(['x', 'y']) });
  it('finds the first column of a name, or null, as the library does', () => {
    for (const name of ['a', 'b', 'missing', '']) {
      expect(table.getChild(name)?.toArray()).toEqual(
        (libraryGetChild as (this: Table, n: string) => ReturnType<Table['getChild']>).call(table, name)?.toArray(),
      );
    }
    expect(table.getChild('missing')).toBeNull();
  });
  it('looks names up in the first occurrence order, duplicates included', () => {
    const fields = [new Field('x', new Utf8()), new Field('y', new Utf8()), new Field('x', new Utf8())];
    expect(['x', 'y', 'z'].map((n) => fieldIndex(fields, n))).toEqual(['x', 'y', 'z'].map((n) => fields.findIndex((f) => f.name === n)));
  });
  it('reads a wide table back from IPC with every column in place', () => {
    const columns = Object.fromEntries(Array.from({ length: 3000 }, (_, c) => [`c${c}`, vectorFromArray([c, c + 0.5])]));
    const back = tableFromIPC(tableToIPC(new Table(columns), 'file'));
    expect(back.numCols).toBe(3000);
    expect(back.getChild('c2999')?.toArray()).toEqual(new Float64Array([2999, 2999.5]));
    expect(back.schema.fields.map((f) => f.name)).toEqual(Object.keys(columns));
  });
});
