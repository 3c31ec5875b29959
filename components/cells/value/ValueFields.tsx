'use client';
import type { ValueMatrix } from '../../../lib/compare/types';
import { NumberField } from '../model/fields';

const OUTCOMES: readonly (readonly [keyof ValueMatrix, string])[] = [
  ['tp', 'Value of a TP'],
  ['fp', 'Value of an FP'],
  ['tn', 'Value of a TN'],
  ['fn', 'Value of an FN'],
];

/** The value matrix (negative numbers are costs; an empty field is NaN, which validation names) and the serving cost per prediction. */
export function ValueFields(props: { matrix: ValueMatrix; cost?: number; onMatrix: (matrix: ValueMatrix) => void; onCost: (cost?: number) => void }) {
  return (
    <>
      {OUTCOMES.map(([o, label]) => (
        <NumberField
          key={o}
          label={label}
          value={Number.isFinite(props.matrix[o]) ? props.matrix[o] : undefined}
          placeholder="e.g. 5 or -10"
          onChange={(v) => props.onMatrix({ ...props.matrix, [o]: v ?? NaN })}
        />
      ))}
      <NumberField label="Serving cost per prediction" value={props.cost} min={0} placeholder="none (no ROI)" onChange={props.onCost} />
    </>
  );
}
