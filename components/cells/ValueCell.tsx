'use client';
import { cellSpec, type DatasetsBySlot } from '../../lib/notebook';
import { valueRows, valueSettingsNote, type ValueCellConfig } from '../../lib/notebook/kinds/value';
import { formatCount } from '../format';
import { UserText } from '../ui/UserText';
import { Warnings } from '../ui/Warnings';
import {
  ChoiceField,
  columnChoices,
  ColumnField,
  ColumnsField,
  NumberField,
  SettingsForm,
  TextField,
  TIME_WINDOWS,
  useDraft,
  type Column,
} from './model/fields';
import type { CellProps } from './types';
import { ValueFields } from './value/ValueFields';
import { ValueTable } from './value/ValueTable';

function ValueForm(props: { config: ValueCellConfig; columns: Column[]; datasets?: DatasetsBySlot; disabled: boolean; onApply: (c: ValueCellConfig) => void }) {
  const [draft, set] = useDraft(props.config);
  const { columns } = props;
  return (
    <SettingsForm
      label="Business value settings"
      disabled={props.disabled}
      problem={cellSpec('value').validate(draft, props.datasets)[0]}
      onApply={() => props.onApply(draft)}
    >
      <ColumnField label="Target" value={draft.target} columns={columns} empty="by role" onChange={(target) => set({ target })} />
      <ColumnsField
        label="Prediction columns"
        hint="one per model"
        value={draft.predictions}
        columns={columns}
        onChange={(p) => set({ predictions: p.length ? p : undefined })}
      />
      <ColumnsField
        label="Score columns"
        hint="to estimate without labels (CBPE)"
        value={draft.scores}
        columns={columns}
        onChange={(s) => set({ scores: s.length ? s : undefined })}
      />
      <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
      <ValueFields
        matrix={draft.matrix}
        cost={draft.costPerPrediction}
        onMatrix={(matrix) => set({ matrix })}
        onCost={(costPerPrediction) => set({ costPerPrediction })}
      />
      <ColumnField label="Values per unit of" value={draft.unit} columns={columns} empty="none (per row)" onChange={(unit) => set({ unit })} />
      <NumberField label="Chunks" value={draft.chunks} min={1} max={50} step={1} placeholder="none" onChange={(chunks) => set({ chunks })} />
      <ColumnField label="Or windows of timestamp" value={draft.timestamp} columns={columns} empty="none" onChange={(timestamp) => set({ timestamp })} />
      <ChoiceField
        label="Time window"
        value={draft.window === 'auto' ? undefined : draft.window}
        empty="automatic"
        choices={TIME_WINDOWS}
        onChange={(window) => set({ window })}
      />
      <ColumnField label="Segments by" value={draft.segmentColumn} columns={columns} empty="none" onChange={(segmentColumn) => set({ segmentColumn })} />
    </SettingsForm>
  );
}

/** Business value per model, overall, per window and per segment; realized with labels, estimated (CBPE) without. */
export function ValueCell({ cell, onConfigChange, columns, datasets }: CellProps<'value'>) {
  const config = cell.config;
  const result = cell.result;
  const choices = columnChoices(columns, result ? [result.columns.target, ...result.columns.predictions, ...result.columns.scores] : []);
  return (
    <>
      <ValueForm
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
            {result.reference ? (
              <>
                reference{' '}
                <strong>
                  <UserText text={result.reference.name} />
                </strong>{' '}
                ({formatCount(result.reference.rows)} rows, CBPE) ·{' '}
              </>
            ) : null}
            data{' '}
            <strong>
              <UserText text={result.data.name} />
            </strong>{' '}
            ({formatCount(result.data.rows)} rows, {formatCount(result.data.labelled)} labelled) · target{' '}
            <code>
              <UserText text={result.columns.target} />
            </code>{' '}
            · positive label “<UserText text={result.posLabel} />”
            {result.columns.unit ? (
              <>
                {' '}
                · values per unit of{' '}
                <code>
                  <UserText text={result.columns.unit} />
                </code>
              </>
            ) : null}
          </p>
          <p className="muted small" data-testid="value-settings">
            {valueSettingsNote({ matrix: result.matrix, costPerPrediction: result.costPerPrediction, unit: result.columns.unit })}
          </p>
          {result.models.map((m) =>
            m.calibration ? (
              <p key={m.name} className="muted small">
                <UserText text={m.name} />: {m.calibration}
              </p>
            ) : null,
          )}
          <Warnings warnings={result.warnings} />
          <ValueTable rows={valueRows(result)} testId="value-table" />
        </>
      ) : null}
    </>
  );
}
