'use client';
import { useState } from 'react';
import type { OddsAggregation, ParityMethod, ThresholdCriterion } from '../../lib/fairness/types';
import { cellSpec, sideWarnings, type DatasetsBySlot, type FairnessCellConfig } from '../../lib/notebook';
import { fairnessAggregateRows } from '../../lib/notebook/kinds/fairness';
import type { CellProps } from './types';
import { ChoiceField, columnChoices, ColumnField, ColumnsField, NumberField, SettingsForm, TextField, useDraft, type Column } from './model/fields';
import { Warnings } from '../ui/Warnings';
import { FairnessSide } from './model/FairnessSide';
import { MetricTable } from './model/MetricTable';
import { NameList, UserText } from '../ui/UserText';

const METHODS: readonly (readonly [ParityMethod, string])[] = [['to_overall', 'each group to overall']];
const AGGS: readonly (readonly [OddsAggregation, string])[] = [['mean', 'mean of TPR and FPR gaps']];
const UNDEFINED: readonly (readonly ['null', string])[] = [['null', 'null, and left out of the aggregates']];
const CRITERIA: readonly (readonly [ThresholdCriterion, string])[] = [['selection_rate', 'equal selection rate (demographic parity)']];

function FairnessForm(props: {
  config: FairnessCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  groups: string[];
  disabled: boolean;
  onApply: (c: FairnessCellConfig) => void;
}) {
  const { columns } = props;
  const [draft, set] = useDraft(props.config);
  return (
    <SettingsForm
      label="Fairness settings"
      disabled={props.disabled}
      problem={cellSpec('fairness').validate(draft, props.datasets)[0]}
      onApply={() => props.onApply(draft)}
    >
      <ColumnField label="Target" value={draft.target} columns={columns} onChange={(target) => set({ target })} />
      <ColumnField label="Prediction" value={draft.prediction} columns={columns} onChange={(prediction) => set({ prediction })} />
      <ColumnsField
        label="Sensitive columns"
        hint="one or two; default by role"
        value={draft.sensitive}
        columns={columns}
        onChange={(sensitive) => set({ sensitive })}
      />
      <TextField label="Positive label" value={draft.posLabel} placeholder="default: 1, true, yes…" onChange={(posLabel) => set({ posLabel })} />
      <ChoiceField
        label="Parity method"
        value={draft.method === 'between_groups' ? undefined : draft.method}
        empty="between groups"
        choices={METHODS}
        onChange={(method) => set({ method })}
      />
      <ChoiceField
        label="Equalized odds aggregation"
        value={draft.agg === 'worst_case' ? undefined : draft.agg}
        empty="worst case"
        choices={AGGS}
        onChange={(agg) => set({ agg })}
      />
      <ColumnField label="Sample weight" value={draft.weight} columns={columns} empty="none" onChange={(weight) => set({ weight })} />
      <ColumnField label="Score (for per-group thresholds)" value={draft.score} columns={columns} empty="none" onChange={(score) => set({ score })} />
      <NumberField
        label="Threshold (score ≥ t predicts positive)"
        value={draft.threshold}
        min={0}
        max={1}
        step={0.01}
        placeholder="use the prediction column"
        onChange={(threshold) => set({ threshold })}
      />
      <ChoiceField
        label="A rate with no cases (e.g. TPR of a group without positives)"
        value={draft.undefinedRates === 'zero' ? undefined : draft.undefinedRates}
        empty="0, as Fairlearn and sklearn"
        choices={UNDEFINED}
        onChange={(undefinedRates) => set({ undefinedRates })}
      />
      <ChoiceField
        label="Per-group thresholds equalise"
        value={draft.thresholdCriterion === 'tpr' ? undefined : draft.thresholdCriterion}
        empty="equal TPR (equal opportunity)"
        choices={CRITERIA}
        onChange={(thresholdCriterion) => set({ thresholdCriterion })}
      />
      <TextField
        label="Reference group"
        value={draft.referenceGroup}
        placeholder="default: the largest"
        suggestions={props.groups}
        onChange={(referenceGroup) => set({ referenceGroup })}
      />
    </SettingsForm>
  );
}

type Which = 'reference' | 'current';

/** Fairness: the six Fairlearn aggregates (reference vs current, Δ), then one side's groups, disparities and mitigations. */
export function FairnessCell({ cell, onConfigChange, columns, datasets }: CellProps<'fairness'>) {
  const config = cell.config;
  const result = cell.result;
  const [chosen, setChosen] = useState<Which>('reference');
  const c = result?.columns;
  const choices = columnChoices(columns, c ? [c.target, c.prediction, ...c.sensitive, c.weight, c.score] : []);
  const which: Which = chosen === 'current' && result?.current ? 'current' : 'reference';
  const side = result ? (which === 'current' ? result.current : result.reference) : undefined;
  const sides = result ? [result.reference, ...(result.current ? [result.current] : [])] : [];
  return (
    <>
      <FairnessForm
        key={JSON.stringify(config)}
        config={config}
        columns={choices}
        datasets={datasets}
        groups={result?.reference.groups.map((g) => g.group) ?? []}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result && c ? (
        <>
          <p className="muted small summary-meta">
            target{' '}
            <code>
              <UserText text={c.target} />
            </code>{' '}
            · prediction{' '}
            <code>
              <UserText text={c.prediction} />
            </code>{' '}
            · sensitive{' '}
            <code>
              <NameList names={c.sensitive} />
            </code>
            {c.weight ? (
              <>
                {' '}
                · weight{' '}
                <code>
                  <UserText text={c.weight} />
                </code>
              </>
            ) : null}
            {c.score ? (
              <>
                {' '}
                · score{' '}
                <code>
                  <UserText text={c.score} />
                </code>
              </>
            ) : null}
          </p>
          <Warnings warnings={sideWarnings(sides)} />
          <MetricTable rows={fairnessAggregateRows(result)} testId="fairness-aggregates" caption="Differences: 0 is parity; ratios: 1 is parity" />
          {result.current ? (
            <div className="segmented model-side-switch" role="group" aria-label="Groups of">
              {(['reference', 'current'] as const).map((w) => (
                <button key={w} type="button" aria-pressed={which === w} onClick={() => setChosen(w)}>
                  {w}: <UserText text={w === 'current' ? result.current!.name : result.reference.name} clamp />
                </button>
              ))}
            </div>
          ) : null}
          {side ? <FairnessSide key={which} side={side} labelColumn={c.target} /> : null}
        </>
      ) : null}
    </>
  );
}
