import type { RoleInfo } from '../../data/types';
import type { DriftResult } from '../../drift/types';
import { formatShare } from '../../format';

/** What a drift cell and its report section say under the headline about the share and the roles. */
export interface DriftNotes {
  /** The share of the features only (tested columns without a user-set target/prediction/score role), when computed. */
  featureShare?: { drifted: number; columns: number; text: string };
  /** Which share decided the dataset verdict. */
  decidedBy: 'all' | 'features';
  /** Every role of the compared columns other than feature (and features the user set), guessed ones included. */
  roles: { name: string; role: string; source: RoleInfo['source'] }[];
}

export function driftNotes(result: DriftResult): DriftNotes {
  const { featureColumns, driftedFeatureColumns, featureShare, shareOf } = result.dataset;
  const roles = Object.entries(result.roles ?? {}).map(([name, info]) => ({ name, role: info.role, source: info.source }));
  return {
    ...(featureColumns === undefined || driftedFeatureColumns === undefined || featureShare === undefined
      ? {}
      : { featureShare: { drifted: driftedFeatureColumns, columns: featureColumns, text: formatShare(featureShare) } }),
    decidedBy: shareOf ?? 'all',
    roles,
  };
}
