import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule, EvaluationState } from '../../../lib/alerts/types';
import { clearAlerts, getEvaluationState, getRulesRecord, listAlertEvents, openRules, recordEvaluation, saveRules, setNotify } from '../../../lib/store/alerts';
import type { DriftbookDb } from '../../../lib/store/db';
import { newDb } from './backup-fixture';

const dbs: DriftbookDb[] = [];
function db(): DriftbookDb {
  const created = newDb('alerts');
  dbs.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const rule = (id: string, threshold = 0.2, enabled?: boolean): AlertRule => ({
  id,
  name: `Rule ${id}`,
  metric: 'column_drift_score',
  labels: { method: 'psi' },
  comparator: '>',
  threshold,
  for: '0s',
  severity: 'warning',
  summary: 'PSI of {{ $labels.column }} is {{ $value }}',
  ...(enabled === undefined ? {} : { enabled }),
});

const event = (id: string, source: string, at: string, state: AlertEvent['state'] = 'firing'): AlertEvent => ({
  id,
  workspaceId: 'w',
  ruleId: 'r1',
  ruleName: 'Rule r1',
  severity: 'warning',
  state,
  labels: { column: 'a', method: 'psi' },
  metric: 'column_drift_score',
  value: 0.3,
  comparator: '>',
  threshold: 0.2,
  summary: 'PSI of a is 0.3',
  at,
  source: { workspaceId: 'w', key: source },
});

const seriesKey = (ruleId: string, source: string) => `${ruleId}\u0000${source}\u0000{"column":"a"}`;
const seriesState = (consecutive: number): EvaluationState[string] => ({ activeSince: '2026-01-01T00:00:00.000Z', consecutive, firing: true, lastValue: 0.3 });
const now = new Date('2026-12-01T10:00:00.000Z');

describe('alert rules store', () => {
  it('gives a workspace the defaults on first use, once, with notifications off', async () => {
    const d = db();
    expect(await getRulesRecord(d, 'w')).toBeUndefined();
    let calls = 0;
    const defaults = () => (calls++, [rule('psi')]);
    const first = await openRules(d, 'w', defaults, now);
    expect(first).toEqual({ workspaceId: 'w', rules: [rule('psi')], notify: false, updatedAt: now.toISOString() });
    await openRules(d, 'w', defaults);
    expect(calls).toBe(1);
    // A user who removed every rule keeps an empty list: the defaults are not put back.
    await saveRules(d, 'w', [], now);
    expect((await openRules(d, 'w', defaults)).rules).toEqual([]);
  });

  it('keeps the notification opt-in across rule edits', async () => {
    const d = db();
    await setNotify(d, 'w', true, () => [rule('a')], now);
    expect((await saveRules(d, 'w', [rule('b')], now)).notify).toBe(true);
    expect((await setNotify(d, 'w', false, () => [], now)).rules).toEqual([rule('b')]);
  });

  it("drops the for-clocks of rules removed or changed, and keeps the others'", async () => {
    const d = db();
    await saveRules(d, 'w', [rule('a'), rule('b'), rule('c')], now);
    await recordEvaluation(d, 'w', [rule('a')], {
      evaluate: () => ({
        state: { [seriesKey('a', 's')]: seriesState(2), [seriesKey('b', 's')]: seriesState(1), [seriesKey('c', 's')]: seriesState(3) },
        events: [],
      }),
    });
    await saveRules(d, 'w', [rule('a'), rule('b', 0.5)], now);
    expect(Object.keys(await getEvaluationState(d, 'w'))).toEqual([seriesKey('a', 's')]);
  });
});

describe('recording an evaluation', () => {
  it('passes only enabled rules and the stored state, stores events and state, and returns only new events', async () => {
    const d = db();
    const seen: { rules: string[]; state: EvaluationState }[] = [];
    const run = (events: AlertEvent[], state: EvaluationState) =>
      recordEvaluation(d, 'w', [rule('on'), rule('off', 0.2, false)], {
        evaluate: (rules, before) => {
          seen.push({ rules: rules.map((r) => r.id), state: before });
          return { state, events };
        },
      });
    const e1 = event('e1', 'cell:1', '2026-01-02T00:00:00.000Z');
    expect(await run([e1], { [seriesKey('on', 'cell:1')]: seriesState(1) })).toEqual([e1]);
    // The same evaluation again (a reused result): nothing new.
    expect(await run([e1], { [seriesKey('on', 'cell:1')]: seriesState(2) })).toEqual([]);
    expect(seen.map((s) => s.rules)).toEqual([['on'], ['on']]);
    expect(seen[1]!.state).toEqual({ [seriesKey('on', 'cell:1')]: seriesState(1) });
    expect(await getEvaluationState(d, 'w')).toEqual({ [seriesKey('on', 'cell:1')]: seriesState(2) });
    expect(await listAlertEvents(d, 'w')).toEqual([e1]);
  });

  it("replaces a re-computed source's events and state, leaving other sources alone", async () => {
    const d = db();
    const old = [event('t1', 'cell:t', '2026-01-01T00:00:00.000Z'), event('t2', 'cell:t', '2026-01-03T00:00:00.000Z', 'resolved')];
    const other = event('c1', 'cell:c', '2026-01-02T00:00:00.000Z');
    await recordEvaluation(d, 'w', [], {
      evaluate: () => ({ state: { [seriesKey('r', 'cell:t')]: seriesState(1), [seriesKey('r', 'cell:c')]: seriesState(1) }, events: [...old, other] }),
    });
    let stateSeen: EvaluationState = {};
    const kept = event('t1', 'cell:t', '2026-01-01T00:00:00.000Z');
    const added = event('t3', 'cell:t', '2026-01-05T00:00:00.000Z');
    const fresh = await recordEvaluation(d, 'w', [], {
      replace: ['cell:t'],
      evaluate: (_rules, state) => {
        stateSeen = state;
        return { state: { ...state, [seriesKey('r', 'cell:t')]: seriesState(4) }, events: [kept, added] };
      },
    });
    // The re-computed history starts from no state for its source; t1 was there before, so it is not new.
    expect(stateSeen).toEqual({ [seriesKey('r', 'cell:c')]: seriesState(1) });
    expect(fresh).toEqual([added]);
    expect((await listAlertEvents(d, 'w')).map((e) => e.id)).toEqual(['t1', 'c1', 't3']);
  });

  it('lists only its own workspace, oldest first, and clears events and state', async () => {
    const d = db();
    await recordEvaluation(d, 'w', [], {
      evaluate: () => ({ state: { x: seriesState(1) }, events: [event('b', 's', '2026-02-01T00:00:00.000Z'), event('a', 's', '2026-01-01T00:00:00.000Z')] }),
    });
    await d.alerts.put({ ...event('z', 's', '2026-01-01T00:00:00.000Z'), workspaceId: 'other' });
    expect((await listAlertEvents(d, 'w')).map((e) => e.id)).toEqual(['a', 'b']);
    await clearAlerts(d, 'w');
    expect(await listAlertEvents(d, 'w')).toEqual([]);
    expect(await getEvaluationState(d, 'w')).toEqual({});
    expect(await d.alerts.count()).toBe(1);
  });
});
