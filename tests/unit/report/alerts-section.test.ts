import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { evaluateSequence } from '../../../lib/alerts';
import type { AlertRule, Observation } from '../../../lib/alerts/types';
import { alertsSection, REPORT_MAX_EVENTS } from '../../../lib/report/alerts-section';
import { toWorkspaceReport } from '../../../lib/report/workspace-report';

const HOSTILE = 'a"b\\c\n\u202E<img src=x onerror=alert(1)>';

const rule: AlertRule = {
  id: 'psi',
  name: `PSI of ${HOSTILE}`,
  metric: 'column_drift_score',
  labels: { method: 'psi' },
  comparator: '>',
  threshold: 0.2,
  for: '0s',
  severity: 'warning',
  summary: 'PSI of {{ $labels.column }} is {{ $value }}',
};

/** A cell's runs with one column's PSI: over, over, under, over (fires, resolves, fires again). */
const observations = [0.5, 0.6, 0.1, 0.3].map((value, i): Observation => ({
  at: `2026-01-0${i + 1}T00:00:00.000Z`,
  source: { workspaceId: 'w', key: 'cell:c1', cellId: 'c1', cellTitle: `Cell ${HOSTILE}` },
  samples: [{ metric: 'column_drift_score', labels: { column: HOSTILE, method: 'psi' }, value }],
}));
const { events } = evaluateSequence([rule], observations);

describe('the report’s Alerts section', () => {
  it('lists the rules, what fires at export and every event newest first, linked to the cell’s section, user text escaped and isolated', () => {
    expect(events.map((e) => e.state)).toEqual(['firing', 'resolved', 'firing']);
    const markup = alertsSection({ rules: [rule], events, cellIds: ['other', 'c1'] }).__html;
    const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
    expect(document.querySelector('img')).toBeNull();
    expect(markup).not.toContain('\u202E');
    expect(markup).toContain('⟨U+202E⟩');
    const meta = document.querySelector('p.meta')!.textContent;
    expect(meta).toBe('1 rule · 1 firing at export · 3 events');
    const [rules, firing, all] = [...document.querySelectorAll('table')];
    expect(rules!.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(firing!.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(firing!.querySelector('time')!.getAttribute('datetime')).toBe('2026-01-04T00:00:00.000Z');
    const rows = [...all!.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('time')!.textContent, tr.children[1]!.textContent]);
    expect(rows).toEqual([
      ['2026-01-04T00:00:00.000Z', 'firing'],
      ['2026-01-03T00:00:00.000Z', 'resolved'],
      ['2026-01-01T00:00:00.000Z', 'firing'],
    ]);
    // The cell is the report's second: its section is #cell-1.
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#cell-1', '#cell-1', '#cell-1', '#cell-1']);
    expect(document.querySelectorAll('bdi').length).toBeGreaterThan(6);
  });

  it('caps the listed events and says so; without alerts the report has no section', async () => {
    const many = Array.from({ length: REPORT_MAX_EVENTS + 5 }, (_, i) => ({
      ...events[0]!,
      id: `e${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    }));
    const markup = alertsSection({ rules: [], events: many, cellIds: [] }).__html;
    expect(markup).toContain(`(the newest ${REPORT_MAX_EVENTS} listed)`);
    expect(markup).not.toContain('href="#cell-');
    const base = { title: 'W', appVersion: '0.1.0', engineVersion: 1, exportedAt: '2026-01-05T00:00:00.000Z', datasets: [], cells: [] };
    const document = parseHTML('<!doctype html><html><body></body></html>').document;
    expect(await toWorkspaceReport(base, { document })).not.toContain('id="alerts"');
    expect(await toWorkspaceReport({ ...base, alerts: { rules: [rule], events, cellIds: [] } }, { document })).toContain('id="alerts"');
  });
});
