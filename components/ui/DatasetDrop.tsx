'use client';
import { useId, useState, type DragEvent } from 'react';
import type { ColumnRole, ColumnType, DatasetMeta } from '../../lib/data/types';
import { RolePanel } from './RolePanel';
import type { ReadProgress } from '../../lib/data/reader-types';
import { formatCount } from '../format';
import { UserText } from './UserText';
import { visibleControls } from '../../lib/format';

const MB = 1024 * 1024;

/** "12.5 of 137 MB · 91,000 rows · 48 MB/s" while a file parses. */
function progressText(state: { progress?: ReadProgress; startedAt: number }): string {
  const p = state.progress;
  if (!p) return 'starting…';
  const seconds = (performance.now() - state.startedAt) / 1000;
  const size = p.totalBytes ? ` of ${(p.totalBytes / MB).toFixed(1)} MB` : ' MB';
  const rate = seconds > 0.2 ? ` · ${(p.bytes / MB / seconds).toFixed(0)} MB/s` : '';
  const phase = p.phase === 'rescan' ? ' (second pass for re-typed columns)' : '';
  return `${(p.bytes / MB).toFixed(1)}${size} · ${formatCount(p.rows)} rows${rate}${phase}`;
}

export type DropState =
  | { status: 'empty' }
  | { status: 'loading'; name: string; progress?: ReadProgress; startedAt: number }
  | { status: 'ready'; dataset: DatasetMeta }
  | { status: 'error'; name: string; message: string; code?: string; retry?: () => void; retryLabel?: string };

interface Props {
  role: 'reference' | 'current';
  state: DropState;
  onFile: (file: File) => void;
  onCancel: () => void;
  onRoles: (roles: Record<string, ColumnRole>) => void;
  onTypes: (types: Record<string, ColumnType>) => void;
}

const LABELS = {
  reference: { title: 'Reference', hint: 'the baseline: training or last known-good data' },
  current: { title: 'Current', hint: 'the data to check: this week, the latest batch' },
};

/** A drop zone and file picker for one side of a comparison; parsing happens in the worker. */
export function DatasetDrop({ role, state, onFile, onCancel, onRoles, onTypes }: Props) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const label = LABELS[role];
  // A .dbprofile's columns keep the types and roles it was profiled with: no role panel for it.
  const profileOnly = state.status === 'ready' && state.dataset.format === 'dbprofile';
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
              <UserText text={state.dataset.name} clamp />
              {profileOnly ? (
                <>
                  {' '}
                  <span className="badge badge-muted">profile</span>
                </>
              ) : null}{' '}
              · {formatCount(state.dataset.rows)} rows × {formatCount(state.dataset.schema.length)} columns ·{' '}
              <code title={state.dataset.sha256}>{state.dataset.sha256.slice(0, 12)}</code>
              {state.dataset.warnings.length ? (
                <span className="drop-warnings" title={visibleControls(state.dataset.warnings.join('\n'), { lines: true })} data-testid={`${role}-warnings`}>
                  {' '}
                  · {state.dataset.warnings.join('; ')}
                </span>
              ) : null}
            </span>
          ) : state.status === 'loading' ? (
            <span className="drop-file">
              Parsing <UserText text={state.name} clamp /> in a worker…
            </span>
          ) : (
            <span className="drop-cta">
              Drop a CSV, TSV, Parquet, Arrow or JSON Lines file (or a Prometheus query_range JSON / Grafana CSV export, or a .dbprofile), or click to choose
            </span>
          )}
        </span>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.tab,.txt,.parquet,.arrow,.arrows,.feather,.ipc,.jsonl,.ndjson,.json,.dbprofile,text/csv,text/tab-separated-values,application/json"
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
          <progress
            aria-label={`Parsing ${visibleControls(state.name)}`}
            max={state.progress?.totalBytes || undefined}
            value={state.progress?.totalBytes ? state.progress.bytes : undefined}
          />
          <span className="muted progress-text" data-testid={`${role}-progress`}>
            {progressText(state)}
          </span>
          <button type="button" className="button-link" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.status === 'ready' && !profileOnly ? <RolePanel dataset={state.dataset} onRoles={onRoles} onTypes={onTypes} /> : null}
      {state.status === 'error' ? (
        <div className="error-message" role="alert" data-testid={`${role}-error`}>
          <strong>
            <UserText text={state.name} clamp />:
          </strong>{' '}
          <UserText text={state.message} />
          {state.retry ? (
            <button type="button" className="button retry" onClick={state.retry}>
              {state.retryLabel}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
