'use client';
import type { WindowUnit } from '../../../lib/metrics/time-windows';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { visibleControls } from '../../../lib/format';

export type Column = { name: string; type: string };

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A settings draft: `patch` sets keys, and removes those set to nothing (undefined, '', []) so the config stays minimal. */
export function useDraft<T extends object>(config: T): [T, (patch: Partial<T>) => void] {
  const [draft, setDraft] = useState<T>(config);
  const patch = (p: Partial<T>) =>
    setDraft((d) => {
      const next: Record<string, unknown> = { ...d, ...p };
      for (const [key, value] of Object.entries(p)) if (isEmpty(value)) delete next[key];
      return next as T;
    });
  return [draft, patch];
}

/** The column choices: the input datasets' columns or, when they are unknown, the names the last result used. */
export function columnChoices(columns: Column[] | undefined, used: readonly (string | null | undefined)[]): Column[] {
  if (columns?.length) return columns;
  return [...new Set(used.filter((n): n is string => typeof n === 'string' && n !== ''))].map((name) => ({ name, type: '' }));
}

function ColumnOptions({ columns, chosen }: { columns: Column[]; chosen: readonly string[] }) {
  const missing = chosen.filter((name) => !columns.some((c) => c.name === name));
  return (
    <>
      {missing.map((name) => (
        <option key={`missing:${name}`} value={name}>
          {visibleControls(name)} (not in the data)
        </option>
      ))}
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.type ? `${visibleControls(c.name)} (${c.type})` : visibleControls(c.name)}
        </option>
      ))}
    </>
  );
}

/** One column, or '' for the default (`empty` says what that is: "by role", "none"…). */
export function ColumnField(props: { label: string; value?: string; columns: Column[]; empty?: string; onChange: (name?: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)} aria-label={props.label}>
        <option value="">{props.empty ?? 'by role'}</option>
        <ColumnOptions columns={props.columns} chosen={props.value === undefined ? [] : [props.value]} />
      </select>
    </label>
  );
}

/** Several columns (Ctrl/⌘-click); none selected means the default. */
export function ColumnsField(props: { label: string; hint: string; value?: readonly string[]; columns: Column[]; onChange: (names: string[]) => void }) {
  const value = props.value ?? [];
  return (
    <label className="field">
      <span>
        {props.label} <span className="small">({props.hint})</span>
      </span>
      <select
        multiple
        size={Math.min(6, Math.max(3, props.columns.length))}
        value={[...value]}
        onChange={(e) => props.onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        aria-label={props.label}
      >
        <ColumnOptions columns={props.columns} chosen={value} />
      </select>
    </label>
  );
}

/** A number, or nothing for the default; the text is kept while typing ("0." is not yet a number). */
export function NumberField(props: {
  label: string;
  value?: number;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  onChange: (value?: number) => void;
}) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        placeholder={props.placeholder}
        aria-label={props.label}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.valueAsNumber;
          props.onChange(e.target.value === '' || !Number.isFinite(n) ? undefined : n);
        }}
      />
    </label>
  );
}

export function TextField(props: { label: string; value?: string; placeholder?: string; suggestions?: readonly string[]; onChange: (value?: string) => void }) {
  const id = useId();
  const listId = props.suggestions?.length ? `${id}-suggestions` : undefined;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="text"
        value={props.value ?? ''}
        placeholder={props.placeholder}
        list={listId}
        aria-label={props.label}
        onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {listId ? (
        <datalist id={listId}>
          {props.suggestions!.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </label>
  );
}

/** One of fixed choices; '' is the default (named by `empty`). */
export function ChoiceField<T extends string>(props: {
  label: string;
  value?: T;
  empty: string;
  choices: readonly (readonly [T, string])[];
  onChange: (value?: T) => void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || undefined) as T | undefined)} aria-label={props.label}>
        <option value="">{props.empty}</option>
        {props.choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The settings grid with its Apply button; `problem` (why the draft cannot run) disables it and is shown. */
export function SettingsForm(props: { label: string; disabled: boolean; problem?: string; onApply: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.problem) props.onApply();
  };
  return (
    <form className="settings-grid model-form" onSubmit={submit} aria-label={props.label}>
      {props.children}
      <div className="settings-actions model-apply">
        <button type="submit" className="button button-primary" disabled={props.disabled || props.problem !== undefined} title={props.problem}>
          Apply
        </button>
        {props.problem ? <span className="muted small">{props.problem}</span> : null}
      </div>
    </form>
  );
}

/** Fixed time windows a user can pick instead of the automatic one. */
export const TIME_WINDOWS: readonly (readonly [WindowUnit, string])[] = [
  ['second', '1 second'],
  ['minute', '1 minute'],
  ['hour', '1 hour'],
  ['day', '1 day'],
];
