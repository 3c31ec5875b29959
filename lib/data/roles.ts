import type { Table } from 'apache-arrow';
import { sortFloat64 } from '../stats/sort-float64';
import type { ColumnRole, ColumnSchema } from './types';

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
 * Roles guessed from column names, for the user to confirm: target (target, label, y, y_true,
 * class), prediction (prediction, pred, y_pred), score (score, proba, prob_*, proba_*), timestamp
 * (timestamp, date, time, datetime, ts), id (id, or *_id when all its values are unique).
 * Everything else is a feature (absent from the map).
 */
export function guessRoles(schema: readonly ColumnSchema[], table: Table): Record<string, ColumnRole> {
  const roles: Record<string, ColumnRole> = {};
  for (const { name } of schema) {
    const key = name.trim().toLowerCase();
    if (TARGET.has(key)) roles[name] = 'target';
    else if (PREDICTION.has(key)) roles[name] = 'prediction';
    else if (SCORE.has(key) || /^(prob|proba)_./.test(key)) roles[name] = 'score';
    else if (TIMESTAMP.has(key)) roles[name] = 'timestamp';
    else if (key === 'id' || (key.endsWith('_id') && allUnique(table, name))) roles[name] = 'id';
  }
  return roles;
}
