/**
 * Alert rules per workspace (IndexedDB `alertRules`, keyed by workspace), their evaluation state
 * (the `for` clocks, settings key `alertState:<workspace>`) and the alert events (`alerts`). The
 * rules' semantics live in lib/alerts, a layer above: the defaults and the evaluation are passed in,
 * so this module only reads and writes, each change in one transaction.
 */
import type { AlertEvent, AlertRule, EvaluationState, WorkspaceRulesRecord } from '../alerts/types';
import type { DriftbookDb } from './db';

export const alertStateKey = (workspaceId: string): string => `alertState:${workspaceId}`;

/** The source key of an evaluation-state key (rule id, source key and labels joined by NUL: lib/alerts/types.ts). */
const sourceOfStateKey = (key: string): string | undefined => key.split('\u0000')[1];

/** The workspace's rules record, or undefined when its rules were never opened. */
export function getRulesRecord(db: DriftbookDb, workspaceId: string): Promise<WorkspaceRulesRecord | undefined> {
  return db.alertRules.get(workspaceId);
}

/** The workspace's rules; on first use it gets `defaults()` (the seed's rules), stored, with notifications off. */
export function openRules(db: DriftbookDb, workspaceId: string, defaults: () => AlertRule[], now = new Date()): Promise<WorkspaceRulesRecord> {
  return db.transaction('rw', db.alertRules, async () => {
    const existing = await db.alertRules.get(workspaceId);
    if (existing) return existing;
    const record: WorkspaceRulesRecord = { workspaceId, rules: defaults(), notify: false, updatedAt: now.toISOString() };
    await db.alertRules.put(record);
    return record;
  });
}

const sameRule = (a: AlertRule | undefined, b: AlertRule): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * Replaces the workspace's rules (an edit, an import, a reset). The `for` clocks of rules that are
 * gone or changed are dropped (a changed threshold starts counting afresh); past events stay.
 */
export function saveRules(db: DriftbookDb, workspaceId: string, rules: readonly AlertRule[], now = new Date()): Promise<WorkspaceRulesRecord> {
  return db.transaction('rw', db.alertRules, db.settings, async () => {
    const before = await db.alertRules.get(workspaceId);
    const record: WorkspaceRulesRecord = { workspaceId, rules: [...rules], notify: before?.notify ?? false, updatedAt: now.toISOString() };
    await db.alertRules.put(record);
    const kept = new Set(
      rules
        .filter((rule) =>
          sameRule(
            before?.rules.find((r) => r.id === rule.id),
            rule,
          ),
        )
        .map((rule) => rule.id),
    );
    const state = await getEvaluationState(db, workspaceId);
    const next = Object.fromEntries(Object.entries(state).filter(([key]) => kept.has(key.split('\u0000')[0]!)));
    await db.settings.put({ key: alertStateKey(workspaceId), value: next });
    return record;
  });
}

/** Turns the browser Notification opt-in on or off (the page asks for permission before turning it on). */
export function setNotify(db: DriftbookDb, workspaceId: string, notify: boolean, defaults: () => AlertRule[], now = new Date()): Promise<WorkspaceRulesRecord> {
  return db.transaction('rw', db.alertRules, async () => {
    const record = await openRules(db, workspaceId, defaults, now);
    const next = { ...record, notify, updatedAt: now.toISOString() };
    await db.alertRules.put(next);
    return next;
  });
}

/** The workspace's evaluation state (empty before its first evaluation). */
export async function getEvaluationState(db: DriftbookDb, workspaceId: string): Promise<EvaluationState> {
  const row = await db.settings.get(alertStateKey(workspaceId));
  return row?.value && typeof row.value === 'object' ? (row.value as EvaluationState) : {};
}

/** A workspace's alert events, oldest first. */
export function listAlertEvents(db: DriftbookDb, workspaceId: string): Promise<AlertEvent[]> {
  return db.alerts.where('[workspaceId+at]').between([workspaceId, ''], [workspaceId, '\uffff']).toArray();
}

export interface Evaluation {
  /** Sources evaluated afresh (a re-computed timeline or batch history): their state and events are replaced. */
  replace?: readonly string[];
  /** The pure evaluation (lib/alerts evaluateSequence) over the enabled rules and the state as stored. */
  evaluate: (rules: AlertRule[], state: EvaluationState) => { state: EvaluationState; events: AlertEvent[] };
}

/**
 * Runs an evaluation against the stored rules and state and stores what it gives, in one
 * transaction. Replaced sources lose their old state and events first; events are keyed by their
 * deterministic ids, so an evaluation repeated gives the same events. Returns the events not stored
 * before (what the page notifies and the audit trail records).
 */
export function recordEvaluation(
  db: DriftbookDb,
  workspaceId: string,
  rules: readonly AlertRule[],
  { replace = [], evaluate }: Evaluation,
): Promise<AlertEvent[]> {
  return db.transaction('rw', db.settings, db.alerts, async () => {
    const replaced = new Set(replace);
    let state = await getEvaluationState(db, workspaceId);
    const before = new Set<string>();
    if (replaced.size) {
      state = Object.fromEntries(Object.entries(state).filter(([key]) => !replaced.has(sourceOfStateKey(key) ?? '')));
      const old = (await listAlertEvents(db, workspaceId)).filter((event) => replaced.has(event.source.key));
      for (const event of old) before.add(event.id);
      await db.alerts.bulkDelete(old.map((event) => event.id));
    }
    const result = evaluate(
      rules.filter((rule) => rule.enabled !== false),
      state,
    );
    const stored = new Set((await db.alerts.bulkGet(result.events.map((e) => e.id))).filter((e) => e !== undefined).map((e) => e.id));
    await db.alerts.bulkPut(result.events);
    await db.settings.put({ key: alertStateKey(workspaceId), value: result.state });
    return result.events.filter((event) => !before.has(event.id) && !stored.has(event.id));
  });
}

/** Forgets a workspace's alert events and evaluation state (its rules stay). */
export function clearAlerts(db: DriftbookDb, workspaceId: string): Promise<void> {
  return db.transaction('rw', db.settings, db.alerts, async () => {
    await db.alerts.where('workspaceId').equals(workspaceId).delete();
    await db.settings.delete(alertStateKey(workspaceId));
  });
}
