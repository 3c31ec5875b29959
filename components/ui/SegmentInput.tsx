'use client';
import { useId, useState } from 'react';
import { checkSegment } from '../../lib/data/frame';
import { segmentCompletions } from '../../lib/data/segment-completions';
import { errorMessage } from '../../lib/errors';
import { UserText } from './UserText';

interface Props {
  /** The visible label, e.g. "Reference segment". */
  label: string;
  /** The expression as typed ('' = no segment: every row). */
  value: string;
  /** Column names of the dataset the segment filters (completions and the check). */
  columns: readonly string[];
  onChange: (value: string) => void;
  /** Called on blur or Enter with the trimmed expression, only when the check passes. */
  onCommit?: (value: string) => void;
  disabled?: boolean;
  testId?: string;
}

/**
 * A text field for a segment: an arquero filter expression over the dataset's rows, with the
 * dataset's columns offered as completions (`d.country`, `d['odd name']`). Checked on blur with the
 * same checker the worker uses (lib/data/frame.ts checkSegment: it parses, it never compiles, so it
 * is allowed under the page's CSP); the message says what is wrong and what to write instead.
 */
export function SegmentInput({ label, value, columns, onChange, onCommit, disabled, testId = 'segment-input' }: Props) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const suggestions = segmentCompletions(value, columns);

  const commit = () => {
    try {
      checkSegment(value, columns);
      setProblem(undefined);
      onCommit?.(value.trim());
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <div className="field segment-input">
      <label htmlFor={`${id}-text`}>{label}</label>
      <input
        id={`${id}-text`}
        type="text"
        spellCheck={false}
        autoComplete="off"
        list={`${id}-columns`}
        placeholder="every row — or e.g. d => d.country === 'FR' && d.age >= 30"
        value={value}
        disabled={disabled}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
          if (problem) setProblem(undefined);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <datalist id={`${id}-columns`}>
        {suggestions.map((text) => (
          <option key={text} value={text} />
        ))}
      </datalist>
      {problem ? (
        <p className="error-message" role="alert" id={`${id}-problem`} data-testid={`${testId}-error`}>
          <UserText text={problem} />
        </p>
      ) : (
        <p className="muted" id={`${id}-hint`}>
          Keeps the rows where the expression is true. Read columns as d.name, call op.* functions; a missing number is NaN, missing text is null.
        </p>
      )}
    </div>
  );
}
