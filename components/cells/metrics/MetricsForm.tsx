'use client';
import { cellSpec, type DatasetsBySlot } from '../../../lib/notebook';
import type { MetricsCellConfig, MetricsTimelineOverlay, MetricsTransform } from '../../../lib/notebook/kinds/metrics';
import type { TimelineCellResult } from '../../../lib/notebook/kinds/timeline';
import { visibleControls } from '../../../lib/format';
import { ChoiceField, ColumnField, ColumnsField, NumberField, SettingsForm, useDraft, type Column } from '../model/fields';

const TRANSFORMS: readonly (readonly [MetricsTransform, string])[] = [
  ['rate', 'rate(x[range]) — counters per second'],
  ['histogram_quantile', 'histogram_quantile(q, …) — of _bucket series'],
];

/** A timeline cell the Metrics cell can sit beside: one split by calendar periods (its windows have times). */
export interface TimelineChoice {
  id: string;
  title: string;
  result: TimelineCellResult;
}

/** The timeline's windows as the Metrics config keeps them (so the result and the report stand alone). */
export function overlayOf(choice: TimelineChoice): MetricsTimelineOverlay {
  return {
    cellId: choice.id,
    title: choice.title,
    label: choice.result.scalar.label,
    windows: choice.result.windows.flatMap((w) =>
      w.start !== undefined && w.end !== undefined ? [{ label: w.label, start: w.start, end: w.end, value: w.value, flagged: w.flagged }] : [],
    ),
  };
}

/** The Metrics cell's settings: time column, series, transform (range, quantile) and the timeline beside it. */
export function MetricsForm({
  config,
  columns,
  datasets,
  timelines,
  disabled,
  onApply,
}: {
  config: MetricsCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  timelines: readonly TimelineChoice[];
  disabled: boolean;
  onApply: (c: MetricsCellConfig) => void;
}) {
  const [draft, set] = useDraft(config);
  const timed = timelines.filter((t) => t.result.split.by === 'period');
  const choices = timed.map((t) => [t.id, `${visibleControls(t.title)} (${t.result.scalar.label})`] as const);
  const numeric = columns.filter((c) => c.type === 'numeric' || c.type === '');
  return (
    <SettingsForm label="Metrics settings" disabled={disabled} problem={cellSpec('metrics').validate(draft, datasets)[0]} onApply={() => onApply(draft)}>
      <ColumnField label="Time column" value={draft.timeColumn} columns={columns} empty="the datetime column" onChange={(timeColumn) => set({ timeColumn })} />
      <ColumnsField label="Series" hint="none: all" value={draft.series} columns={numeric} onChange={(series) => set({ series })} />
      <ChoiceField
        label="Transform"
        value={draft.transform === 'raw' ? undefined : draft.transform}
        empty="raw values"
        choices={TRANSFORMS}
        onChange={(t) => set({ transform: t ?? 'raw' })}
      />
      {draft.transform !== 'raw' ? (
        <NumberField
          label={draft.transform === 'rate' ? 'Range (seconds)' : 'Rate range first (seconds)'}
          value={draft.rangeSeconds}
          min={1}
          step={1}
          placeholder={draft.transform === 'rate' ? '300' : 'none'}
          onChange={(rangeSeconds) => set({ rangeSeconds })}
        />
      ) : null}
      {draft.transform === 'histogram_quantile' ? (
        <NumberField label="Quantile (0–1)" value={draft.quantile} min={0} max={1} placeholder="0.95" onChange={(quantile) => set({ quantile })} />
      ) : null}
      <ChoiceField
        label="Beside the timeline"
        value={draft.timeline?.cellId}
        empty={timed.length ? 'none' : 'none (add a timeline split by periods)'}
        choices={choices}
        onChange={(id) => {
          const chosen = timed.find((t) => t.id === id);
          set({ timeline: chosen ? overlayOf(chosen) : undefined });
        }}
      />
    </SettingsForm>
  );
}
