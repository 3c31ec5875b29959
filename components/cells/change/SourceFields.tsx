'use client';
import type { ChangeCellConfig, ChangeSource, ChangeWindowConfig } from '../../../lib/notebook/kinds/change';
import { SOURCE_LABELS } from '../../../lib/notebook/kinds/change';
import type { SplitMode } from '../../../lib/notebook/kinds/timeline';
import { SCALARS } from '../../../lib/notebook/scalars';
import { PERIODS, type Period } from '../../../lib/stream/windows';
import { ChoiceField, ColumnField, NumberField, TextField, type Column } from '../model/fields';

const SOURCE_CHOICES = (['error', 'abs_error', 'window_metric'] as const).map((s) => [s, SOURCE_LABELS[s]] as const);
const SPLITS: readonly (readonly [SplitMode, string])[] = [
  ['rows', 'windows of N rows'],
  ['period', 'calendar periods of a timestamp'],
];
const PERIOD_CHOICES: readonly (readonly [Period, string])[] = PERIODS.map((p) => [p, p === 'week' ? 'ISO week' : p] as const);
const SCALAR_CHOICES: readonly (readonly [string, string])[] = SCALARS.map((s) => [s.id, `${s.label} (${s.id})`] as const);
const MODEL_KINDS = ['classification', 'regression', 'estimated', 'fairness'];

type Set = (patch: Partial<ChangeCellConfig>) => void;

/** The source select: a column (default), the model's error indicator or absolute error, a metric per window. */
export function SourceField({ source, set }: { source?: ChangeSource; set: Set }) {
  return (
    <ChoiceField
      label="Source"
      value={source === 'column' ? undefined : source}
      empty={SOURCE_LABELS.column}
      choices={SOURCE_CHOICES}
      onChange={(next) =>
        set({
          source: next,
          // Windows are in time order already.
          ...(next === 'window_metric' ? { orderBy: undefined } : {}),
        })
      }
    />
  );
}

/** The model's columns of the error sources, as the classification cell's form takes them. */
export function ModelFields({ draft, columns, set }: { draft: ChangeCellConfig; columns: Column[]; set: Set }) {
  const classification = draft.source === 'error';
  return (
    <>
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      <ColumnField label="Prediction" value={draft.prediction} columns={columns} onChange={(prediction) => set({ prediction })} />
      {classification ? (
        <>
          <ColumnField
            label="Score (predictions from it)"
            value={draft.score?.[0]}
            columns={columns}
            empty="none"
            onChange={(score) => set({ score: score ? [score] : undefined })}
          />
          <NumberField label="Threshold" value={draft.threshold} min={0} max={1} placeholder="0.5" onChange={(threshold) => set({ threshold })} />
          <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
        </>
      ) : null}
    </>
  );
}

/** A compact Timeline form: how to split the stream, and the metric per window (with its kind's main settings). */
export function WindowFields({ draft, columns, set }: { draft: ChangeCellConfig; columns: Column[]; set: Set }) {
  const window: ChangeWindowConfig = draft.window ?? { split: 'count', scalar: '' };
  const setWindow = (patch: Partial<ChangeWindowConfig>) => {
    const next: Record<string, unknown> = { ...window, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
    set({ window: next as unknown as ChangeWindowConfig });
  };
  const settings = (window.settings ?? {}) as { target?: string; prediction?: string; posLabel?: string; method?: string };
  const setSetting = (patch: typeof settings) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
    setWindow({ settings: Object.keys(next).length ? next : undefined });
  };
  const spec = SCALARS.find((s) => s.id === window.scalar);
  return (
    <>
      <ChoiceField
        label="Windows"
        value={window.split === 'count' ? undefined : window.split}
        empty="N chunks"
        choices={SPLITS}
        onChange={(split) => setWindow({ split: split ?? 'count' })}
      />
      {window.split === 'rows' ? <NumberField label="Rows per window" value={window.size} min={1} step={1} onChange={(size) => setWindow({ size })} /> : null}
      {window.split === 'count' ? (
        <NumberField label="Number of windows" value={window.count} min={1} step={1} placeholder="10" onChange={(count) => setWindow({ count })} />
      ) : null}
      {window.split === 'period' ? (
        <>
          <ChoiceField label="Period" value={window.period} empty="day" choices={PERIOD_CHOICES} onChange={(period) => setWindow({ period })} />
          <ColumnField
            label="Timestamp column"
            value={window.timestampColumn}
            columns={columns}
            empty="choose…"
            onChange={(timestampColumn) => setWindow({ timestampColumn })}
          />
          <TextField label="Time zone (IANA)" value={window.timeZone} placeholder="UTC" onChange={(timeZone) => setWindow({ timeZone })} />
        </>
      ) : null}
      <ChoiceField
        label="Metric per window"
        value={window.scalar || undefined}
        empty="choose…"
        choices={SCALAR_CHOICES}
        onChange={(scalar) => setWindow({ scalar: scalar ?? '' })}
      />
      {spec && spec.column !== 'none' ? (
        <ColumnField
          label="Metric column"
          value={window.column}
          columns={columns}
          empty={spec.column === 'optional' ? 'every column' : 'choose…'}
          onChange={(column) => setWindow({ column })}
        />
      ) : null}
      {spec?.kind === 'drift' ? (
        <TextField label="Drift method (Evidently id)" value={settings.method} placeholder="default per column" onChange={(method) => setSetting({ method })} />
      ) : null}
      {spec && MODEL_KINDS.includes(spec.kind) ? (
        <>
          <ColumnField label="Metric target" value={settings.target} columns={columns} onChange={(target) => setSetting({ target })} />
          <ColumnField label="Metric prediction" value={settings.prediction} columns={columns} onChange={(prediction) => setSetting({ prediction })} />
        </>
      ) : null}
    </>
  );
}
