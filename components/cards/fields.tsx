'use client';
import { useId, type ReactNode } from 'react';
import { visibleControls } from '../../lib/format';
import { UserText } from '../ui/UserText';

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A Markdown textarea (free text); otherwise one line. */
  markdown?: boolean;
  type?: 'text' | 'date' | 'url' | 'email';
  placeholder?: string;
  hint?: ReactNode;
}

/**
 * One labelled field of the card form: a line, a date, or a Markdown textarea. A field holds what
 * was typed (or imported), so a value with bidi or invisible controls is also shown below it with
 * them made visible — `x⟨U+202E⟩abc` — as the preview and exports show it.
 */
export function TextField({ label, value, onChange, markdown = false, type = 'text', placeholder, hint }: TextProps) {
  const id = useId();
  const shown = visibleControls(value, { lines: true });
  return (
    <div className={`card-field${markdown ? ' card-field-wide' : ''}`}>
      <label htmlFor={id}>
        {label}
        {markdown ? <span className="card-md-badge"> Markdown</span> : null}
      </label>
      {markdown ? (
        <textarea
          id={id}
          value={value}
          rows={Math.min(12, Math.max(3, value.split('\n').length + 1))}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      )}
      {shown !== value ? (
        <p className="card-hint card-hidden-chars" role="note">
          Holds invisible or reordering characters: <UserText text={value} />
        </p>
      ) : null}
      {hint ? <p className="card-hint muted">{hint}</p> : null}
    </div>
  );
}

/** A form section that can be folded (the form is long); open by default. */
export function CardSection({ title, children, open = true }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="card-section" open={open}>
      <summary>{title}</summary>
      <div className="card-section-body">{children}</div>
    </details>
  );
}

interface ListProps<T> {
  /** The list's name ("Limitations"); the items are called `item` ("limitation"). */
  label: string;
  item: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  make: () => T;
  /** The fields of one item, drawn with its index and a setter. */
  render: (value: T, set: (value: T) => void, index: number) => ReactNode;
}

/** A list the person edits: each item's fields with a Remove button, and an Add button below. */
export function ListField<T>({ label, item, items, onChange, make, render }: ListProps<T>) {
  const id = useId();
  return (
    <fieldset className="card-list" aria-labelledby={id}>
      <legend id={id}>
        {label} <span className="muted">({items.length})</span>
      </legend>
      {items.map((value, i) => (
        <div className="card-list-item" key={i}>
          <div className="card-list-fields">{render(value, (next) => onChange(items.map((old, j) => (j === i ? next : old))), i)}</div>
          <button
            type="button"
            className="button button-small"
            aria-label={`Remove ${item} ${i + 1}`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...items, make()])}>
        Add {item}
      </button>
    </fieldset>
  );
}

/** A list of texts (users, use cases, limitations, references…): one field per item. */
export function TextList({
  label,
  item,
  items,
  onChange,
  markdown = false,
}: {
  label: string;
  item: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  markdown?: boolean;
}) {
  return (
    <ListField
      label={label}
      item={item}
      items={items}
      onChange={onChange}
      make={() => ''}
      render={(value, set, i) => <TextField label={`${capitalise(item)} ${i + 1}`} value={value} onChange={set} markdown={markdown} />}
    />
  );
}

/** A list of objects whose fields are all text (owners, licenses, citations, risks…). */
export function RecordList<T extends { [K in keyof T]: string }>({
  label,
  item,
  items,
  onChange,
  fields,
}: {
  label: string;
  item: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  fields: { key: keyof T & string; label: string; markdown?: boolean; type?: TextProps['type'] }[];
}) {
  return (
    <ListField
      label={label}
      item={item}
      items={items}
      onChange={onChange}
      make={() => Object.fromEntries(fields.map((f) => [f.key, ''])) as T}
      render={(value, set, i) =>
        fields.map((f) => (
          <TextField
            key={f.key}
            label={`${f.label} (${item} ${i + 1})`}
            value={value[f.key] ?? ''}
            type={f.type}
            markdown={f.markdown}
            onChange={(text) => set({ ...value, [f.key]: text })}
          />
        ))
      }
    />
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
