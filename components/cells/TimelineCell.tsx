'use client';
import { useState } from 'react';
import { conceptChart, driftHeatmap, timelineChart, timelineRowsChart } from '../../lib/charts/timeline-chart';
import { cellSpec, type DatasetsBySlot } from '../../lib/notebook';
import type { SplitMode, TimelineCellConfig, TimelineCellResult } from '../../lib/notebook/kinds/timeline';
import { SCALARS } from '../../lib/notebook/scalars';
import { timelineNote, timelineRows, windowColumnRows } from '../../lib/notebook/view/timeline-rows';
import { PERIODS, type Period } from '../../lib/stream/windows';
import { formatCount } from '../format';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import { ChoiceField, columnChoices, ColumnField, ColumnsField, NumberField, SettingsForm, TextField, useDraft, type Column } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

const SPLITS: readonly (readonly [SplitMode, string])[] = [
  ['rows', 'windows of N rows'],
  ['period', 'calendar periods of a timestamp'],
];
const PERIOD_CHOICES: readonly (readonly [Period, string])[] = PERIODS.map((p) => [p, p === 'week' ? 'ISO week' : p] as const);
const SCALAR_CHOICES: readonly (readonly [string, string])[] = SCALARS.map((s) => [s.id, `${s.label} (${s.id})`] as const);
const ZONES = ['UTC', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
const TASKS: readonly (readonly ['regression', string])[] = [['regression', 'regression (absolute error)']];

/** The settings of the scalar's kind the form edits (that kind's config keys). */
type Settings = {
  method?: string;
  threshold?: number;
  target?: string;
  prediction?: string;
  score?: string;
  posLabel?: string;
  latency?: string;
  slaMs?: number;
  sensitive?: string[];
};

function TimelineForm({
  config,
  columns,
  datasets,
  disabled,
  onApply,
}: {
  config: TimelineCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: TimelineCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const settings = (draft.settings ?? {}) as Settings;
  const setSetting = (patch: Settings) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
    set({ settings: Object.keys(next).length ? next : undefined });
  };
  const spec = SCALARS.find((s) => s.id === draft.scalar);
  const concept = draft.concept;
  return (
    <SettingsForm label="Timeline settings" disabled={disabled} problem={cellSpec('timeline').validate(draft, datasets)[0]} onApply={() => onApply(draft)}>
      <ChoiceField
        label="Windows"
        value={draft.split === 'count' ? undefined : draft.split}
        empty="N chunks (NannyML)"
        choices={SPLITS}
        onChange={(split) => set({ split: split ?? 'count' })}
      />
      {draft.split === 'rows' ? <NumberField label="Rows per window" value={draft.size} min={1} step={1} onChange={(size) => set({ size })} /> : null}
      {draft.split === 'count' ? (
        <NumberField label="Number of windows" value={draft.count} min={1} step={1} placeholder="10" onChange={(count) => set({ count })} />
      ) : null}
      {draft.split === 'period' ? (
        <>
          <ChoiceField label="Period" value={draft.period} empty="day" choices={PERIOD_CHOICES} onChange={(period) => set({ period })} />
          <ColumnField
            label="Timestamp column"
            value={draft.timestampColumn}
            columns={columns}
            empty="choose…"
            onChange={(timestampColumn) => set({ timestampColumn })}
          />
          <TextField label="Time zone (IANA)" value={draft.timeZone} placeholder="UTC" suggestions={ZONES} onChange={(timeZone) => set({ timeZone })} />
        </>
      ) : null}
      <ChoiceField
        label="Metric per window"
        value={draft.scalar}
        empty="choose…"
        choices={SCALAR_CHOICES}
        onChange={(scalar) => set({ scalar: scalar ?? 'dataset_drift_share' })}
      />
      {spec && spec.column !== 'none' ? (
        <ColumnField
          label="Column"
          value={draft.column}
          columns={columns}
          empty={spec.column === 'optional' ? 'every column' : 'choose…'}
          onChange={(column) => set({ column })}
        />
      ) : null}
      {spec?.kind === 'drift' ? (
        <>
          <TextField
            label="Drift method (Evidently id)"
            value={settings.method}
            placeholder="default per column"
            onChange={(method) => setSetting({ method })}
          />
          <NumberField
            label="Drift threshold"
            value={settings.threshold}
            min={0}
            placeholder="method's default"
            onChange={(threshold) => setSetting({ threshold })}
          />
        </>
      ) : null}
      {spec && ['classification', 'regression', 'estimated', 'fairness'].includes(spec.kind) ? (
        <>
          <ColumnField label="Target" value={settings.target} columns={columns} onChange={(target) => setSetting({ target })} />
          <ColumnField label="Prediction" value={settings.prediction} columns={columns} onChange={(prediction) => setSetting({ prediction })} />
          {spec.kind !== 'regression' ? (
            <TextField
              label="Positive label"
              value={settings.posLabel}
              placeholder="default: 1, true, yes…"
              onChange={(posLabel) => setSetting({ posLabel })}
            />
          ) : null}
        </>
      ) : null}
      {spec?.kind === 'estimated' ? (
        <ColumnField label="Score (probability of the positive label)" value={settings.score} columns={columns} onChange={(score) => setSetting({ score })} />
      ) : null}
      {spec?.kind === 'fairness' ? (
        <ColumnsField
          label="Sensitive columns"
          hint="one or two; default by role"
          value={settings.sensitive}
          columns={columns}
          onChange={(sensitive) => setSetting({ sensitive: sensitive.length ? sensitive : undefined })}
        />
      ) : null}
      {spec?.kind === 'operational' ? (
        <>
          <ColumnField label="Latency column (ms)" value={settings.latency} columns={columns} empty="by name" onChange={(latency) => setSetting({ latency })} />
          <NumberField label="SLA (ms)" value={settings.slaMs} min={0} placeholder="200" onChange={(slaMs) => setSetting({ slaMs })} />
        </>
      ) : null}
      <NumberField
        label="Band: mean ± k × std, k ="
        value={draft.bandMultiplier}
        min={0}
        placeholder="3"
        onChange={(bandMultiplier) => set({ bandMultiplier })}
      />
      <NumberField
        label="Minimum rows per window"
        value={draft.minWindowRows}
        min={0}
        step={1}
        placeholder="30"
        onChange={(minWindowRows) => set({ minWindowRows })}
      />
      <ColumnField
        label="Concept drift: target"
        value={concept?.target}
        columns={columns}
        empty="none"
        onChange={(target) => set({ concept: target ? { task: concept?.task ?? 'classification', target, prediction: concept?.prediction ?? '' } : undefined })}
      />
      {concept ? (
        <>
          <ColumnField
            label="Concept drift: prediction"
            value={concept.prediction || undefined}
            columns={columns}
            empty="choose…"
            onChange={(prediction) => set({ concept: { ...concept, prediction: prediction ?? '' } })}
          />
          <ChoiceField
            label="Concept drift: errors"
            value={concept.task === 'regression' ? 'regression' : undefined}
            empty="classification (error indicator)"
            choices={TASKS}
            onChange={(task) => set({ concept: { ...concept, task: task ?? 'classification' } })}
          />
        </>
      ) : null}
    </SettingsForm>
  );
}

/** One window's drift per column (the heatmap's column for it): drifted columns first. */
function WindowColumns({ result, position }: { result: TimelineCellResult; position: number }) {
  const window = result.windows[position];
  if (!window) return null;
  const rows = windowColumnRows(result, position);
  return (
    <table className="drift-table metric-table" data-testid="timeline-window-columns">
      <caption>
        Window <UserText text={window.label} />: drift per column ({formatCount(window.rows)} rows)
      </caption>
      <thead>
        <tr>
          <th>Column</th>
          <th>Method</th>
          <th className="num">Score</th>
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td>
              <UserText text={r.name} />
            </td>
            <td>{r.method}</td>
            <td className="num">{r.score}</td>
            <td className={r.drifted ? 'flagged' : undefined}>{r.drifted ? 'drifted' : 'not drifted'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Opens a window as a data-drift cell: its rows as the current segment, against the whole reference. */
function OpenWindow({ label, segment, cell, onAddCell }: { label: string; segment?: string } & Pick<CellProps<'timeline'>, 'cell' | 'onAddCell'>) {
  if (!onAddCell) return null;
  // A window narrows the current input; an input already narrowed by a segment would need both at once.
  const blocked = !segment
    ? 'no exact segment for this window (row windows, or timestamps not all written as UTC ISO text)'
    : cell.inputs.current?.segment
      ? 'the current input already has a segment'
      : undefined;
  return (
    <button
      type="button"
      className="link-button"
      disabled={blocked !== undefined}
      title={blocked ?? `Add a data drift cell on the rows of ${label} (segment ${segment})`}
      onClick={() => onAddCell({ kind: 'drift', title: `Data drift · window ${label}`, segments: { current: segment! } })}
    >
      drift cell
    </button>
  );
}

function WindowTable({ result, cell, onAddCell }: { result: TimelineCellResult } & Pick<CellProps<'timeline'>, 'cell' | 'onAddCell'>) {
  const rows = timelineRows(result);
  const concept = result.concept;
  const [selected, setSelected] = useState<number | undefined>(undefined);
  return (
    <details className="settings">
      <summary>Windows ({formatCount(rows.length)})</summary>
      <table className="drift-table metric-table timeline-table" data-testid="timeline-windows">
        <thead>
          <tr>
            <th>Window</th>
            <th>Span</th>
            <th className="num">Rows</th>
            <th className="num">Value</th>
            <th>Status</th>
            {concept ? (
              <>
                <th className="num">Error</th>
                <th className="num">Mann–Whitney p</th>
                {concept.task === 'classification' ? <th className="num">z-test p</th> : null}
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.index} data-status={r.status} className={r.status === 'small' || r.status === 'empty' ? 'muted' : undefined}>
              <td>
                {result.heatmap && r.rows > 0 ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={selected === i}
                    title="Show this window's drift per column"
                    onClick={() => setSelected(selected === i ? undefined : i)}
                  >
                    <UserText text={r.label} />
                  </button>
                ) : (
                  <UserText text={r.label} />
                )}
              </td>
              <td>
                <UserText text={r.span} />
              </td>
              <td className="num">{formatCount(r.rows)}</td>
              <td className="num">{r.value}</td>
              <td className={r.status === 'flagged' ? 'flagged' : undefined}>
                {r.status}
                {r.why ? (
                  <>
                    {' — '}
                    <UserText text={r.why} />
                  </>
                ) : null}
                {r.rows > 0 ? (
                  <>
                    {' '}
                    <OpenWindow label={r.label} segment={result.windows[i]?.segment} cell={cell} onAddCell={onAddCell} />
                  </>
                ) : null}
              </td>
              {concept ? (
                <>
                  <td className="num">{r.concept?.error ?? ''}</td>
                  <td className="num">{r.concept?.mwu ?? ''}</td>
                  {concept.task === 'classification' ? <td className="num">{r.concept?.z ?? ''}</td> : null}
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {selected === undefined ? null : <WindowColumns result={result} position={selected} />}
    </details>
  );
}

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
