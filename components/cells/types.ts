import type { DatasetMeta } from '../../lib/data/types';
import type { CellConfig, CellConfigs, CellKind, CellRecordOf, DatasetsBySlot, InputSlot } from '../../lib/notebook';
import type { TimelineCellResult } from '../../lib/notebook/kinds/timeline';

/** A cell to add right after this one, on its datasets, with some inputs narrowed by segments. */
export interface CellToAdd {
  kind: CellKind;
  title: string;
  segments: Partial<Record<InputSlot, string>>;
  /** Its settings (default: the kind's defaultConfig), e.g. the column a validation row opens in a column detail. */
  config?: CellConfig;
}

/** What every kind's body gets; the frame around it (CellFrame) has the header, progress and errors. */
export interface CellProps<K extends CellKind> {
  cell: CellRecordOf<K>;
  progress?: { done: number; total: number };
  onRun: () => void;
  onCancel: () => void;
  onExport: () => void;
  /** Saves a new config and runs the cell with it. */
  onConfigChange: (config: CellConfigs[K]) => void;
  /** The columns of the cell's input datasets (for column pickers). */
  columns?: { name: string; type: string }[];
  /** The cell's input datasets (for the kind's `validate`). */
  datasets?: DatasetsBySlot;
  /** The threshold explorer: apply a decision threshold to the notebook's other model cells. */
  onShareThreshold?: (threshold: number) => void;
  /** Adds a cell after this one on the same datasets (a timeline window opened as a drift cell). */
  onAddCell?: (cell: CellToAdd) => void;
  /** The notebook's computed timeline cells (given to the kinds that draw beside one: Metrics). */
  timelines?: readonly { id: string; title: string; result: TimelineCellResult }[];
  /** Puts a dataset in one of the cell's inputs (optionally with a new config) and runs it (the Metrics cell's live query). */
  onUseDataset?: (slot: InputSlot, dataset: DatasetMeta, config?: CellConfigs[K]) => void;
}
