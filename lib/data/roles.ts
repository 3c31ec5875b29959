import type { Table } from 'apache-arrow';
import { sortFloat64 } from '../stats/sort-float64';
import type { ColumnRole, ColumnSchema, DatasetMeta, RoleInfo, RoleSource } from './types';

const TARGET = new Set(['target', 'label', 'y', 'y_true', 'class']);
const PREDICTION = new Set(['prediction', 'pred', 'y_pred']);
const SCORE = new Set(['score', 'proba']);
const TIMESTAMP = new Set(['timestamp', 'date', 'time', 'datetime', 'ts']);

/** True when every non-missing value of the column is different (what makes `*_id` an id). */
function allUnique(table: Table, name: string): boolean {
  const vector = table.getChild(name);
  if (!vector) return false;
  const seen = new Set<unknown>();
  const numbers: number[] = [];
  for (let i = 0; i < vector.length; i++) {
    const v: unknown = vector.get(i);
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') numbers.push(v);
    else if (seen.has(v)) return false;
    else seen.add(v);
  }
  const sorted = sortFloat64(Float64Array.from(numbers));
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

/**
 * Roles guessed from column names, as suggestions for the user to confirm: target (target, label,
 * y, y_true, class), prediction (prediction, pred, y_pred), score (score, proba, prob_*, proba_*),
 * timestamp (timestamp, date, time, datetime, ts — only for a datetime-typed column: a numeric
 * `time` is often an hour of day), id (id, or *_id when all its values are unique).
 * Everything else is a feature (absent from the map).
 */
export function guessRoles(schema: readonly ColumnSchema[], table: Table): Record<string, ColumnRole> {
  const roles: Record<string, ColumnRole> = {};
  for (const { name, type } of schema) {
    const key = name.trim().toLowerCase();
    if (TARGET.has(key)) roles[name] = 'target';
    else if (PREDICTION.has(key)) roles[name] = 'prediction';
    else if (SCORE.has(key) || /^(prob|proba)_./.test(key)) roles[name] = 'score';
    else if (TIMESTAMP.has(key)) {
      if (type === 'datetime') roles[name] = 'timestamp';
    } else if (key === 'id' || (key.endsWith('_id') && allUnique(table, name))) roles[name] = 'id';
  }
  return roles;
}

type RoleFields = Pick<DatasetMeta, 'roles' | 'roleSources'>;

/** Who decided a column's role: 'user' only when recorded so (absent, as in older stored datasets, = guessed). */
export function roleSourceOf(meta: RoleFields, name: string): RoleSource {
  return meta.roleSources?.[name] === 'user' ? 'user' : 'guessed';
}

/** Every column with a role other than feature, or a role the user set (feature included), with its source. */
export function describeRoles(meta: RoleFields): Record<string, RoleInfo> {
  const out: Record<string, RoleInfo> = {};
  for (const [name, role] of Object.entries(meta.roles ?? {})) out[name] = { role, source: roleSourceOf(meta, name) };
  for (const [name, source] of Object.entries(meta.roleSources ?? {})) {
    if (source === 'user') out[name] ??= { role: 'feature', source: 'user' };
  }
  return out;
}

/** The roles the user set (feature included): the only roles that change a drift result. */
export function userRoles(meta: RoleFields): Record<string, ColumnRole> {
  const out: Record<string, ColumnRole> = {};
  for (const [name, source] of Object.entries(meta.roleSources ?? {})) {
    if (source === 'user') out[name] = meta.roles?.[name] ?? 'feature';
  }
  return out;
}

/** The role fields after the user set `changes` (column → role): those columns become 'user'; others keep theirs. */
export function withUserRoles(meta: RoleFields, changes: Readonly<Record<string, ColumnRole>>): Required<RoleFields> {
  const roles = { ...meta.roles };
  const roleSources = { ...meta.roleSources };
  for (const [name, role] of Object.entries(changes)) {
    if (role === 'feature') delete roles[name];
    else roles[name] = role;
    roleSources[name] = 'user';
  }
  return { roles, roleSources };
}
