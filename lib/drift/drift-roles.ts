import { describeRoles, userRoles } from '../data/roles';
import { COLUMN_ROLES, type ColumnRole, type DatasetMeta, type RoleInfo } from '../data/types';

/** What planRoles reads of a dataset: its roles and who set them. */
type RoleFields = Pick<DatasetMeta, 'roles' | 'roleSources'>;
import { AnalysisError } from '../errors';
import { REPORTED_APART } from './dataset-drift';
import type { DriftConfig } from './types';

export interface DriftRoles {
  /** The role each column is tested with: set by the user only (a guess changes nothing). */
  decided: Record<string, ColumnRole>;
  /** Every compared column's role other than feature, or set by the user, with its source. */
  shown: Record<string, RoleInfo>;
  warnings: string[];
}

/**
 * The roles a drift run uses. The run's own roles (CLI --role) win, then the reference's
 * user-set roles, then the current's. Guessed roles are only listed (`shown`), never `decided`:
 * a guess from a name must not silently leave a column untested or out of a share.
 */
export function planRoles(
  reference: RoleFields,
  current: RoleFields,
  { compared, shared }: { compared: readonly string[]; shared: readonly string[] },
  config: DriftConfig,
): DriftRoles {
  const inBoth = new Set(shared);
  for (const [name, role] of Object.entries(config.roles ?? {})) {
    if (!inBoth.has(name)) throw new AnalysisError('unknown-column', `role for ${name}: no such column in both files — check the name given to --role`);
    if (!COLUMN_ROLES.includes(role)) throw new AnalysisError('unknown-role', `role for ${name}: ${String(role)} is not one of ${COLUMN_ROLES.join(', ')}`);
  }
  const [userRef, userCur] = [userRoles(reference), userRoles(current)];
  const [guessRef, guessCur] = [describeRoles(reference), describeRoles(current)];
  const decided: Record<string, ColumnRole> = {};
  const shown: Record<string, RoleInfo> = {};
  for (const name of compared) {
    const user = config.roles?.[name] ?? userRef[name] ?? userCur[name];
    if (user !== undefined) {
      if (user !== 'feature') decided[name] = user;
      shown[name] = { role: user, source: 'user' };
      continue;
    }
    const guess = guessRef[name] ?? guessCur[name];
    if (guess) shown[name] = { role: guess.role, source: 'guessed' };
  }
  const warnings: string[] = [];
  if (config.shareOf === 'features' && !Object.values(decided).some((role) => REPORTED_APART.has(role))) {
    const guessed = Object.entries(shown).filter(([, info]) => info.source === 'guessed' && REPORTED_APART.has(info.role));
    const hint = guessed.length ? ` (guessed, not counted: ${guessed.map(([name, info]) => `${name} = ${info.role}`).join(', ')})` : '';
    warnings.push(
      `share of features: no column has a target, prediction or score role set by you${hint} — the feature share equals the share of all columns; set roles in the role panel or with --role`,
    );
  }
  return { decided, shown, warnings };
}
