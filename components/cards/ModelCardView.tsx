'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { CardAutofill, ModelCard } from '../../lib/cards/types';
import { errorMessage } from '../../lib/errors';
import type { DriftbookDb } from '../../lib/store/db';
import { listWorkspaceVersions } from '../../lib/store/registry';
import type { WorkspaceRecord } from '../../lib/store/types';
import { getClient } from '../engine';
import { useModelCard, type SaveState } from '../hooks/useModelCard';
import { UserText } from '../ui/UserText';
import { CardChanges, type ShownChange } from './CardChanges';
import { CardForm } from './CardForm';
import { CardPreview } from './CardPreview';
import { CardVersions } from './CardVersions';
import { exportCard, readCardFile, type CardFormat } from './card-files';

interface Props {
  db: DriftbookDb;
  workspace: WorkspaceRecord;
  onMessage: (message: string) => void;
}

function statusText(status: SaveState): string {
  switch (status.state) {
    case 'loading':
      return 'Opening the card…';
    case 'idle':
      return status.version ? `Version ${status.version}` : 'Not saved yet';
    case 'editing':
      return 'Editing…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return status.unchanged ? `No changes since version ${status.version}` : `Saved as version ${status.version}`;
    case 'error':
      return `Not saved: ${status.message}`;
  }
}

/** A proposed change the person applies or cancels: the autofill's numbers, with what they change. */
interface Proposal {
  next: ModelCard;
  changes: ShownChange[];
  notes: string[];
}

/**
 * The workspace's model card: the form with the live preview beside it, autosaved (each save a
 * version), autofill from the notebook's computed cells, imports (Hugging Face README.md, MCT JSON),
 * exports (HTML, README.md, MCT JSON), sign-off and the versions with their differences.
 */
export function ModelCardView({ db, workspace, onMessage }: Props) {
  const { card, status, versions, edit, saveNow, flush } = useModelCard(db, workspace.id);
  const [proposal, setProposal] = useState<Proposal>();
  const [busy, setBusy] = useState<string>();
  // The registered versions whose source run this workspace logged (the registry links back to this card).
  const registered = useLiveQuery(() => listWorkspaceVersions(db, workspace.id), [db, workspace.id]);
  /** Resamples done of the side being bootstrapped, while an autofill runs (a 100,000-row side takes seconds). */
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [problem, setProblem] = useState<string>();
  const [warnings, setWarnings] = useState<{ title: string; items: string[] }>();
  const fileInput = useRef<HTMLInputElement>(null);

  const attempt = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  const autofill = () =>
    attempt('Autofilling from the notebook…', async () => {
      if (!card) return;
      let fill: CardAutofill;
      try {
        fill = await getClient().autofillCard(workspace.id, {}, (done, total) => setProgress({ done, total }));
      } finally {
        setProgress(undefined);
      }
      const [{ applyAutofill }, { diffCards }] = await Promise.all([import('../../lib/cards/autofill'), import('../../lib/cards/diff')]);
      const next = applyAutofill(card, fill);
      setWarnings(undefined);
      setProposal({ next, changes: diffCards(card, next), notes: fill.notes });
    });

  const applyProposal = () =>
    attempt('Saving…', async () => {
      if (!proposal) return;
      const saved = await saveNow(proposal.next, 'autofill');
      setProposal(undefined);
      onMessage(saved.saved ? `Autofilled: saved as version ${saved.version.version}.` : 'Autofill changed nothing.');
    });

  const importFile = (file: File) =>
    attempt(`Reading ${file.name}…`, async () => {
      // Read and checked before anything changes: a bad file leaves the card as it was.
      const { card: imported, warnings: notes, format } = await readCardFile(file);
      const saved = await saveNow(imported, 'import');
      setProposal(undefined);
      setWarnings(notes.length ? { title: `Imported ${format} — notes`, items: notes } : undefined);
      onMessage(
        `Imported ${format} “${file.name}” as version ${saved.version.version}${saved.version.version > 1 ? ` (the card before it is version ${saved.version.version - 1})` : ''}.`,
      );
    });

  const download = (format: CardFormat) =>
    attempt('Exporting…', async () => {
      if (!card) return;
      await flush();
      await exportCard(card, format);
    });

  const signOff = () =>
    attempt('Signing off…', async () => {
      if (!card) return;
      const saved = await saveNow(card, 'sign-off');
      onMessage(
        saved.saved
          ? `Signed off by ${card.signOff.reviewer} on ${card.signOff.date}: version ${saved.version.version}.`
          : `Version ${saved.version.version} already holds this sign-off.`,
      );
    });

  if (!card) {
    return (
      <section className="cell card-view" aria-label="Model card">
        <p className={status.state === 'error' ? 'error-message' : 'muted'} role="status">
          <UserText text={statusText(status)} />
        </p>
      </section>
    );
  }
  const canSign = card.signOff.reviewer.trim() !== '' && card.signOff.date.trim() !== '';

  return (
    <section className="card-view" aria-label="Model card">
      <div className="cell card-toolbar">
        <div className="card-toolbar-row">
          <button type="button" className="button button-primary" onClick={() => void autofill()} disabled={busy !== undefined}>
            Autofill from notebook
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy !== undefined}>
            Import README.md or MCT JSON…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".md,.markdown,.json,text/markdown,application/json"
            hidden
            data-testid="card-import"
            aria-label="Import a Hugging Face README.md or a Model Card Toolkit JSON file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <span className="card-toolbar-sep" aria-hidden="true" />
          <span className="muted">Export:</span>
          <button type="button" className="button" onClick={() => void download('html')} disabled={busy !== undefined}>
            HTML
          </button>
          <button type="button" className="button" onClick={() => void download('hf')} disabled={busy !== undefined}>
            Hugging Face README.md
          </button>
          <button type="button" className="button" onClick={() => void download('mct')} disabled={busy !== undefined}>
            MCT JSON
          </button>
          <span className={`card-status card-status-${status.state}`} role="status" data-testid="card-status">
            {busy ?? statusText(status)}
          </span>
          {progress ? (
            <span className="card-progress">
              <progress value={progress.done} max={progress.total} aria-label="Bootstrap resamples of the side being autofilled" />
              <button type="button" className="button" onClick={() => getClient().cancel()}>
                Cancel
              </button>
            </span>
          ) : null}
        </div>
        <p className="muted small" data-testid="card-registry">
          {registered === undefined ? null : registered.length === 0 ? (
            'Registry: no registered version comes from this workspace’s runs yet (register one in Runs → Registry).'
          ) : (
            <>
              Registered versions from this workspace’s runs:{' '}
              {registered.map((v, i) => (
                <span key={`${v.model}\u0000${v.version}`}>
                  {i ? ' · ' : null}
                  <UserText text={v.model} /> v{v.version}
                  {v.stage !== 'None' ? <> ({<UserText text={v.stage} />})</> : null}
                  {v.aliases.map((a) => (
                    <span key={a}>
                      {' '}
                      <UserText text={`@${a}`} />
                    </span>
                  ))}
                </span>
              ))}
            </>
          )}
        </p>
        {problem ? (
          <p className="error-message" role="alert" data-testid="card-problem">
            <UserText text={problem} />
          </p>
        ) : null}
        {warnings ? (
          <div className="card-notes" role="status">
            <strong>{warnings.title}</strong>
            <ul>
              {warnings.items.map((w, i) => (
                <li key={i}>
                  <UserText text={w} />
                </li>
              ))}
            </ul>
            <button type="button" className="button-link" onClick={() => setWarnings(undefined)}>
              Dismiss
            </button>
          </div>
        ) : null}
        {proposal ? (
          <div className="card-proposal" role="region" aria-label="Autofill: what would change">
            <div className="settings-actions">
              <button type="button" className="button button-primary" onClick={() => void applyProposal()} disabled={busy !== undefined}>
                Apply autofill
              </button>
              <button type="button" className="button" onClick={() => setProposal(undefined)}>
                Cancel
              </button>
              <span className="muted">Only numbers and datasets filled from the notebook change; everything typed stays.</span>
            </div>
            {proposal.notes.length ? (
              <ul className="card-notes-list">
                {proposal.notes.map((note, i) => (
                  <li key={i} className="muted">
                    <UserText text={note} />
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="card-proposal-changes">
              <CardChanges changes={proposal.changes} caption="Autofill from the notebook would change" testId="card-autofill-diff" />
            </div>
          </div>
        ) : null}
      </div>
      <div className="card-editor">
        <div className="cell card-form-panel">
          <CardForm card={card} onChange={edit} />
          <div className="card-signoff-action">
            <button type="button" className="button" onClick={() => void signOff()} disabled={!canSign || busy !== undefined}>
              Record sign-off
            </button>
            <span className="muted">
              {canSign
                ? 'Saves this card as a “signed off” version (the audit trail will record it once it exists).'
                : 'Set the reviewer and the review date to sign off.'}
            </span>
          </div>
        </div>
        <div className="cell card-preview-panel">
          <CardPreview card={card} />
        </div>
      </div>
      <details className="cell card-versions-panel" open>
        <summary>
          Versions <span className="muted">({versions.length})</span>
        </summary>
        <CardVersions versions={versions} />
      </details>
    </section>
  );
}
