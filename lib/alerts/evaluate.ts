/**
 * Rules over observations, with Prometheus' alerting semantics (prometheus/prometheus
 * rules/alerting.go, AlertingRule.Eval): a series whose condition holds becomes pending at that
 * evaluation (`ActiveAt = ts`) and fires at the first evaluation where `ts − ActiveAt ≥ for` (so
 * `for: 0s` fires at once); a series whose condition stops holding — or that is absent from a
 * later observation of the same source — leaves: a pending one silently, a firing one as
 * resolved. `{consecutive: N}` fires at the Nth true evaluation in a row. A null or NaN value
 * never satisfies a comparison (PromQL's comparison drops NaN); disabled rules are skipped.
 */
import { parseDuration } from './duration';
import { seriesKey } from './samples';
import { renderSummary } from './summary-template';
import type { AlertEvent, AlertRule, AlertState, EvaluationState, Observation, Sample, SeriesState } from './types';

/** The rule watches this series: same family, and every label the rule names has the rule's value. */
export function matches(rule: AlertRule, sample: Sample): boolean {
  if (rule.metric !== sample.metric) return false;
  return Object.entries(rule.labels ?? {}).every(([name, value]) => Object.prototype.hasOwnProperty.call(sample.labels, name) && sample.labels[name] === value);
}

/** The rule's comparison holds for this value (never for null or NaN; ±Infinity compare as numbers). */
export function conditionHolds(rule: Pick<AlertRule, 'comparator' | 'threshold'>, value: number | null): boolean {
  if (value === null || Number.isNaN(value)) return false;
  switch (rule.comparator) {
    case '>':
      return value > rule.threshold;
    case '>=':
      return value >= rule.threshold;
    case '<':
      return value < rule.threshold;
    case '<=':
      return value <= rule.threshold;
  }
}

/** Labels in name order, JSON-encoded (any character in a value stays distinct). */
const canonicalLabels = (labels: Record<string, string>): string =>
  JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );

/** The EvaluationState key of one alert: rule, source and series (`ruleId \u0000 source key \u0000 labels`). */
export function stateKey(ruleId: string, sourceKey: string, labels: Record<string, string>): string {
  return `${ruleId}\u0000${sourceKey}\u0000${canonicalLabels(labels)}`;
}

/** A 64-bit FNV-1a hash of the text's UTF-16 code units, as 16 hex digits: short, stable event ids. */
function hash64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** Deterministic: the same rule, source, series, time, window/batch and state give the same id. */
function eventId(rule: AlertRule, observation: Observation, labels: Record<string, string>, state: AlertState): string {
  const { source, at } = observation;
  const where = source.window ? `w${source.window.index}` : source.batch ? `b${source.batch.id}` : '';
  return `alert-${hash64([rule.id, source.key, canonicalLabels(labels), at, where, state].join('\u0000'))}`;
}

/** Whether a pending series fires now: its `for` has elapsed (Prometheus: ts − ActiveAt ≥ holdDuration) or its run is long enough. */
function ready(rule: AlertRule, s: SeriesState, at: string): boolean {
  if (typeof rule.for !== 'string') return s.consecutive >= rule.for.consecutive;
  const hold = parseDuration(rule.for);
  if (hold === 0) return true;
  return Date.parse(at) - Date.parse(s.activeSince ?? at) >= hold;
}

function event(rule: AlertRule, observation: Observation, labels: Record<string, string>, state: AlertState, value: number | null): AlertEvent {
  const finite = value !== null && Number.isFinite(value) ? value : null;
  return {
    id: eventId(rule, observation, labels, state),
    workspaceId: observation.source.workspaceId,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    state,
    labels: { ...labels },
    metric: rule.metric,
    value: finite,
    comparator: rule.comparator,
    threshold: rule.threshold,
    summary: renderSummary(rule.summary, labels, value),
    at: observation.at,
    source: observation.source,
  };
}

/** One observation through every enabled rule: the new state (the input is not changed) and the events it caused. */
export function evaluateStep(rules: readonly AlertRule[], state: EvaluationState, observation: Observation): { state: EvaluationState; events: AlertEvent[] } {
  const next: EvaluationState = { ...state };
  const events: AlertEvent[] = [];
  const sourceKey = observation.source.key;
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const watched = observation.samples.filter((s) => matches(rule, s));
    const held = new Set<string>();
    for (const sample of watched) {
      if (!conditionHolds(rule, sample.value)) continue;
      const key = stateKey(rule.id, sourceKey, sample.labels);
      if (held.has(key)) continue;
      held.add(key);
      const before = next[key];
      const s: SeriesState = before
        ? { ...before, consecutive: before.consecutive + 1, lastValue: sample.value }
        : { activeSince: observation.at, consecutive: 1, firing: false, lastValue: sample.value };
      if (!s.firing && ready(rule, s, observation.at)) {
        s.firing = true;
        events.push(event(rule, observation, sample.labels, 'firing', sample.value));
      }
      next[key] = s;
    }
    // Series of this rule and source that no longer hold: a pending one is dropped, a firing one resolves.
    const prefix = `${rule.id}\u0000${sourceKey}\u0000`;
    for (const key of Object.keys(next).sort()) {
      if (!key.startsWith(prefix) || held.has(key) || key.slice(prefix.length).includes('\u0000')) continue;
      const s = next[key]!;
      delete next[key];
      if (!s.firing) continue;
      const labels = Object.fromEntries(JSON.parse(key.slice(prefix.length)) as [string, string][]);
      const now = watched.find((w) => seriesKey(w.metric, w.labels) === seriesKey(rule.metric, labels));
      events.push(event(rule, observation, labels, 'resolved', now ? now.value : null));
    }
  }
  return { state: next, events };
}

/** Observations in the order given (a timeline's windows, the batch history by date), folded from `state`. */
export function evaluateSequence(
  rules: readonly AlertRule[],
  observations: readonly Observation[],
  state: EvaluationState = {},
): { state: EvaluationState; events: AlertEvent[] } {
  let current = state;
  const events: AlertEvent[] = [];
  for (const observation of observations) {
    const step = evaluateStep(rules, current, observation);
    current = step.state;
    events.push(...step.events);
  }
  return { state: current, events };
}

/** The alerts firing now: each alert's (rule × source × series) latest event, where it is a firing one — in the events' order. */
export function firingNow(events: readonly AlertEvent[]): AlertEvent[] {
  const latest = new Map<string, AlertEvent>();
  for (const e of events) {
    const key = stateKey(e.ruleId, e.source.key, e.labels);
    const seen = latest.get(key);
    if (!seen || Date.parse(e.at) >= Date.parse(seen.at)) latest.set(key, e);
  }
  const firing = new Set([...latest.values()].filter((e) => e.state === 'firing'));
  return events.filter((e) => firing.has(e));
}
