import { computeQuality } from '../../quality/compute-quality';
import { qualityFromProfiles } from '../../quality/from-profiles';
import type { QualityResult } from '../../quality/types';
import { AnalysisError } from '../../errors';
import { need, type CellKindSpec } from '../types';

export type { QualityResult } from '../../quality/types';

/** Data quality has no settings (yet): an empty object, so configs stay JSON. */
export type QualityConfig = Record<string, never>;

export const qualityKind: CellKindSpec<'quality', QualityConfig, QualityResult> = {
  kind: 'quality',
  label: 'Data quality',
  description: 'Missing values, ranges, categories and duplicates, side by side',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({}),
  validate: () => [],
  compute: async (input) => computeQuality(need(input, 'reference'), input.current),
  capabilities: {
    autoRun: true,
    // A profile-only side: the exact summary from the profiles (quantiles, zeros, duplicated rows need rows: null).
    fromProfiles: ({ reference, current }) => {
      if (!reference) throw new AnalysisError('missing-input', "this cell needs a reference dataset — choose one in the cell's inputs");
      return qualityFromProfiles(reference, current);
    },
  },
};
