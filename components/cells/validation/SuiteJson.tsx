'use client';
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors';
import { readSuite } from '../../../lib/validation/read-suite';
import type { ExpectationSuite } from '../../../lib/validation/types';
import { UserText } from '../../ui/UserText';

/** The suite as GX 1.x JSON, editable; "Apply JSON" reads it as an imported file is read (a 0.18 suite is converted). */
export function SuiteJson({
  suite,
  disabled,
  onChange,
}: {
  suite: ExpectationSuite;
  disabled: boolean;
  onChange: (suite: ExpectationSuite, notes: string[]) => void;
}) {
  const original = JSON.stringify(suite, null, 2);
  const [text, setText] = useState(original);
  const [problem, setProblem] = useState<string>();
  const apply = () => {
    try {
      const read = readSuite(text);
      setProblem(undefined);
      onChange(read.suite, read.notes);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <div className="validation-json">
      <textarea
        className="note-input code-input"
        value={text}
        rows={Math.min(24, Math.max(8, text.split('\n').length))}
        spellCheck={false}
        aria-label="Suite JSON (Great Expectations 1.x)"
        data-testid="suite-json"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="settings-actions">
        <button type="button" className="button button-primary" disabled={disabled || text === original} onClick={apply}>
          Apply JSON
        </button>
        <button type="button" className="button" disabled={text === original} onClick={() => (setText(original), setProblem(undefined))}>
          Discard changes
        </button>
        {problem ? (
          <span className="flagged small" role="alert">
            <UserText text={problem} />
          </span>
        ) : null}
      </div>
    </div>
  );
}
