'use client';
import { latencyChart, throughputChart } from '../../lib/charts/latency-chart';
import type { OperationalCellConfig, OperationalCellResult, OperationalSide } from '../../lib/metrics/model-cells';
import { sideWarnings } from '../../lib/report/sections/model';
import { operationalRows, windowNote } from '../../lib/report/sections/operational';
import { formatCount, formatScore } from '../format';
import type { CellProps } from './DriftCell';
import { ChoiceField, columnChoices, ColumnField, NumberField, SettingsForm, TIME_WINDOWS, useDraft, Warnings, type Column } from './model/fields';
import { MetricTable } from './model/MetricTable';
import { PlotFigure } from './model/PlotFigure';

function OperationalForm({
  config,
  columns,
  disabled,
  onApply,
}: {
  config: OperationalCellConfig;
  columns: Column[];
  disabled: boolean;
  onApply: (c: OperationalCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const problem = draft.slaMs !== undefined && draft.slaMs < 0 ? 'The SLA is a latency in ms: 0 or more' : undefined;
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
    <section className="model-side" aria-label={`${which}: ${side.name}`}>
      <h4>
        {which === 'reference' ? 'Reference' : 'Current'}: {side.name}
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
export function OperationalCell({ cell, onConfigChange, columns }: CellProps) {
  const config = cell.config as OperationalCellConfig;
  const result: OperationalCellResult | undefined = cell.result?.kind === 'operational' ? cell.result : undefined;
  const choices = columnChoices(columns, result ? [result.columns.latency, result.columns.timestamp] : []);
  const sides: { which: 'reference' | 'current'; side: OperationalSide }[] = result
    ? [{ which: 'reference', side: result.reference }, ...(result.current ? [{ which: 'current' as const, side: result.current }] : [])]
    : [];
  return (
    <>
      <OperationalForm key={JSON.stringify(config)} config={config} columns={choices} disabled={cell.status === 'running'} onApply={onConfigChange} />
      {result ? (
        <>
          <p className="muted small summary-meta">
            latency <code>{result.columns.latency}</code>
            {result.columns.timestamp ? (
              <>
                {' '}
                · timestamp <code>{result.columns.timestamp}</code>
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
