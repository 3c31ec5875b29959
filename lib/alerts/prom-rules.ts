/**
 * Driftbook rules as a Prometheus alerting-rules file (rulefmt): one group, one alerting rule per
 * enabled Driftbook rule. `expr` is `driftbook_<metric>{<matchers>} <comparator> <threshold>`, `for`
 * the rule's duration — `{consecutive: N}` becomes (N − 1) × the group's evaluation interval, so the
 * alert fires at the Nth evaluation in a row that holds, as in the app — `labels.severity`, and the
 * summary as a Go template; the original name and id are kept as annotations.
 */
import { stringify } from 'yaml';
import { AnalysisError } from '../errors';
import { formatDuration, parseDuration } from './duration';
import { goLiteral, goTemplateOf } from './go-template';
import { promqlCondition } from './promql';
import type { AlertRule, RuleFor } from './types';

export interface PromRulesOptions {
  /** The group's name (default `driftbook`). */
  group?: string;
  /** The group's evaluation interval, a Prometheus duration (default `1m`): one evaluation = one window or batch. */
  interval?: string;
}

export const DEFAULT_GROUP = 'driftbook';
export const DEFAULT_INTERVAL = '1m';

/** The group interval in ms (a bad or zero interval is an AnalysisError naming it). */
export function intervalMs(interval: string = DEFAULT_INTERVAL): number {
  const ms = parseDuration(interval);
  if (ms <= 0) throw new AnalysisError('bad-duration', `interval: ${interval} — the evaluation interval must be longer than 0s (e.g. 1m)`);
  return ms;
}

/** The rule's `for` as a Prometheus duration: as written, or (N − 1) intervals for N consecutive evaluations. */
export function forDuration(ruleFor: RuleFor, interval: number): string {
  if (typeof ruleFor === 'string') return formatDuration(parseDuration(ruleFor));
  return formatDuration((ruleFor.consecutive - 1) * interval);
}

// Prometheus alert names are metric names ([a-zA-Z_:][a-zA-Z0-9_:]*); by convention UpperCamelCase.
function baseAlertName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(camel) ? camel : `Driftbook${camel}`;
}

/**
 * Valid, distinct alert names for the rules, in order: the name in UpperCamelCase with accents
 * folded and anything else dropped (`Column PSI > 0.2` → `ColumnPSI02`), `Driftbook` in front when
 * it would not start with a letter, and `_2`, `_3`… after a name already taken (promtool reports
 * two rules with the same name and labels as duplicates).
 */
export function alertNames(rules: readonly Pick<AlertRule, 'name'>[]): string[] {
  const taken = new Set<string>();
  return rules.map(({ name }) => {
    const base = baseAlertName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
  });
}

/** The rules Prometheus gets: the enabled ones (a disabled rule would fire there). */
export const exportedRules = (rules: readonly AlertRule[]): AlertRule[] => rules.filter((rule) => rule.enabled !== false);

/** One rulefmt alerting rule per exported rule, with its alert name. */
export function alertingRules(rules: readonly AlertRule[], options: PromRulesOptions = {}) {
  const exported = exportedRules(rules);
  const interval = intervalMs(options.interval);
  const names = alertNames(exported);
  return exported.map((rule, i) => {
    try {
      return {
        alert: names[i]!,
        expr: promqlCondition(rule.metric, rule.labels, rule.comparator, rule.threshold),
        for: forDuration(rule.for, interval),
        labels: { severity: rule.severity },
        annotations: { summary: goTemplateOf(rule.summary), driftbook_rule_id: goLiteral(rule.id), driftbook_rule_name: goLiteral(rule.name) },
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new AnalysisError('bad-rule', `rule ${JSON.stringify(rule.id)}: ${message}`);
    }
  });
}

// A user's text inside a comment: JSON-quoted with everything but printable ASCII as \u escapes (no line break can end the comment early).
const asciiQuoted = (text: string): string => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A rulefmt YAML document. Strings are quoted by the YAML library where YAML 1.1 (the stricter reading) would take them for something else. */
export const yamlText = (document: unknown): string => stringify(document, { lineWidth: 0, version: '1.1' });

/** The alerting-rules file (`promtool check rules --lint-fatal` clean). Disabled rules are left out and named in a comment. */
export function alertingRulesYaml(rules: readonly AlertRule[], options: PromRulesOptions = {}): string {
  const disabled = rules.filter((rule) => rule.enabled === false).map((rule) => asciiQuoted(rule.id));
  const header = [
    '# Prometheus alerting rules written by Driftbook from its rules file (one rule per enabled Driftbook rule).',
    ...(disabled.length ? [`# Disabled in Driftbook, so left out: ${disabled.join(', ')}`] : []),
  ];
  const group = { name: options.group ?? DEFAULT_GROUP, interval: formatDuration(intervalMs(options.interval)), rules: alertingRules(rules, options) };
  return `${header.join('\n')}\n${yamlText({ groups: [group] })}`;
}
