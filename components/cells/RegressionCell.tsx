'use client';
import { predictedActualChart, residualFeatureChart, residualHistogramChart, segmentErrorChart } from '../../lib/charts/regression-charts';
import type { ModelQualityResult } from '../../lib/metrics/model-columns';
import { cellSpec, sideWarnings, type DatasetsBySlot, type RegressionCellConfig } from '../../lib/notebook';
import { regressionRows, regressionSides } from '../../lib/notebook/kinds/regression';
import { formatCount } from '../format';
import type { CellProps } from './types';
import { columnChoices, ColumnField, SettingsForm, useDraft, type Column } from './model/fields';
import { Warnings } from '../ui/Warnings';
import { MetricTable } from './model/MetricTable';
import { PlotFigure } from './model/PlotFigure';
import { UserText } from '../ui/UserText';

function RegressionForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: RegressionCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: RegressionCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const problem = cellSpec('regression').validate(draft, datasets)[0];
  return (
    <SettingsForm label="Regression settings" disabled={disabled} problem={problem} onApply={() => onApply(draft)}>
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      <ColumnField label="Prediction" value={draft.prediction} columns={columns} onChange={(prediction) => set({ prediction })} />
      <ColumnField
        label="Error by segment (a categorical column)"
        value={draft.segment}
        columns={columns}
        empty="none"
        onChange={(segment) => set({ segment })}
      />
      <ColumnField
        label="Error against a feature (a numeric column)"
        value={draft.feature}
        columns={columns}
        empty="none"
        onChange={(feature) => set({ feature })}
      />
    </SettingsForm>
  );
}

function Charts({ result }: { result: ModelQualityResult }) {
  const sides = regressionSides(result);
  const ref = sides.reference;
  return (
    <div className="model-charts">
      <PlotFigure
        title="Predicted vs actual"
        label="Predicted against actual values"
        deps={[result]}
        build={({ document }) => predictedActualChart(sides, { document })}
        testId="predicted-actual-chart"
      />
      <PlotFigure
        title="Error histogram"
        label="Histogram of errors (predicted − actual)"
        deps={[result]}
        build={({ document, width }) => residualHistogramChart(sides, { document, width })}
      />
      {(ref?.segments ?? []).map((s) => (
        <PlotFigure
          key={`segment:${s.name}`}
          title={`MAE by ${s.name}`}
          label={`MAE per value of ${s.name}`}
          deps={[result]}
          build={({ document, width }) => segmentErrorChart(sides, { document, width, segment: s.name })}
        />
      ))}
      {(ref?.residuals_by_feature ?? []).map((f) => (
        <PlotFigure
          key={`feature:${f.name}`}
          title={`Mean error by ${f.name}`}
          label={`Mean error per bin of ${f.name}`}
          deps={[result]}
          build={({ document, width }) => residualFeatureChart(sides, { document, width, feature: f.name })}
        />
      ))}
    </div>
  );
}

/** Regression quality: settings, the metric table (reference vs current, Δ), predicted vs actual and the error histogram. */
export function RegressionCell({ cell, onConfigChange, columns, datasets }: CellProps<'regression'>) {
  const config = cell.config;
  const result = cell.result?.task === 'regression' ? cell.result : undefined;
  const choices = columnChoices(columns, result ? [result.columns.target, result.columns.prediction] : []);
  const sides = result ? [result.reference, ...(result.current ? [result.current] : [])] : [];
  return (
    <>
      <RegressionForm
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
            {sides.map((s, i) => (
              <span key={i}>
                {i ? ' · current ' : 'reference '}
                <strong>
                  <UserText text={s.name} />
                </strong>{' '}
                ({formatCount(s.rows)} rows)
              </span>
            ))}{' '}
            · target{' '}
            <code>
              <UserText text={result.columns.target} />
            </code>{' '}
            · prediction{' '}
            <code>
              <UserText text={result.columns.prediction} />
            </code>{' '}
            · errors are predicted − actual
          </p>
          <Warnings warnings={sideWarnings(sides.map((s) => ({ name: s.name, warnings: s.metrics.warnings })))} />
          <MetricTable rows={regressionRows(result)} testId="regression-metrics" />
          <Charts result={result} />
        </>
      ) : null}
    </>
  );
}
