/**
 * MLflow's run search syntax, the common cases, as a predicate over runs: clauses joined by AND,
 * each `<entity>.<key> <comparator> <value>` — metrics (numbers: = != < <= > >=), params and tags
 * (quoted strings: = != LIKE ILIKE IN NOT IN), attributes (run_id, run_name, status, user_id,
 * artifact_uri as strings; start_time, end_time as numbers) and datasets (name, digest, context).
 * Grammar and semantics read from MLflow's mlflow/utils/search_utils.py (SearchUtils:
 * parse_search_filter, _get_identifier, _does_run_match_clause, _like); no code copied. Differences,
 * documented in the README: LIKE treats every character but % and _ literally (MLflow's in-memory
 * filter passes the rest to a regex), quoted values unescape '' and backslash escapes, and IN/NOT IN
 * also work for params, tags and every string attribute (MLflow: run_id and datasets only).
 * Anything else (OR, parentheses, NOT, IS NULL…) is refused with its position.
 */
import { AnalysisError } from '../errors';
import type { MetricPoint, Run } from './types';

/** Which value of a metric's history a clause compares: MLflow's latest (the default), the minimum or the maximum. */
export type MetricAggregate = 'last' | 'min' | 'max';

export type EntityType = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';
export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

export interface FilterClause {
  type: EntityType;
  key: string;
  comparator: Comparator;
  value: number | string | string[];
}

/** A filter that cannot be read: the message names what is wrong and where (0-based `index` into the text). */
export class RunFilterError extends AnalysisError {
  readonly index: number;
  constructor(message: string, index: number) {
    super('bad-filter', message);
    this.index = index;
  }
}

const ENTITY: Record<string, EntityType> = {
  metric: 'metric',
  metrics: 'metric',
  parameter: 'param',
  parameters: 'param',
  param: 'param',
  params: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

/** Attribute names (MLflow's RunInfo searchable attributes and their aliases) → the canonical one. */
const ATTRIBUTES: Record<string, string> = {
  run_id: 'run_id',
  run_name: 'run_name',
  'run name': 'run_name',
  'Run name': 'run_name',
  'Run Name': 'run_name',
  status: 'status',
  user_id: 'user_id',
  artifact_uri: 'artifact_uri',
  start_time: 'start_time',
  end_time: 'end_time',
  created: 'start_time',
  Created: 'start_time',
};
const NUMERIC_ATTRIBUTES = new Set(['start_time', 'end_time']);
const DATASET_KEYS = new Set(['name', 'digest', 'context']);

const NUMERIC_COMPARATORS: readonly Comparator[] = ['=', '!=', '<', '<=', '>', '>='];
const STRING_COMPARATORS: readonly Comparator[] = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'quoted'; text: string; quote: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number };

const fail = (message: string, at: number): never => {
  throw new RunFilterError(`filter: ${message} (at character ${at + 1})`, at);
};

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === quote) {
      if (text[i + 1] === quote && quote !== '`') {
        value += quote;
        i += 2;
      } else return { value, end: i + 1 };
    } else {
      value += c;
      i++;
    }
  }
  return fail(`the ${quote === '`' ? 'backtick' : 'quote'} opened here is never closed`, start);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      const { value, end } = readQuoted(text, i);
      tokens.push({ kind: 'quoted', text: value, quote: c, at: i });
      i = end;
    } else if (/[<>=!]/.test(c)) {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '!=', '<>', '=='].includes(two) ? two : c;
      if (op === '!') fail("'!' alone is not a comparator — use !=", i);
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    } else if (c === '(' || c === ')' || c === ',' || c === '.') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(text[i + 1] ?? ''))) {
      const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      // A number directly followed by letters is a bare key such as 2nd_auc.
      if (/[\w]/.test(text[i + m[0].length] ?? '')) {
        const w = /^[\w\-:/]+/.exec(text.slice(i))!;
        tokens.push({ kind: 'word', text: w[0], at: i });
        i += w[0].length;
      } else {
        tokens.push({ kind: 'number', text: m[0], at: i });
        i += m[0].length;
      }
    } else if (/[\w]/.test(c)) {
      const w = /^[\w\-:/]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: w[0], at: i });
      i += w[0].length;
    } else {
      fail(`unexpected character ${JSON.stringify(c)}`, i);
    }
  }
  return tokens;
}

const isKeyword = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.text.toUpperCase() === word;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  private next(): Token | undefined {
    return this.tokens[this.i++];
  }
  private get at(): number {
    return this.peek()?.at ?? this.length;
  }

  clauses(): FilterClause[] {
    const out: FilterClause[] = [];
    if (this.tokens.length === 0) return out;
    for (;;) {
      out.push(this.clause());
      const t = this.peek();
      if (!t) return out;
      if (isKeyword(t, 'AND')) {
        this.next();
        if (!this.peek()) fail('AND at the end needs a condition after it', t.at);
        continue;
      }
      if (isKeyword(t, 'OR')) fail('OR is not supported — MLflow filters join conditions with AND only', t.at);
      fail(`expected AND between conditions, found ${describe(t)}`, t.at);
    }
  }

  private unsupportedStart(t: Token): never {
    if (t.kind === 'punct' && t.text === '(') fail('parentheses are not supported — write conditions joined by AND', t.at);
    if (isKeyword(t, 'NOT')) fail('NOT is not supported (only NOT IN after a key) — use != or NOT IN', t.at);
    if (isKeyword(t, 'OR')) fail('OR is not supported — MLflow filters join conditions with AND only', t.at);
    return fail(`expected a key such as metrics.auc, params.model or attributes.status, found ${describe(t)}`, t.at);
  }

  private identifier(): { type: EntityType; key: string; at: number } {
    const first = this.next();
    if (!first) return fail('expected a condition', this.length);
    if (first.kind !== 'word' && !(first.kind === 'quoted' && first.quote === '`')) this.unsupportedStart(first);
    if (first.kind === 'word' && ['AND', 'OR', 'NOT'].includes(first.text.toUpperCase())) this.unsupportedStart(first);
    const dot = this.peek();
    if (dot?.kind === 'punct' && dot.text === '.') {
      this.next();
      const entity = ENTITY[first.text];
      if (!entity) fail(`unknown entity ${JSON.stringify(first.text)} — use metrics., params., tags., attributes. or datasets.`, first.at);
      const keyToken = this.next();
      if (!keyToken || (keyToken.kind !== 'word' && keyToken.kind !== 'quoted' && keyToken.kind !== 'number'))
        return fail(`expected a key after "${first.text}."`, keyToken?.at ?? this.length);
      let key = keyToken.text;
      // Bare keys may contain dots (metrics.val.loss): glue the parts that touch.
      if (keyToken.kind !== 'quoted') {
        let end = keyToken.at + keyToken.text.length;
        for (;;) {
          const p = this.peek();
          const q = this.peek(1);
          if (p?.kind === 'punct' && p.text === '.' && p.at === end && q && (q.kind === 'word' || q.kind === 'number') && q.at === end + 1) {
            key += `.${q.text}`;
            end = q.at + q.text.length;
            this.i += 2;
          } else break;
        }
      }
      return this.checked(entity!, key, first.at);
    }
    // No entity: an attribute (MLflow's _get_identifier).
    return this.checked('attribute', first.text, first.at);
  }

  private checked(type: EntityType, key: string, at: number): { type: EntityType; key: string; at: number } {
    if (type === 'attribute') {
      const canonical = ATTRIBUTES[key];
      if (!canonical) fail(`unknown attribute ${JSON.stringify(key)} — use one of run_id, run_name, status, user_id, artifact_uri, start_time, end_time`, at);
      return { type, key: canonical!, at };
    }
    if (type === 'dataset' && !DATASET_KEYS.has(key))
      fail(`unknown dataset key ${JSON.stringify(key)} — use datasets.name, datasets.digest or datasets.context`, at);
    return { type, key, at };
  }

  private comparator(): { comparator: Comparator; at: number } {
    const t = this.next();
    if (!t) return fail('expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN) at the end', this.length);
    if (t.kind === 'op') {
      if (t.text === '<>') fail("'<>' is not supported — use !=", t.at);
      if (t.text === '==') fail("'==' is not supported — use =", t.at);
      return { comparator: t.text as Comparator, at: t.at };
    }
    if (isKeyword(t, 'LIKE') || isKeyword(t, 'ILIKE') || isKeyword(t, 'IN')) return { comparator: t.text.toUpperCase() as Comparator, at: t.at };
    if (isKeyword(t, 'NOT') && isKeyword(this.peek(), 'IN')) {
      this.next();
      return { comparator: 'NOT IN', at: t.at };
    }
    if (isKeyword(t, 'IS')) fail('IS / IS NULL is not supported — a run without the key never matches a condition on it', t.at);
    if (isKeyword(t, 'BETWEEN')) fail('BETWEEN is not supported — write two conditions: key >= a AND key <= b', t.at);
    return fail(`expected a comparator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN), found ${describe(t)}`, t.at);
  }

  private clause(): FilterClause {
    const start = this.peek();
    if (start) {
      if (start.kind === 'punct' || isKeyword(start, 'NOT') || isKeyword(start, 'OR')) this.unsupportedStart(start);
    }
    const id = this.identifier();
    const { comparator, at } = this.comparator();
    const numeric = id.type === 'metric' || (id.type === 'attribute' && NUMERIC_ATTRIBUTES.has(id.key));
    const allowed = numeric ? NUMERIC_COMPARATORS : STRING_COMPARATORS;
    if (!allowed.includes(comparator)) fail(`${comparator} does not apply to ${label(id.type, id.key)} — use one of ${allowed.join(', ')}`, at);
    if (comparator === 'IN' || comparator === 'NOT IN') return { type: id.type, key: id.key, comparator, value: this.list() };
    const v = this.next();
    if (!v) return fail(`expected a value after ${comparator}`, this.length);
    if (numeric) {
      if (v.kind !== 'number') fail(`${label(id.type, id.key)} compares with a number, found ${describe(v)}`, v.at);
      return { type: id.type, key: id.key, comparator, value: Number(v.text) };
    }
    if (v.kind !== 'quoted' || v.quote === '`') fail(`${label(id.type, id.key)} compares with a quoted string such as 'xgb', found ${describe(v)}`, v.at);
    return { type: id.type, key: id.key, comparator, value: v.text };
  }

  private list(): string[] {
    const open = this.next();
    if (!(open?.kind === 'punct' && open.text === '(')) return fail("IN needs a list in parentheses, e.g. IN ('a', 'b')", open?.at ?? this.length);
    const values: string[] = [];
    for (;;) {
      const v = this.next();
      if (!v || v.kind !== 'quoted' || v.quote === '`') return fail(`IN lists hold quoted strings, found ${v ? describe(v) : 'the end'}`, v?.at ?? this.length);
      values.push(v.text);
      const sep = this.next();
      if (sep?.kind === 'punct' && sep.text === ')') return values;
      if (!(sep?.kind === 'punct' && sep.text === ','))
        return fail(`expected , or ) in the IN list, found ${sep ? describe(sep) : 'the end'}`, sep?.at ?? this.length);
    }
  }
}

const label = (type: EntityType, key: string): string => `${type === 'attribute' ? 'attribute' : type} ${key}`;

function describe(t: Token): string {
  if (t.kind === 'quoted') return t.quote === '`' ? `\`${t.text}\`` : `a string '${t.text}'`;
  return `"${t.text}"`;
}

/** The clauses of a filter (empty text: none); a RunFilterError for what cannot be read. */
export function parseFilterClauses(text: string): FilterClause[] {
  return new Parser(tokenize(text), text.length).clauses();
}

/** MLflow's latest value of a history: highest step, then latest timestamp, then larger value (what search compares). */
export function latestPoint(history: readonly MetricPoint[]): MetricPoint | undefined {
  let best: MetricPoint | undefined;
  for (const p of history) {
    if (
      !best ||
      p.step > best.step ||
      (p.step === best.step && (p.timestamp > best.timestamp || (p.timestamp === best.timestamp && (p.value > best.value || Number.isNaN(best.value)))))
    )
      best = p;
  }
  return best;
}

/** One number for a metric's history: latest ('last'), min or max (NaN values are left out of min and max). */
export function metricValue(history: readonly MetricPoint[] | undefined, aggregate: MetricAggregate = 'last'): number | undefined {
  if (!history || history.length === 0) return undefined;
  if (aggregate === 'last') return latestPoint(history)!.value;
  const values = history.map((p) => p.value).filter((v) => !Number.isNaN(v));
  if (values.length === 0) return NaN;
  return aggregate === 'min' ? Math.min(...values) : Math.max(...values);
}

/** SQL LIKE: % any run of characters, _ one character, everything else literal. */
function likePattern(pattern: string, flags: string): RegExp {
  const body = Array.from(pattern, (c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, `s${flags}`);
}

function compare(lhs: number | string, comparator: Comparator, value: FilterClause['value']): boolean {
  switch (comparator) {
    case '=':
      return lhs === value;
    case '!=':
      return lhs !== value;
    case '<':
      return (lhs as number) < (value as number);
    case '<=':
      return (lhs as number) <= (value as number);
    case '>':
      return (lhs as number) > (value as number);
    case '>=':
      return (lhs as number) >= (value as number);
    case 'LIKE':
      return likePattern(value as string, '').test(lhs as string);
    case 'ILIKE':
      return likePattern(value as string, 'i').test(lhs as string);
    case 'IN':
      return (value as string[]).includes(lhs as string);
    case 'NOT IN':
      return !(value as string[]).includes(lhs as string);
  }
}

function attribute(run: Run, key: string): string | number | null {
  switch (key) {
    case 'run_id':
      return run.id;
    case 'run_name':
      return run.name ?? run.tags['mlflow.runName'] ?? null;
    case 'status':
      return run.status;
    case 'user_id':
      return run.user;
    case 'artifact_uri':
      return run.artifactUri;
    case 'start_time':
      return run.startTime;
    case 'end_time':
      return run.endTime;
    default:
      return null;
  }
}

/** Whether a run meets one clause; a run without the key never does (as in MLflow, even for !=). */
export function matchesClause(run: Run, clause: FilterClause, aggregate: MetricAggregate = 'last'): boolean {
  let lhs: string | number | null | undefined;
  switch (clause.type) {
    case 'metric':
      lhs = metricValue(run.metrics[clause.key], aggregate);
      break;
    case 'param':
      lhs = run.params[clause.key];
      break;
    case 'tag':
      lhs = run.tags[clause.key];
      break;
    case 'attribute':
      lhs = attribute(run, clause.key);
      break;
    case 'dataset':
      return run.inputs.some((input) => {
        const v = clause.key === 'context' ? input.tags['mlflow.data.context'] : clause.key === 'name' ? input.name : input.digest;
        return v !== undefined && compare(v, clause.comparator, clause.value);
      });
  }
  if (lhs === undefined || lhs === null) return false;
  return compare(lhs, clause.comparator, clause.value);
}

export type RunPredicate = ((run: Run) => boolean) & { clauses: FilterClause[] };

/**
 * A predicate for MLflow's search syntax (`metrics.auc > 0.8 and params.model = 'xgb'`); metric
 * clauses compare the chosen aggregate of each history (MLflow's latest value by default). Throws a
 * RunFilterError naming what is not supported and where.
 */
export function parseRunFilter(text: string, { aggregate = 'last' }: { aggregate?: MetricAggregate } = {}): RunPredicate {
  const clauses = parseFilterClauses(text);
  const predicate = (run: Run): boolean => clauses.every((c) => matchesClause(run, c, aggregate));
  return Object.assign(predicate, { clauses });
}
