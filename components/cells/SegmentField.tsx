'use client';
import { useId, useMemo, useState } from 'react';
import { checkSegment } from '../../lib/data/frame';
import { segmentCompletions } from '../../lib/data/segment-completions';
import { errorMessage } from '../../lib/errors';
import type { InputSlot } from '../../lib/notebook';
import { UserText } from '../ui/UserText';

interface Props {
  slot: InputSlot;
  value?: string;
  /** The input dataset's column names, which the expression may read. */
  columns: readonly string[];
  disabled: boolean;
  onChange: (segment: string | undefined) => void;
}

/**
 * One input's segment: an arquero filter expression such as `d => d.country === 'FR'`, with the
 * dataset's columns offered as completions, checked by the same parser and allowlist the worker
 * uses without compiling (so it is safe under the page's CSP) before it is saved.
 */
export function SegmentField({ slot, value, columns, disabled, onChange }: Props) {
  const listId = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value ?? '');
  }
  const text = draft.trim();
  // Checked and completed only when the text or the columns change, not on every cell update.
  const problem = useMemo(() => {
    try {
      if (text) checkSegment(text, columns);
      return undefined;
    } catch (error) {
      return errorMessage(error);
    }
  }, [text, columns]);
  const completions = useMemo(() => segmentCompletions(draft, columns), [draft, columns]);
  const apply = () => {
    if (problem || text === (value ?? '')) return;
    onChange(text || undefined);
  };
  return (
    <form
      className="segment-field"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <input
        type="text"
        className="segment-input"
        value={draft}
        placeholder="all rows (or a filter: d => d.country === 'FR')"
        aria-label={`${slot} segment`}
        aria-invalid={problem !== undefined}
        title={problem}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        list={listId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
      />
      {/* The dataset's columns as completions of what is being typed (d.name, d['odd name']). */}
      <datalist id={listId}>
        {completions.map((completion) => (
          <option key={completion} value={completion} />
        ))}
      </datalist>
      {problem && text ? (
        <span className="muted small segment-problem" role="status">
          <UserText text={problem} />
        </span>
      ) : null}
    </form>
  );
}
