'use client';
import { useState } from 'react';
import { cbpeChart } from '../../lib/charts/cbpe-chart';
import type { MetricName } from '../../lib/metrics/cbpe';
import type { CalibrationMode } from '../../lib/metrics/cbpe-calibration';
import { cellSpec, type DatasetsBySlot, type EstimatedCellConfig, type EstimatedCellResult } from '../../lib/notebook';
import { calibrationNote, decisionNote, ESTIMATED_LABELS, ESTIMATED_METRICS, estimatedRows, estimatedValueRows } from '../../lib/notebook/kinds/estimated';
import { formatCount } from '../format';
import type { CellProps } from './types';
import { ChoiceField, columnChoices, ColumnField, NumberField, SettingsForm, TextField, TIME_WINDOWS, useDraft, type Column } from './model/fields';
import { Warnings } from '../ui/Warnings';
import { MetricTable } from './model/MetricTable';
import { PlotFigure } from './model/PlotFigure';
import { ModelValue } from './value/ModelValue';
import { UserText } from '../ui/UserText';

const CALIBRATION: readonly (readonly [CalibrationMode, string])[] = [
  ['always', 'always (isotonic)'],
  ['never', 'never (scores are probabilities)'],
];

function EstimatedForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: EstimatedCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: EstimatedCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  return (
    <SettingsForm
      label="Estimated performance settings"
      disabled={disabled}
      problem={cellSpec('estimated').validate(draft, datasets)[0]}
      onApply={() => onApply(draft)}
    >
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      <ColumnField label="Score (probability of the positive label)" value={draft.score} columns={columns} onChange={(score) => set({ score })} />
      <ColumnField
        label="Prediction"
        value={draft.prediction}
        columns={columns}
        empty="by role (or from the score)"
        onChange={(prediction) => set({ prediction })}
      />
      <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
      <NumberField
        label="Threshold (score ≥ t is positive)"
        value={draft.threshold}
        min={0}
        max={1}
        step={0.01}
        placeholder="0.5"
        onChange={(threshold) => set({ threshold })}
      />
      <ChoiceField
        label="Calibration"
        value={draft.calibration === 'auto' ? undefined : draft.calibration}
        empty="auto (when it lowers the error)"
        choices={CALIBRATION}
        onChange={(calibration) => set({ calibration })}
      />
      <NumberField label="Chunks of current" value={draft.chunks} min={1} max={50} step={1} placeholder="8" onChange={(chunks) => set({ chunks })} />
      <ColumnField
        label="Or chunk by time: timestamp column"
        value={draft.timestamp}
        columns={columns}
        empty="none (row chunks)"
        onChange={(timestamp) => set({ timestamp })}
      />
      <ChoiceField
        label="Time window"
        value={draft.window === 'auto' ? undefined : draft.window}
        empty="automatic"
        choices={TIME_WINDOWS}
        onChange={(window) => set({ window })}
      />
    </SettingsForm>
  );
}

function ChunkChart({ result }: { result: EstimatedCellResult }) {
  const [metric, setMetric] = useState<MetricName>('rocAuc');
  const chunks = result.cbpe.chunks ?? [];
  if (chunks.length === 0) return null;
  const label = ESTIMATED_METRICS.find(([m]) => m === metric)?.[2] ?? metric;
  return (
    <section className="model-side" aria-label="Per chunk of current">
      <label className="field inline-field">
        <span>Per chunk of current ({chunks.length}):</span>
        <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)} aria-label="Metric per chunk">
          {ESTIMATED_METRICS.map(([m, , text]) => (
            <option key={m} value={m}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <PlotFigure
        label={`Estimated ${label} per chunk with its sampling band, realized where labelled, and the reference value`}
        deps={[result, metric]}
        build={({ document, width }) => cbpeChart(result.cbpe, { document, width, metric, time: result.chunkBy === 'time' })}
        testId="cbpe-chart"
      />
    </section>
  );
}

/** Estimated performance (CBPE): estimated vs realized metrics, per-chunk estimates and the assumptions behind them. */
export function EstimatedCell({ cell, onConfigChange, columns, datasets }: CellProps<'estimated'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columnChoices(columns, result ? [result.columns.target, result.columns.score, result.columns.prediction] : []);
  return (
    <>
      <EstimatedForm
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
            ({formatCount(result.current.rows)} rows, {formatCount(result.cbpe.current.labelled)} labelled) · target{' '}
            <code>
              <UserText text={result.columns.target} />
            </code>{' '}
            · score{' '}
            <code>
              <UserText text={result.columns.score} />
            </code>{' '}
            · positive label “<UserText text={result.posLabel} />” · {decisionNote(result)}
          </p>
          <p className="muted small" data-testid="estimated-calibration">
            {calibrationNote(result)}
          </p>
          <Warnings warnings={result.cbpe.warnings} />
          <MetricTable
            rows={estimatedRows(result)}
            testId="estimated-metrics"
            labels={ESTIMATED_LABELS}
            caption="Estimated without labels vs realized with them"
          />
          <ChunkChart result={result} />
          <details className="settings" open>
            <summary>Assumptions of the estimate (CBPE)</summary>
            <ul className="small" data-testid="estimated-assumptions">
              {result.cbpe.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </details>
          <ModelValue
            key={JSON.stringify(config.value)}
            settings={config.value}
            rows={() => estimatedValueRows(result, config.value!)}
            disabled={cell.status === 'running'}
            testId="estimated-value"
            onApply={(value) => {
              const { value: _old, ...rest } = config;
              onConfigChange(value ? { ...rest, value } : rest);
            }}
          />
        </>
      ) : null}
    </>
  );
}
