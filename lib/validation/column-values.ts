/**
 * A column as Great Expectations sees it after pandas.read_csv: numbers, strings, booleans and
 * nulls (NaN is null). Read through lib/data/columns.ts, which keeps string cells exactly as the
 * file has them (no trimming, no normalisation), so set membership and lengths are exact.
 */
import type { Dataset } from '../data/types';
import { readLabels } from '../data/columns';

export type GxValue = number | string | boolean | null;

export interface GxColumn {
  name: string;
  values: GxValue[];
  /** Every non-null value is a number (pandas would hold int64 or float64). */
  numeric: boolean;
  /** pandas would read it as int64: numeric, integral and without nulls (a null makes it float64). */
  integer: boolean;
}

/** The column's values: booleans (a boolean column's "true"/"false") as booleans, as pandas reads True/False. */
export function readGxColumn(dataset: Dataset, name: string): GxColumn {
  const labels = readLabels(dataset.table, name);
  const type = dataset.meta.schema.find((c) => c.name === name)?.type;
  const values: GxValue[] = type === 'boolean' ? labels.map((v) => (v === null ? null : v === 'true')) : labels;
  let numeric = true;
  let integer = true;
  for (const v of values) {
    if (v === null) integer = false;
    else if (typeof v !== 'number') numeric = integer = false;
    else if (!Number.isInteger(v)) integer = false;
  }
  return { name, values, numeric, integer: numeric && integer };
}

/**
 * Python's `str()` of a value, as pandas' `astype(str)` gives it: floats in repr form (`5.0`,
 * `1e-05`, `1e+16`), int64 values as integers, booleans as `True`/`False`.
 */
export function pythonStr(value: GxValue, integerColumn: boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  if (integerColumn) return BigInt(value).toString();
  return pythonFloatRepr(value);
}

/** Python's float repr: shortest round-trip digits, fixed notation for exponents −4…15, else `d.ddde±XX`. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest round-trip mantissa, as repr does.
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const e = Number(exp);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (e < -4 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.length > e + 1 ? digits.slice(0, e + 1) : digits.padEnd(e + 1, '0');
  const fraction = digits.length > e + 1 ? digits.slice(e + 1) : '0';
  return `${sign}${whole}.${fraction}`;
}

/** Python's `<` order: numbers and booleans numerically, strings by code point; other pairs are a TypeError as in Python. */
export function comparePython(a: GxValue, b: GxValue): number {
  const an = typeof a === 'boolean' ? Number(a) : a;
  const bn = typeof b === 'boolean' ? Number(b) : b;
  if (typeof an === 'number' && typeof bn === 'number') return an < bn ? -1 : an > bn ? 1 : 0;
  if (typeof an === 'string' && typeof bn === 'string') return compareCodePoints(an, bn);
  throw new TypeError(`'<' not supported between instances of '${pythonType(a)}' and '${pythonType(b)}'`);
}

/** Python's type name of a value, for messages that read as GX's would. */
export function pythonType(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** Strings compared by code point (Python), not by UTF-16 unit (JavaScript's `<` differs past U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}
