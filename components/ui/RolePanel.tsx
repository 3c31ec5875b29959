'use client';
import { COLUMN_ROLES, type ColumnRole, type DatasetMeta } from '../../lib/data/types';

interface Props {
  dataset: DatasetMeta;
  onChange: (roles: Record<string, ColumnRole>) => void;
}

/** Column roles, guessed from names at load time, to confirm or change (drift skips id/timestamp, reports target/prediction apart). */
export function RolePanel({ dataset, onChange }: Props) {
  const roles = dataset.roles ?? {};
  const named = Object.keys(roles).length;
  return (
    <details className="roles" data-testid="role-panel">
      <summary>
        Column roles{named ? `: ${Object.entries(roles).map(([c, r]) => `${c} = ${r}`).join(', ')}` : ' (all features)'}
      </summary>
      <div className="roles-grid">
        {dataset.schema.map((column) => (
          <label key={column.name} className="field">
            <span>
              {column.name} <span className="muted">({column.type})</span>
            </span>
            <select
              aria-label={`Role of ${column.name}`}
              value={roles[column.name] ?? 'feature'}
              onChange={(e) => onChange({ ...roles, [column.name]: e.target.value as ColumnRole })}
            >
              {COLUMN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  );
}
