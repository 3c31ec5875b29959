import type { ComponentType } from 'react';
import type { CellKind } from '../../lib/notebook';
import { ChangeCell } from './ChangeCell';
import { ChartCell } from './ChartCell';
import { ClassificationCell } from './ClassificationCell';
import { ColumnCell } from './ColumnCell';
import { DriftCell } from './DriftCell';
import { EstimatedCell } from './EstimatedCell';
import { ExplainCell } from './ExplainCell';
import { FairnessCell } from './FairnessCell';
import { MetricsCell } from './MetricsCell';
import { NoteCell } from './NoteCell';
import { OperationalCell } from './OperationalCell';
import { QualityCell } from './QualityCell';
import { RegressionCell } from './RegressionCell';
import { TimelineCell } from './TimelineCell';
import { ValidationCell } from './ValidationCell';
import { ValueCell } from './ValueCell';
import { ComparisonCell } from './ComparisonCell';
import { AbTestCell } from './AbTestCell';
import { MultivariateCell } from './MultivariateCell';
import type { CellProps } from './types';

/** kind → the component that renders that kind's cell; the compiler requires one for every kind in lib/notebook/registry.ts. */
export const CELL_COMPONENTS: { readonly [K in CellKind]: ComponentType<CellProps<K>> } = {
  drift: DriftCell,
  column: ColumnCell,
  quality: QualityCell,
  note: NoteCell,
  chart: ChartCell,
  classification: ClassificationCell,
  regression: RegressionCell,
  operational: OperationalCell,
  estimated: EstimatedCell,
  fairness: FairnessCell,
  timeline: TimelineCell,
  change: ChangeCell,
  metrics: MetricsCell,
  validation: ValidationCell,
  value: ValueCell,
  comparison: ComparisonCell,
  abtest: AbTestCell,
  multivariate: MultivariateCell,
  explain: ExplainCell,
};
