import { Type, type Table, type Vector } from 'apache-arrow';
import { readCodes, readNumbers } from '../data/columns';

/** One column as a per-row 32-bit hash plus an exact equality test between two rows. */
interface KeyedColumn {
  hash: Int32Array;
  equal: (a: number, b: number) => boolean;
}

// Missing and NaN are one value, and −0 equals 0: as pandas' hash tables treat floats.
function keyNumbers(vector: Vector): KeyedColumn {
  const values = readNumbers(vector, '');
  // One bit pattern for every NaN (any payload) and for ±0, so equal keys hash equally.
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x !== x) values[i] = NaN;
    else if (x === 0) values[i] = 0;
  }
  const bits = new Int32Array(values.buffer);
  const hash = new Int32Array(vector.length);
  for (let i = 0; i < hash.length; i++) hash[i] = bits[2 * i]! ^ Math.imul(bits[2 * i + 1]!, 0x9e3779b1);
  return {
    hash,
    equal: (a, b) => {
      const x = values[a]!;
      const y = values[b]!;
      return x === y || (x !== x && y !== y);
    },
  };
}

// Strings (and anything else) get one code per distinct value across chunks; −1 is missing.
function keyStrings(vector: Vector): KeyedColumn {
  const { codes } = readCodes(vector, '');
  return { hash: codes, equal: (a, b) => codes[a] === codes[b] };
}

/** Rows equal to an earlier row in every column: pandas DataFrame.duplicated(keep='first').sum(). */
export function countDuplicatedRows(table: Table): number {
  const columns = table.schema.fields.map((_, c) => {
    const vector = table.getChildAt(c)!;
    return vector.data.every((d) => d.typeId === Type.Float) ? keyNumbers(vector) : keyStrings(vector);
  });
  // Rows are bucketed by a combined hash; rows in one bucket are compared exactly, so collisions cost time only.
  const buckets = new Map<number, number[]>();
  let duplicated = 0;
  for (let r = 0; r < table.numRows; r++) {
    let h = 0x811c9dc5;
    for (const column of columns) {
      h = Math.imul(h ^ column.hash[r]!, 0x01000193);
      h ^= h >>> 15;
    }
    const bucket = buckets.get(h);
    if (!bucket) {
      buckets.set(h, [r]);
      continue;
    }
    if (bucket.some((first) => columns.every((column) => column.equal(first, r)))) duplicated++;
    else bucket.push(r);
  }
  return duplicated;
}
