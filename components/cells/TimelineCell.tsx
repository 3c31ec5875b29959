'use client';
import { conceptChart, driftHeatmap, timelineChart, timelineRowsChart } from '../../lib/charts/timeline-chart';
import { timelineNote } from '../../lib/notebook/view/timeline-rows';
import { formatCount } from '../format';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { columnChoices } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import { TimelineForm } from './timeline/TimelineForm';
import { WindowTable } from './timeline/WindowTable';
import type { CellProps } from './types';

/** A metric per window against reference bands, the drift heatmap and the concept-drift series. */
export function TimelineCell({ cell, onConfigChange, columns, datasets, onAddCell }: CellProps<'timeline'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columnChoices(columns, result ? [result.scalar.column, result.split.by === 'period' ? result.split.timestampColumn : undefined] : []);
  const flagged = result?.windows.filter((w) => w.flagged).length ?? 0;
  return (
    <>
      <TimelineForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <p className="muted small summary-meta">
            reference{' '}
            <strong>
              <UserText text={result.reference.name} />
            </strong>{' '}
            ({formatCount(result.reference.rows)} rows) · current{' '}
            <strong>
              <UserText text={result.current.name} />
            </strong>{' '}
            ({formatCount(result.current.rows)} rows) · <UserText text={result.scalar.label} />
            {result.scalar.column ? (
              <>
                {' of '}
                <code>
                  <UserText text={result.scalar.column} />
                </code>
              </>
            ) : null}{' '}
            · <span data-testid="timeline-flagged">{formatCount(flagged)}</span> of {formatCount(result.windows.length)} windows flagged
          </p>
          <p className="muted small">
            <UserText text={timelineNote(result)} />
          </p>
          <Warnings warnings={result.warnings} />
          <PlotFigure
            label={`${result.scalar.label} per window, with the reference band and flagged windows`}
            deps={[result]}
            build={({ document, width }) => timelineChart(result, { document, width })}
            maxWidth={760}
            testId="timeline-chart"
          />
          <PlotFigure label="Rows per window" deps={[result]} build={({ document, width }) => timelineRowsChart(result, { document, width })} maxWidth={760} />
          {result.heatmap ? (
            <PlotFigure
              label="Drift per column and window, sorted by first drift"
              title="Drift per column and window (sorted by first drift)"
              deps={[result]}
              build={({ document, width }) => driftHeatmap(result, { document, width })}
              maxWidth={760}
              testId="timeline-heatmap"
            />
          ) : null}
          {result.concept ? (
            <PlotFigure
              label="Concept drift: the model's errors per window against the reference"
              title="Concept drift (Mann–Whitney U per window; red: p < 0.05)"
              deps={[result]}
              build={({ document, width }) => conceptChart(result, { document, width })}
              maxWidth={760}
            />
          ) : null}
          <WindowTable result={result} cell={cell} onAddCell={onAddCell} />
        </>
      ) : null}
    </>
  );
}
