'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { BATCH_HISTORY_SOURCE, statTile } from '../../lib/alerts/dashboard-tiles';
import { batchObservations } from '../../lib/alerts/observations';
import { listBatches } from '../../lib/store/batches';
import { pinTile } from '../../lib/store/dashboards';
import type { DriftbookDb } from '../../lib/store/db';
import { SeriesPicker, seriesOptionText } from './SeriesPicker';

/** Pins a series of the workspace's batch history (its latest batch's numbers; the tile follows every batch). */
export function BatchPin({
  db,
  workspaceId,
  fail,
  onPinned,
}: {
  db: DriftbookDb;
  workspaceId: string;
  fail: (e: unknown) => void;
  onPinned: (title: string) => void;
}) {
  const batches = useLiveQuery(() => listBatches(db, workspaceId), [db, workspaceId]);
  const [open, setOpen] = useState(false);
  const samples = useMemo(() => {
    const summarized = (batches ?? []).flatMap((b) => (b.summary ? [{ id: b.id, date: b.date, name: b.dataset.name, summary: b.summary }] : []));
    return batchObservations(workspaceId, summarized).at(-1)?.samples ?? [];
  }, [batches, workspaceId]);
  if (samples.length === 0) return null;
  return (
    <div className="pin-menu">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Pin from batch history
      </button>
      {open ? (
        <div className="pin-panel" role="group" aria-label="Pin a batch history series">
          <SeriesPicker
            samples={samples}
            label="Series of the batch history"
            onPin={(s) =>
              void pinTile(db, workspaceId, statTile(BATCH_HISTORY_SOURCE, s.metric, s.labels))
                .then(() => {
                  setOpen(false);
                  onPinned(seriesOptionText(s));
                })
                .catch(fail)
            }
          />
        </div>
      ) : null}
    </div>
  );
}
