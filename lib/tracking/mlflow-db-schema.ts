import type { Database, SqlValue } from './sql-js';

/** A row as column name → SQLite value; a column the table lacks is null. */
export type DbRow = Record<string, SqlValue>;

/** The columns a table has (empty when the table does not exist): older MLflow schemas lack some. */
export function tableColumns(db: Database, table: string): Set<string> {
  const result = db.exec(`PRAGMA table_info(${quoteName(table)})`)[0];
  if (!result) return new Set();
  const nameAt = result.columns.indexOf('name');
  return new Set(result.values.map((row) => String(row[nameAt])));
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface SelectOptions {
  /** Columns read as text (SQLite's exact decimal form): integer ids may pass 2^53. */
  asText?: readonly string[];
  /** ORDER BY these columns, the ones the table has, in this order. */
  orderBy?: readonly string[];
}

/**
 * Calls `visit` with every row of `table` (the values of the named columns, in that order, selected by
 * name), one at a time through a
 * prepared statement, so a database with millions of metric rows is never held as one result array. A
 * column the table lacks reads as null and a missing table as no rows, so databases of every MLflow
 * schema generation read alike.
 */
export function forEachRow(db: Database, table: string, columns: readonly string[], options: SelectOptions, visit: (values: SqlValue[]) => void): void {
  const present = tableColumns(db, table);
  if (present.size === 0) return;
  const asText = new Set(options.asText ?? []);
  const list = columns.map((c) => {
    if (!present.has(c)) return `NULL AS ${quoteName(c)}`;
    return asText.has(c) ? `CAST(${quoteName(c)} AS TEXT) AS ${quoteName(c)}` : quoteName(c);
  });
  // Qualified: an alias of the same name (a column read as text) would otherwise sort as text.
  const order = (options.orderBy ?? []).filter((c) => present.has(c)).map((c) => `${quoteName(table)}.${quoteName(c)}`);
  const statement = db.prepare(`SELECT ${list.join(', ')} FROM ${quoteName(table)}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`);
  try {
    while (statement.step()) visit(statement.get());
  } finally {
    statement.free();
  }
}

/** Every row of `table` as forEachRow reads them (for the small tables: experiments, runs, tags, registry). */
export function selectRows(db: Database, table: string, columns: readonly string[], options: SelectOptions = {}): DbRow[] {
  const rows: DbRow[] = [];
  forEachRow(db, table, columns, options, (values) => rows.push(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null]))));
  return rows;
}

export function text(value: SqlValue): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

/** A SQLite number as a JavaScript number (a REAL ±inf stays infinite); null when absent or not numeric. */
export function num(value: SqlValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

/**
 * Sets an own property, even `__proto__` (a valid MLflow param, tag or metric key): a plain assignment
 * of that key would change the object's prototype instead of adding an entry.
 */
export function setEntry<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** key/value rows grouped by an owner column: owner → {key: value} (a null value reads as ''). */
export function groupTags(rows: DbRow[], owner: string, key = 'key', value = 'value'): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const id = text(row[owner] ?? null);
    const k = text(row[key] ?? null);
    if (id === null || k === null) continue;
    let tags = out.get(id);
    if (!tags) out.set(id, (tags = {}));
    setEntry(tags, k, text(row[value] ?? null) ?? '');
  }
  return out;
}
