'use client';
import { useId, useState, type FormEvent } from 'react';
import { FAMILIES } from '../../lib/alerts/catalogue';
import { COMPARATORS, SEVERITIES, validateRule } from '../../lib/alerts/rules';
import type { AlertRule, Comparator, Severity } from '../../lib/alerts/types';
import { UserText } from '../ui/UserText';

/** The form's text fields: what the user typed, turned into a rule on submit. */
interface Draft {
  name: string;
  metric: string;
  labels: Record<string, string>;
  comparator: Comparator;
  threshold: string;
  forMode: 'duration' | 'consecutive';
  forValue: string;
  severity: Severity;
  summary: string;
  enabled: boolean;
}

const draftOf = (rule: AlertRule): Draft => ({
  name: rule.name,
  metric: rule.metric,
  labels: { ...rule.labels },
  comparator: rule.comparator,
  threshold: String(rule.threshold),
  forMode: typeof rule.for === 'string' ? 'duration' : 'consecutive',
  forValue: typeof rule.for === 'string' ? rule.for : String(rule.for.consecutive),
  severity: rule.severity,
  summary: rule.summary,
  enabled: rule.enabled !== false,
});

/** The rule a draft stands for; an empty label field is no matcher, labels not of the family are dropped. */
function ruleOf(id: string, draft: Draft): AlertRule {
  const known = FAMILIES.find((f) => f.name === draft.metric)?.labels ?? [];
  const labels = Object.fromEntries(known.flatMap((name) => (draft.labels[name] ? [[name, draft.labels[name]]] : [])));
  return {
    id,
    name: draft.name.trim(),
    metric: draft.metric,
    labels,
    comparator: draft.comparator,
    threshold: draft.threshold.trim() === '' ? Number.NaN : Number(draft.threshold),
    for: draft.forMode === 'duration' ? draft.forValue.trim() : { consecutive: Number(draft.forValue) },
    severity: draft.severity,
    summary: draft.summary,
    ...(draft.enabled ? {} : { enabled: false }),
  };
}

/** Adds or edits one rule: metric picked from the catalogue, that family's labels as fields, checked by lib/alerts validateRule. */
export function RuleForm({
  rule,
  others,
  onSave,
  onCancel,
}: {
  rule: AlertRule;
  others: readonly AlertRule[];
  onSave: (rule: AlertRule) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(rule));
  const [problems, setProblems] = useState<string[]>([]);
  const id = useId();
  // A rule from a backup may name a family this version does not know: no label fields then.
  const family = FAMILIES.find((f) => f.name === draft.metric) ?? { labels: [] as readonly string[], description: "not in this version's catalogue" };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = ruleOf(rule.id, draft);
    const found = validateRule(next, others);
    setProblems(found);
    if (found.length === 0) onSave(next);
  };
  return (
    <form className="card-form alert-rule-form" onSubmit={submit} aria-label="Alert rule" data-testid="rule-form">
      <div className="settings-grid">
        <label className="field">
          Name
          <input type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} required data-testid="rule-name" />
        </label>
        <label className="field">
          Metric
          <select value={draft.metric} onChange={(e) => set('metric', e.target.value)} data-testid="rule-metric" aria-describedby={`${id}-metric`}>
            {FAMILIES.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
          <span id={`${id}-metric`} className="small">
            {family.description}
          </span>
        </label>
        {family.labels.map((name) => (
          <label className="field" key={name}>
            Label {name} (empty: any)
            <input
              type="text"
              value={draft.labels[name] ?? ''}
              onChange={(e) => set('labels', { ...draft.labels, [name]: e.target.value })}
              data-testid={`rule-label-${name}`}
            />
          </label>
        ))}
        <label className="field">
          Condition
          <span className="inline">
            <select
              value={draft.comparator}
              onChange={(e) => set('comparator', e.target.value as Comparator)}
              aria-label="Comparator"
              data-testid="rule-comparator"
            >
              {COMPARATORS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
            <input
              type="text"
              inputMode="decimal"
              value={draft.threshold}
              onChange={(e) => set('threshold', e.target.value)}
              aria-label="Threshold"
              data-testid="rule-threshold"
            />
          </span>
        </label>
        <label className="field">
          For
          <span className="inline">
            <select
              value={draft.forMode}
              onChange={(e) => set('forMode', e.target.value as Draft['forMode'])}
              aria-label="For: a duration or a number of evaluations"
            >
              <option value="duration">duration</option>
              <option value="consecutive">evaluations in a row</option>
            </select>
            <input
              type="text"
              value={draft.forValue}
              onChange={(e) => set('forValue', e.target.value)}
              aria-label="For value (0s, 5m, 1h; or a count)"
              data-testid="rule-for"
            />
          </span>
        </label>
        <label className="field">
          Severity
          <select value={draft.severity} onChange={(e) => set('severity', e.target.value as Severity)} data-testid="rule-severity">
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="field alert-summary-field">
          Summary ({'{{ $labels.column }}'}, {'{{ $value }}'})
          <input type="text" value={draft.summary} onChange={(e) => set('summary', e.target.value)} data-testid="rule-summary" />
        </label>
        <label className="field check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
        </label>
      </div>
      {problems.length ? (
        <ul className="field-error" role="alert" data-testid="rule-problems">
          {problems.map((p) => (
            <li key={p}>
              <UserText text={p} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="settings-actions">
        <button type="submit" className="button button-primary" data-testid="rule-save">
          Save rule
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
