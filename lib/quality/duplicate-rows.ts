import { Type, type Data, type Table, type Vector } from 'apache-arrow';

/** One column as a per-row 32-bit hash plus an exact equality test between two rows. */
interface KeyedColumn {
  hash: Int32Array;
  equal: (a: number, b: number) => boolean;
}

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const j = data.offset + i;
  return ((bitmap[j >> 3]! >> (j & 7)) & 1) === 1;
}

// Missing and NaN are one value, and −0 equals 0: as pandas' hash tables treat floats.
function keyNumbers(vector: Vector): KeyedColumn {
  const values = new Float64Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const chunk = data.values as Float64Array;
    for (let i = 0; i < data.length; i++, row++) {
      const x = chunk[i]!;
      values[row] = x !== x || !isValid(data, i) ? NaN : x === 0 ? 0 : x;
    }
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

// Strings get one code per distinct value across chunks (each chunk may carry its own dictionary); −1 is missing.
function keyStrings(vector: Vector): KeyedColumn {
  const codes = new Int32Array(vector.length);
  const lookup = new Map<string, number>();
  const codeOf = (value: string): number => {
    let code = lookup.get(value);
    if (code === undefined) lookup.set(value, (code = lookup.size));
    return code;
  };
  let row = 0;
  for (const data of vector.data) {
    if (data.typeId === Type.Dictionary) {
      const dictionary = data.dictionary!;
      const mapped = Int32Array.from({ length: dictionary.length }, (_, d) => codeOf(String(dictionary.get(d))));
      const indices = data.values as Int32Array;
      for (let i = 0; i < data.length; i++, row++) codes[row] = isValid(data, i) ? mapped[indices[i]!]! : -1;
    } else {
      for (let i = 0; i < data.length; i++, row++) {
        const value: unknown = isValid(data, i) ? vector.get(row) : null;
        codes[row] = value === null || value === undefined ? -1 : codeOf(String(value));
      }
    }
  }
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
