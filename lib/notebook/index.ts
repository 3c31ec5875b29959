/** The notebook: cell kinds, cell records, running cells, presets and the demo. */
export * from './types';
export * from './registry';
export * from './cell-record';
export * from './cell-title';
export * from './result-key';
export * from './run-cell';
export * from './actions';
export * from './presets';
export * from './demo';
export * from './view/metric-rows';
export type { ColumnCellConfig } from './kinds/column';
export type { NoteConfig } from './kinds/note';
export type { QualityConfig } from './kinds/quality';
export type { ClassificationCellConfig } from './kinds/classification';
export type { RegressionCellConfig } from './kinds/regression';
export type { OperationalCellConfig, OperationalCellResult, OperationalSide } from './kinds/operational';
export type { EstimatedCellConfig, EstimatedCellResult } from './kinds/estimated';
export type { FairnessCellConfig, FairnessCellResult } from './kinds/fairness';
