'use client';
import { latencyChart, throughputChart } from '../../lib/charts/latency-chart';
import { cellSpec, sideWarnings, type DatasetsBySlot, type OperationalCellConfig, type OperationalSide } from '../../lib/notebook';
import { operationalRows, windowNote } from '../../lib/notebook/kinds/operational';
import { formatCount, formatScore } from '../format';
import type { CellProps } from './types';
import { ChoiceField, columnChoices, ColumnField, NumberField, SettingsForm, TIME_WINDOWS, useDraft, type Column } from './model/fields';
import { Warnings } from '../ui/Warnings';
import { MetricTable } from './model/MetricTable';
import { PlotFigure } from './model/PlotFigure';
import { UserText } from '../ui/UserText';
import { visibleControls } from '../../lib/format';

function OperationalForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: OperationalCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: OperationalCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const problem = cellSpec('operational').validate(draft, datasets)[0];
  return (
    <SettingsForm label="Latency settings" disabled={disabled} problem={problem} onApply={() => onApply(draft)}>
      <ColumnField
        label="Latency column (ms)"
        value={draft.latency}
        columns={columns}
        empty="by name (latency, duration…)"
        onChange={(latency) => set({ latency })}
      />
      <ColumnField
        label="Timestamp column"
        value={draft.timestamp}
        columns={columns}
        empty="by role (none: no throughput)"
        onChange={(timestamp) => set({ timestamp })}
      />
      <NumberField label="SLA (ms)" value={draft.slaMs} min={0} step={1} placeholder="200" onChange={(slaMs) => set({ slaMs })} />
      <ChoiceField
        label="Time window"
        value={draft.window === 'auto' ? undefined : draft.window}
        empty="automatic (80–200 windows)"
        choices={TIME_WINDOWS}
        onChange={(window) => set({ window })}
      />
    </SettingsForm>
  );
}

function SideCharts({ which, side }: { which: 'reference' | 'current'; side: OperationalSide }) {
  return (
    <section className="model-side" aria-label={`${which}: ${visibleControls(side.name)}`}>
      <h4>
        {which === 'reference' ? 'Reference' : 'Current'}: <UserText text={side.name} />
      </h4>
      <p className="muted small">
        {formatCount(side.rows)} rows · {windowNote(side)}
      </p>
      {side.throughput ? (
        <div className="model-charts">
          <PlotFigure
            title="Latency percentiles"
            label={`Latency percentiles per window with the SLA line, ${which}`}
            deps={[side]}
            build={({ document, width }) => latencyChart(side, { document, width })}
            testId={`latency-chart-${which}`}
          />
          <PlotFigure
            title="Throughput"
            label={`Predictions per window, ${which}`}
            deps={[side]}
            build={({ document, width }) => throughputChart(side, { document, width })}
          />
        </div>
      ) : null}
    </section>
  );
}

/** Latency and throughput: percentiles against the SLA (reference vs current, Δ) and, with timestamps, both over time. */
export function OperationalCell({ cell, onConfigChange, columns, datasets }: CellProps<'operational'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columnChoices(columns, result ? [result.columns.latency, result.columns.timestamp] : []);
  const sides: { which: 'reference' | 'current'; side: OperationalSide }[] = result
    ? [{ which: 'reference', side: result.reference }, ...(result.current ? [{ which: 'current' as const, side: result.current }] : [])]
    : [];
  return (
    <>
      <OperationalForm
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
            latency{' '}
            <code>
              <UserText text={result.columns.latency} />
            </code>
            {result.columns.timestamp ? (
              <>
                {' '}
                · timestamp{' '}
                <code>
                  <UserText text={result.columns.timestamp} />
                </code>
              </>
            ) : null}{' '}
            · SLA {formatScore(result.slaMs)} ms (a request taking longer breaches it)
          </p>
          <Warnings warnings={sideWarnings(sides.map((s) => s.side))} />
          <MetricTable rows={operationalRows(result)} testId="operational-metrics" />
          {sides.map(({ which, side }) => (
            <SideCharts key={which} which={which} side={side} />
          ))}
        </>
      ) : null}
    </>
  );
}
