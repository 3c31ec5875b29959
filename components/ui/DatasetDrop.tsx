'use client';
import { useId, useState, type DragEvent } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { formatCount } from '../format';

export type DropState =
  | { status: 'empty' }
  | { status: 'loading'; name: string }
  | { status: 'ready'; dataset: DatasetMeta }
  | { status: 'error'; name: string; message: string };

interface Props {
  role: 'reference' | 'current';
  state: DropState;
  onFile: (file: File) => void;
  onCancel: () => void;
}

const LABELS = {
  reference: { title: 'Reference', hint: 'the baseline: training or last known-good data' },
  current: { title: 'Current', hint: 'the data to check: this week, the latest batch' },
};

/** A drop zone and file picker for one side of a comparison; parsing happens in the worker. */
export function DatasetDrop({ role, state, onFile, onCancel }: Props) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const label = LABELS[role];
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div className={`drop drop-${role}`} data-testid={`drop-${role}`}>
      <label
        htmlFor={inputId}
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className={`drop-dot dot-${role}`} aria-hidden="true" />
        <span className="drop-text">
          <strong>{label.title} dataset</strong>
          <span className="muted">{label.hint}</span>
          {state.status === 'ready' ? (
            <span className="drop-file" data-testid={`${role}-dataset`}>
              {state.dataset.name} · {formatCount(state.dataset.rows)} rows × {state.dataset.schema.length} columns ·{' '}
              <code title={state.dataset.sha256}>{state.dataset.sha256.slice(0, 12)}</code>
            </span>
          ) : state.status === 'loading' ? (
            <span className="drop-file">Parsing {state.name} in a worker…</span>
          ) : (
            <span className="drop-cta">Drop a CSV or TSV here, or click to choose</span>
          )}
        </span>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values"
          aria-label={`${label.title} CSV file`}
          data-testid={`${role}-input`}
          className="visually-hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
      </label>
      {state.status === 'loading' ? (
        <div className="drop-progress" role="status">
          <progress aria-label={`Parsing ${state.name}`} />
          <button type="button" className="button-link" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.status === 'error' ? (
        <p className="error-message" role="alert" data-testid={`${role}-error`}>
          <strong>{state.name}:</strong> {state.message}
        </p>
      ) : null}
    </div>
  );
}
