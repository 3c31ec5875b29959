import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeTimeline } from '../../../lib/notebook/kinds/timeline';
import { timelineSection } from '../../../lib/report/sections/timeline';
import { readFixture } from '../../support';

const newDocument = (): Document => parseHTML('<!doctype html><html><body></body></html>').document;
const read = (file: string) => ingestCsv(readFixture(`tests/fixtures/windows/${file}`), file);

describe('the timeline report section', () => {
  it('shows the note, the charts, the heatmap, the concept series and a row per window with its status', async () => {
    const input = { reference: await read('events-reference.csv'), current: await read('events-current.csv') };
    const result = await computeTimeline(input, {
      split: 'period',
      period: 'day',
      timestampColumn: 'ts',
      timeZone: 'Europe/Paris',
      scalar: 'column_drift_score',
      column: 'x1',
      concept: { task: 'classification', target: 'y_true', prediction: 'y_pred' },
    });
    const { document } = parseHTML(`<div id="s">${timelineSection(result, { document: newDocument() }).__html}</div>`);
    const section = document.getElementById('s')!;
    const rows = [...section.querySelectorAll('table.timeline-windows tbody tr')];
    expect(rows).toHaveLength(result.windows.length);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(
      result.windows.map((w) => (w.rows === 0 ? 'empty' : w.small ? 'small' : w.flagged ? 'flagged' : 'ok')),
    );
    expect(rows.filter((r) => r.getAttribute('data-status') === 'flagged').length).toBeGreaterThan(0);
    expect(section.querySelector('tr[data-status="empty"] td')?.textContent).toBe('2026-10-24');
    expect(section.querySelectorAll('svg')).toHaveLength(4);
    expect(section.textContent).toContain('daily windows of ts (Europe/Paris)');
    expect(section.textContent).toContain('threshold 0.05 (flagged at or below, the method');
    expect(section.textContent).toContain('2 current rows have no ts and are in no window');
    // Concept drift: error, Mann–Whitney p and z-test p per window.
    expect(rows[0]!.querySelectorAll('td')).toHaveLength(8);
  });
});
