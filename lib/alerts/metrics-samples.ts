/**
 * A Metrics cell's series as alert observations: one observation per timestamp (in time order), each
 * holding `series_value{series="<legend name>"}` for every series with a point then — so rules run
 * over the series as Prometheus would evaluate them at each step (a series absent at a step leaves,
 * a firing alert on it resolves). Also what the cell's chart draws: thresholds and firing points.
 */
import type { MetricsCellResult } from '../notebook/kinds/metrics';
import { conditionHolds, evaluateSequence, stateKey } from './evaluate';
import type { AlertRule, Observation, Sample, Severity } from './types';

export const SERIES_FAMILY = 'series_value';

/** Observations of one Metrics cell (source key `metrics:<cell id>`), one per distinct timestamp, ascending. */
export function metricsObservations(workspaceId: string, cell: { id: string; title?: string }, result: MetricsCellResult): Observation[] {
  const byTime = new Map<number, Sample[]>();
  for (const s of result.series)
    for (const { t, v } of s.points) {
      const list = byTime.get(t) ?? [];
      if (!byTime.has(t)) byTime.set(t, list);
      // One sample per series and time (a duplicated legend name keeps its first series).
      if (!list.some((x) => x.labels.series === s.name)) list.push({ metric: SERIES_FAMILY, labels: { series: s.name }, value: v });
    }
  const source = { workspaceId, key: `metrics:${cell.id}`, cellId: cell.id, ...(cell.title ? { cellTitle: cell.title } : {}), kind: 'metrics' };
  return [...byTime.keys()].sort((a, b) => a - b).map((t) => ({ at: new Date(t).toISOString(), source, samples: byTime.get(t)! }));
}

/** What the chart draws for the rules: each watching rule's threshold, and every point at which an alert was firing. */
export interface MetricsAlertMarks {
  thresholds: { ruleId: string; label: string; severity: Severity; threshold: number }[];
  firing: { ruleId: string; rule: string; severity: Severity; series: string; t: number; value: number }[];
}

/** The enabled series_value rules that watch at least one of the result's series (a rule without a series label watches all). */
export function watchingRules(rules: readonly AlertRule[], result: Pick<MetricsCellResult, 'series'>): AlertRule[] {
  const names = new Set(result.series.map((s) => s.name));
  return rules.filter(
    (r) => r.enabled !== false && r.metric === SERIES_FAMILY && Object.entries(r.labels ?? {}).every(([name, value]) => name === 'series' && names.has(value)),
  );
}

/**
 * Thresholds and firing points: the observations go through the rules (lib/alerts/evaluate.ts, with
 * `for`), and a point is marked where its series' alert is firing — from the evaluation that fired
 * it up to the one that resolved it.
 */
export function metricsAlertMarks(rules: readonly AlertRule[], observations: readonly Observation[], result: MetricsCellResult): MetricsAlertMarks {
  const watching = watchingRules(rules, result);
  const thresholds = watching.map((r) => ({ ruleId: r.id, label: `${r.name}: ${r.comparator} ${r.threshold}`, severity: r.severity, threshold: r.threshold }));
  const { events } = evaluateSequence(watching, observations);
  const byTime = new Map<string, typeof events>();
  for (const e of events) byTime.set(e.at, [...(byTime.get(e.at) ?? []), e]);
  const active = new Map<string, AlertRule>();
  const firing: MetricsAlertMarks['firing'] = [];
  for (const o of observations) {
    for (const e of byTime.get(o.at) ?? []) {
      const key = stateKey(e.ruleId, e.source.key, e.labels);
      const rule = watching.find((r) => r.id === e.ruleId);
      if (e.state === 'firing' && rule) active.set(key, rule);
      else active.delete(key);
    }
    for (const sample of o.samples)
      for (const rule of watching) {
        if (!active.has(stateKey(rule.id, o.source.key, sample.labels)) || !conditionHolds(rule, sample.value)) continue;
        firing.push({ ruleId: rule.id, rule: rule.name, severity: rule.severity, series: sample.labels.series!, t: Date.parse(o.at), value: sample.value! });
      }
  }
  return { thresholds, firing };
}
