import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionHolds, evaluateSequence, evaluateStep, firingNow, matches } from '../../../lib/alerts/evaluate';
import type { AlertRule, Observation, RuleFor } from '../../../lib/alerts/types';
import { promtool } from '../../support/promtool';

/**
 * The state machine against Prometheus' own: prometheus/prometheus rules/alerting.go
 * AlertingRule.Eval — a new result series is pending with ActiveAt = ts; it fires when
 * ts.Sub(ActiveAt) >= holdDuration; a series missing from the result (condition false, NaN, or
 * gone) is deleted when pending and set inactive (resolved) when firing. The sequences below are
 * also run through `promtool test rules` (Debian's prometheus 2.42), which must agree at every
 * evaluation.
 */
const HOSTILE = 'a"b\\c\nd';
const minute = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: 'high',
  name: 'High',
  metric: 'column_drift_score',
  labels: { column: HOSTILE },
  comparator: '>',
  threshold: 0.5,
  for: '3m',
  severity: 'warning',
  summary: '{{ $labels.column }} at {{ $value }}',
  ...over,
});

/** One observation per minute of `values` for the hostile column (undefined: the series is absent). */
function minutes(values: readonly (number | null | undefined)[], key = 'cell:c1'): Observation[] {
  return values.map((value, i) => ({
    at: minute(i),
    source: { workspaceId: 'w', key, cellId: 'c1' },
    samples: [
      ...(value === undefined ? [] : [{ metric: 'column_drift_score', labels: { column: HOSTILE, method: 'psi' }, value }]),
      { metric: 'column_drift_score', labels: { column: 'other', method: 'psi' }, value: 0.9 },
    ],
  }));
}

/** Firing or not after each observation, from the events. */
function firingAfterEach(rules: AlertRule[], observations: Observation[]): boolean[] {
  let state = {};
  let firing = false;
  return observations.map((o) => {
    const step = evaluateStep(rules, state, o);
    state = step.state;
    for (const e of step.events) firing = e.state === 'firing';
    return firing;
  });
}

/** `promtool test rules` with, at each minute, the alerts we say are firing: exit 0 iff Prometheus agrees. */
function promtoolAgrees(values: readonly (number | null)[], holdFor: string, firing: readonly boolean[]) {
  const dir = mkdtempSync(join(tmpdir(), 'driftbook-eval-'));
  try {
    const labels = { column: HOSTILE, method: 'psi' };
    // YAML is a superset of JSON: both files are written as JSON, label values escaped by JSON.stringify as PromQL wants (\\ \" \n).
    const rulesFile = {
      groups: [
        {
          name: 't',
          rules: [
            { alert: 'High', expr: `driftbook_column_drift_score{column=${JSON.stringify(HOSTILE)}} > 0.5`, for: holdFor, labels: { severity: 'warning' } },
          ],
        },
      ],
    };
    const series = `driftbook_column_drift_score{column=${JSON.stringify(HOSTILE)},method="psi"}`;
    const test = {
      rule_files: ['rules.yml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [{ series, values: values.map((v) => (v === null ? 'NaN' : v === Infinity ? '+Inf' : String(v))).join(' ') }],
          alert_rule_test: firing.map((on, i) => ({
            eval_time: `${i}m`,
            alertname: 'High',
            exp_alerts: on ? [{ exp_labels: { ...labels, severity: 'warning' } }] : [],
          })),
        },
      ],
    };
    writeFileSync(join(dir, 'rules.yml'), JSON.stringify(rulesFile));
    writeFileSync(join(dir, 'test.yml'), JSON.stringify(test));
    return promtool(['test', 'rules', 'test.yml'], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEQUENCES: (number | null)[][] = [
  [0.6, 0.7, 0.8, 0.9, 0.95, 0.4, 0.6, 0.7, 0.8, 0.9, 0.9, 0.2],
  [0.6, null, 0.6, 0.6, 0.6, 0.6, Infinity, 0.6, 0.3, 0.3, 0.6, 0.6],
  [0.1, 0.5, 0.50001, 0.6, 0.7, 0.8, 0.9, 1, 1, null, 1, 1],
];

describe('evaluation (Prometheus alerting semantics)', () => {
  it.each(SEQUENCES.map((s, i) => [i, s] as const))('sequence %i: `for: 3m` fires and resolves when promtool says so', (_i, values) => {
    const firing = firingAfterEach([rule()], minutes(values));
    expect(firing.some(Boolean)).toBe(true);
    const run = promtoolAgrees(values, '3m', firing);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // The check can fail: one evaluation's expectation flipped, promtool disagrees.
    const flipped = firing.map((on, i) => (i === firing.indexOf(true) ? !on : on));
    expect(promtoolAgrees(values, '3m', flipped).code).not.toBe(0);
  });

  it('`for: 0s` fires at the first true evaluation (promtool agrees); {consecutive: N} fires with `for: (N−1)` evaluation intervals', () => {
    for (const values of SEQUENCES) {
      const now = firingAfterEach([rule({ for: '0s' })], minutes(values));
      const run = promtoolAgrees(values, '0s', now);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(now.slice(0, 1)).toEqual([values[0]! > 0.5]);
      expect(firingAfterEach([rule({ for: { consecutive: 4 } })], minutes(values))).toEqual(firingAfterEach([rule()], minutes(values)));
      expect(firingAfterEach([rule({ for: { consecutive: 1 } })], minutes(values))).toEqual(now);
    }
  });

  it('emits firing and resolved events with values, summaries and deterministic ids', () => {
    const observations = minutes([0.6, 0.7, 0.8, 0.9, 0.4, undefined]);
    const { events, state } = evaluateSequence([rule()], observations);
    expect(events.map((e) => [e.state, e.at, e.value])).toEqual([
      ['firing', minute(3), 0.9],
      ['resolved', minute(4), 0.4],
    ]);
    expect(events[0]).toMatchObject({
      ruleId: 'high',
      severity: 'warning',
      labels: { column: HOSTILE, method: 'psi' },
      summary: `${HOSTILE} at 0.9`,
      threshold: 0.5,
    });
    expect(evaluateSequence([rule()], observations).events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    expect(state).toEqual({});
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('resolves a firing series that is absent from a later observation of its source, not from another source', () => {
    const rules = [rule({ for: '0s' })];
    const first = evaluateSequence(rules, minutes([0.9]));
    expect(first.events.map((e) => e.state)).toEqual(['firing']);
    const elsewhere = evaluateSequence(rules, minutes([undefined], 'cell:c2'), first.state);
    expect(elsewhere.events).toEqual([]);
    const gone = evaluateSequence(rules, minutes([undefined]), first.state);
    expect(gone.events.map((e) => [e.state, e.value])).toEqual([['resolved', null]]);
  });

  it('continues from a stored state without changing it; a pending run continues across calls', () => {
    const values = [0.6, 0.7, 0.8, 0.9];
    const all = evaluateSequence([rule()], minutes(values));
    const firstHalf = evaluateSequence([rule()], minutes(values).slice(0, 2));
    const frozen = JSON.stringify(firstHalf.state);
    const secondHalf = evaluateSequence([rule()], minutes(values).slice(2), firstHalf.state);
    expect(JSON.stringify(firstHalf.state)).toBe(frozen);
    expect(secondHalf.events).toEqual(all.events);
    expect(Object.values(firstHalf.state)).toEqual([{ activeSince: minute(0), consecutive: 2, firing: false, lastValue: 0.7 }]);
  });

  it('NaN and null never satisfy any comparison; ±Infinity compare as numbers', () => {
    for (const comparator of ['>', '>=', '<', '<='] as const) {
      expect(conditionHolds({ comparator, threshold: 0 }, null)).toBe(false);
      expect(conditionHolds({ comparator, threshold: 0 }, NaN)).toBe(false);
    }
    expect(conditionHolds({ comparator: '>', threshold: 1e300 }, Infinity)).toBe(true);
    expect(conditionHolds({ comparator: '<', threshold: -1e300 }, -Infinity)).toBe(true);
    expect(conditionHolds({ comparator: '>=', threshold: 0.5 }, 0.5)).toBe(true);
    expect(conditionHolds({ comparator: '>', threshold: 0.5 }, 0.5)).toBe(false);
    const below = rule({ comparator: '<', threshold: 0.9, for: '0s' });
    expect(evaluateSequence([below], minutes([null, null, NaN])).events).toEqual([]);
  });

  it('matches a family and every label exactly — hostile values included; disabled rules are skipped', () => {
    const sample = { metric: 'column_drift_score', labels: { column: HOSTILE, method: 'psi' }, value: 1 };
    expect(matches(rule(), sample)).toBe(true);
    expect(matches(rule({ labels: {} }), sample)).toBe(true);
    expect(matches(rule({ labels: { column: 'a"b\\c' } }), sample)).toBe(false);
    expect(matches(rule({ labels: { column: HOSTILE, method: 'ks' } }), sample)).toBe(false);
    expect(matches(rule({ labels: { dataset: 'current' } }), sample)).toBe(false);
    expect(matches(rule({ metric: 'column_drift_statistic' }), sample)).toBe(false);
    const everyColumn = evaluateSequence([rule({ labels: {}, for: '0s' })], minutes([0.9]));
    expect(everyColumn.events.map((e) => e.labels.column)).toEqual([HOSTILE, 'other']);
    expect(evaluateSequence([rule({ enabled: false, for: '0s' })], minutes([0.9])).events).toEqual([]);
  });

  it('firingNow keeps each alert whose latest event is a firing one', () => {
    const rules = [rule({ labels: {}, for: '0s' })];
    const { events } = evaluateSequence(rules, minutes([0.9, 0.1]));
    // HOSTILE fired then resolved; "other" (0.9 throughout) fired once and still fires.
    expect(firingNow(events).map((e) => e.labels.column)).toEqual(['other']);
    expect(firingNow([])).toEqual([]);
  });

  it('a duration that cannot elapse between evaluations at one time never fires; consecutive still counts', () => {
    const sameTime = minutes([0.9, 0.9, 0.9]).map((o) => ({ ...o, at: minute(0) }));
    expect(evaluateSequence([rule({ for: '1m' })], sameTime).events).toEqual([]);
    const runs = evaluateSequence([rule({ for: { consecutive: 3 } as RuleFor })], sameTime).events;
    expect(runs.map((e) => e.state)).toEqual(['firing']);
  });
});
