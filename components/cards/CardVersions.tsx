'use client';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import type { CardVersionRecord } from '../../lib/store/types';
import { UserText } from '../ui/UserText';
import { CardChanges, type ShownChange } from './CardChanges';

const REASON: Record<CardVersionRecord['reason'], string> = { autosave: 'edited', autofill: 'autofilled', import: 'imported', 'sign-off': 'signed off' };
/** Versions listed before "Show all" (a card edited for a day has hundreds). */
const SHOWN = 12;

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

/** Every saved version of the card, newest first, and the differences between any two of them. */
export function CardVersions({ versions }: { versions: readonly CardVersionRecord[] }) {
  const newest = [...versions].reverse();
  const [all, setAll] = useState(false);
  const latest = newest[0]?.version ?? 0;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const before = from ?? Math.max(1, latest - 1);
  const after = to ?? latest;
  const [changes, setChanges] = useState<ShownChange[]>();
  const [problem, setProblem] = useState<string>();
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    const a = versions.find((v) => v.version === before);
    const b = versions.find((v) => v.version === after);
    if (!a || !b) {
      setChanges(undefined);
      return;
    }
    let alive = true;
    import('../../lib/cards/diff')
      .then(({ diffCards }) => {
        if (!alive) return;
        setChanges(diffCards(a.card, b.card));
        setProblem(undefined);
      })
      .catch((error: unknown) => alive && setProblem(errorMessage(error)));
    return () => {
      alive = false;
    };
  }, [versions, before, after]);

  if (versions.length === 0) return <p className="muted">No version yet: the card is saved as version 1 a second after the first edit.</p>;
  const options = newest.map((v) => (
    <option key={v.version} value={v.version}>
      {`Version ${v.version} (${REASON[v.reason]})`}
    </option>
  ));
  return (
    <div className="card-versions">
      <ol className="card-version-list" data-testid="card-versions" reversed>
        {(all ? newest : newest.slice(0, SHOWN)).map((v) => (
          <li key={v.id} value={v.version}>
            <strong>Version {v.version}</strong> <span className={`card-reason card-reason-${v.reason}`}>{REASON[v.reason]}</span>{' '}
            <span className="muted">{when(v.savedAt)}</span>
            {v.reason === 'sign-off' ? (
              <>
                {' '}
                by <UserText text={v.card.signOff.reviewer} /> on <UserText text={v.card.signOff.date} />
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {newest.length > SHOWN ? (
        <button type="button" className="button-link" onClick={() => setAll(!all)}>
          {all ? 'Show the latest only' : `Show all ${newest.length} versions`}
        </button>
      ) : null}
      <div className="card-diff-pick">
        <label htmlFor={fromId}>Compare</label>
        <select id={fromId} value={before} onChange={(e) => setFrom(Number(e.target.value))}>
          {options}
        </select>
        <label htmlFor={toId}>with</label>
        <select id={toId} value={after} onChange={(e) => setTo(Number(e.target.value))}>
          {options}
        </select>
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          <UserText text={problem} />
        </p>
      ) : null}
      {changes ? <CardChanges changes={changes} caption={`Version ${before} → version ${after}`} testId="card-version-diff" /> : null}
    </div>
  );
}
