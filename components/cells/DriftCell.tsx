'use client';
import { useMemo, useState } from 'react';
import type { ColumnDriftResult } from '../../lib/drift/types';
import type { CellRecord } from '../../lib/store/types';
import { PlotChart } from '../charts/PlotChart';
import { formatCount, formatDuration, formatPercent, formatScore } from '../format';

export interface CellProps {
  cell: CellRecord;
  progress?: { done: number; total: number };
  onRun: () => void;
  onCancel: () => void;
  onExport: () => void;
}

function Verdict({ column }: { column: ColumnDriftResult }) {
  if (!column.tested) return <span className="badge badge-muted">not tested</span>;
  return column.drifted ? <span className="badge badge-bad">Drift</span> : <span className="badge badge-good">No drift</span>;
}

function ColumnDetail({ column }: { column: ColumnDriftResult }) {
  const test = column.method ? column.tests?.[column.method] : undefined;
  return (
    <section className="column-detail" aria-label={`Detail of column ${column.name}`} data-testid="column-detail">
      <header>
        <h4>{column.name}</h4>
        <span className="muted">
          {column.type}
          {column.method ? ` · ${column.method}` : ''}
        </span>
      </header>
      {column.distribution ? (
        <PlotChart
          distribution={column.distribution}
          width={720}
          axisLabel={column.name}
          label={`Distribution of ${column.name}, reference vs current`}
        />
      ) : (
        <p className="muted">Not tested: {column.reason}. No distribution chart.</p>
      )}
      {test ? (
        <dl className="stats-row">
          <div>
            <dt>statistic</dt>
            <dd>{formatScore(test.statistic)}</dd>
          </div>
          <div>
            <dt>p-value</dt>
            <dd>{formatScore(test.pValue)}</dd>
          </div>
          <div>
            <dt>threshold</dt>
            <dd>{column.method === 'ks' ? `p ≤ ${column.threshold}` : `p < ${column.threshold}`}</dd>
          </div>
          <div>
            <dt>values ref → cur</dt>
            <dd>
              {formatCount(column.count.reference)} → {formatCount(column.count.current)}
            </dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

/** Renders a drift result: the verdict, one row per column, and the selected column's distributions. */
export function DriftCell({ cell, progress, onRun, onCancel, onExport }: CellProps) {
  const result = cell.result;
  const firstTested = useMemo(() => result?.columns.find((c) => c.tested && c.drifted) ?? result?.columns.find((c) => c.tested), [result]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const column = result?.columns.find((c) => c.name === (selected ?? firstTested?.name));

  return (
    <article className={`cell cell-${cell.status}`} data-testid="drift-cell" aria-busy={cell.status === 'running'}>
      <header className="cell-header">
        <div>
          <span className="cell-kind">Data drift</span>
          <h2 className="cell-title">{cell.title}</h2>
        </div>
        <div className="cell-actions">
          {cell.status === 'running' ? (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button" onClick={onRun}>
              Run again
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onExport} disabled={!result}>
            Export report
          </button>
        </div>
      </header>

      {cell.status === 'running' ? (
        <div className="cell-progress" role="status">
          <progress max={progress?.total ?? 1} value={progress?.done} aria-label="Drift progress" />
          <span className="muted">{progress ? `${progress.done} of ${progress.total} columns` : 'Computing in a worker…'}</span>
        </div>
      ) : null}

      {cell.status === 'error' && cell.error ? (
        <div className="error-box" role="alert" data-testid="cell-error">
          <strong>This cell failed.</strong> {cell.error.message}
          {result ? <span className="muted"> The last good result is shown below.</span> : null}
        </div>
      ) : null}

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
              {result.dataset.threshold * 100}%) · reference <strong>{result.reference.name}</strong> ({formatCount(result.reference.rows)} rows) ·
              current <strong>{result.current.name}</strong> ({formatCount(result.current.rows)} rows)
              {cell.durationMs !== undefined ? ` · computed in ${formatDuration(cell.durationMs)}` : ''}
            </p>
          </div>
          {result.warnings.length ? (
            <ul className="warnings" aria-label="Warnings">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <div className="cell-body">
            <div className="table-wrap">
              <table className="drift-table" data-testid="drift-table">
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Type</th>
                    <th scope="col">Method</th>
                    <th scope="col" className="num">
                      Score
                    </th>
                    <th scope="col" className="num">
                      Threshold
                    </th>
                    <th scope="col">Drifted</th>
                    <th scope="col">Distribution</th>
                  </tr>
                </thead>
                <tbody>
                  {result.columns.map((c) => (
                    <tr
                      key={c.name}
                      data-column={c.name}
                      data-score={c.tested ? String(c.score ?? '') : undefined}
                      data-drifted={c.tested ? String(c.drifted) : undefined}
                      aria-selected={column?.name === c.name}
                      className={column?.name === c.name ? 'selected' : undefined}
                      onClick={() => setSelected(c.name)}
                    >
                      <th scope="row">
                        <button type="button" className="row-button" onClick={() => setSelected(c.name)} aria-label={`Show ${c.name}`}>
                          {c.name}
                        </button>
                      </th>
                      <td>{c.type}</td>
                      <td>{c.method ?? '—'}</td>
                      <td className="num" data-testid="score">
                        {c.tested ? formatScore(c.score) : '—'}
                      </td>
                      <td className="num">{c.threshold ?? '—'}</td>
                      <td>
                        <Verdict column={c} />
                        {!c.tested ? <span className="muted reason"> {c.reason}</span> : null}
                      </td>
                      <td>{c.distribution ? <PlotChart distribution={c.distribution} variant="sparkline" label={`Sparkline of ${c.name}`} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {column ? <ColumnDetail column={column} /> : null}
          </div>
          {result.onlyInReference.length || result.onlyInCurrent.length ? (
            <p className="muted only-in">
              {result.onlyInReference.length ? <>Only in reference: {result.onlyInReference.join(', ')}. </> : null}
              {result.onlyInCurrent.length ? <>Only in current: {result.onlyInCurrent.join(', ')}.</> : null}
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
