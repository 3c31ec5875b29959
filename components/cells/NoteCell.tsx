'use client';
import { useEffect, useMemo, useState } from 'react';
import { renderMarkdown } from '../../lib/report/markdown';
import type { CellProps } from './types';

const AUTOSAVE_MS = 700;

/** A markdown note: rendered (raw HTML shown as text, unsafe links dropped), edited in place. */
export function NoteCell({ cell, onConfigChange }: CellProps<'note'>) {
  const markdown = cell.config.markdown ?? '';
  const [editing, setEditing] = useState(markdown === '');
  const [draft, setDraft] = useState(markdown);
  const [seen, setSeen] = useState(markdown);
  // The text when editing began, for "Discard changes".
  const [original, setOriginal] = useState(markdown);
  const rendered = useMemo(() => renderMarkdown(markdown), [markdown]);
  // Saved elsewhere (another tab, an import): show it, unless this tab has unsaved typing.
  if (markdown !== seen) {
    setSeen(markdown);
    if (draft === seen) {
      setDraft(markdown);
      if (markdown) setEditing(false);
    }
  }
  // Autosave: typing is stored after a short pause (the editor stays open), so a closed tab loses nothing.
  useEffect(() => {
    if (!editing || draft === markdown) return;
    const timer = setTimeout(() => onConfigChange({ markdown: draft }), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [editing, draft, markdown, onConfigChange]);
  const save = () => {
    onConfigChange({ markdown: draft });
    setEditing(false);
  };
  if (editing) {
    return (
      <div className="note-editor">
        <textarea
          className="note-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Shift+Enter or Ctrl+Enter saves (the frame then moves on, as a run would).
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            } else if (e.key === 'Enter' && e.shiftKey) {
              save();
            }
          }}
          rows={Math.min(20, Math.max(4, draft.split('\n').length + 1))}
          aria-label="Note text (Markdown)"
          placeholder="Write a note in Markdown: **bold**, _italic_, lists, [links](https://example.com)…"
          autoFocus
        />
        <div className="settings-actions">
          <button type="button" className="button button-primary" onClick={save}>
            Save note
          </button>
          {original ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                // Autosave may have stored the typing already: put back the text as it was when editing began.
                setDraft(original);
                if (markdown !== original) onConfigChange({ markdown: original });
                setEditing(false);
              }}
            >
              Discard changes
            </button>
          ) : null}
          <span className="muted small">Markdown · Shift+Enter saves</span>
        </div>
      </div>
    );
  }
  return (
    <div className="note-view">
      {/* renderMarkdown escapes raw HTML and drops unsafe URLs: the output is safe to insert. */}
      <div
        className="markdown"
        data-testid="note-body"
        dangerouslySetInnerHTML={{ __html: rendered }}
        onDoubleClick={() => {
          setOriginal(markdown);
          setEditing(true);
        }}
      />
      <button
        type="button"
        className="button-link small"
        onClick={() => {
          setDraft(markdown);
          setOriginal(markdown);
          setEditing(true);
        }}
      >
        Edit note
      </button>
    </div>
  );
}
