'use client';
import { Component, type ReactNode } from 'react';
import { UserText } from '../ui/UserText';
import { visibleControls } from '../../lib/format';

interface Props {
  /** What the cell is, for the message (its kind and title as stored). */
  kind: string;
  title: string;
  /** Deleting is always offered: a cell that cannot be shown must not trap the notebook. */
  onDelete: () => void;
  /** Shown instead of the children without rendering them (e.g. a kind this version does not know). */
  problem?: string;
  children: ReactNode;
}

interface State {
  error?: string;
}

/** A failed cell in place of one that cannot be shown: the rest of the notebook keeps working. */
export function FailedCell({ kind, title, message, onDelete }: { kind: string; title: string; message: string; onDelete: () => void }) {
  return (
    <article className="cell cell-error" data-testid="failed-cell" data-cell-kind={kind} aria-label={`Failed cell: ${visibleControls(title)}`} tabIndex={0}>
      <header className="cell-header">
        <div className="cell-heading-text">
          <span className="cell-kind">
            <UserText text={kind} /> <span className="badge badge-bad">failed</span>
          </span>
          <h2 className="cell-title">
            <UserText text={title} clamp />
          </h2>
        </div>
        <div className="cell-actions">
          <button type="button" className="tool-button danger" onClick={onDelete} aria-label="Delete cell" title="Delete">
            ✕
          </button>
        </div>
      </header>
      <div className="error-box" role="alert" data-testid="cell-error">
        <strong>This cell cannot be shown.</strong> <UserText text={message} />
      </div>
    </article>
  );
}

/**
 * One per cell: a cell whose kind is unknown (a backup from a newer version, a damaged file) or whose
 * rendering throws becomes a failed cell with its message, instead of unmounting the page.
 */
export class CellErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    const message = this.props.problem ?? this.state.error;
    if (message === undefined) return this.props.children;
    return <FailedCell kind={this.props.kind} title={this.props.title} message={message} onDelete={this.props.onDelete} />;
  }
}
