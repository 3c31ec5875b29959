'use client';
import { useState } from 'react';
import { cellSpec, type DatasetsBySlot } from '../../../lib/notebook';
import { parsePlannedSplit, plannedSplitText, type AbTestCellConfig } from '../../../lib/notebook/kinds/abtest';
import { PERIODS, type Period } from '../../../lib/stream/windows';
import { ChoiceField, ColumnField, NumberField, SettingsForm, TextField, useDraft, type Column } from '../model/fields';

const PERIOD_CHOICES: readonly (readonly [Period, string])[] = PERIODS.filter((p) => p !== 'day').map((p) => [p, p] as const);

/** The A/B test's settings; Apply counts as a look at a running test (the caller adds it). */
export function AbTestForm(props: {
  config: AbTestCellConfig;
  columns: Column[];
  variants: readonly string[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: AbTestCellConfig) => void;
}) {
  const { columns } = props;
  const [draft, set] = useDraft(props.config);
  const [split, setSplit] = useState(plannedSplitText(props.config.plannedSplit) ?? '');
  return (
    <SettingsForm
      label="A/B test settings"
      disabled={props.disabled}
      problem={cellSpec('abtest').validate(draft, props.datasets)[0]}
      onApply={() => props.onApply(draft)}
    >
      <ColumnField label="Variant column" value={draft.variant} columns={columns} empty="choose…" onChange={(variant) => set({ variant })} />
      <TextField
        label="Control variant"
        value={draft.control}
        placeholder="default: first in sorted order"
        suggestions={props.variants}
        onChange={(control) => set({ control })}
      />
      <ColumnField label="Binary outcome (click, conversion)" value={draft.binary} columns={columns} empty="none" onChange={(binary) => set({ binary })} />
      <ColumnField
        label="Numeric outcome (revenue, dwell time)"
        value={draft.numeric}
        columns={columns}
        empty="none"
        onChange={(numeric) => set({ numeric })}
      />
      <ColumnField label="Timestamp (rates over time)" value={draft.timestamp} columns={columns} empty="none" onChange={(timestamp) => set({ timestamp })} />
      <ChoiceField
        label="Window"
        value={draft.period === 'day' ? undefined : draft.period}
        empty="day"
        choices={PERIOD_CHOICES}
        onChange={(period) => set({ period })}
      />
      <TextField
        label="Planned split"
        value={split}
        placeholder="equal (or A=50, B=50)"
        onChange={(text) => {
          setSplit(text ?? '');
          set({ plannedSplit: parsePlannedSplit(text) });
        }}
      />
      <NumberField label="α (two-sided)" value={draft.alpha} min={0} max={1} step={0.01} placeholder="0.05" onChange={(alpha) => set({ alpha })} />
      <NumberField label="Power (planning)" value={draft.power} min={0} max={1} step={0.05} placeholder="0.8" onChange={(power) => set({ power })} />
      <NumberField
        label="Effect to plan for (rate or mean difference)"
        value={draft.effect}
        min={0}
        step="any"
        placeholder="e.g. 0.01"
        onChange={(effect) => set({ effect })}
      />
      <label className="field check">
        <input type="checkbox" checked={draft.finished ?? false} onChange={(e) => set({ finished: e.target.checked || undefined })} />
        <span>Test finished (final analysis: looks are no longer counted)</span>
      </label>
    </SettingsForm>
  );
}
