'use client';
import { useEffect, useState } from 'react';
import { UserText } from './UserText';

export interface ToastState {
  message: string;
  tone?: 'bad';
  /** Offered for 10 s (deleting a workspace or a cell). */
  undo?: () => Promise<void>;
}

const UNDO_MS = 10_000;

/** A status line at the bottom: what just happened, with Undo when it can be taken back. */
export function Toast({ state, onClose }: { state?: ToastState; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!state) return;
    const timer = setTimeout(onClose, state.tone === 'bad' ? 15_000 : UNDO_MS);
    return () => clearTimeout(timer);
  }, [state, onClose]);
  if (!state) return null;
  return (
    <div className={`toast${state.tone === 'bad' ? ' toast-bad' : ''}`} role={state.tone === 'bad' ? 'alert' : 'status'} data-testid="toast">
      <UserText text={state.message} className="toast-message" />
      {state.undo ? (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void state.undo!().finally(() => {
              setBusy(false);
              onClose();
            });
          }}
        >
          Undo
        </button>
      ) : null}
      <button type="button" className="tool-button" aria-label="Dismiss" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
