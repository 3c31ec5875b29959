import type { ComponentType } from 'react';
import type { CellRecord } from '../../lib/store/types';
import { DriftCell, type CellProps } from './DriftCell';

/** kind → component that renders that kind's result; a new analysis adds one line here. */
export const CELL_COMPONENTS: Record<CellRecord['kind'], ComponentType<CellProps>> = {
  drift: DriftCell,
};
