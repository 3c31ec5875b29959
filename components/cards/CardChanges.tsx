'use client';
import { Fragment } from 'react';
import { UserText } from '../ui/UserText';

/** One difference between two cards, as lib/cards/diff.ts's diffCards reports it. */
export interface ShownChange {
  path: string;
  label: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

const KIND_LABEL: Record<ShownChange['kind'], string> = { added: 'added', removed: 'removed', changed: 'changed' };

/** Multi-line text (Markdown fields) keeps its lines; each line is isolated with its controls shown. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i ? <br /> : null}
          <UserText text={line} />
        </Fragment>
      ))}
    </>
  );
}

/** A table of card changes: what (label and path), how, before and after — every text from the card isolated and its controls shown. */
export function CardChanges({ changes, caption, testId }: { changes: readonly ShownChange[]; caption: string; testId?: string }) {
  if (changes.length === 0) {
    return (
      <p className="muted" data-testid={testId}>
        {caption}: no differences.
      </p>
    );
  }
  return (
    <div className="card-changes-wrap">
      <table className="card-changes" data-testid={testId}>
        <caption>
          {caption}: {changes.length} {changes.length === 1 ? 'difference' : 'differences'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Change</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change, i) => (
            <tr key={`${i}:${change.path}`} className={`card-change-${change.kind}`}>
              <th scope="row">
                <UserText text={change.label} />
                <code className="card-change-path">
                  <UserText text={change.path} />
                </code>
              </th>
              <td>{KIND_LABEL[change.kind]}</td>
              <td className="card-change-text">{change.before === undefined ? <span className="muted">—</span> : <Lines text={change.before} />}</td>
              <td className="card-change-text">{change.after === undefined ? <span className="muted">—</span> : <Lines text={change.after} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
