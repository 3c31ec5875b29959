'use client';
import { useState } from 'react';
import type { ColumnDriftResult, DriftConfig } from '../../../lib/drift/types';
import { ColumnOverride } from './ColumnOverride';
import { TestAccuracy } from './ProfileAccuracy';
import { DRIFT_METHODS } from '../../../lib/drift/methods/registry';
import { PlotChart } from '../../charts/PlotChart';
import { formatCount, formatDriftScore, formatPercent, formatPValue, formatScore } from '../../format';
import { UserText } from '../../ui/UserText';
import { Warnings } from '../../ui/Warnings';
import { visibleControls } from '../../../lib/format';

function thresholdText(column: ColumnDriftResult): string {
  const method = column.method ? DRIFT_METHODS.get(column.method) : undefined;
  if (!method || column.threshold === undefined) return '—';
  const probe = method.isDrifted(column.threshold, column.threshold);
  if (method.scoreKind === 'p-value') return `p ${probe ? '≤' : '<'} ${column.threshold}`;
  return `${probe ? '≥' : '>'} ${column.threshold}`;
}

/** One column's detail: its distributions (count/percent), the ECDFs with the KS distance, every test computed. */
export function ColumnDetail({
  column,
  config,
  onConfigChange,
}: {
  column: ColumnDriftResult;
  config: DriftConfig;
  onConfigChange: (config: DriftConfig) => void;
}) {
  const [mode, setMode] = useState<'percent' | 'count'>('percent');
  const fromProfile = Object.values(column.tests ?? {}).some((t) => t.fromProfile !== undefined);
  const ks = column.tests?.ks;
  const method = column.method ? DRIFT_METHODS.get(column.method) : undefined;
  return (
    <section className="column-detail" aria-label={`Detail of column ${visibleControls(column.name)}`} data-testid="column-detail">
      <header>
        <h4>
          <UserText text={column.name} clamp />
        </h4>
        <span className="muted">
          {column.type}
          {column.method ? ` · ${column.method}` : ''}
        </span>
        {column.distribution ? (
          <div className="segmented" role="group" aria-label="Bar heights">
            {(['percent', 'count'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {m}
              </button>
            ))}
          </div>
        ) : null}
      </header>
      {column.selection ? (
        <p className="why muted" data-testid="why-method">
          <strong>Why {column.method}:</strong> {column.selection}. {method?.definition}.
        </p>
      ) : null}
      {column.distribution ? (
        <PlotChart
          distribution={column.distribution}
          mode={mode}
          width={720}
          axisLabel={column.name}
          label={`Distribution of ${column.name}, reference vs current`}
        />
      ) : (
        <p className="muted">Not tested: {column.reason}. No distribution chart.</p>
      )}
      {column.distribution?.kind === 'histogram' && column.distribution.ecdf ? (
        <PlotChart
          distribution={column.distribution}
          variant="ecdf"
          ks={ks}
          width={720}
          axisLabel={column.name}
          label={`Cumulative distributions of ${column.name}${ks ? ' with the KS distance' : ''}`}
        />
      ) : null}
      <dl className="stats-row">
        <div>
          <dt>score</dt>
          <dd>{column.tested ? formatDriftScore(column.score, column.method) : '—'}</dd>
        </div>
        <div>
          <dt>threshold</dt>
          <dd>{thresholdText(column)}</dd>
        </div>
        <div>
          <dt>effect size</dt>
          <dd title={column.effectSize ? `${column.effectSize.method}` : undefined}>
            {column.effectSize ? `${formatScore(column.effectSize.value)} ${column.effectSize.method === 'wasserstein' ? 'W₁/σ' : 'JS'}` : '—'}
          </dd>
        </div>
        <div>
          <dt>values ref → cur</dt>
          <dd>
            {formatCount(column.count.reference)} → {formatCount(column.count.current)}
          </dd>
        </div>
      </dl>
      {column.tests ? (
        <table className="tests-table" aria-label={`Tests on ${visibleControls(column.name)}`}>
          <thead>
            <tr>
              <th scope="col">method</th>
              <th scope="col" className="num">
                statistic
              </th>
              <th scope="col" className="num">
                p-value
              </th>
              <th scope="col" className="num">
                adjusted p
              </th>
              {fromProfile ? <th scope="col">from profiles</th> : null}
            </tr>
          </thead>
          <tbody>
            {Object.entries(column.tests).map(([id, t]) => (
              <tr key={id} className={id === column.method ? 'deciding' : undefined}>
                <th scope="row">{id}</th>
                {t.error ? (
                  <td colSpan={3} className="muted">
                    <UserText text={t.error} />
                  </td>
                ) : t.fromProfile === 'unavailable' ? (
                  // Not computed (a null statistic here is no number, not an infinite one).
                  <td colSpan={3} className="muted num">
                    —
                  </td>
                ) : (
                  <>
                    <td className="num">{formatScore(t.statistic)}</td>
                    <td className="num">{formatPValue(t.pValue)}</td>
                    <td className="num">{formatPValue(t.adjustedPValue)}</td>
                  </>
                )}
                {fromProfile ? (
                  <td>
                    <TestAccuracy test={t} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ColumnOverride column={column} config={config} onApply={onConfigChange} />
      {column.missingDrift ? (
        <p className={`muted missing-line${column.missingDrift.drifted ? ' flagged' : ''}`}>
          Missing values: {formatPercent(column.missingDrift.reference, 1)} → {formatPercent(column.missingDrift.current, 1)} (z-test p ={' '}
          {formatScore(column.missingDrift.pValue)}
          {column.missingDrift.drifted ? ', the share of missing values drifted' : ''})
        </p>
      ) : null}
      <Warnings warnings={column.warnings ?? []} label="Column warnings" />
    </section>
  );
}
