/** Checks one kwarg's value against its type (lib/validation/kwargs.ts): the problem, or null. */
import type { KwargSpec } from './kwargs';
import { readPartition } from './partition';

const isStringList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');

export function checkKwargValue(spec: KwargSpec, value: unknown): string | null {
  const nullable = !spec.required;
  if (value === null && nullable) return null;
  switch (spec.type) {
    case 'column':
      return typeof value === 'string' && value !== '' ? null : 'must be a column name (a non-empty string)';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be an integer';
    case 'bound':
      return (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string' ? null : 'must be a number, a string or null';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'mostly':
      return typeof value === 'number' && value >= 0 && value <= 1 ? null : 'must be a number between 0 and 1';
    case 'regex':
      return typeof value === 'string' ? null : 'must be a string (a Python regular expression)';
    case 'values':
      return Array.isArray(value) ? null : 'must be a list of values';
    case 'columns':
      return isStringList(value) ? null : 'must be a list of column names';
    case 'partition': {
      const partition = readPartition(value);
      return typeof partition === 'string' ? partition : null;
    }
  }
}
