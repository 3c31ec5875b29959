'use client';
import type { AlertEvent, AlertSource, Severity } from '../../lib/alerts/types';
import { formatNumber } from '../../lib/format';
import { UserText } from '../ui/UserText';

export const SEVERITY_BADGE: Record<Severity, string> = { critical: 'badge badge-bad', warning: 'badge badge-warn', info: 'badge badge-muted' };

/** Where an alert's numbers came from, as the link says it: the cell (and its window), or the batch. */
export function sourceText(source: AlertSource): string {
  if (source.batch) return `Batch ${source.batch.date}${source.batch.name ? ` · ${source.batch.name}` : ''}`;
  const cell = source.cellTitle ?? source.cellId ?? source.key;
  return source.window ? `${cell} · window ${source.window.label}` : cell;
}

/** "2026-12-06 07:21:53 UTC" (the ISO time to the second; the full one is in the element's dateTime). */
const timeText = (at: string): string => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 19)} UTC` : at);

const labelsText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');

/** Firing or resolved alerts: time, rule, severity, value, summary, and a link to the source. */
export function AlertList({
  events,
  title,
  empty,
  onOpen,
  testId,
}: {
  events: readonly AlertEvent[];
  title: string;
  empty: string;
  onOpen: (source: AlertSource) => void;
  testId: string;
}) {
  return (
    <section className="alerts-list" aria-label={title} data-testid={testId}>
      <h3 className="section-title">
        {title} <span className="muted">({events.length})</span>
      </h3>
      {events.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="drift-table alerts-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-testid="alert-row">
                  <td>
                    <time dateTime={e.at}>{timeText(e.at)}</time>
                  </td>
                  <td>
                    <UserText text={e.ruleName} />
                    {Object.keys(e.labels).length ? (
                      <div className="small muted">
                        <UserText text={labelsText(e.labels)} clamp />
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <span className={SEVERITY_BADGE[e.severity]}>{e.severity}</span>
                  </td>
                  <td className="num">
                    {e.value === null ? '—' : formatNumber(e.value)} <span className="muted small">{`${e.comparator} ${formatNumber(e.threshold)}`}</span>
                  </td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => onOpen(e.source)} data-testid="alert-source">
                      <UserText text={sourceText(e.source)} clamp />
                    </button>
                  </td>
                  <td className="alert-summary">
                    <UserText text={e.summary} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
