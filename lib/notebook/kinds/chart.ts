import { computeChartData } from '../../explore/chart-data';
import { CHART_MARKS } from '../../explore/chart-types';
import type { ChartConfig, ChartData } from '../../explore/chart-types';
import type { CellKindSpec } from '../types';

export type { ChartConfig, ChartData } from '../../explore/chart-types';

export const chartKind: CellKindSpec<'chart', ChartConfig, ChartData> = {
  kind: 'chart',
  label: 'Chart',
  description: 'Histogram, bars, line over time, scatter or box of chosen columns',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({ mark: 'histogram', sides: 'both' }),
  validate(config, datasets) {
    if (!CHART_MARKS.includes(config.mark)) return [`mark: ${String(config.mark)} — choose one of ${CHART_MARKS.join(', ')}`];
    const names = new Set([...(datasets?.reference?.schema ?? []), ...(datasets?.current?.schema ?? [])].map((c) => c.name));
    if (names.size === 0) return [];
    return [config.x, config.y, config.facet].filter((n): n is string => n !== undefined && !names.has(n)).map((n) => `column: ${n} is not in the data`);
  },
  compute: async (input, config) => computeChartData(input.reference, input.current, config),
  // Runs once its columns are chosen: a new chart has none.
  capabilities: { autoRun: false },
};
