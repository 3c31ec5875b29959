'use client';
import { cellSpec, type DatasetsBySlot } from '../../../lib/notebook';
import type { SplitMode, TimelineCellConfig } from '../../../lib/notebook/kinds/timeline';
import { SCALARS } from '../../../lib/notebook/scalars';
import { PERIODS, type Period } from '../../../lib/stream/windows';
import { ChoiceField, ColumnField, ColumnsField, NumberField, SettingsForm, TextField, useDraft, type Column } from '../model/fields';

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

/** The timeline's settings: how to split, which scalar (and its kind's settings), the band, concept drift. */
export function TimelineForm({
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
