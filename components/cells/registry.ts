import type { ComponentType } from 'react';
import type { CellKind } from '../../lib/store/types';
import { ChartCell } from './ChartCell';
import { ClassificationCell } from './ClassificationCell';
import { ColumnCell } from './ColumnCell';
import { DriftCell, type CellProps } from './DriftCell';
import { EstimatedCell } from './EstimatedCell';
import { FairnessCell } from './FairnessCell';
import { NoteCell } from './NoteCell';
import { OperationalCell } from './OperationalCell';
import { QualityCell } from './QualityCell';
import { RegressionCell } from './RegressionCell';

/** kind → component that renders that kind's result; a new analysis adds one line here (and one in lib/report/registry.ts). */
export const CELL_COMPONENTS: Record<CellKind, ComponentType<CellProps>> = {
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
};
