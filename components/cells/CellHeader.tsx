'use client';
import type { ReactNode } from 'react';
import type { CellRecord } from '../../lib/store/types';
import { UserText } from '../ui/UserText';

interface Props {
  cell: CellRecord;
  kindLabel: string;
  onRun: () => void;
  onCancel: () => void;
  /** Extra actions after Run again / Cancel (e.g. Export report). */
  children?: ReactNode;
}

/** Every cell's header: its kind, title, and Run again (or Cancel while it runs). */
export function CellHeader({ cell, kindLabel, onRun, onCancel, children }: Props) {
  return (
    <header className="cell-header">
      <div>
        <span className="cell-kind">{kindLabel}</span>
        <h2 className="cell-title">
          <UserText text={cell.title} clamp />
        </h2>
      </div>
      <div className="cell-actions">
        {cell.status === 'running' ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button" onClick={onRun}>
            Run again
          </button>
        )}
        {children}
      </div>
    </header>
  );
}
