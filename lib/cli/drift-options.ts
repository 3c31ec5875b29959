import { COLUMN_ROLES, type ColumnRole } from '../data/types';
import type { BinsOption, Correction, DriftConfig } from '../drift/types';
import { DRIFT_METHODS } from '../drift/methods/registry';

/** A command-line mistake: reported as one line, exit code 2. */
export class UsageError extends Error {}

/** parseArgs option specs for the drift settings (shared by `drift` and later `report`). */
export const DRIFT_OPTION_SPECS = {
  method: { type: 'string' },
  'numeric-method': { type: 'string' },
  'categorical-method': { type: 'string' },
  'column-method': { type: 'string', multiple: true },
  threshold: { type: 'string' },
  'column-threshold': { type: 'string', multiple: true },
  'drift-share': { type: 'string' },
  'share-of': { type: 'string' },
  role: { type: 'string', multiple: true },
  bins: { type: 'string' },
  correction: { type: 'string' },
  methods: { type: 'string' },
  seed: { type: 'string' },
} as const;

export type DriftOptionValues = {
  [K in keyof typeof DRIFT_OPTION_SPECS]?: (typeof DRIFT_OPTION_SPECS)[K] extends { multiple: true } ? string[] : string;
};

function methodId(id: string): string {
  if (!DRIFT_METHODS.has(id)) {
    throw new UsageError(`unknown drift method: ${id} — valid ids: ${[...DRIFT_METHODS.keys()].join(', ')}`);
  }
  return id;
}

function number(flag: string, text: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const kind = integer ? 'an integer' : 'a number';
    const bounds = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` ≥ ${min}` : max < Infinity ? ` ≤ ${max}` : '';
    const range = `${kind}${bounds}`;
    throw new UsageError(`${flag}: ${text} is not ${range}`);
  }
  return value;
}

// "name=value", split at the last "=" so column names may contain one.
function pair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${flag}: expected COLUMN=VALUE, got ${text}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

export function parseBins(text: string): BinsOption {
  const [kind, arg] = text.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'sturges' && arg === undefined) return { kind: 'sturges' };
  if ((kind === 'quantile' || kind === 'uniform') && arg !== undefined) {
    return { kind, n: number('--bins', arg, { min: 1, max: 100_000, integer: true }) };
  }
  if (kind === 'edges' && arg) {
    const edges = arg.split(',').map((e) => number('--bins edges', e.trim()));
    if (edges.length < 2 || edges.some((e, i) => i > 0 && e <= edges[i - 1]!)) {
      throw new UsageError(`--bins: edges must be at least two increasing numbers, got ${arg}`);
    }
    return { kind: 'edges', edges };
  }
  throw new UsageError(`--bins: ${text} is not one of sturges, quantile:N, uniform:N, edges:E1,E2,…`);
}

/** Command-line drift settings → DriftConfig, validating every value with a one-line message. */
export function toDriftConfig(values: DriftOptionValues): DriftConfig {
  const config: DriftConfig = {};
  if (values.method) config.method = methodId(values.method);
  if (values['numeric-method']) config.numericMethod = methodId(values['numeric-method']);
  if (values['categorical-method']) config.categoricalMethod = methodId(values['categorical-method']);
  for (const text of values['column-method'] ?? []) {
    const [column, id] = pair('--column-method', text);
    (config.columnMethods ??= {})[column] = methodId(id);
  }
  if (values.threshold !== undefined) config.threshold = number('--threshold', values.threshold, { min: 0 });
  for (const text of values['column-threshold'] ?? []) {
    const [column, value] = pair('--column-threshold', text);
    (config.columnThresholds ??= {})[column] = number('--column-threshold', value, { min: 0 });
  }
  if (values['drift-share'] !== undefined) config.driftShare = number('--drift-share', values['drift-share'], { min: 0, max: 1 });
  if (values['share-of'] !== undefined) {
    if (values['share-of'] !== 'all' && values['share-of'] !== 'features') {
      throw new UsageError(`--share-of: ${values['share-of']} is not one of all, features`);
    }
    config.shareOf = values['share-of'];
  }
  for (const text of values.role ?? []) {
    const [column, role] = pair('--role', text);
    if (!COLUMN_ROLES.includes(role as ColumnRole)) throw new UsageError(`--role: ${role} is not one of ${COLUMN_ROLES.join(', ')}`);
    (config.roles ??= {})[column] = role as ColumnRole;
  }
  if (values.bins !== undefined) config.bins = parseBins(values.bins);
  if (values.correction !== undefined) {
    if (!['none', 'bonferroni', 'bh'].includes(values.correction)) {
      throw new UsageError(`--correction: ${values.correction} is not one of none, bonferroni, bh`);
    }
    config.correction = values.correction as Correction;
  }
  if (values.methods !== undefined) {
    config.methods = values.methods === 'all' ? 'all' : values.methods.split(',').map((id) => methodId(id.trim()));
  }
  if (values.seed !== undefined) config.seed = number('--seed', values.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  return config;
}
