'use client';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DatasetMeta } from '../../lib/data/types';
import { cellSpec, type InputSlot } from '../../lib/notebook';
import { PinMenu } from '../dashboard/PinMenu';
import { SegmentField } from './SegmentField';
import type { CellRecord } from '../../lib/store/types';
import { formatDuration } from '../format';
import { UserText } from '../ui/UserText';
import { columnNames } from '../column-names';
import { visibleControls } from '../../lib/format';

export interface CellFrameActions {
  onRun: () => void;
  onCancel: () => void;
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onCollapse: (collapsed: boolean) => void;
  onRename: (title: string) => void;
  onInputs: (slot: InputSlot, dataset: DatasetMeta | undefined) => void;
  /** Sets (or clears, with undefined) the segment of one input: an arquero filter expression. */
  onSegment: (slot: InputSlot, segment: string | undefined) => void;
  onExport: () => void;
  /** Shift+Enter: run this cell, then focus the next one (as in Jupyter). */
  onRunAndNext: () => void;
}

interface Props extends CellFrameActions {
  cell: CellRecord;
  stale: boolean;
  first: boolean;
  last: boolean;
  datasets: DatasetMeta[];
  progress?: { done: number; total: number };
  children: ReactNode;
}

function StatusBadge({ cell, stale }: { cell: CellRecord; stale: boolean }) {
  if (cell.status === 'running') return <span className="badge badge-muted">running</span>;
  if (cell.status === 'error') return <span className="badge badge-bad">failed</span>;
  if (stale)
    return (
      <span className="badge badge-warn" title="Its settings or input data changed since the last run">
        stale
      </span>
    );
  if (cell.status === 'idle' && cellSpec(cell.kind).compute) return <span className="badge badge-muted">not run</span>;
  return null;
}

function Title({ cell, onRename }: { cell: CellRecord; onRename: (title: string) => void }) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <h2 className="cell-title">
        <button type="button" className="title-button" onClick={() => setEditing(true)} title="Rename this cell">
          <UserText text={cell.title} clamp />
        </button>
      </h2>
    );
  }
  return (
    <form
      className="title-form"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('title');
        if (typeof value === 'string' && value.trim()) onRename(value.trim());
        setEditing(false);
      }}
    >
      <input
        name="title"
        className="title-input"
        defaultValue={cell.title}
        aria-label="Cell title"
        autoFocus
        onBlur={(e) => e.currentTarget.form?.requestSubmit()}
      />
    </form>
  );
}

function InputPicker({
  cell,
  datasets,
  onInputs,
  onSegment,
}: {
  cell: CellRecord;
  datasets: DatasetMeta[];
  onInputs: Props['onInputs'];
  onSegment: Props['onSegment'];
}) {
  const spec = cellSpec(cell.kind);
  const required: readonly InputSlot[] = spec.inputs.required;
  const slots = [...required, ...spec.inputs.optional];
  if (slots.length === 0) return null;
  return (
    <div className="cell-inputs">
      {slots.map((slot) => {
        const chosen = cell.inputs[slot]?.id;
        const dataset = datasets.find((d) => d.id === chosen);
        const known = dataset !== undefined;
        const name = spec.inputs.labels?.[slot] ?? slot;
        return (
          <div key={slot} className="input-slot">
            <label className="input-pick">
              <span className={`drop-dot dot-${slot}`} aria-hidden="true" />
              <span className="muted">{name}</span>
              <select
                value={chosen ?? ''}
                aria-label={`${name} dataset of ${visibleControls(cell.title)}`}
                onChange={(e) =>
                  onInputs(
                    slot,
                    datasets.find((d) => d.id === e.target.value),
                  )
                }
                disabled={cell.status === 'running'}
              >
                {!chosen || !required.includes(slot) ? <option value="">{required.includes(slot) ? 'choose…' : 'none'}</option> : null}
                {chosen && !known ? <option value={chosen}>(deleted dataset)</option> : null}
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {visibleControls(d.name)}
                  </option>
                ))}
              </select>
            </label>
            {chosen ? (
              <SegmentField
                slot={slot}
                value={cell.inputs[slot]?.segment}
                columns={columnNames(dataset)}
                disabled={cell.status === 'running'}
                onChange={(segment) => onSegment(slot, segment)}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The inputs' segments, shown under the title so a filtered result is never mistaken for the whole dataset. */
function Segments({ cell }: { cell: CellRecord }) {
  const labels = cellSpec(cell.kind).inputs.labels;
  const shown = (['reference', 'current'] as const).flatMap((slot) => {
    const segment = cell.inputs[slot]?.segment;
    return segment ? [{ slot, segment }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <p className="cell-segments muted small" data-testid="cell-segments">
      {shown.map(({ slot, segment }) => (
        <span key={slot} className="cell-segment">
          {labels?.[slot] ?? slot} segment{' '}
          <code>
            <UserText text={segment} />
          </code>{' '}
        </span>
      ))}
    </p>
  );
}

/** Every cell's frame: header (kind, title, status, inputs, actions), progress, error, then the kind's body. */
export function CellFrame(props: Props) {
  const { cell, stale, first, last, datasets, progress, children } = props;
  const spec = cellSpec(cell.kind);
  const running = cell.status === 'running';
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const fromField = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      props.onRunAndNext();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !fromField) {
      e.preventDefault();
      props.onMove(e.key === 'ArrowUp' ? -1 : 1);
    }
  };
  return (
    <article
      className={`cell cell-${cell.status}${stale ? ' cell-stale' : ''}${cell.collapsed ? ' cell-collapsed' : ''}`}
      data-testid={`${cell.kind}-cell`}
      data-cell-kind={cell.kind}
      aria-busy={running}
      aria-label={`${spec.label}: ${visibleControls(cell.title)}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <header className="cell-header">
        <div className="cell-heading">
          <button
            type="button"
            className="collapse-button"
            aria-expanded={!cell.collapsed}
            aria-label={cell.collapsed ? 'Expand cell' : 'Collapse cell'}
            onClick={() => props.onCollapse(!cell.collapsed)}
          >
            {cell.collapsed ? '▸' : '▾'}
          </button>
          <div className="cell-heading-text">
            <span className="cell-kind">
              {spec.label} <StatusBadge cell={cell} stale={stale} />
              {cell.status === 'ok' && cell.durationMs !== undefined && spec.compute ? (
                <span className="muted cell-duration">{cell.durationMs === 0 ? 'cached' : formatDuration(cell.durationMs)}</span>
              ) : null}
            </span>
            <Title cell={cell} onRename={props.onRename} />
            <Segments cell={cell} />
          </div>
        </div>
        <div className="cell-actions">
          {spec.compute ? (
            running ? (
              <button type="button" className="button" onClick={props.onCancel}>
                Cancel
              </button>
            ) : (
              <button
                type="button"
                className={`button${stale || cell.status === 'idle' ? ' button-primary' : ''}`}
                onClick={props.onRun}
                title="Run (Shift+Enter)"
              >
                {cell.status === 'idle' ? 'Run' : 'Run again'}
              </button>
            )
          ) : null}
          {spec.compute ? (
            <button type="button" className="button" onClick={props.onExport} disabled={!cell.result} title="This cell as a self-contained HTML report">
              Export report
            </button>
          ) : null}
          {spec.compute ? <PinMenu cell={cell} /> : null}
          <span className="cell-tools" role="group" aria-label="Cell tools">
            <button type="button" className="tool-button" onClick={() => props.onMove(-1)} disabled={first} aria-label="Move cell up" title="Move up (Alt+↑)">
              ↑
            </button>
            <button type="button" className="tool-button" onClick={() => props.onMove(1)} disabled={last} aria-label="Move cell down" title="Move down (Alt+↓)">
              ↓
            </button>
            <button type="button" className="tool-button" onClick={props.onDuplicate} aria-label="Duplicate cell" title="Duplicate">
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
                <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
                <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" />
              </svg>
            </button>
            <button type="button" className="tool-button danger" onClick={props.onDelete} aria-label="Delete cell" title="Delete">
              ✕
            </button>
          </span>
        </div>
      </header>
      {cell.collapsed ? null : (
        <>
          <InputPicker cell={cell} datasets={datasets} onInputs={props.onInputs} onSegment={props.onSegment} />
          {running ? (
            <div className="cell-progress" role="status">
              <progress max={progress?.total ?? 1} value={progress?.done} aria-label={`${spec.label} progress`} />
              <span className="muted">{progress ? `${progress.done} of ${progress.total} columns` : 'Computing in a worker…'}</span>
            </div>
          ) : null}
          {cell.status === 'error' && cell.error ? (
            <div className="error-box" role="alert" data-testid="cell-error">
              <strong>This cell failed.</strong> <UserText text={cell.error.message} />
              {cell.result ? <span className="muted"> The last good result is shown below.</span> : null}
            </div>
          ) : null}
          {children}
        </>
      )}
    </article>
  );
}
