'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo } from 'react';
import { defaultRules, firingNow, readRulesFile, rulesFileText } from '../../lib/alerts';
import { alertingRulesYaml } from '../../lib/alerts/prom-rules';
import { promtoolTestYaml } from '../../lib/alerts/prom-rules-test';
import type { AlertEvent, AlertRule } from '../../lib/alerts/types';
import { DataError } from '../../lib/errors';
import { getRulesRecord, listAlertEvents, openRules, saveRules, setNotify } from '../../lib/store/alerts';
import type { DriftbookDb } from '../../lib/store/db';
import { getClient } from '../engine';
import { download } from '../export-report';
import type { ToastState } from '../ui/Toast';

const NO_EVENTS: AlertEvent[] = [];

/** Rules files larger than this are refused before parsing (a rules file is a few kilobytes). */
const MAX_RULES_FILE_BYTES = 5 * 1024 * 1024;

/** A file name part from a workspace name: letters, digits, dashes. */
const slug = (name: string): string => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'workspace';

/**
 * A workspace's alert rules (the seed's defaults on first use), its events (live across tabs), the
 * firing ones, and the actions of the Alerts tab. Rules are checked by lib/alerts before they are
 * stored; an import that fails stores nothing.
 */
export function useAlerts(db: DriftbookDb, workspace: { id: string; name: string }) {
  const workspaceId = workspace.id;
  const record = useLiveQuery(() => getRulesRecord(db, workspaceId), [db, workspaceId]);
  const events = useLiveQuery(() => listAlertEvents(db, workspaceId), [db, workspaceId]) ?? NO_EVENTS;
  useEffect(() => {
    void openRules(db, workspaceId, defaultRules).catch(() => undefined);
  }, [db, workspaceId]);
  const firing = useMemo(() => firingNow(events), [events]);
  const resolved = useMemo(() => events.filter((e) => e.state === 'resolved').reverse(), [events]);

  const save = useCallback((rules: readonly AlertRule[]) => saveRules(db, workspaceId, rules), [db, workspaceId]);
  const reset = useCallback(() => saveRules(db, workspaceId, defaultRules()), [db, workspaceId]);

  const importFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_RULES_FILE_BYTES) throw new DataError('too-large', `rules file: ${file.name} is over 5 MB — a rules file holds a few rules`);
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch (error) {
        throw new DataError('bad-json', `rules file: ${file.name} is not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const { rules } = readRulesFile(json);
      await saveRules(db, workspaceId, rules);
      return rules.length;
    },
    [db, workspaceId],
  );

  const exportFile = useCallback(() => {
    download(rulesFileText(record?.rules ?? []), `${slug(workspace.name)}-alert-rules.json`, 'application/json', { about: 'alert rules (JSON)' });
  }, [record, workspace.name]);

  /**
   * The rules as Prometheus alerting rules (`<name>-alert-rules.yml`) and the `promtool test rules` file that shows
   * each one fires above its threshold and not below (`<name>-alert-rules.test.yml`, naming the first by file name),
   * exactly as `driftbook alerts --format prometheus --out … --test-out …` writes them.
   */
  const exportPrometheus = useCallback(() => {
    const rules = record?.rules ?? [];
    const name = `${slug(workspace.name)}-alert-rules`;
    download(alertingRulesYaml(rules), `${name}.yml`, 'application/yaml', { about: 'Prometheus alerting rules' });
    download(promtoolTestYaml(rules, { rulesFile: `${name}.yml` }), `${name}.test.yml`, 'application/yaml', { about: 'promtool rule tests' });
  }, [record, workspace.name]);

  /** Turns notifications on (asking the browser's permission first, only now) or off. */
  const notify = useCallback(
    async (on: boolean): Promise<string | undefined> => {
      if (on) {
        if (typeof Notification === 'undefined') return 'This browser has no notifications.';
        const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
        if (permission !== 'granted') return 'Notifications are blocked for this page: allow them in the browser’s site settings, then turn them on again.';
      }
      await setNotify(db, workspaceId, on, defaultRules);
      return undefined;
    },
    [db, workspaceId],
  );

  return { record, events, firing, resolved, actions: { save, reset, importFile, exportFile, exportPrometheus, notify } };
}

/**
 * For the whole page: new alert events of any cell run or batch history show a status message,
 * and a browser Notification per firing event when its workspace turned them on and the browser allows them.
 */
export function useAlertNotifications(db: DriftbookDb, toast: (state: ToastState) => void) {
  useEffect(
    () =>
      getClient().onAlerts((events) => {
        const started = events.filter((e) => e.state === 'firing');
        if (started.length === 0) return;
        toast({
          message: `${started.length} alert${started.length === 1 ? '' : 's'} firing: ${started[0]!.ruleName}${started.length > 1 ? ', …' : ''} — see Alerts.`,
        });
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        void getRulesRecord(db, started[0]!.workspaceId).then((record) => {
          if (!record?.notify) return;
          for (const event of started) new Notification(`${event.severity}: ${event.ruleName}`, { body: event.summary, tag: event.id });
        });
      }),
    [db, toast],
  );
}
