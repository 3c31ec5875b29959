'use client';
import { useMemo, useState } from 'react';
import { describeRoles } from '../../lib/data/roles';
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnRole, type ColumnSchema, type ColumnType, type DatasetMeta, type RoleInfo } from '../../lib/data/types';
import { formatCount } from '../format';
import { WINDOW_FROM, useRowWindow } from './windowing';
import { UserText } from './UserText';
import { visibleControls } from '../../lib/format';

/** A wide file's panel lists one column per line (windowed) instead of a grid of cards. */
const LIST_ROW = { flexDirection: 'row', alignItems: 'center', borderRadius: 0, borderWidth: '0 0 1px' } as const;

/** Roles named in the panel's one-line summary; the rest are counted. */
const SUMMARY_ROLES = 8;

interface Props {
  dataset: DatasetMeta;
  /** The roles the user just set (column → role): stored as set by the user. */
  onRoles: (roles: Record<string, ColumnRole>) => void;
  onTypes: (types: Record<string, ColumnType>) => void;
}

/**
 * Each column's type (inferred as Evidently does) and role, to confirm or change. A role guessed
 * from the name is marked "guessed": it pre-fills model cells but changes no drift result. A role
 * set here is "set by you": drift then skips id/timestamp/ignored columns and leaves
 * target/prediction/score out of the feature share. A type change re-reads the stored column.
 */
export function RolePanel({ dataset, onRoles, onTypes }: Props) {
  const [query, setQuery] = useState('');
  const roles = useMemo(() => describeRoles(dataset), [dataset]);
  const named = Object.entries(roles).filter(([, info]) => info.role !== 'feature');
  const guessed = Object.entries(roles).filter(([, info]) => info.source === 'guessed');
  const columns = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? dataset.schema.filter((c) => c.name.toLowerCase().includes(q)) : dataset.schema;
  }, [dataset.schema, query]);
  const rows = useRowWindow(columns.length, { rowHeight: 38 });
  // A wide file's panel is a filterable, windowed list (one column per line) instead of a grid of every column.
  const wide = dataset.schema.length > WINDOW_FROM;
  const shownRoles = named.slice(0, SUMMARY_ROLES).map(([c, info]) => `${visibleControls(c)} = ${info.role}${info.source === 'guessed' ? ' (guessed)' : ''}`);
  const moreRoles = named.length > SUMMARY_ROLES ? ` and ${formatCount(named.length - SUMMARY_ROLES)} more` : '';
  return (
    <details className="roles" data-testid="role-panel">
      <summary>
        Column roles
        {named.length ? `: ${shownRoles.join(', ')}${moreRoles}` : ' (all features)'} · types
      </summary>
      {guessed.length ? (
        <p className="muted role-note">
          Guessed from column names: they pre-fill model cells but change no drift result until you set them.{' '}
          <button type="button" className="button" onClick={() => onRoles(Object.fromEntries(guessed.map(([name, info]) => [name, info.role])))}>
            Use the guessed roles
          </button>
        </p>
      ) : null}
      {wide ? (
        <div className="table-tools">
          <input
            type="search"
            placeholder="Filter columns"
            aria-label="Filter columns of the role panel"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="muted">
            {formatCount(columns.length)} of {formatCount(dataset.schema.length)} columns
          </span>
        </div>
      ) : null}
      <div className={wide ? 'roles-list' : 'roles-grid'} {...rows.scrollBox}>
        {rows.before > 0 ? <div aria-hidden="true" style={{ height: rows.before }} /> : null}
        {columns.slice(rows.start, rows.end).map((column) => (
          <ColumnRoleField key={column.name} column={column} info={roles[column.name]} inline={wide} onRoles={onRoles} onTypes={onTypes} />
        ))}
        {rows.after > 0 ? <div aria-hidden="true" style={{ height: rows.after }} /> : null}
      </div>
    </details>
  );
}

/** One column's type and role. */
function ColumnRoleField({
  column,
  info,
  inline,
  onRoles,
  onTypes,
}: { column: ColumnSchema; info?: RoleInfo; inline: boolean } & Pick<Props, 'onRoles' | 'onTypes'>) {
  return (
    <fieldset className="field role-field" data-window-row="" style={inline ? LIST_ROW : undefined}>
      <legend>
        <UserText text={column.name} clamp />
      </legend>
      <select
        aria-label={`Type of ${visibleControls(column.name)}`}
        value={column.type}
        onChange={(e) => onTypes({ [column.name]: e.target.value as ColumnType })}
      >
        {COLUMN_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select
        aria-label={`Role of ${visibleControls(column.name)}`}
        value={info?.role ?? 'feature'}
        onChange={(e) => onRoles({ [column.name]: e.target.value as ColumnRole })}
      >
        {COLUMN_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {info ? (
        <span className="role-source muted" data-source={info.source} data-testid={`role-source-${column.name}`}>
          {info.source === 'user' ? 'set by you' : 'guessed'}
        </span>
      ) : null}
    </fieldset>
  );
}
