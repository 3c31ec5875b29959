'use client';
import type { PermutationMetric, ShapMethod, OutputSpace } from '../../../lib/explain/types';
import { cellSpec, type DatasetsBySlot } from '../../../lib/notebook';
import { EXPLAIN_ROWS, type ExplainCellConfig, type ExplainSource } from '../../../lib/notebook/kinds/explain';
import { getDb } from '../../../lib/store/db';
import { visibleControls } from '../../../lib/format';
import { MappingEditor, OutputPicker } from '../../models/MappingEditor';
import { proposedMapping, shownOutput } from '../../models/mapping-defaults';
import { useModels } from '../../models/useModels';
import { ChoiceField, ColumnField, NumberField, SettingsForm, useDraft, type Column } from '../model/fields';

const SOURCES: readonly (readonly [ExplainSource, string])[] = [['shap-columns', 'the data’s shap_<feature> columns (no model)']];
const METHODS: readonly (readonly [Exclude<ShapMethod, 'auto'>, string])[] = [
  ['exact', 'exact (every subset)'],
  ['kernel', 'Kernel SHAP (sampled coalitions)'],
];
const SPACES: readonly (readonly [Exclude<OutputSpace, 'probability'>, string])[] = [['log-odds', 'log-odds (logit of each model call)']];
const METRICS: readonly (readonly [PermutationMetric, string])[] = [
  ['accuracy', 'accuracy'],
  ['roc_auc', 'ROC AUC'],
  ['neg_log_loss', 'log loss (negated)'],
  ['r2', 'R²'],
  ['neg_mean_squared_error', 'MSE (negated)'],
  ['neg_mean_absolute_error', 'MAE (negated)'],
];

interface Props {
  config: ExplainCellConfig;
  columns: Column[];
  datasets?: DatasetsBySlot;
  disabled: boolean;
  onApply: (config: ExplainCellConfig) => void;
}

/** The Explain cell's settings: the model and how it takes the columns, SHAP's settings, permutation importance. */
export function ExplainForm({ config, columns, datasets, disabled, onApply }: Props) {
  const [draft, set] = useDraft(config);
  const models = useModels(getDb());
  const model = models.find((m) => m.id === draft.model);
  const usesModel = (draft.source ?? 'model') === 'model';
  const names = columns.map((c) => c.name);
  const mapping = model ? (draft.mapping ?? proposedMapping(model, names)) : undefined;
  const permutation = draft.permutation;
  return (
    <SettingsForm label="Explain settings" disabled={disabled} problem={cellSpec('explain').validate(draft, datasets)[0]} onApply={() => onApply(draft)}>
      <ChoiceField
        label="Attributions from"
        value={draft.source === 'shap-columns' ? 'shap-columns' : undefined}
        empty="a stored model (SHAP computed here)"
        choices={SOURCES}
        onChange={(source) => set({ source: source ?? 'model' })}
      />
      {usesModel ? (
        <label className="field">
          <span>Model</span>
          <select
            value={draft.model ?? ''}
            aria-label="Model"
            onChange={(e) => set({ model: e.target.value || undefined, mapping: undefined, output: undefined })}
            data-testid="explain-model"
          >
            <option value="">{models.length ? 'choose…' : 'none stored: drop one in the Models tab'}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {visibleControls(m.name)} ({m.sha256.slice(0, 8)})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {usesModel ? (
        <ChoiceField
          label="Method"
          value={draft.method === 'auto' ? undefined : draft.method}
          empty="auto (exact up to 12 features)"
          choices={METHODS}
          onChange={(method) => set({ method })}
        />
      ) : null}
      {usesModel ? (
        <ChoiceField
          label="Output space"
          value={draft.outputSpace === 'probability' ? undefined : draft.outputSpace}
          empty="probability (or the regressor’s value)"
          choices={SPACES}
          onChange={(outputSpace) => set({ outputSpace })}
        />
      ) : null}
      {usesModel ? (
        <NumberField
          label="Background rows (from reference)"
          value={draft.backgroundSize}
          min={1}
          step={1}
          placeholder="100"
          onChange={(backgroundSize) => set({ backgroundSize })}
        />
      ) : null}
      {usesModel && draft.method === 'kernel' ? (
        <NumberField label="Kernel SHAP coalitions" value={draft.samples} min={1} step={1} placeholder="2048" onChange={(samples) => set({ samples })} />
      ) : null}
      <NumberField
        label={usesModel ? 'Current rows explained' : 'Current rows shown (beeswarm, dependence)'}
        value={draft.maxRows}
        min={1}
        step={1}
        placeholder={String(EXPLAIN_ROWS)}
        onChange={(maxRows) => set({ maxRows })}
      />
      {usesModel ? (
        <NumberField
          label="Reference rows (attribution drift; 0 = off)"
          value={draft.referenceRows}
          min={0}
          step={1}
          placeholder={String(EXPLAIN_ROWS)}
          onChange={(referenceRows) => set({ referenceRows })}
        />
      ) : null}
      <NumberField label="Seed" value={draft.seed} min={0} step={1} placeholder="42" onChange={(seed) => set({ seed })} />
      {usesModel ? (
        <ColumnField
          label="Permutation importance: target"
          value={permutation?.target}
          columns={columns}
          empty="off"
          onChange={(target) => set({ permutation: target ? { ...permutation, target } : undefined })}
        />
      ) : null}
      {usesModel && permutation ? (
        <>
          <ChoiceField
            label="Permutation metric"
            value={permutation.metric}
            empty="accuracy (classifier) / R² (regressor)"
            choices={METRICS}
            onChange={(metric) => set({ permutation: { ...permutation, metric } })}
          />
          <NumberField
            label="Repeats"
            value={permutation.nRepeats}
            min={1}
            step={1}
            placeholder="5"
            onChange={(nRepeats) => set({ permutation: { ...permutation, nRepeats } })}
          />
        </>
      ) : null}
      {model && mapping ? (
        <details className="settings explain-mapping">
          <summary>Model inputs and output</summary>
          <MappingEditor model={model} mapping={mapping} columns={columns} onChange={(m) => set({ mapping: m })} />
          <OutputPicker model={model} value={draft.output ?? shownOutput(model)} onChange={(output) => set({ output })} />
        </details>
      ) : null}
    </SettingsForm>
  );
}
