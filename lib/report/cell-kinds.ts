import type { ChartConfig, ChartData } from '../charts/custom-chart-types';
import type { DriftConfig, DriftResult } from '../drift/types';
import type { QualityResult } from '../quality/types';
import type {
  ClassificationCellConfig,
  EstimatedCellConfig,
  EstimatedCellResult,
  FairnessCellConfig,
  FairnessCellResult,
  ModelQualityCellResult,
  OperationalCellConfig,
  OperationalCellResult,
  RegressionCellConfig,
} from '../metrics/model-cells';

export type { ClassificationCellConfig, EstimatedCellConfig, FairnessCellConfig, OperationalCellConfig, RegressionCellConfig } from '../metrics/model-cells';

/** Every kind of notebook cell. A new analysis adds its kind here, a compute in registry.ts and a component. */
export type CellKind = 'drift' | 'column' | 'quality' | 'note' | 'chart' | 'classification' | 'regression' | 'operational' | 'estimated' | 'fairness';

export const CELL_KINDS: readonly CellKind[] = [
  'drift',
  'column',
  'quality',
  'note',
  'chart',
  'classification',
  'regression',
  'operational',
  'estimated',
  'fairness',
];

/** Column detail: one column's drift, with every method's statistic and its distribution. */
export interface ColumnCellConfig extends DriftConfig {
  column?: string;
}

/** A markdown note (rendered with markdown-it, raw HTML disabled). */
export interface NoteConfig {
  markdown?: string;
}

export type QualityConfig = Record<string, never>;

export interface CellConfigs {
  drift: DriftConfig;
  column: ColumnCellConfig;
  quality: QualityConfig;
  note: NoteConfig;
  chart: ChartConfig;
  classification: ClassificationCellConfig;
  regression: RegressionCellConfig;
  operational: OperationalCellConfig;
  estimated: EstimatedCellConfig;
  fairness: FairnessCellConfig;
}

export interface CellResults {
  drift: DriftResult;
  column: DriftResult;
  quality: QualityResult;
  note: never;
  chart: ChartData;
  classification: ModelQualityCellResult;
  regression: ModelQualityCellResult;
  operational: OperationalCellResult;
  estimated: EstimatedCellResult;
  fairness: FairnessCellResult;
}

export type CellConfig = CellConfigs[CellKind];
export type CellResult = CellResults[CellKind];
