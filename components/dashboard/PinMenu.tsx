'use client';
import { useMemo, useState } from 'react';
import { chartTile, statTile } from '../../lib/alerts/dashboard-tiles';
import { windowObservations } from '../../lib/alerts/observations';
import { samplesOf } from '../../lib/alerts/samples';
import type { DashboardTile, Sample } from '../../lib/alerts/types';
import { errorMessage } from '../../lib/errors';
import { isKnownKind, type CellRecord } from '../../lib/notebook';
import { cellCharts } from '../../lib/report/dashboard-charts';
import { pinTile } from '../../lib/store/dashboards';
import { getDb } from '../../lib/store/db';
import { UserText } from '../ui/UserText';
import { SeriesPicker, seriesOptionText } from './SeriesPicker';

/** The series a cell's latest result offers: a timeline's latest window, any other kind's catalogue samples. */
function cellSamples(cell: CellRecord): Sample[] {
  if (!cell.result) return [];
  if (cell.kind === 'timeline') return windowObservations(cell.workspaceId, cell, cell.result).at(-1)?.samples ?? [];
  return samplesOf(cell.kind, cell.result);
}

/** "Pin" in a cell's header: pins one of its catalogue numbers or one of its charts to the workspace's dashboard. */
export function PinMenu({ cell }: { cell: CellRecord }) {
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  const samples = useMemo(() => (open ? cellSamples(cell) : []), [open, cell]);
  const charts = useMemo(() => (open && isKnownKind(cell.kind) ? cellCharts(cell) : []), [open, cell]);
  if (!cell.result) return null;
  const pin = (tile: DashboardTile, what: string) =>
    void pinTile(getDb(), cell.workspaceId, tile)
      .then(() => {
        setSaid(`Pinned “${what}” to the dashboard.`);
        setOpen(false);
      })
      .catch((error: unknown) => setSaid(`Not pinned: ${errorMessage(error)}`));
  return (
    <span className="pin-menu">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Pin a number or a chart of this cell to the dashboard"
      >
        Pin
      </button>
      <span className="visually-hidden" role="status">
        {said}
      </span>
      {open ? (
        <div className="pin-panel" role="group" aria-label="Pin to the dashboard">
          {samples.length === 0 && charts.length === 0 ? <p className="muted small">This cell has no numbers or charts to pin.</p> : null}
          <SeriesPicker samples={samples} label="Number" onPin={(s) => pin(statTile(cell.id, s.metric, s.labels), seriesOptionText(s))} />
          {charts.map((chart) => (
            <div key={chart.id} className="pin-row">
              <span className="small">
                <UserText text={chart.label} />
              </span>
              <button type="button" className="button button-small" onClick={() => pin(chartTile(cell.id, chart.id), chart.label)}>
                Pin chart
              </button>
            </div>
          ))}
        </div>
      ) : null}
    </span>
  );
}
