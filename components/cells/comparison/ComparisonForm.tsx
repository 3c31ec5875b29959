'use client';
import { cellSpec, type DatasetsBySlot } from '../../../lib/notebook';
import type { ComparisonCellConfig } from '../../../lib/notebook/kinds/comparison';
import { ChoiceField, ColumnField, ColumnsField, NumberField, SettingsForm, TextField, useDraft, type Column } from '../model/fields';

const MODES: readonly (readonly ['canary', string])[] = [['canary', 'canary: one prediction column, a column naming the serving model']];
const TASKS: readonly (readonly ['classification' | 'regression', string])[] = [
  ['classification', 'classification'],
  ['regression', 'regression'],
];

/** The comparison's settings; Apply is disabled while the kind's validate finds a problem. */
export function ComparisonForm(props: {
  config: ComparisonCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (c: ComparisonCellConfig) => void;
}) {
  const { columns } = props;
  const [draft, set] = useDraft(props.config);
  const canary = draft.mode === 'canary';
  return (
    <SettingsForm
      label="Model comparison settings"
      disabled={props.disabled}
      problem={cellSpec('comparison').validate(draft, props.datasets)[0]}
      onApply={() => props.onApply(draft)}
    >
      <ChoiceField
        label="Mode"
        value={draft.mode === 'shadow' ? undefined : draft.mode}
        empty="shadow: every model on the same rows"
        choices={MODES}
        onChange={(mode) => set({ mode })}
      />
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      {canary ? (
        <>
          <ColumnField label="Prediction" value={draft.prediction} columns={columns} onChange={(prediction) => set({ prediction })} />
          <ColumnField
            label="Model column (which model served the row)"
            value={draft.modelColumn}
            columns={columns}
            empty="choose…"
            onChange={(modelColumn) => set({ modelColumn })}
          />
        </>
      ) : (
        <>
          <ColumnsField
            label="Prediction columns (one per model)"
            hint="two or more, pairs in the data's column order; default by role"
            value={draft.models}
            columns={columns}
            onChange={(models) => set({ models })}
          />
          <ColumnsField
            label="Score columns (for DeLong)"
            hint="one per model, same order; optional"
            value={draft.scores}
            columns={columns}
            onChange={(scores) => set({ scores })}
          />
        </>
      )}
      <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
      <ChoiceField label="Task" value={draft.task} empty="from the target" choices={TASKS} onChange={(task) => set({ task })} />
      <ColumnField label="Friedman blocks: column" value={draft.blockColumn} columns={columns} empty="none" onChange={(blockColumn) => set({ blockColumn })} />
      <NumberField label="Friedman blocks: row chunks" value={draft.chunks} min={2} step={1} placeholder="none" onChange={(chunks) => set({ chunks })} />
      <NumberField label="Bootstrap resamples" value={draft.bootstrap} min={1} step={1} placeholder="1000" onChange={(bootstrap) => set({ bootstrap })} />
      <NumberField label="Bootstrap seed" value={draft.seed} min={0} step={1} placeholder="42" onChange={(seed) => set({ seed })} />
      <ColumnField
        label="Compare within each value of"
        value={draft.segmentBy}
        columns={columns}
        empty="no segments"
        onChange={(segmentBy) => set({ segmentBy })}
      />
    </SettingsForm>
  );
}
