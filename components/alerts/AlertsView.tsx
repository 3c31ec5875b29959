'use client';
import { useRef, useState } from 'react';
import type { AlertRule, AlertSource } from '../../lib/alerts/types';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import type { DriftbookDb } from '../../lib/store/db';
import type { WorkspaceRecord } from '../../lib/store/types';
import { useAlerts } from '../hooks/useAlerts';
import { UserText } from '../ui/UserText';
import { AlertList, SEVERITY_BADGE } from './AlertList';
import { RuleForm } from './RuleForm';

const forText = (rule: AlertRule): string => (typeof rule.for === 'string' ? rule.for : `${rule.for.consecutive} in a row`);

const matchersText = (rule: AlertRule): string =>
  `${rule.metric}{${Object.entries(rule.labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;

/** An id not taken: rule-1, rule-2, … */
const freshId = (rules: readonly AlertRule[]): string => {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  return `rule-${n}`;
};

const blankRule = (id: string): AlertRule => ({
  id,
  name: '',
  metric: 'column_drift_score',
  labels: {},
  comparator: '>',
  threshold: 0.2,
  for: '0s',
  severity: 'warning',
  summary: '{{ $labels.column }}: {{ $value }}',
});

/** The Alerts tab: the workspace's rules (edit, defaults, JSON in and out), the notification opt-in, firing and resolved alerts. */
export function AlertsView({ db, workspace, onOpen }: { db: DriftbookDb; workspace: WorkspaceRecord; onOpen: (source: AlertSource) => void }) {
  const { record, firing, resolved, actions } = useAlerts(db, workspace);
  const [editing, setEditing] = useState<AlertRule>();
  const [message, setMessage] = useState<{ text: string; bad?: boolean }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const rules = record?.rules ?? [];
  const act = (work: () => Promise<string | undefined | void>) =>
    void work()
      .then((text) => setMessage(text ? { text } : undefined))
      .catch((error: unknown) => setMessage({ text: errorMessage(error), bad: true }));
  const saveRule = (rule: AlertRule) =>
    act(async () => {
      const at = rules.findIndex((r) => r.id === rule.id);
      await actions.save(at >= 0 ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule]);
      setEditing(undefined);
      return `Saved rule “${rule.name}”.`;
    });

  return (
    <section className="alerts-view" aria-label="Alerts" data-testid="alerts-view">
      <div className="table-tools">
        <label className="field check">
          <input
            type="checkbox"
            checked={record?.notify ?? false}
            onChange={(e) => act(() => actions.notify(e.target.checked))}
            data-testid="alerts-notify"
            disabled={!record}
          />
          Browser notifications when an alert fires (the browser asks for permission when you turn this on)
        </label>
      </div>
      {message ? (
        <p className={message.bad ? 'error-box' : 'muted'} role={message.bad ? 'alert' : 'status'} data-testid="alerts-message">
          {message.text.split('\n').map((line, i) => (
            <span key={i} className="alerts-message-line">
              <UserText text={line} />
            </span>
          ))}
        </p>
      ) : null}
      <AlertList events={firing} title="Firing" empty="No alert is firing." onOpen={onOpen} testId="alerts-firing" />
      <section aria-label="Rules" className="alerts-rules">
        <h3 className="section-title">
          Rules <span className="muted">({rules.length})</span>
        </h3>
        <div className="table-tools">
          <button type="button" className="button button-primary" onClick={() => setEditing(blankRule(freshId(rules)))} data-testid="rule-add">
            Add rule
          </button>
          <button
            type="button"
            className="button"
            onClick={() => act(async () => (await actions.reset(), 'Rules reset to the defaults.'))}
            data-testid="rules-reset"
          >
            Reset to defaults
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()} data-testid="rules-import">
            Import JSON…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Rules file to import"
            data-testid="rules-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) act(async () => `Imported ${await actions.importFile(file)} rules from ${file.name}.`);
            }}
          />
          <button type="button" className="button" onClick={() => act(async () => actions.exportFile())} data-testid="rules-export">
            Export JSON
          </button>
          <button
            type="button"
            className="button"
            onClick={() => act(async () => actions.exportPrometheus())}
            data-testid="rules-export-prometheus"
            title="Prometheus alerting rules (rules.yml) and a promtool test file for them"
          >
            Export for Prometheus
          </button>
        </div>
        {editing ? (
          <RuleForm
            key={editing.id}
            rule={editing}
            others={rules.filter((r) => r.id !== editing.id)}
            onSave={saveRule}
            onCancel={() => setEditing(undefined)}
          />
        ) : null}
        <div className="table-wrap">
          <table className="drift-table alerts-table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Series</th>
                <th scope="col">Condition</th>
                <th scope="col">For</th>
                <th scope="col">Severity</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} data-testid="rule-row" className={rule.enabled === false ? 'muted' : undefined}>
                  <td>
                    <UserText text={rule.name} />
                    {rule.enabled === false ? <span className="badge badge-muted">disabled</span> : null}
                  </td>
                  <td>
                    <code>
                      <UserText text={matchersText(rule)} clamp />
                    </code>
                  </td>
                  <td className="num">{`${rule.comparator} ${formatNumber(rule.threshold)}`}</td>
                  <td>{forText(rule)}</td>
                  <td>
                    <span className={SEVERITY_BADGE[rule.severity]}>{rule.severity}</span>
                  </td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => setEditing(rule)} aria-label={`Edit rule ${rule.name}`}>
                      Edit
                    </button>{' '}
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Remove rule ${rule.name}`}
                      onClick={() => act(async () => (await actions.save(rules.filter((r) => r.id !== rule.id)), `Removed rule “${rule.name}”.`))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AlertList events={resolved} title="Resolved" empty="No alert has resolved yet." onOpen={onOpen} testId="alerts-resolved" />
      <p className="muted small">
        Rules are evaluated whenever a cell, a timeline&apos;s windows or a batch is computed; the rules file format is in the README (Alert rules).
      </p>
    </section>
  );
}
