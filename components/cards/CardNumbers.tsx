'use client';
import type { CardMetric, ModelCard } from '../../lib/cards/types';
import { formatCount, formatScore, formatShare } from '../../lib/format';
import { UserText } from '../ui/UserText';

/** Where a metric applies: the side, and the group when it is one. */
function scope(metric: CardMetric): string {
  return metric.group ? `${metric.side}: ${metric.group.column}=${metric.group.value}` : metric.side;
}

function MetricTable({ title, metrics, onRemove, testId }: { title: string; metrics: CardMetric[]; onRemove: (index: number) => void; testId: string }) {
  if (metrics.length === 0) return null;
  return (
    <div className="card-changes-wrap">
      <table className="card-numbers" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Where</th>
            <th scope="col">Value</th>
            <th scope="col">95% interval</th>
            <th scope="col">From</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m, i) => (
            <tr key={i}>
              <th scope="row">
                <UserText text={m.name ?? m.type} />
              </th>
              <td>
                <UserText text={scope(m)} />
              </td>
              <td className="num" title={String(m.value)}>
                {formatScore(m.value)}
              </td>
              <td className="num">{m.interval ? `${formatScore(m.interval.lower)} – ${formatScore(m.interval.upper)}` : '—'}</td>
              <td>{m.source ? <UserText text={m.source.cellTitle} /> : <span className="muted">typed</span>}</td>
              <td>
                <button type="button" className="button-link" aria-label={`Remove ${m.name ?? m.type} (${scope(m)})`} onClick={() => onRemove(i)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The card's numbers (filled from the notebook by "Autofill"): each with where it applies and the
 * cell it came from. They are not typed here; a person may remove one (re-autofill brings it back).
 */
export function CardNumbers({ card, onChange }: { card: ModelCard; onChange: (card: ModelCard) => void }) {
  const q = card.quantitative;
  const set = (next: Partial<ModelCard['quantitative']>) => onChange({ ...card, quantitative: { ...q, ...next } });
  const empty = q.metrics.length === 0 && q.estimated.length === 0 && !q.drift && q.validation.length === 0;
  return (
    <div className="card-numbers-block">
      {empty ? <p className="muted">No numbers yet: “Autofill from notebook” fills them from this workspace’s computed cells.</p> : null}
      <MetricTable
        title="Model quality and fairness"
        metrics={q.metrics}
        testId="card-metrics"
        onRemove={(i) => set({ metrics: q.metrics.filter((_, j) => j !== i) })}
      />
      <MetricTable
        title="Estimated performance (no labels)"
        metrics={q.estimated}
        testId="card-estimated"
        onRemove={(i) => set({ estimated: q.estimated.filter((_, j) => j !== i) })}
      />
      {q.drift ? (
        <p className="card-drift-line">
          Data drift: {formatCount(q.drift.driftedColumns)} of {formatCount(q.drift.testedColumns)} columns drifted ({formatShare(q.drift.share)}),{' '}
          {q.drift.datasetDrift ? 'dataset drift detected' : 'no dataset drift'} — from <UserText text={q.drift.source.cellTitle} />{' '}
          <button type="button" className="button-link" onClick={() => set({ drift: undefined })}>
            Remove
          </button>
        </p>
      ) : null}
      {q.validation.map((v, i) => (
        <p key={i} className="card-drift-line">
          Validation <UserText text={v.suite} />: {formatCount(v.successful)} of {formatCount(v.evaluated)} expectations met{' '}
          <button type="button" className="button-link" onClick={() => set({ validation: q.validation.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </p>
      ))}
    </div>
  );
}
