import type { DriftConfig, DriftResult } from '../../drift/types';
import { AnalysisError } from '../../errors';
import type { CellKindSpec } from '../types';
import { driftProblems, runDrift } from './drift';

/** Column detail: one column's drift, with every method's statistic and its distribution. */
export interface ColumnCellConfig extends DriftConfig {
  column?: string;
}

/** A column detail is a drift run of one column: one place, so a worker pool and a single worker agree. */
export function columnDriftConfig(config: ColumnCellConfig): DriftConfig {
  const { column, ...rest } = config;
  if (!column) throw new AnalysisError('missing-column', 'no column chosen — pick the column to detail in the cell');
  return { ...rest, columns: [column] };
}

export const columnKind: CellKindSpec<'column', ColumnCellConfig, DriftResult> = {
  kind: 'column',
  label: 'Column detail',
  description: "One column's distribution and every applicable drift test",
  inputs: { required: ['reference', 'current'], optional: [] },
  // The first numeric column (numbers show the most: a histogram, an ECDF and every numeric test), else the first one.
  defaultConfig(datasets) {
    const schema = datasets?.reference?.schema ?? [];
    const first = schema.find((c) => c.type === 'numeric') ?? schema[0];
    return first ? { methods: 'all', column: first.name } : { methods: 'all' };
  },
  validate(config, datasets) {
    const problems = driftProblems(config);
    if (!config.column) problems.push('choose the column to detail');
    else if (datasets?.reference && !datasets.reference.schema.some((c) => c.name === config.column))
      problems.push(`column: ${config.column} is not in ${datasets.reference.name}`);
    return problems;
  },
  compute: (input, config, options) => runDrift(input, columnDriftConfig(config), options),
  capabilities: { autoRun: true, drift: { config: columnDriftConfig, result: (result) => result } },
};
