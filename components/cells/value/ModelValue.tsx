'use client';
import { useState } from 'react';
import { valueMatrixProblems, type ValueSettings } from '../../../lib/compare/business-value';
import { DEFAULT_VALUE_MATRIX } from '../../../lib/notebook/kinds/value';
import { valueSettingsNote, type ValueRow } from '../../../lib/notebook/view/value-rows';
import { SettingsForm } from '../model/fields';
import { ValueFields } from './ValueFields';
import { ValueTable } from './ValueTable';

/**
 * The "Business value" section of a model cell (classification, estimated performance): the value
 * matrix and serving cost live in the cell's config (so they are in the report); the rows value the
 * confusion matrices the cell already computed.
 */
export function ModelValue(props: {
  settings?: ValueSettings;
  rows: () => ValueRow[];
  disabled: boolean;
  testId: string;
  onApply: (settings?: ValueSettings) => void;
}) {
  const [draft, setDraft] = useState<ValueSettings>(props.settings ?? { matrix: { ...DEFAULT_VALUE_MATRIX } });
  const rows = props.settings ? props.rows() : [];
  return (
    <details className="settings" open={props.settings !== undefined} data-testid={`${props.testId}-section`}>
      <summary>Business value</summary>
      <SettingsForm
        label="Business value settings"
        disabled={props.disabled}
        problem={valueMatrixProblems(draft.matrix, draft.costPerPrediction)[0]}
        onApply={() => props.onApply(draft)}
      >
        <ValueFields
          matrix={draft.matrix}
          cost={draft.costPerPrediction}
          onMatrix={(matrix) => setDraft({ ...draft, matrix })}
          onCost={(costPerPrediction) => setDraft(costPerPrediction === undefined ? { matrix: draft.matrix } : { ...draft, costPerPrediction })}
        />
      </SettingsForm>
      {props.settings ? (
        <>
          <p className="muted small">
            {valueSettingsNote(props.settings)}{' '}
            <button type="button" className="button" disabled={props.disabled} onClick={() => props.onApply(undefined)}>
              Remove business value
            </button>
          </p>
          {rows.length ? <ValueTable rows={rows} testId={props.testId} /> : <p className="muted small">Business value needs a binary classifier.</p>}
        </>
      ) : null}
    </details>
  );
}
