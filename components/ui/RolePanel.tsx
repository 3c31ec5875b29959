'use client';
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnRole, type ColumnType, type DatasetMeta } from '../../lib/data/types';

interface Props {
  dataset: DatasetMeta;
  onRoles: (roles: Record<string, ColumnRole>) => void;
  onTypes: (types: Record<string, ColumnType>) => void;
}

/**
 * Each column's type (inferred as Evidently does) and role (guessed from its name), to confirm or
 * change: drift skips id/timestamp columns and reports target/prediction apart; a type change
 * re-reads the stored column (e.g. text of numbers as numeric).
 */
export function RolePanel({ dataset, onRoles, onTypes }: Props) {
  const roles = dataset.roles ?? {};
  const named = Object.keys(roles).length;
  return (
    <details className="roles" data-testid="role-panel">
      <summary>
        Column roles
        {named
          ? `: ${Object.entries(roles)
              .map(([c, r]) => `${c} = ${r}`)
              .join(', ')}`
          : ' (all features)'}{' '}
        · types
      </summary>
      <div className="roles-grid">
        {dataset.schema.map((column) => (
          <fieldset key={column.name} className="field role-field">
            <legend>{column.name}</legend>
            <select aria-label={`Type of ${column.name}`} value={column.type} onChange={(e) => onTypes({ [column.name]: e.target.value as ColumnType })}>
              {COLUMN_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
            <select
              aria-label={`Role of ${column.name}`}
              value={roles[column.name] ?? 'feature'}
              onChange={(e) => onRoles({ ...roles, [column.name]: e.target.value as ColumnRole })}
            >
              {COLUMN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </fieldset>
        ))}
      </div>
    </details>
  );
}
