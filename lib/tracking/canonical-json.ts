/**
 * Canonical JSON for the audit trail's hashes, after RFC 8785 (JSON Canonicalization Scheme):
 * - no whitespace;
 * - object members sorted by their keys as UTF-16 code unit sequences (JavaScript's default string
 *   order; RFC 8785 §3.2.3); a member whose value is `undefined` is left out, as JSON.stringify does;
 * - numbers in ECMAScript's shortest round-trip form (`Number.prototype.toString`: 1, 0.1, 1e+21,
 *   1e-7; -0 is written 0), NaN and ±Infinity refused (JSON has no such numbers);
 * - strings escaped as JSON.stringify does (\" \\ \b \f \n \r \t, other controls as \u00xx, every
 *   other character as itself); a lone surrogate is refused (RFC 8785 follows I-JSON, RFC 7493);
 * - only plain JSON values: null, booleans, numbers, strings, arrays, plain objects.
 * The hash is SHA-256 over the UTF-8 bytes of this text.
 */
import { DataError } from '../errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function refuse(path: string, problem: string): never {
  throw new DataError('canonical-json', `${path}: ${problem} — audit details must be plain JSON (null, booleans, finite numbers, strings, arrays, objects)`);
}

function write(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) refuse(path, 'a string with a lone surrogate (not well-formed Unicode)');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `the number ${String(value)} has no JSON form`);
      // ECMAScript's Number::toString is RFC 8785's number form; it writes -0 as "0".
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${Array.from(value, (item: unknown, i) => write(item, `${path}[${i}]`)).join(',')}]`; // a hole is undefined: refused
      if (!isPlainObject(value)) refuse(path, `a ${value.constructor?.name ?? 'non-plain'} object`);
      const keys = Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort(); // default sort compares UTF-16 code units, as RFC 8785 asks
      return `{${keys.map((key) => `${write(key, `${path} key`)}:${write(value[key], `${path}.${key}`)}`).join(',')}}`;
    }
    default:
      return refuse(path, `a ${typeof value} value`);
  }
}

/** The canonical JSON text of a plain JSON value (see the module comment); `DataError` naming the path of anything else. */
export function canonicalJson(value: unknown, path = 'value'): string {
  if (value === undefined) refuse(path, 'undefined');
  return write(value, path);
}

/** Replaces lone surrogates with U+FFFD so a user's malformed text can still be logged (what a UTF-8 encoder would write). */
export function wellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
