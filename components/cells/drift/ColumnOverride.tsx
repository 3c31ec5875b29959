'use client';
import { useState, type FormEvent } from 'react';
import type { ColumnDriftResult, DriftConfig } from '../../../lib/drift/types';
import { methodsFor } from '../../../lib/drift/methods/registry';
import { UserText } from '../../ui/UserText';

interface Props {
  column: ColumnDriftResult;
  config: DriftConfig;
  onApply: (config: DriftConfig) => void;
}

function without<T>(record: Record<string, T> | undefined, key: string): Record<string, T> | undefined {
  if (!record) return undefined;
  const { [key]: _, ...rest } = record;
  return Object.keys(rest).length ? rest : undefined;
}

/** Per-column method and threshold, written into the cell's config (`columnMethods`, `columnThresholds`). */
export function ColumnOverride({ column, config, onApply }: Props) {
  const kind = column.type === 'numeric' ? 'numeric' : 'categorical';
  const [method, setMethod] = useState(config.columnMethods?.[column.name] ?? '');
  const [threshold, setThreshold] = useState(config.columnThresholds?.[column.name]?.toString() ?? '');
  const [error, setError] = useState<string>();
  if (column.type === 'datetime') return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = threshold.trim() === '' ? undefined : Number(threshold);
    if (value !== undefined && !(value >= 0)) return setError('threshold: must be a number ≥ 0');
    setError(undefined);
    onApply({
      ...config,
      columnMethods: method ? { ...config.columnMethods, [column.name]: method } : without(config.columnMethods, column.name),
      columnThresholds: value !== undefined ? { ...config.columnThresholds, [column.name]: value } : without(config.columnThresholds, column.name),
    });
  };

  return (
    <form className="column-override" onSubmit={submit} aria-label={`Settings for column ${column.name}`}>
      <label className="field">
        <span>Method for this column</span>
        <select value={method} onChange={(e) => setMethod(e.target.value)}>
          <option value="">as the cell decides</option>
          {methodsFor(kind).map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Threshold for this column</span>
        <input type="number" step="any" min={0} placeholder="method default" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      <button type="submit" className="button">
        Apply to column
      </button>
      {error ? (
        <p className="error-message" role="alert">
          <UserText text={error} />
        </p>
      ) : null}
    </form>
  );
}
