/**
 * The engine branches of `driftbook profile` (helper R's profile-command.ts calls profileSqlBranch):
 *   --duckdb "SELECT … FROM 'x/*.parquet'" [--edges col=e1,e2,…] [--max-categories N] --out p.dbprofile
 *   --emit-sql --dialect duckdb|spark|bigquery|postgres --table T --columns a:numeric,b:categorical [--edges …]
 *   --from-sql-result rows.csv --out p.dbprofile
 */
import { readFile } from 'node:fs/promises';
import { CsvTokenizer, ESCAPED_FIELD, unescapeQuotes } from '../data/csv-tokenizer';
import { profileFromSqlRows, type SqlProfileRow } from '../profile/mergeable/from-sql-result';
import { readProfile, writeProfile } from '../profile/mergeable/io';
import { emitProfileSql, SQL_DIALECTS, type SqlColumn, type SqlColumnType, type SqlDialect } from '../profile/mergeable/sql-emit';
import { writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { profileWithDuckDb } from './profile-duckdb';

export const PROFILE_SQL_OPTION_SPECS = {
  duckdb: { type: 'string' },
  'emit-sql': { type: 'boolean' },
  dialect: { type: 'string' },
  table: { type: 'string' },
  columns: { type: 'string' },
  'from-sql-result': { type: 'string' },
} as const;

export interface ProfileSqlValues {
  duckdb?: string;
  'emit-sql'?: boolean;
  dialect?: string;
  table?: string;
  columns?: string;
  'from-sql-result'?: string;
  edges?: string | string[];
  'max-categories'?: string;
  'edges-from'?: string;
  out?: string;
}

const SQL_TYPES: readonly SqlColumnType[] = ['numeric', 'categorical', 'boolean', 'text'];

/** `--edges col=e1,e2,…` (repeatable) → edges per column. */
export function parseEdgesFlags(flags: string | string[] | undefined): Record<string, number[]> | undefined {
  if (flags === undefined) return undefined;
  const edges: Record<string, number[]> = {};
  for (const text of Array.isArray(flags) ? flags : [flags]) {
    const at = text.lastIndexOf('=');
    const values = text
      .slice(at + 1)
      .split(',')
      .map(Number);
    if (at <= 0 || values.length < 2 || values.some((v, i) => !Number.isFinite(v) || (i > 0 && v <= values[i - 1]!)))
      throw new UsageError(`--edges: expected COLUMN=E1,E2,… with at least two increasing numbers, got ${text}`);
    edges[text.slice(0, at)] = values;
  }
  return edges;
}

/** `--max-categories N`: a positive integer (undefined when absent). */
export function parseMaxCategories(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-categories: ${text} is not a positive integer`);
  return n;
}

/** `--columns a:numeric,b:categorical` → SQL columns (with their `--edges`). */
export function parseSqlColumns(text: string, edges: Record<string, number[]> = {}): SqlColumn[] {
  const columns = text.split(',').map((item): SqlColumn => {
    const at = item.lastIndexOf(':');
    const [name, type] = [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    if (at <= 0 || !SQL_TYPES.includes(type as SqlColumnType))
      throw new UsageError(`--columns: expected NAME:TYPE with TYPE one of ${SQL_TYPES.join(', ')}, got "${item}"`);
    return { name, type: type as SqlColumnType, edges: edges[name] };
  });
  for (const name of Object.keys(edges)) if (!columns.some((c) => c.name === name)) throw new UsageError(`--edges column "${name}": not in --columns`);
  return columns;
}

/**
 * The result rows of the emitted query, saved as CSV with its header by the engine. Read as text
 * with the project's tokenizer, not as a dataset: a category named "NA" or "null" stays a category;
 * an empty unquoted cell is NULL, a quoted one ("") the empty string.
 */
async function readSqlRows(path: string): Promise<SqlProfileRow[]> {
  const decoder = new TextDecoder();
  const records: (string | null)[][] = [];
  const tokenizer = new CsvTokenizer(','.charCodeAt(0), path, (b) => {
    for (let r = 0; r < b.records; r++) {
      const fields: (string | null)[] = [];
      for (let f = b.recordStarts[r]!, end = f + b.recordFields[r]!; f < end; f++) {
        const text = decoder.decode(b.bytes.subarray(b.starts[f]!, b.ends[f]!));
        fields.push(b.kinds[f] === ESCAPED_FIELD ? unescapeQuotes(text) : text === '' ? null : text);
      }
      records.push(fields);
    }
  });
  tokenizer.feed(new Uint8Array(await readFile(path)));
  tokenizer.finish();
  const header = records.shift() ?? [];
  const at = ['column_name', 'stat', 'label', 'n', 'value'].map((name) => header.indexOf(name));
  if (at.some((i) => i < 0))
    throw new UsageError(
      `--from-sql-result ${path}: header is ${header.join(',')}; expected column_name, stat, label, n, value — save the whole result of the --emit-sql query with its header`,
    );
  const [col, stat, label, n, value] = at as [number, number, number, number, number];
  return records.map((r) => ({ column_name: r[col] ?? null, stat: r[stat] ?? '', label: r[label] ?? null, n: r[n] ?? null, value: r[value] ?? null }));
}

/** Runs the branch the flags ask for; false when none of --duckdb, --emit-sql, --from-sql-result is given. */
export async function profileSqlBranch(values: ProfileSqlValues, out: (text: string) => void): Promise<boolean> {
  const given = (['duckdb', 'emit-sql', 'from-sql-result'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (given.length === 0) return false;
  if (given.length > 1) throw new UsageError(`profile: give one of --duckdb, --emit-sql, --from-sql-result, not ${given.map((g) => `--${g}`).join(' and ')}`);
  if (values['edges-from'] !== undefined && values.duckdb === undefined)
    throw new UsageError('profile: --edges-from applies to --data and --duckdb; with --emit-sql give --edges col=e1,e2,…');
  const edges = parseEdgesFlags(values.edges);
  const maxCategories = parseMaxCategories(values['max-categories']);
  if (values['emit-sql']) {
    if (!values.dialect || !values.table || !values.columns) throw new UsageError('profile --emit-sql needs --dialect, --table and --columns NAME:TYPE,…');
    if (!SQL_DIALECTS.includes(values.dialect as SqlDialect)) throw new UsageError(`--dialect: ${values.dialect} is not one of ${SQL_DIALECTS.join(', ')}`);
    const sql = emitProfileSql({ dialect: values.dialect as SqlDialect, from: values.table, columns: parseSqlColumns(values.columns, edges), maxCategories });
    await writeOutput(sql, values.out, out);
    return true;
  }
  const profile =
    values.duckdb !== undefined
      ? await profileWithDuckDb(values.duckdb, {
          edges,
          maxCategories,
          edgesFrom: values['edges-from'] ? readProfile(await readFile(values['edges-from'], 'utf8')) : undefined,
        })
      : profileFromSqlRows(await readSqlRows(values['from-sql-result']!), values['from-sql-result']!);
  await writeOutput(writeProfile(profile), values.out, out);
  return true;
}
