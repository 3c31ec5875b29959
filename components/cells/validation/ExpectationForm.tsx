'use client';
import { useState } from 'react';
import { EXPECTATION_SPECS, type KwargSpec } from '../../../lib/validation/kwargs';
import { expectationProblem } from '../../../lib/validation/read-suite';
import type { ExpectationConfig } from '../../../lib/validation/types';
import { ChoiceField, ColumnField, NumberField, SettingsForm, TextField, type Column } from '../model/fields';

const TYPES = Object.keys(EXPECTATION_SPECS).sort();
const JSON_KWARGS = new Set<KwargSpec['type']>(['values', 'columns', 'partition']);

/** A JSON kwarg (value_set, column_list, partition_object) typed as text; a parse error is the form's problem. */
function JsonField({ spec, value, onChange }: { spec: KwargSpec; value: unknown; onChange: (text: string) => void }) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  return (
    <label className="field validation-json-field">
      <span>
        {spec.name} <span className="small">(JSON{spec.required ? '' : ', optional'})</span>
      </span>
      <textarea
        rows={2}
        value={text}
        aria-label={spec.name}
        title={spec.description}
        placeholder={spec.type === 'partition' ? '{"values": ["a", "b"], "weights": [0.5, 0.5]}' : '["a", "b"]'}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </label>
  );
}

function KwargField({ spec, value, columns, set }: { spec: KwargSpec; value: unknown; columns: Column[]; set: (value: unknown) => void }) {
  const optional = spec.required ? '' : ` (default ${spec.default === null ? 'none' : JSON.stringify(spec.default)})`;
  switch (spec.type) {
    case 'column':
      return <ColumnField label={spec.name} value={typeof value === 'string' ? value : undefined} columns={columns} empty="choose a column" onChange={set} />;
    case 'boolean':
      return (
        <ChoiceField
          label={spec.name}
          value={typeof value === 'boolean' ? (String(value) as 'true' | 'false') : undefined}
          empty={`default (${String(spec.default)})`}
          choices={[
            ['true', 'true'],
            ['false', 'false'],
          ]}
          onChange={(v) => set(v === undefined ? undefined : v === 'true')}
        />
      );
    case 'regex':
      return <TextField label={spec.name} value={typeof value === 'string' ? value : undefined} placeholder="Python regex, e.g. ^\d{5}$" onChange={set} />;
    case 'number':
    case 'integer':
    case 'bound':
    case 'mostly':
      return (
        <NumberField
          label={`${spec.name}${optional}`}
          value={typeof value === 'number' ? value : undefined}
          step={spec.type === 'integer' ? 1 : 'any'}
          min={spec.type === 'mostly' ? 0 : undefined}
          max={spec.type === 'mostly' ? 1 : undefined}
          onChange={set}
        />
      );
    default:
      return null;
  }
}

/**
 * One expectation's form: its type, then a field per kwarg of that type (from the engine's specs),
 * checked by the engine's own reader (the CLI applies the same). Kwargs the form does not show
 * (result_format, …) are kept as they were.
 */
export function ExpectationForm({
  initial,
  index,
  columns,
  onSave,
  onCancel,
}: {
  initial?: ExpectationConfig;
  index: number;
  columns: Column[];
  onSave: (config: ExpectationConfig) => void;
  onCancel: () => void;
}) {
  const [type, setType] = useState(initial?.type ?? 'expect_column_values_to_not_be_null');
  const [kwargs, setKwargs] = useState<Record<string, unknown>>(initial?.kwargs ?? {});
  const [jsonErrors, setJsonErrors] = useState<Record<string, string>>({});
  const spec = EXPECTATION_SPECS[type];
  const set = (name: string, value: unknown) =>
    setKwargs((k) => {
      const { [name]: _old, ...rest } = k;
      return value === undefined ? rest : { ...rest, [name]: value };
    });
  const setJson = (name: string, text: string) => {
    if (text.trim() === '') {
      set(name, undefined);
      setJsonErrors(({ [name]: _old, ...rest }) => rest);
      return;
    }
    try {
      set(name, JSON.parse(text) as unknown);
      setJsonErrors(({ [name]: _old, ...rest }) => rest);
    } catch {
      setJsonErrors((e) => ({ ...e, [name]: `${name}: not valid JSON` }));
    }
  };
  const config: ExpectationConfig = { ...initial, type, kwargs, meta: initial?.meta ?? {} };
  const problem = Object.values(jsonErrors)[0] ?? expectationProblem(config, index) ?? undefined;
  return (
    <div className="validation-form" data-testid="expectation-form">
      <SettingsForm label={initial ? `Edit expectation ${index + 1}` : 'New expectation'} disabled={false} problem={problem} onApply={() => onSave(config)}>
        <label className="field">
          <span>Expectation</span>
          <select
            value={type}
            aria-label="Expectation type"
            onChange={(e) => {
              const next = e.target.value;
              // Keep the kwargs the new type also takes (the column, usually).
              const names = new Set(EXPECTATION_SPECS[next]?.kwargs.map((k) => k.name));
              setKwargs((k) => Object.fromEntries(Object.entries(k).filter(([name]) => names.has(name))));
              setJsonErrors({});
              setType(next);
            }}
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {spec?.kwargs.map((k) =>
          JSON_KWARGS.has(k.type) ? (
            <JsonField key={`${type}-${k.name}`} spec={k} value={kwargs[k.name]} onChange={(text) => setJson(k.name, text)} />
          ) : (
            <KwargField key={`${type}-${k.name}`} spec={k} value={kwargs[k.name]} columns={columns} set={(v) => set(k.name, v)} />
          ),
        )}
      </SettingsForm>
      <p className="muted small">{spec?.description}</p>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
