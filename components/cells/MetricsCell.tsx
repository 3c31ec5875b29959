'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { metricsAlertMarks, metricsObservations } from '../../lib/alerts/metrics-samples';
import { metricsChart, metricsTimeDomain, metricsTimelineChart, seriesColors } from '../../lib/charts/metrics-chart';
import { cellSpec } from '../../lib/notebook';
import { metricsNote, metricsSeriesRows } from '../../lib/notebook/view/metrics-rows';
import { getRulesRecord } from '../../lib/store/alerts';
import { getDb } from '../../lib/store/db';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { LiveQuery } from './metrics/LiveQuery';
import { PROMETHEUS_ORIGIN } from './metrics/live-query';
import { MetricsForm, overlayOf } from './metrics/MetricsForm';
import { columnChoices } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

/** Imported Prometheus/Grafana series over time, under a timeline's metric on the same axis, with the alert rules' thresholds and firing points. */
export function MetricsCell({ cell, onConfigChange, columns, datasets, timelines = [], onUseDataset }: CellProps<'metrics'>) {
  const config = cell.config;
  const result = cell.result;
  const rules = useLiveQuery(() => getRulesRecord(getDb(), cell.workspaceId), [cell.workspaceId])?.rules;
  const marks = useMemo(
    () => (result && rules ? metricsAlertMarks(rules, metricsObservations(cell.workspaceId, { id: cell.id, title: cell.title }, result), result) : undefined),
    [result, rules, cell.workspaceId, cell.id, cell.title],
  );
  const domain = useMemo(() => (result ? metricsTimeDomain(result) : undefined), [result]);
  const colors = result ? seriesColors(result) : [];
  // The chosen timeline has run again since it was copied: offer its new windows.
  const linked = timelines.find((t) => t.id === config.timeline?.cellId);
  const outdated = linked && config.timeline && JSON.stringify(overlayOf(linked).windows) !== JSON.stringify(config.timeline.windows);
  const choices = columnChoices(columns, result ? [result.timeColumn] : []);
  return (
    <>
      {PROMETHEUS_ORIGIN && onUseDataset ? (
        <LiveQuery
          last={config.live}
          problems={(live) => cellSpec('metrics').validate({ ...config, live })}
          onResult={(dataset, live) => {
            // Another query's columns: the series and time column are chosen afresh.
            const { series: _series, timeColumn: _time, ...rest } = config;
            onUseDataset('reference', dataset, { ...rest, live });
          }}
        />
      ) : null}
      <MetricsForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        timelines={timelines}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {outdated ? (
        <p className="muted small">
          The timeline “<UserText text={linked.title} />” has new windows.{' '}
          <button type="button" className="button button-small" onClick={() => onConfigChange({ ...config, timeline: overlayOf(linked) })}>
            Use them
          </button>
        </p>
      ) : null}
      {result ? (
        <>
          <p className="muted small summary-meta" data-testid="metrics-note">
            <UserText text={metricsNote(result)} />
            {marks ? (
              <>
                {' '}
                · <span data-testid="metrics-firing">{marks.firing.length}</span> firing points of {marks.thresholds.length} alert{' '}
                {marks.thresholds.length === 1 ? 'rule' : 'rules'}
              </>
            ) : null}
          </p>
          <Warnings warnings={result.warnings} />
          {result.timeline ? (
            <PlotFigure
              label={`${result.timeline.label} per window of ${result.timeline.title}, on the series' time axis`}
              title={`${result.timeline.label} per window — ${result.timeline.title}`}
              deps={[result, domain]}
              build={({ document, width }) => metricsTimelineChart(result.timeline!, { document, width, ...(domain ? { domain } : {}) })}
              maxWidth={760}
              testId="metrics-timeline-chart"
            />
          ) : null}
          <PlotFigure
            label={`${result.series.length} series over time, with alert thresholds and firing points`}
            deps={[result, domain, marks]}
            build={({ document, width }) => metricsChart(result, { document, width, ...(domain ? { domain } : {}), ...(marks ? { alerts: marks } : {}) })}
            maxWidth={760}
            testId="metrics-chart"
          />
          <div className="table-wrap">
            <table className="metrics-series" data-testid="metrics-series">
              <thead>
                <tr>
                  <th>Series</th>
                  <th className="num">Points</th>
                  <th className="num">Last</th>
                  <th className="num">Min</th>
                  <th className="num">Max</th>
                </tr>
              </thead>
              <tbody>
                {metricsSeriesRows(result).map((r, i) => (
                  <tr key={i}>
                    <td>
                      <span className="run-swatch" style={{ background: colors[i] }} aria-hidden="true" />
                      <code>
                        <UserText text={r.name} />
                      </code>
                    </td>
                    <td className="num">{r.points}</td>
                    <td className="num">{r.last}</td>
                    <td className="num">{r.min}</td>
                    <td className="num">{r.max}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
