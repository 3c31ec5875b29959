/**
 * The rules file, `{"schemaVersion": 1, "rules": [...]}` (README "Alert rules"): read and checked
 * field by field against the metric catalogue, written back as stable pretty JSON. One checker
 * serves the file (messages name `rules[i]` and the rule's id) and the rule form (messages name
 * the field).
 */
import { AnalysisError } from '../errors';
import { FAMILIES } from './catalogue';
import { parseDuration } from './duration';
import type { AlertRule, Comparator, RuleFor, RulesFile, Severity } from './types';

export const RULES_SCHEMA_VERSION = 1;
export const COMPARATORS: readonly Comparator[] = ['>', '>=', '<', '<='];
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];
const FIELDS = ['id', 'name', 'metric', 'labels', 'comparator', 'threshold', 'for', 'severity', 'summary', 'enabled'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'missing' : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

function forProblem(value: unknown): string | null {
  if (typeof value === 'string') {
    try {
      parseDuration(value);
      return null;
    } catch (error) {
      return (error as Error).message.replace(/^duration: /, '');
    }
  }
  if (isObject(value) && Object.keys(value).length === 1) {
    const n = value.consecutive;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return null;
    return `${show(value)} — consecutive is a whole number of evaluations, 1 or more`;
  }
  return `${show(value)} — a Prometheus duration ("0s", "5m", "1h30m") or {"consecutive": N}`;
}

function labelProblems(metric: string, labels: unknown): { field: string; message: string }[] {
  if (labels === undefined) return [];
  if (!isObject(labels)) return [{ field: 'labels', message: `${show(labels)} — an object of label name → value` }];
  const family = FAMILIES.find((f) => f.name === metric);
  const out: { field: string; message: string }[] = [];
  for (const [name, value] of Object.entries(labels)) {
    if (family && !family.labels.includes(name))
      out.push({
        field: `labels.${name}`,
        message: family.labels.length
          ? `not a label of ${metric} — use ${family.labels.join(', ')}`
          : `not a label of ${metric} — it has no labels: leave labels empty`,
      });
    else if (typeof value !== 'string') out.push({ field: `labels.${name}`, message: `${show(value)} — a label value is text` });
    else if (value === '') out.push({ field: `labels.${name}`, message: 'empty — leave the label out to match every value' });
  }
  return out;
}

/** Each problem of one rule as {field, message}; [] for a valid rule. */
function ruleProblems(rule: unknown): { field: string; message: string }[] {
  if (!isObject(rule)) return [{ field: 'rule', message: `${show(rule)} — each rule is an object` }];
  const out: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  for (const key of Object.keys(rule)) if (!(FIELDS as readonly string[]).includes(key)) add(key, `unknown field — the fields are ${FIELDS.join(', ')}`);
  if (typeof rule.id !== 'string' || rule.id.trim() === '') add('id', `${show(rule.id)} — give a non-empty id`);
  if (typeof rule.name !== 'string' || rule.name.trim() === '') add('name', `${show(rule.name)} — give a non-empty name`);
  const metric = rule.metric;
  if (typeof metric !== 'string' || !FAMILIES.some((f) => f.name === metric))
    add('metric', `${show(metric)} — use a catalogue name without the driftbook_ prefix: ${FAMILIES.map((f) => f.name).join(', ')}`);
  out.push(...labelProblems(typeof metric === 'string' ? metric : '', rule.labels));
  if (!COMPARATORS.includes(rule.comparator as Comparator)) add('comparator', `${show(rule.comparator)} — use one of ${COMPARATORS.join(' ')}`);
  if (typeof rule.threshold !== 'number' || !Number.isFinite(rule.threshold)) add('threshold', `${show(rule.threshold)} — a finite number`);
  const forIssue = forProblem(rule.for);
  if (forIssue) add('for', forIssue);
  if (!SEVERITIES.includes(rule.severity as Severity)) add('severity', `${show(rule.severity)} — use one of ${SEVERITIES.join(', ')}`);
  if (rule.summary !== undefined && typeof rule.summary !== 'string') add('summary', `${show(rule.summary)} — text`);
  if (rule.enabled !== undefined && typeof rule.enabled !== 'boolean') add('enabled', `${show(rule.enabled)} — true or false`);
  return out;
}

/**
 * The rule form's messages (`threshold: "x" — a finite number`); [] when the rule is valid. With
 * `others` (the workspace's other rules), an id one of them has is a problem too.
 */
export function validateRule(rule: unknown, others: readonly AlertRule[] = []): string[] {
  const messages = ruleProblems(rule).map((p) => `${p.field}: ${p.message}`);
  const id = isObject(rule) ? rule.id : undefined;
  if (typeof id === 'string' && others.some((o) => o.id === id)) messages.push(`id: ${JSON.stringify(id)} — another rule has it: give each rule its own id`);
  return messages;
}

/** A checked rule in the file's field order (summary '' when absent; labels in the family's order). */
function normalRule(rule: AlertRule): AlertRule {
  const order = FAMILIES.find((f) => f.name === rule.metric)?.labels ?? [];
  const labels: Record<string, string> = {};
  for (const name of order) if (rule.labels?.[name] !== undefined) labels[name] = rule.labels[name];
  const ruleFor: RuleFor = typeof rule.for === 'string' ? rule.for : { consecutive: rule.for.consecutive };
  return {
    id: rule.id,
    name: rule.name,
    metric: rule.metric,
    labels,
    comparator: rule.comparator,
    threshold: rule.threshold,
    for: ruleFor,
    severity: rule.severity,
    summary: rule.summary ?? '',
    ...(rule.enabled === undefined ? {} : { enabled: rule.enabled }),
  };
}

/**
 * A rules file read from parsed JSON: every problem at once in one AnalysisError (code
 * `bad-rules`), one line each, naming the rule (`rules[2] "psi-high"`) and the field.
 */
export function readRulesFile(json: unknown): RulesFile {
  const fail = (lines: string[]): never => {
    throw new AnalysisError('bad-rules', lines.join('\n'));
  };
  if (!isObject(json)) return fail([`rules file: ${show(json)} — expected {"schemaVersion": 1, "rules": [...]}`]);
  if (json.schemaVersion !== RULES_SCHEMA_VERSION)
    fail([`schemaVersion: ${show(json.schemaVersion)} — this version of Driftbook reads rules files of schemaVersion 1`]);
  if (!Array.isArray(json.rules)) return fail([`rules: ${show(json.rules)} — expected a list of rules`]);
  const extra = Object.keys(json).filter((k) => k !== 'schemaVersion' && k !== 'rules');
  const lines = extra.map((k) => `${k}: unknown field — a rules file has schemaVersion and rules`);
  const seen = new Map<string, number>();
  json.rules.forEach((rule: unknown, i: number) => {
    const id = isObject(rule) && typeof rule.id === 'string' ? rule.id : undefined;
    const where = `rules[${i}]${id === undefined ? '' : ` ${JSON.stringify(id)}`}`;
    for (const p of ruleProblems(rule)) lines.push(`${where}: ${p.field}: ${p.message}`);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) lines.push(`${where}: id: duplicate of rules[${first}] — give each rule its own id`);
      else seen.set(id, i);
    }
  });
  if (lines.length) fail(lines);
  return { schemaVersion: 1, rules: (json.rules as AlertRule[]).map(normalRule) };
}

/** The rules file's text: pretty JSON (2 spaces), fields in a fixed order, a final newline. */
export function rulesFileText(rules: readonly AlertRule[]): string {
  const file: RulesFile = { schemaVersion: 1, rules: rules.map(normalRule) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
