'use client';
import { useState } from 'react';
import { beeswarmChart, dependenceChart, featureOrder, importanceChart } from '../../../lib/charts/shap-charts';
import { permutationChart } from '../../../lib/charts/shap-local-charts';
import { formatScore, visibleControls } from '../../../lib/format';
import { attributionRows, rankingNote, type ExplainCellResult } from '../../../lib/notebook/kinds/explain';
import { UserText } from '../../ui/UserText';
import { PlotFigure } from '../model/PlotFigure';

const num = (v: number | null) => (v === null ? '—' : formatScore(v));

/** Mean |SHAP| on each side, ranks, and each feature's attribution distribution tested for drift. */
function AttributionTable({ result }: { result: ExplainCellResult }) {
  const rows = attributionRows(result);
  return (
    <div className="table-wrap">
      <table className="drift-table" data-testid="attribution-drift">
        <caption className="muted small">Attribution drift: mean |SHAP| and rank (1 = most important), and the SHAP values’ distribution tested</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Reference</th>
            <th scope="col">Current</th>
            <th scope="col">Rank ref → cur</th>
            <th scope="col">Test</th>
            <th scope="col">Score</th>
            <th scope="col">Drift</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.feature}>
              <th scope="row">
                <UserText text={r.feature} clamp />
              </th>
              <td>{num(r.reference)}</td>
              <td>{num(r.current)}</td>
              <td>
                {r.rank.reference ?? '—'} → {r.rank.current}
              </td>
              <td>{r.method ?? '—'}</td>
              <td>{num(r.score)}</td>
              <td title={r.reason}>{r.drifted === null ? r.reason ? 'not tested' : '—' : r.drifted ? <strong className="bad">drift</strong> : 'no drift'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Global explanations: importance reference vs current with attribution drift, the beeswarm, a dependence plot, permutation importance. */
export function GlobalView({ result }: { result: ExplainCellResult }) {
  const { explanation } = result;
  const order = featureOrder(explanation);
  const [feature, setFeature] = useState(order[0] ?? '');
  const chosen = order.includes(feature) ? feature : (order[0] ?? '');
  return (
    <>
      <section className="model-side" aria-label="Global importance">
        <h4>Global importance</h4>
        <p className="muted small" data-testid="ranking-note">
          {rankingNote(result)}
        </p>
        <PlotFigure
          label="Mean absolute SHAP value per feature, reference and current"
          deps={[explanation]}
          build={(o) => importanceChart(explanation, o)}
          testId="shap-importance"
        />
        <AttributionTable result={result} />
      </section>
      <section className="model-side" aria-label="Summary (beeswarm)">
        <h4>Summary of {explanation.rows.length} current rows</h4>
        <PlotFigure
          label="SHAP value of each explained row per feature (beeswarm)"
          deps={[explanation]}
          build={(o) => beeswarmChart(explanation, o)}
          testId="shap-beeswarm"
        />
      </section>
      {chosen ? (
        <section className="model-side" aria-label="Dependence">
          <label className="field inline-field">
            <span>Dependence plot of</span>
            <select value={chosen} onChange={(e) => setFeature(e.target.value)} aria-label="Dependence plot feature">
              {order.map((f) => (
                <option key={f} value={f}>
                  {visibleControls(f)}
                </option>
              ))}
            </select>
          </label>
          <PlotFigure
            label={`SHAP value against the value of ${chosen}`}
            deps={[explanation, chosen]}
            build={(o) => dependenceChart(explanation, { ...o, feature: chosen })}
            testId="shap-dependence"
          />
        </section>
      ) : null}
      {explanation.permutation ? (
        <section className="model-side" aria-label="Permutation importance">
          <h4>Permutation importance</h4>
          <p className="muted small">
            decrease of {explanation.permutation.current.metric} when a column is shuffled ({explanation.permutation.current.nRepeats} repeats, seed{' '}
            {explanation.permutation.current.seed}); baseline current {formatScore(explanation.permutation.current.baseline)}
            {explanation.permutation.reference ? `, reference ${formatScore(explanation.permutation.reference.baseline)}` : ''}
          </p>
          <PlotFigure
            label="Permutation importance per feature, reference and current"
            deps={[explanation.permutation]}
            build={(o) => permutationChart(explanation.permutation!, o)}
            testId="permutation-importance"
          />
        </section>
      ) : null}
    </>
  );
}
