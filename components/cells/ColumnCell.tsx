'use client';
import { formatCount } from '../format';
import type { CellProps } from './types';
import { ColumnDetail } from './drift/ColumnDetail';
import { UserText } from '../ui/UserText';
import { visibleControls } from '../../lib/format';

/** One column in detail: its distribution (or ECDF), every applicable test, and its own method settings. */
export function ColumnCell({ cell, onConfigChange, columns = [] }: CellProps<'column'>) {
  const config = cell.config;
  const result = cell.result;
  const column = result?.columns[0];
  return (
    <>
      <label className="field inline-field">
        Column
        <select
          value={config.column ?? ''}
          onChange={(e) => onConfigChange({ ...config, column: e.target.value || undefined })}
          disabled={cell.status === 'running'}
          aria-label="Column to detail"
        >
          {config.column ? null : <option value="">choose a column…</option>}
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {visibleControls(c.name)} ({c.type})
            </option>
          ))}
        </select>
      </label>
      {column && result ? (
        <>
          <p className="muted small">
            <UserText text={result.reference.name} /> ({formatCount(result.reference.rows)} rows) → <UserText text={result.current.name} /> (
            {formatCount(result.current.rows)} rows)
          </p>
          <ColumnDetail
            key={`${column.name}:${JSON.stringify(config)}`}
            column={column}
            config={config}
            onConfigChange={(next) => onConfigChange({ ...next, column: config.column })}
          />
        </>
      ) : null}
    </>
  );
}
