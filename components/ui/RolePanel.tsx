'use client';
import { describeRoles } from '../../lib/data/roles';
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnRole, type ColumnType, type DatasetMeta } from '../../lib/data/types';
import { UserText } from './UserText';
import { visibleControls } from '../../lib/format';

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
  const roles = describeRoles(dataset);
  const named = Object.entries(roles).filter(([, info]) => info.role !== 'feature');
  const guessed = Object.entries(roles).filter(([, info]) => info.source === 'guessed');
  return (
    <details className="roles" data-testid="role-panel">
      <summary>
        Column roles
        {named.length
          ? `: ${named.map(([c, info]) => `${visibleControls(c)} = ${info.role}${info.source === 'guessed' ? ' (guessed)' : ''}`).join(', ')}`
          : ' (all features)'}{' '}
        · types
      </summary>
      {guessed.length ? (
        <p className="muted role-note">
          Guessed from column names: they pre-fill model cells but change no drift result until you set them.{' '}
          <button type="button" className="button" onClick={() => onRoles(Object.fromEntries(guessed.map(([name, info]) => [name, info.role])))}>
            Use the guessed roles
          </button>
        </p>
      ) : null}
      <div className="roles-grid">
        {dataset.schema.map((column) => (
          <fieldset key={column.name} className="field role-field">
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
              value={roles[column.name]?.role ?? 'feature'}
              onChange={(e) => onRoles({ [column.name]: e.target.value as ColumnRole })}
            >
              {COLUMN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            {roles[column.name] ? (
              <span className="role-source muted" data-source={roles[column.name]!.source} data-testid={`role-source-${column.name}`}>
                {roles[column.name]!.source === 'user' ? 'set by you' : 'guessed'}
              </span>
            ) : null}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
