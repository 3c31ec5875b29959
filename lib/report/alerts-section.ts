/**
 * The workspace report's Alerts section: the rules as they stood at export, the alerts firing at
 * export and the events (firing and resolved), newest first, each linked to its cell's section.
 * Every user string (rule names, labels, summaries, cell titles) goes through userText.
 */
import { firingNow } from '../alerts/evaluate';
import type { AlertEvent, AlertRule, Severity } from '../alerts/types';
import { html, userText, type SafeHtml } from './escape';
import { formatCount, formatNumber } from './format';

/** What the report shows of a workspace's alerts (absent: no section). */
export interface ReportAlerts {
  rules: AlertRule[];
  events: AlertEvent[];
  /** The ids of the report's cells, in its order (an event links to its cell's section). */
  cellIds: string[];
}

/** At most this many events are listed (the newest); the count says how many there were. */
export const REPORT_MAX_EVENTS = 500;

const SEVERITY_CLASS: Record<Severity, string> = { critical: 'bad', warning: 'idle', info: 'good' };

const labelsText = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');

const forText = (rule: AlertRule): string => (typeof rule.for === 'string' ? rule.for : `${rule.for.consecutive} in a row`);

/** The source as a link to its cell's section when that cell is in the report. */
function sourceCell(event: AlertEvent, cellIndex: (cellId: string) => number): SafeHtml {
  const { source } = event;
  if (source.batch) return html`Batch ${userText(source.batch.date)}${source.batch.name ? html` · ${userText(source.batch.name)}` : ''}`;
  const title = userText(source.cellTitle ?? source.cellId ?? source.key);
  const window = source.window ? html` · window ${userText(source.window.label)}` : '';
  const index = source.cellId === undefined ? -1 : cellIndex(source.cellId);
  return index >= 0 ? html`<a href="#cell-${index}">${title}</a>${window}` : html`${title}${window}`;
}

function eventRows(events: readonly AlertEvent[], cellIndex: (cellId: string) => number): SafeHtml {
  return html`<div class="table-wrap"><table><thead><tr><th>Time</th><th>State</th><th>Rule</th><th>Severity</th><th class="num">Value</th><th>Summary</th><th>Source</th></tr></thead><tbody>
${events.map(
  (e) =>
    html`<tr><td><time datetime="${e.at}">${e.at}</time></td><td>${e.state}</td><td>${userText(e.ruleName)}${
      Object.keys(e.labels).length ? html`<br><span class="meta">${userText(labelsText(e.labels))}</span>` : ''
    }</td><td><span class="badge ${SEVERITY_CLASS[e.severity]}">${e.severity}</span></td><td class="num">${e.value === null ? '—' : formatNumber(e.value)} ${e.comparator} ${formatNumber(e.threshold)}</td><td>${userText(e.summary)}</td><td>${sourceCell(e, cellIndex)}</td></tr>\n`,
)}</tbody></table></div>`;
}

/** The section (events of cells not in the report are listed, without a link). */
export function alertsSection(alerts: ReportAlerts): SafeHtml {
  const cellIndex = (cellId: string) => alerts.cellIds.indexOf(cellId);
  const firing = firingNow(alerts.events);
  const newest = [...alerts.events].reverse().slice(0, REPORT_MAX_EVENTS);
  const rules = html`<div class="table-wrap"><table><thead><tr><th>Rule</th><th>Series</th><th>Condition</th><th>For</th><th>Severity</th></tr></thead><tbody>
${alerts.rules.map(
  (r) =>
    html`<tr><td>${userText(r.name)}${r.enabled === false ? ' (disabled)' : ''}</td><td><code>${userText(`${r.metric}{${labelsText(r.labels)}}`)}</code></td><td class="num">${r.comparator} ${formatNumber(r.threshold)}</td><td>${forText(r)}</td><td><span class="badge ${SEVERITY_CLASS[r.severity]}">${r.severity}</span></td></tr>\n`,
)}</tbody></table></div>`;
  return html`<section class="report-cell" id="alerts" aria-labelledby="alerts-title"><h2 id="alerts-title"><span class="kind">Alerts</span>Alert rules and events</h2>
<p class="meta">${formatCount(alerts.rules.length)} ${alerts.rules.length === 1 ? 'rule' : 'rules'} · ${formatCount(firing.length)} firing at export · ${formatCount(alerts.events.length)} ${alerts.events.length === 1 ? 'event' : 'events'}${
    alerts.events.length > REPORT_MAX_EVENTS ? html` (the newest ${formatCount(REPORT_MAX_EVENTS)} listed)` : ''
  }</p>
${rules}
<h3>Firing at export</h3>
${firing.length ? eventRows(firing, cellIndex) : html`<p class="meta">No alert was firing.</p>`}
<h3>Events</h3>
${newest.length ? eventRows(newest, cellIndex) : html`<p class="meta">No alert has fired.</p>`}
</section>`;
}
