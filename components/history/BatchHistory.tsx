'use client';
import { useId, useState } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import type { ReadChoices } from '../../lib/engine';
import { formatCount } from '../../lib/format';
import { PERIODS, type Period } from '../../lib/stream/windows';
import { isIsoDate, todayIso } from '../../lib/store/batches';
import type { DriftbookDb } from '../../lib/store/db';
import type { BatchRecord, WorkspaceRecord } from '../../lib/store/types';
import { getClient } from '../engine';
import { useBatchHistory, type BatchSplit } from '../hooks/useBatchHistory';
import type { ToastState } from '../ui/Toast';
import { UserText } from '../ui/UserText';
import { BatchCharts } from './BatchCharts';
import { BatchList } from './BatchList';

interface Props {
  db: DriftbookDb;
  workspace: WorkspaceRecord;
  /** The library's datasets (a reference can be pinned from them; batches are opened with them). */
  datasets: DatasetMeta[];
  readChoices: ReadChoices;
  /** A file was stored: the library lists it. */
  onStored: () => void;
  /** Opens a batch in full detail: the preset's cells for the reference and the batch, in the notebook. */
  onOpen: (reference: DatasetMeta, batch: DatasetMeta) => Promise<void>;
  notify: (toast: ToastState) => void;
  fail: (error: unknown) => void;
}

const ACCEPT = '.csv,.tsv,.tab,.txt,.parquet,.arrow,.arrows,.feather,.ipc,.jsonl,.ndjson,text/csv,text/tab-separated-values';

/**
 * "Batch history": a pinned reference and the batches compared with it over time. Each added file is a
 * batch (or one per calendar period of a timestamp column) with a date; its drift share, per-column
 * drift and missing share are computed against the reference's cached profiles and drawn as a series.
 */
export function BatchHistory({ db, workspace, datasets, readChoices, onStored, onOpen, notify, fail }: Props) {
  const { batches, points, pinned, busy, actions } = useBatchHistory(db, workspace);
  const [date, setDate] = useState(() => todayIso());
  const [period, setPeriod] = useState<Period | 'file'>('file');
  const [timestampColumn, setTimestampColumn] = useState('timestamp');
  const ids = { reference: useId(), batch: useId(), date: useId(), period: useId(), column: useId(), choose: useId() };
  const reference = pinned && datasets.find((d) => d.id === pinned.id);

  const store = async (file: File) => {
    const meta = await getClient().store(file, file.name, undefined, readChoices);
    onStored();
    return meta;
  };
  const pinFile = (file: File) => void store(file).then(actions.pin).catch(fail);
  const addFiles = (files: File[]) => {
    if (!isIsoDate(date)) return fail(new Error(`batch date: ${date || 'empty'} is not a calendar date — choose one (YYYY-MM-DD)`));
    const split: BatchSplit = period === 'file' ? { by: 'file' } : { by: 'period', period, timestampColumn };
    void (async () => {
      let added = 0;
      for (const file of files) added += await actions.add(await store(file), date, split);
      notify({ message: `${added} batch${added === 1 ? '' : 'es'} added${pinned ? '' : ' — pin a reference to compute them'}` });
    })().catch(fail);
  };
  const remove = (batch: BatchRecord) =>
    void actions
      .remove(batch.id)
      .then((removed) => notify({ message: `Batch ${batch.dataset.name} (${batch.date}) removed`, undo: () => actions.undoRemove(removed) }))
      .catch(fail);
  const open = (batch: BatchRecord) => {
    const data = datasets.find((d) => d.id === batch.dataset.id);
    if (!reference || !data) return fail(new Error(`batch ${batch.dataset.name}: its data or the reference is no longer in the library — add the file again`));
    void onOpen(reference, data).catch(fail);
  };

  return (
    <section className="history" aria-labelledby="history-title" data-testid="history">
      <h2 className="section-title" id="history-title">
        Batch history
      </h2>
      <p className="muted">
        Pin a reference, then add each new batch (a daily or weekly file) with its date: its drift and missing share are computed against the reference&apos;s
        stored profiles (the reference is not read again) and the history grows by one point.
      </p>
      <div className="history-controls">
        <div className="history-pin" data-testid="history-reference">
          <strong>Reference:</strong>{' '}
          {reference ? (
            <span data-testid="history-pinned">
              <UserText text={reference.name} clamp /> · {formatCount(reference.rows)} rows
            </span>
          ) : pinned ? (
            <span className="bad">the pinned dataset is no longer in the library</span>
          ) : (
            <span className="muted">none pinned</span>
          )}
          <label className="field" htmlFor={ids.choose}>
            Pin a stored dataset
            <select
              id={ids.choose}
              value=""
              onChange={(event) => {
                const chosen = datasets.find((d) => d.id === event.target.value);
                if (chosen) void actions.pin(chosen).catch(fail);
              }}
            >
              <option value="">Choose…</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({formatCount(d.rows)} rows)
                </option>
              ))}
            </select>
          </label>
          <label className="button" htmlFor={ids.reference}>
            Pin a file…
          </label>
          <input
            id={ids.reference}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            aria-label="Reference file to pin"
            data-testid="history-reference-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) pinFile(file);
              event.target.value = '';
            }}
          />
        </div>
        <div className="history-add">
          <label className="field" htmlFor={ids.date}>
            Batch date
            <input id={ids.date} type="date" value={date} onChange={(event) => setDate(event.target.value)} data-testid="history-new-date" />
          </label>
          <label className="field" htmlFor={ids.period}>
            Split
            <select id={ids.period} value={period} onChange={(event) => setPeriod(event.target.value as Period | 'file')}>
              <option value="file">one batch per file</option>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  one batch per {p} (dated by its first day)
                </option>
              ))}
            </select>
          </label>
          {period === 'file' ? null : (
            <label className="field" htmlFor={ids.column}>
              Timestamp column
              <input id={ids.column} value={timestampColumn} onChange={(event) => setTimestampColumn(event.target.value)} />
            </label>
          )}
          <label
            className="drop-zone history-drop"
            htmlFor={ids.batch}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              addFiles([...event.dataTransfer.files]);
            }}
          >
            <span className="drop-cta">Drop batch files here, or click to choose</span>
          </label>
          <input
            id={ids.batch}
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            aria-label="Batch files to add"
            data-testid="history-batch-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) addFiles(files);
            }}
          />
        </div>
      </div>
      {busy ? (
        <p className="muted" role="status" data-testid="history-busy">
          <UserText text={busy} />
        </p>
      ) : null}
      {batches.some((b) => b.summary && b.summary.reference.sha256 !== pinned?.sha256) || batches.some((b) => b.error) ? (
        <button type="button" className="button" onClick={() => void actions.recompute().catch(fail)}>
          Recompute against the pinned reference
        </button>
      ) : null}
      <BatchCharts points={points} />
      <BatchList batches={batches} pinnedSha256={pinned?.sha256} onRedate={(id, d) => void actions.redate(id, d).catch(fail)} onRemove={remove} onOpen={open} />
    </section>
  );
}
