'use client';
import { useState } from 'react';
import type { TimelineCellResult } from '../../../lib/notebook/kinds/timeline';
import { timelineRows, windowColumnRows } from '../../../lib/notebook/view/timeline-rows';
import { formatCount } from '../../format';
import { UserText } from '../../ui/UserText';
import type { CellProps } from '../types';

/** One window's drift per column (the heatmap's column for it): drifted columns first. */
function WindowColumns({ result, position }: { result: TimelineCellResult; position: number }) {
  const window = result.windows[position];
  if (!window) return null;
  const rows = windowColumnRows(result, position);
  return (
    <table className="drift-table metric-table" data-testid="timeline-window-columns">
      <caption>
        Window <UserText text={window.label} />: drift per column ({formatCount(window.rows)} rows)
      </caption>
      <thead>
        <tr>
          <th>Column</th>
          <th>Method</th>
          <th className="num">Score</th>
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td>
              <UserText text={r.name} />
            </td>
            <td>{r.method}</td>
            <td className="num">{r.score}</td>
            <td className={r.drifted ? 'flagged' : undefined}>{r.drifted ? 'drifted' : 'not drifted'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Opens a window as a data-drift cell: its rows as the current segment, against the whole reference. */
function OpenWindow({ label, segment, cell, onAddCell }: { label: string; segment?: string } & Pick<CellProps<'timeline'>, 'cell' | 'onAddCell'>) {
  if (!onAddCell) return null;
  // A window narrows the current input; an input already narrowed by a segment would need both at once.
  const blocked = !segment
    ? 'no exact segment for this window (row windows, or timestamps not all written as UTC ISO text or as dates alone)'
    : cell.inputs.current?.segment
      ? 'the current input already has a segment'
      : undefined;
  return (
    <button
      type="button"
      className="link-button"
      disabled={blocked !== undefined}
      title={blocked ?? `Add a data drift cell on the rows of ${label} (segment ${segment})`}
      onClick={() => onAddCell({ kind: 'drift', title: `Data drift · window ${label}`, segments: { current: segment! } })}
    >
      drift cell
    </button>
  );
}

/** A row per window (span, rows, value, status, concept-drift p-values); a label opens its drift per column. */
export function WindowTable({ result, cell, onAddCell }: { result: TimelineCellResult } & Pick<CellProps<'timeline'>, 'cell' | 'onAddCell'>) {
  const rows = timelineRows(result);
  const concept = result.concept;
  const [selected, setSelected] = useState<number | undefined>(undefined);
  return (
    <details className="settings">
      <summary>Windows ({formatCount(rows.length)})</summary>
      <div className="table-wrap">
        <table className="drift-table metric-table timeline-table" data-testid="timeline-windows">
          <thead>
            <tr>
              <th>Window</th>
              <th>Span</th>
              <th className="num">Rows</th>
              <th className="num">Value</th>
              <th>Status</th>
              {concept ? (
                <>
                  <th className="num">Error</th>
                  <th className="num">Mann–Whitney p</th>
                  {concept.task === 'classification' ? <th className="num">z-test p</th> : null}
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.index} data-status={r.status} className={r.status === 'small' || r.status === 'empty' ? 'muted' : undefined}>
                <td>
                  {result.heatmap && r.rows > 0 ? (
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={selected === i}
                      title="Show this window's drift per column"
                      onClick={() => setSelected(selected === i ? undefined : i)}
                    >
                      <UserText text={r.label} />
                    </button>
                  ) : (
                    <UserText text={r.label} />
                  )}
                </td>
                <td>
                  <UserText text={r.span} />
                </td>
                <td className="num">{formatCount(r.rows)}</td>
                <td className="num">{r.value}</td>
                <td className={r.status === 'flagged' ? 'flagged' : undefined}>
                  {r.status}
                  {r.why ? (
                    <>
                      {' — '}
                      <UserText text={r.why} />
                    </>
                  ) : null}
                  {r.rows > 0 ? (
                    <>
                      {' '}
                      <OpenWindow label={r.label} segment={result.windows[i]?.segment} cell={cell} onAddCell={onAddCell} />
                    </>
                  ) : null}
                </td>
                {concept ? (
                  <>
                    <td className="num">{r.concept?.error ?? ''}</td>
                    <td className="num">{r.concept?.mwu ?? ''}</td>
                    {concept.task === 'classification' ? <td className="num">{r.concept?.z ?? ''}</td> : null}
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected === undefined ? null : <WindowColumns result={result} position={selected} />}
    </details>
  );
}
