import type { ComponentType } from 'react';
import type { CellKind } from '../../lib/store/types';
import { DriftCell, type CellProps } from './DriftCell';
import { QualityCell } from './QualityCell';

/** kind → component that renders that kind's result; a new analysis adds one line here. */
export const CELL_COMPONENTS: Record<CellKind, ComponentType<CellProps>> = {
  drift: DriftCell,
  quality: QualityCell,
};
