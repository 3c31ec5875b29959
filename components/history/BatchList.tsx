'use client';
import { useState } from 'react';
import { formatCount, formatNumber } from '../../lib/format';
import { isIsoDate } from '../../lib/store/batches';
import type { BatchRecord } from '../../lib/store/types';
import { UserText } from '../ui/UserText';

interface Props {
  batches: BatchRecord[];
  pinnedSha256?: string;
  onRedate: (id: string, date: string) => void;
  onRemove: (batch: BatchRecord) => void;
  onOpen: (batch: BatchRecord) => void;
}

const share = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : formatNumber(v));

/** A batch's date, editable; saved when it is a calendar date (the native picker only makes those). */
function DateField({ batch, onRedate }: { batch: BatchRecord; onRedate: Props['onRedate'] }) {
  const [value, setValue] = useState(batch.date);
  const [shown, setShown] = useState(batch.date);
  // A new date from elsewhere (another tab, an undo) replaces what is typed.
  if (shown !== batch.date) {
    setShown(batch.date);
    setValue(batch.date);
  }
  return (
    <input
      type="date"
      value={value}
      aria-label={`Date of ${batch.dataset.name}`}
      data-testid="history-date"
      onChange={(event) => {
        setValue(event.target.value);
        if (isIsoDate(event.target.value) && event.target.value !== batch.date) onRedate(batch.id, event.target.value);
      }}
    />
  );
}

function Status({ batch, pinnedSha256 }: { batch: BatchRecord; pinnedSha256?: string }) {
  if (batch.error) return <UserText className="bad" text={`failed: ${batch.error.message}`} />;
  if (!batch.summary) return <span className="muted">not computed{pinnedSha256 ? '' : ' (pin a reference)'}</span>;
  if (batch.summary.reference.sha256 !== pinnedSha256) return <span className="muted">stale: another reference</span>;
  return batch.summary.datasetDrifted ? <strong className="bad">drift</strong> : <span>no drift</span>;
}

/** The batches by date: date (editable), file, rows, drift share, drifted columns, missing share, status, open and remove. */
export function BatchList({ batches, pinnedSha256, onRedate, onRemove, onOpen }: Props) {
  if (!batches.length) return <p className="muted">No batches yet: add a file above (one batch, or one per period of its timestamp column).</p>;
  return (
    <div className="table-wrap">
      <table className="drift-table metric-table" data-testid="history-list">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Batch</th>
            <th scope="col">Rows</th>
            <th scope="col">Drift share</th>
            <th scope="col">Drifted columns</th>
            <th scope="col">Missing share</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => {
            const current = batch.summary && batch.summary.reference.sha256 === pinnedSha256 ? batch.summary : undefined;
            return (
              <tr key={batch.id} data-testid="history-row">
                <td>
                  <DateField batch={batch} onRedate={onRedate} />
                </td>
                <td>
                  <UserText text={batch.dataset.name} clamp />
                  {batch.source.kind === 'period' ? (
                    <span className="muted">
                      {' '}
                      (period <UserText text={batch.source.label} />)
                    </span>
                  ) : null}
                </td>
                <td>{formatCount(batch.dataset.rows)}</td>
                <td data-testid="history-share">{share(current?.driftShare)}</td>
                <td>{current ? `${current.driftedColumns} / ${current.testedColumns}` : 'n/a'}</td>
                <td>{share(current?.missingShare)}</td>
                <td>
                  <Status batch={batch} pinnedSha256={pinnedSha256} />
                </td>
                <td className="row-actions">
                  <button type="button" className="button-link" onClick={() => onOpen(batch)} disabled={!pinnedSha256}>
                    Open
                  </button>{' '}
                  <button type="button" className="button-link" onClick={() => onRemove(batch)} aria-label={`Remove ${batch.dataset.name} (${batch.date})`}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
