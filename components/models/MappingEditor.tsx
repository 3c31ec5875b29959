'use client';
import { useId, useState } from 'react';
import { visibleControls } from '../../lib/format';
import type { InputMapping, ModelMeta, OutputChoice, TensorInfo } from '../../lib/models/types';
import { UserText } from '../ui/UserText';
import { shapeText } from './ModelDetails';

export type Column = { name: string; type: string };

/** Outputs a Predictor can return: tensors (a ZipMap's map/sequence output is replaced by the probability tensor feeding it). */
export const tensorOutputs = (model: ModelMeta) => model.outputs.filter((o) => o.type !== 'map' && o.type !== 'sequence');

/** Classes (columns) of a [N,K] output, or 1 for [N] / [N,1] / unknown. */
export function outputWidth(info?: TensorInfo): number {
  const k = info?.shape[1];
  return typeof k === 'number' && k > 1 ? k : 1;
}

function ColumnSelect({ label, value, columns, onChange }: { label: string; value?: string; columns: Column[]; onChange: (name: string) => void }) {
  const missing = value !== undefined && value !== '' && !columns.some((c) => c.name === value);
  return (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">not mapped</option>
      {missing ? <option value={value}>{visibleControls(value)} (not in the data)</option> : null}
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {visibleControls(c.name)} ({c.type})
        </option>
      ))}
    </select>
  );
}

/** One [N,1] input per column: a column picker for each input (default: the column of the input's name). */
function PerColumn({
  model,
  mapping,
  columns,
  onChange,
}: {
  model: ModelMeta;
  mapping: Extract<InputMapping, { kind: 'per-column' }>;
  columns: Column[];
  onChange: (m: InputMapping) => void;
}) {
  return (
    <table className="drift-table model-io" data-testid="mapping-per-column">
      <caption className="muted small">Each model input takes one column</caption>
      <thead>
        <tr>
          <th scope="col">Input</th>
          <th scope="col">Type</th>
          <th scope="col">Column</th>
        </tr>
      </thead>
      <tbody>
        {model.inputs.map((input) => (
          <tr key={input.name}>
            <th scope="row">
              <code>
                <UserText text={input.name} />
              </code>
            </th>
            <td>
              {input.type} {shapeText(input.shape)}
            </td>
            <td>
              <ColumnSelect
                label={`Column for input ${visibleControls(input.name)}`}
                value={mapping.columns[input.name]}
                columns={columns}
                onChange={(name) => {
                  const next = { ...mapping.columns };
                  if (name) next[input.name] = name;
                  else delete next[input.name];
                  onChange({ kind: 'per-column', columns: next });
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A single [N,F] input (skl2onnx's float_input): the columns in the order the model was trained on, moved with buttons. */
function ColumnOrder({
  model,
  mapping,
  columns,
  onChange,
}: {
  model: ModelMeta;
  mapping: Extract<InputMapping, { kind: 'matrix' }>;
  columns: Column[];
  onChange: (m: InputMapping) => void;
}) {
  const pickId = useId();
  const [pick, setPick] = useState('');
  const input = model.inputs.find((i) => i.name === mapping.input);
  const width = input?.shape[1];
  const chosen = mapping.columns;
  const set = (next: string[]) => onChange({ ...mapping, columns: next });
  const move = (i: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    set(next);
  };
  const left = columns.filter((c) => !chosen.includes(c.name));
  return (
    <div className="column-order" data-testid="mapping-matrix">
      <p className="muted small">
        Input{' '}
        <code>
          <UserText text={mapping.input} />
        </code>{' '}
        {input ? `${input.type} ${shapeText(input.shape)}` : ''} takes the columns in this order
        {typeof width === 'number' ? ` (${chosen.length} of ${width})` : ` (${chosen.length})`}:
      </p>
      <ol className="column-order-list" aria-label="Column order">
        {chosen.map((name, i) => (
          <li key={name}>
            <code>
              <UserText text={name} />
            </code>
            <span className="dataset-actions">
              <button type="button" className="link-button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${visibleControls(name)} up`}>
                ↑
              </button>
              <button
                type="button"
                className="link-button"
                disabled={i === chosen.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move ${visibleControls(name)} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => set(chosen.filter((c) => c !== name))}
                aria-label={`Remove ${visibleControls(name)}`}
              >
                remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="inline-field field">
        <label htmlFor={pickId}>Add column</label>
        <select id={pickId} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">choose…</option>
          {left.map((c) => (
            <option key={c.name} value={c.name}>
              {visibleControls(c.name)} ({c.type})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!pick}
          onClick={() => {
            set([...chosen, pick]);
            setPick('');
          }}
        >
          Add
        </button>
      </div>
    </div>
  );
}

/** Which output is scored/explained: a tensor output and, for [N,K], the class column (the positive class's probability). */
export function OutputPicker({ model, value, onChange }: { model: ModelMeta; value: OutputChoice; onChange: (o: OutputChoice) => void }) {
  const outputs = tensorOutputs(model);
  const width = outputWidth(outputs.find((o) => o.name === value.output));
  return (
    <div className="settings-grid">
      <label className="field">
        <span>Output</span>
        <select value={value.output} onChange={(e) => onChange({ output: e.target.value, index: 0 })} aria-label="Output">
          {outputs.map((o) => (
            <option key={o.name} value={o.name}>
              {visibleControls(o.name)} ({o.type} {shapeText(o.shape)})
            </option>
          ))}
        </select>
      </label>
      {width > 1 ? (
        <label className="field">
          <span>Class column (0-based)</span>
          <select value={value.index} onChange={(e) => onChange({ ...value, index: Number(e.target.value) })} aria-label="Class column">
            {Array.from({ length: width }, (_, i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

/** How a model's inputs take a dataset's columns: per-column pickers, or the column-order picker of a single [N,F] input. */
export function MappingEditor({
  model,
  mapping,
  columns,
  onChange,
}: {
  model: ModelMeta;
  mapping: InputMapping;
  columns: Column[];
  onChange: (m: InputMapping) => void;
}) {
  return mapping.kind === 'matrix' ? (
    <ColumnOrder model={model} mapping={mapping} columns={columns} onChange={onChange} />
  ) : (
    <PerColumn model={model} mapping={mapping} columns={columns} onChange={onChange} />
  );
}
