/**
 * PromQL text for catalogue series: label matchers with their values quoted the way the PromQL
 * lexer reads them back (promql/parser/lex.go lexString + util/strutil.Unquote, Go's escapes).
 * A raw line feed ends a PromQL string, so it must be `\n`; other control characters and the
 * Unicode bidi controls are written as `\u` escapes too, so a rules file shows them instead of
 * reordering the text around them (the value matched is the same).
 */
import { AnalysisError } from '../errors';
import { familyOf } from './catalogue';
import { METRIC_PREFIX, type Comparator, type FamilyName } from './types';

const NAMED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, ALM, LRM/RLM, the embeddings/overrides and the isolates.
const isHidden = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x61c ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);
const escapeChar = (c: string): string => NAMED[c] ?? (isHidden(c.charCodeAt(0)) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A PromQL double-quoted string literal holding exactly `value`. */
export function promqlString(value: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new AnalysisError('bad-label', `label value: ${JSON.stringify(value)} holds a lone UTF-16 surrogate, which UTF-8 cannot encode — fix the name`);
  }
  const body = Array.from(value, escapeChar).join('');
  return `"${body}"`;
}

/**
 * `driftbook_<metric>{name="value",…}`: equality matchers in the family's label order (a label the
 * family lacks is an AnalysisError); no braces when there are no matchers.
 */
export function promqlSelector(metric: FamilyName, labels: Readonly<Record<string, string>>): string {
  const family = familyOf(metric);
  for (const name of Object.keys(labels)) {
    if (!family.labels.includes(name)) {
      throw new AnalysisError('unknown-label', `label: ${name} is not a label of ${metric} — its labels are: ${family.labels.join(', ') || 'none'}`);
    }
  }
  const matchers = family.labels.filter((name) => Object.hasOwn(labels, name)).map((name) => `${name}=${promqlString(labels[name]!)}`);
  return `${METRIC_PREFIX}${family.name}${matchers.length ? `{${matchers.join(',')}}` : ''}`;
}

/** A finite number as PromQL's number literal (Go's ParseFloat reads JS's shortest form exactly). */
export function promqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new AnalysisError('bad-threshold', `threshold: ${value} is not a finite number`);
  return String(value);
}

/** The alerting expression: `selector comparator threshold` (PromQL's comparison filters, so NaN never fires). */
export const promqlCondition = (metric: FamilyName, labels: Readonly<Record<string, string>>, comparator: Comparator, threshold: number): string =>
  `${promqlSelector(metric, labels)} ${comparator} ${promqlNumber(threshold)}`;
