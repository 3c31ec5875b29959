import { COLUMN_TYPES, type ColumnType, type DatasetMeta } from './types';

/**
 * A dataset description in the shape that crosses threads cheaply: the schema as one array of
 * names and one byte per type. Structured-cloning 100,000 `{name, type}` objects costs the page
 * hundreds of milliseconds in one task; an array of strings and a byte array cost a few.
 */
export interface PackedMeta {
  meta: Omit<DatasetMeta, 'schema'>;
  names: string[];
  types: Uint8Array;
}

const CODES = new Map<ColumnType, number>(COLUMN_TYPES.map((type, i) => [type, i]));

export function packMeta({ schema, ...meta }: DatasetMeta): PackedMeta {
  const names = new Array<string>(schema.length);
  const types = new Uint8Array(schema.length);
  schema.forEach((column, i) => {
    names[i] = column.name;
    types[i] = CODES.get(column.type) ?? 0;
  });
  return { meta, names, types };
}

export function unpackMeta({ meta, names, types }: PackedMeta): DatasetMeta {
  const schema = new Array<DatasetMeta['schema'][number]>(names.length);
  for (let i = 0; i < names.length; i++) schema[i] = { name: names[i]!, type: COLUMN_TYPES[types[i]!] ?? 'text' };
  return { ...meta, schema };
}
