'use client';
import { formatMetric, metricDelta, type MetricRow, type MetricTableLabels } from '../../../lib/notebook/view/metric-rows';

const DEFAULT_LABELS: MetricTableLabels = { reference: 'Reference', current: 'Current' };

/**
 * Metric | reference | current | Δ (current − reference), Δ in red when the model got worse; the
 * rows and formats are the exported report's (lib/report/sections/model.ts). Each row has
 * `data-metric`, each value cell `data-side` (reference, current, delta, realized).
 */
export function MetricTable({
  rows,
  testId,
  labels = DEFAULT_LABELS,
  caption,
}: {
  rows: readonly MetricRow[];
  testId: string;
  labels?: MetricTableLabels;
  caption?: string;
}) {
  const hasCurrent = rows.some((r) => r.current !== undefined);
  const hasRealized = rows.some((r) => r.realized !== undefined);
  return (
    <div className="table-wrap">
      <table className="drift-table metric-table" data-testid={testId}>
        {caption ? <caption className="muted small">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              {labels.reference}
            </th>
            {hasCurrent ? (
              <>
                <th scope="col" className="num">
                  {labels.current}
                </th>
                <th scope="col" className="num">
                  Δ
                </th>
              </>
            ) : null}
            {hasRealized ? (
              <th scope="col" className="num">
                {labels.realized ?? 'Realized'}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const delta = metricDelta(r);
            return (
              <tr key={r.id} data-metric={r.id}>
                <th scope="row">{r.label}</th>
                <td className="num" data-side="reference">
                  {formatMetric(r.reference, r.unit)}
                </td>
                {hasCurrent ? (
                  <>
                    <td className="num" data-side="current">
                      {formatMetric(r.current, r.unit)}
                    </td>
                    <td
                      className={`num${delta?.worse ? ' flagged' : ''}`}
                      data-side="delta"
                      data-worse={delta?.worse ? 'true' : undefined}
                      title={delta?.worse ? `Worse than ${labels.reference.toLowerCase()}` : undefined}
                    >
                      {delta?.text ?? '—'}
                    </td>
                  </>
                ) : null}
                {hasRealized ? (
                  <td className="num" data-side="realized">
                    {formatMetric(r.realized, r.unit)}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
