'use client';
import { useMemo, useState } from 'react';
import type { DriftResult } from '../../lib/drift/types';
import { driftNotes } from '../../lib/notebook/view/drift-notes';
import { formatCount, formatDuration, formatPercent } from '../format';
import { ColumnDetail } from './drift/ColumnDetail';
import { DriftSettings } from './drift/DriftSettings';
import { DriftTable } from './drift/DriftTable';
import { ProfileSides } from './drift/ProfileAccuracy';
import type { CellProps } from './types';
import { NameList, UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';

/** Renders a drift result: the verdict, the column table, the selected column's detail, and the settings. */
export function DriftCell({ cell, onConfigChange }: CellProps<'drift'>) {
  const result = cell.result;
  const firstTested = useMemo(() => result?.columns.find((c) => c.tested && c.drifted) ?? result?.columns.find((c) => c.tested), [result]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const column = result?.columns.find((c) => c.name === (selected ?? firstTested?.name));
  const correction = result?.dataset.correction && result.dataset.correction !== 'none' ? result.dataset.correction : undefined;

  const config = cell.config;

  return (
    <>
      <DriftSettings key={JSON.stringify(config)} config={config} onApply={onConfigChange} disabled={cell.status === 'running'} />

      {result ? (
        <>
          <div className="summary">
            <h3 data-testid="drift-summary">
              Drift detected in {result.dataset.driftedColumns} of {result.dataset.columns} columns
            </h3>
            {result.dataset.drifted ? (
              <span className="badge badge-bad badge-lg">Dataset drift</span>
            ) : (
              <span className="badge badge-good badge-lg">No dataset drift</span>
            )}
            <p className="muted summary-meta">
              {formatPercent(result.dataset.driftedColumns, result.dataset.columns)} of tested columns drifted (dataset threshold{' '}
              {result.dataset.threshold * 100}%){correction ? ` · p-values adjusted (${correction === 'bh' ? 'Benjamini–Hochberg' : 'Bonferroni'})` : ''} ·
              reference{' '}
              <strong>
                <UserText text={result.reference.name} />
              </strong>{' '}
              ({formatCount(result.reference.rows)} rows) · current{' '}
              <strong>
                <UserText text={result.current.name} />
              </strong>{' '}
              ({formatCount(result.current.rows)} rows)
              {cell.durationMs !== undefined ? ` · computed in ${formatDuration(cell.durationMs)}` : ''}
            </p>
            <ShareNotes result={result} />
            <ProfileSides result={result} />
          </div>
          <Warnings warnings={result.warnings} />
          <div className="cell-body">
            <DriftTable columns={result.columns} selected={column?.name} onSelect={setSelected} />
            {column ? <ColumnDetail key={`${column.name}:${JSON.stringify(config)}`} column={column} config={config} onConfigChange={onConfigChange} /> : null}
          </div>
          {result.onlyInReference.length || result.onlyInCurrent.length ? (
            <p className="muted only-in">
              {result.onlyInReference.length ? (
                <>
                  Only in reference: <NameList names={result.onlyInReference} />.{' '}
                </>
              ) : null}
              {result.onlyInCurrent.length ? (
                <>
                  Only in current: <NameList names={result.onlyInCurrent} />.
                </>
              ) : null}
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** The features-only share beside the share of all tested columns, which one decides, and every role with its source. */
function ShareNotes({ result }: { result: DriftResult }) {
  const notes = driftNotes(result);
  return (
    <p className="muted share-notes" data-testid="drift-share-notes">
      {notes.featureShare
        ? `Features only: ${formatCount(notes.featureShare.drifted)} of ${formatCount(notes.featureShare.columns)} drifted (${notes.featureShare.text}). `
        : ''}
      The verdict uses {notes.decidedBy === 'features' ? 'the features’ share' : 'the share of all tested columns'}.
      {notes.roles.length ? (
        <>
          {' '}
          Roles:{' '}
          {notes.roles.map((r, i) => (
            <span key={r.name}>
              {i ? ', ' : ''}
              <UserText text={r.name} /> = {r.role} ({r.source === 'user' ? 'set by you' : 'guessed: changes no result'})
            </span>
          ))}
          .
        </>
      ) : null}
    </p>
  );
}
