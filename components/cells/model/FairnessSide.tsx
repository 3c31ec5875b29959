'use client';
import { useState } from 'react';
import { disparityChart, fairnessChart, type RateMetric } from '../../../lib/charts/fairness-chart';
import { toReweighingCsv } from '../../../lib/fairness/reweighing';
import type { AequitasMetric, FairnessResult, ThresholdResult } from '../../../lib/fairness/types';
import { excludedNote, fairnessMethodNote, flaggedGroups, GROUP_METRICS, thresholdOutcomeRows } from '../../../lib/notebook/view/fairness-rows';
import { formatMetric } from '../../../lib/notebook/view/metric-rows';
import { download, downloadName } from '../../export-report';
import { formatCount } from '../../format';
import { MetricTable } from './MetricTable';
import { PlotFigure } from './PlotFigure';
import { UserText } from '../../ui/UserText';

type Side = FairnessResult & { name: string };

const RATES: readonly RateMetric[] = ['selection_rate', 'tpr', 'fpr', 'fnr', 'tnr', 'precision', 'accuracy'];
const DISPARITIES: readonly AequitasMetric[] = ['pprev', 'ppr', 'precision', 'fdr', 'for', 'fpr', 'fnr'];
const RATE_LABEL = Object.fromEntries(GROUP_METRICS.map(([id, label]) => [id, label]));

function GroupTable({ side }: { side: Side }) {
  return (
    <div className="table-wrap">
      <table className="drift-table metric-table" data-testid="fairness-groups">
        <caption className="muted small">Per group (Fairlearn MetricFrame.by_group)</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {GROUP_METRICS.map(([id, label]) => (
              <th key={id} scope="col" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {side.groups.map((g) => (
            <tr key={g.group} data-group={g.group}>
              <th scope="row">
                <UserText text={g.group} />
              </th>
              {GROUP_METRICS.map(([id, , unit]) => (
                <td key={id} className="num" data-metric={id}>
                  {formatMetric(g[id], unit)}
                </td>
              ))}
            </tr>
          ))}
          <tr data-group="" className="overall-row">
            <th scope="row">
              <em>overall</em>
            </th>
            {GROUP_METRICS.map(([id, , unit]) => (
              <td key={id} className="num" data-metric={id}>
                {formatMetric(side.overall[id], unit)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Reweighing({ side, labelColumn }: { side: Side; labelColumn: string }) {
  const save = () =>
    download(
      toReweighingCsv(side.reweighing, { labelColumn }),
      downloadName(side.name.replace(/\.[^.]*$/, ''), '.reweighing.csv', { fallback: 'dataset' }),
      'text/csv;charset=utf-8',
    );
  return (
    <section className="model-side" aria-label="Reweighing">
      <h4>Reweighing</h4>
      <div className="table-wrap">
        <table className="drift-table metric-table" data-testid="fairness-reweighing">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Label</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Weight
              </th>
            </tr>
          </thead>
          <tbody>
            {side.reweighing.rows.map((r) => (
              <tr key={`${r.group}\u0000${r.label}`} data-group={r.group} data-label={r.label}>
                <th scope="row">
                  <UserText text={r.group} />
                </th>
                <td>
                  <UserText text={r.label} />
                </td>
                <td className="num">{formatCount(r.count)}</td>
                <td className="num">{formatMetric(r.weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{side.reweighing.formula}</p>
      <button type="button" className="button" onClick={save}>
        Download reweighing weights (CSV)
      </button>
    </section>
  );
}

function Thresholds({ t }: { t: ThresholdResult }) {
  return (
    <section className="model-side" aria-label="Per-group thresholds">
      <h4>Per-group thresholds</h4>
      <p className="muted small">
        {t.algorithm} · base threshold {formatMetric(t.base_threshold)} · target {t.criterion} {formatMetric(t.target)} · {formatCount(t.rows)} scored rows
        {t.missing_scores ? `, ${formatCount(t.missing_scores)} without a score` : ''}
      </p>
      <div className="table-wrap">
        <table className="drift-table metric-table" data-testid="fairness-thresholds">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Threshold
              </th>
              <th scope="col" className="num">
                {t.criterion} before
              </th>
              <th scope="col" className="num">
                {t.criterion} after
              </th>
              <th scope="col" className="num">
                Accuracy before
              </th>
              <th scope="col" className="num">
                Accuracy after
              </th>
            </tr>
          </thead>
          <tbody>
            {t.groups.map((g) => (
              <tr key={g.group} data-group={g.group}>
                <th scope="row">
                  <UserText text={g.group} />
                </th>
                <td className="num">{formatCount(g.count)}</td>
                <td className="num">{formatMetric(g.threshold)}</td>
                <td className="num">{formatMetric(g.rate_before)}</td>
                <td className="num">{formatMetric(g.rate_after)}</td>
                <td className="num">{formatMetric(g.before.accuracy)}</td>
                <td className="num">{formatMetric(g.after.accuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MetricTable
        rows={thresholdOutcomeRows(t)}
        testId="fairness-threshold-outcome"
        labels={{ reference: 'Before', current: 'After' }}
        caption="All groups, before and after the thresholds"
      />
    </section>
  );
}

/** One side of a fairness result: groups, the rate and disparity charts, flagged groups, and the two mitigations. */
export function FairnessSide({ side, labelColumn }: { side: Side; labelColumn: string }) {
  const [rate, setRate] = useState<RateMetric>('selection_rate');
  const [disparity, setDisparity] = useState<AequitasMetric>('pprev');
  const d = side.disparities;
  const flagged = flaggedGroups(side);
  return (
    <>
      <p className="muted small">
        {fairnessMethodNote(side)} · {excludedNote(side)}
      </p>
      <GroupTable side={side} />
      <div className="model-charts">
        <figure className="model-figure">
          <label className="field inline-field">
            <span>Rate per group</span>
            <select value={rate} onChange={(e) => setRate(e.target.value as RateMetric)} aria-label="Rate per group">
              {RATES.map((m) => (
                <option key={m} value={m}>
                  {RATE_LABEL[m] ?? m}
                </option>
              ))}
            </select>
          </label>
          <PlotFigure
            label={`${RATE_LABEL[rate] ?? rate} per group with the overall rate`}
            deps={[side, rate]}
            build={({ document, width }) => fairnessChart(side, { document, width, metric: rate })}
            testId="fairness-chart"
          />
        </figure>
        <figure className="model-figure">
          <label className="field inline-field">
            <span>Disparity vs “{d.reference_group}”</span>
            <select value={disparity} onChange={(e) => setDisparity(e.target.value as AequitasMetric)} aria-label="Disparity metric">
              {DISPARITIES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <PlotFigure
            label={`${disparity} disparity per group with the parity band`}
            deps={[side, disparity]}
            build={({ document, width }) => disparityChart(side, { document, width, metric: disparity })}
            testId="disparity-chart"
          />
        </figure>
      </div>
      <p className="muted small">
        Reference group “<UserText text={d.reference_group} />” ({d.reference_rule === 'largest' ? 'the largest' : 'chosen'}); parity band{' '}
        {formatMetric(d.band[0])}–{formatMetric(d.band[1])}.
      </p>
      {flagged.length ? (
        <ul className="warnings" aria-label="Groups outside the parity band" data-testid="fairness-flagged">
          {flagged.map((f) => (
            <li key={f.group}>
              <strong>
                <UserText text={f.group} />
              </strong>
              : {f.detail}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No group outside the parity band.</p>
      )}
      <Reweighing side={side} labelColumn={labelColumn} />
      {side.thresholds ? <Thresholds t={side.thresholds} /> : null}
    </>
  );
}
