import type { ComponentType } from 'react';
import type { CellKind } from '../../lib/store/types';
import { ChartCell } from './ChartCell';
import { ColumnCell } from './ColumnCell';
import { DriftCell, type CellProps } from './DriftCell';
import { NoteCell } from './NoteCell';
import { QualityCell } from './QualityCell';

/** kind → component that renders that kind's result; a new analysis adds one line here (and one in lib/report/registry.ts). */
export const CELL_COMPONENTS: Record<CellKind, ComponentType<CellProps>> = {
  drift: DriftCell,
  column: ColumnCell,
  quality: QualityCell,
  note: NoteCell,
  chart: ChartCell,
};
