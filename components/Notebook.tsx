'use client';
import { memo, useMemo, useState, type ComponentType } from 'react';
import type { DatasetMeta } from '../lib/data/types';
import {
  CELL_KINDS,
  cellSpec,
  isKnownKind,
  unknownKindError,
  type CellConfig,
  type CellKind,
  type CellRecord,
  type CellRecordMap,
  type DatasetsBySlot,
  type InputSlot,
} from '../lib/notebook';
import { CellErrorBoundary } from './cells/CellErrorBoundary';
import { CellFrame } from './cells/CellFrame';
import { CELL_COMPONENTS } from './cells/registry';
import type { CellProps, CellToAdd } from './cells/types';

export interface NotebookActions {
  run: (cell: CellRecord) => void;
  cancel: () => void;
  add: (kind: CellKind, index: number) => void;
  move: (cell: CellRecord, by: -1 | 1) => void;
  duplicate: (cell: CellRecord) => void;
  remove: (cell: CellRecord) => void;
  update: (cell: CellRecord, changes: Partial<CellRecord>) => void;
  setConfig: (cell: CellRecord, config: CellConfig) => void;
  setInput: (cell: CellRecord, slot: InputSlot, dataset: DatasetMeta | undefined) => void;
  /** Sets or clears the segment (an arquero filter expression) of one of a cell's inputs. */
  setSegment: (cell: CellRecord, slot: InputSlot, segment: string | undefined) => void;
  exportCells: (cells: CellRecord[]) => void;
  shareThreshold: (from: CellRecord, threshold: number) => void;
  /** Adds a cell right after `from`, on its datasets, with `cell.segments` over its own. */
  addAfter: (from: CellRecord, cell: CellToAdd) => void;
  /** Puts a dataset in a cell's input (and a new config, when given), then runs the cell. */
  useDataset: (cell: CellRecord, slot: InputSlot, dataset: DatasetMeta, config?: CellConfig) => void;
}

interface Props {
  cells: CellRecord[];
  datasets: DatasetMeta[];
  stale: ReadonlySet<string>;
  progress: Record<string, { done: number; total: number }>;
  actions: NotebookActions;
}

/** "+" between cells: a small menu of the kinds a notebook can hold. */
function AddCell({ index, onAdd, always = false }: { index: number; onAdd: (kind: CellKind, index: number) => void; always?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={`add-cell${always ? ' add-cell-visible' : ''}${open ? ' add-cell-open' : ''}`}>
      <button type="button" className="add-cell-button" aria-expanded={open} aria-label={`Add a cell at position ${index + 1}`} onClick={() => setOpen(!open)}>
        + Add cell
      </button>
      {open ? (
        <ul className="add-menu" role="menu" aria-label="Cell kinds">
          {CELL_KINDS.map((kind) => {
            const spec = cellSpec(kind);
            return (
              <li key={kind} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="add-menu-item"
                  onClick={() => {
                    setOpen(false);
                    onAdd(kind, index);
                  }}
                >
                  <strong>{spec.label}</strong>
                  <span className="muted">{spec.description}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

// Columns per pair of descriptions: built once per pair (the page keeps a description's object
// until it changes), not for every cell on every render — 100,000 columns take a while to merge.
const NO_DATASET = {};
const mergedColumns = new WeakMap<object, WeakMap<object, { name: string; type: string }[]>>();

function columnsOf(cell: CellRecord, datasets: DatasetMeta[]): { name: string; type: string }[] {
  const reference = datasets.find((d) => d.id === cell.inputs.reference?.id);
  const current = datasets.find((d) => d.id === cell.inputs.current?.id);
  const byCurrent = mergedColumns.get(reference ?? NO_DATASET) ?? new WeakMap();
  mergedColumns.set(reference ?? NO_DATASET, byCurrent);
  const known = byCurrent.get(current ?? NO_DATASET);
  if (known) return known;
  // The reference's columns (its own objects), then the current's that it lacks.
  const first = reference?.schema ?? [];
  const names = new Set(first.map((c) => c.name));
  const extra = (current?.schema ?? []).filter((c) => !names.has(c.name) && names.add(c.name));
  const columns = extra.length ? [...first, ...extra] : first;
  byCurrent.set(current ?? NO_DATASET, columns);
  return columns;
}

/** The cell's input datasets by slot, as the page knows them. */
function datasetsOf(cell: CellRecord, datasets: DatasetMeta[]): DatasetsBySlot {
  const out: DatasetsBySlot = {};
  for (const slot of ['reference', 'current'] as const) {
    const found = datasets.find((d) => d.id === cell.inputs[slot]?.id);
    if (found) out[slot] = found;
  }
  return out;
}

/** The kind's own component, looked up by kind (the compiler ties each kind to its component and config). */
function KindBody<K extends CellKind>({ cell, ...props }: Omit<CellProps<K>, 'cell'> & { cell: CellRecordMap[K] }) {
  const Body: ComponentType<CellProps<K>> = CELL_COMPONENTS[cell.kind];
  return <Body cell={cell} {...props} />;
}

function focusCell(id: string | undefined): void {
  if (!id) return;
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell-id="${CSS.escape(id)}"] > article`)?.focus());
}

interface SlotProps {
  cell: CellRecord;
  index: number;
  last: boolean;
  /** The next cell's id (Run and next focuses it). */
  nextId: string | undefined;
  datasets: DatasetMeta[];
  stale: boolean;
  progress: { done: number; total: number } | undefined;
  actions: NotebookActions;
  timelines?: CellProps<'metrics'>['timelines'];
}

/**
 * One cell with the "+" below it. Memoised: the page re-renders at each progress report of a
 * running cell, and every other cell's charts and windowed tables would render again with it.
 */
const CellSlot = memo(function CellSlot({ cell, index, last, nextId, datasets, stale, progress, actions, timelines }: SlotProps) {
  // A kind this version does not know (a newer version's backup, a damaged file) is a failed cell, never a crash.
  const problem = isKnownKind(cell.kind) ? undefined : unknownKindError(cell.kind).message;
  return (
    <div data-cell-id={cell.id} className="cell-slot">
      <CellErrorBoundary kind={String(cell.kind)} title={String(cell.title)} problem={problem} onDelete={() => actions.remove(cell)}>
        {problem ? null : (
          <CellFrame
            cell={cell}
            stale={stale}
            first={index === 0}
            last={last}
            datasets={datasets}
            progress={progress}
            onRun={() => actions.run(cell)}
            onRunAndNext={() => {
              actions.run(cell);
              focusCell(nextId);
            }}
            onCancel={actions.cancel}
            onMove={(by) => {
              actions.move(cell, by);
              focusCell(cell.id);
            }}
            onDuplicate={() => actions.duplicate(cell)}
            onDelete={() => actions.remove(cell)}
            onCollapse={(collapsed) => actions.update(cell, { collapsed })}
            onRename={(title) => actions.update(cell, { title })}
            onInputs={(slot, dataset) => actions.setInput(cell, slot, dataset)}
            onSegment={(slot, segment) => actions.setSegment(cell, slot, segment)}
            onExport={() => actions.exportCells([cell])}
          >
            <KindBody
              cell={cell}
              progress={progress}
              columns={columnsOf(cell, datasets)}
              datasets={datasetsOf(cell, datasets)}
              onRun={() => actions.run(cell)}
              onCancel={actions.cancel}
              onExport={() => actions.exportCells([cell])}
              onConfigChange={(config: CellConfig) => actions.setConfig(cell, config)}
              onShareThreshold={(threshold) => actions.shareThreshold(cell, threshold)}
              onAddCell={(added) => actions.addAfter(cell, added)}
              timelines={timelines}
              onUseDataset={(slot, dataset, config) => actions.useDataset(cell, slot, dataset, config)}
            />
          </CellFrame>
        )}
      </CellErrorBoundary>
      <AddCell index={index + 1} onAdd={actions.add} always={last} />
    </div>
  );
});

/** The ordered cells of a workspace, each in its frame, with "+" between them. */
export function Notebook({ cells, datasets, stale, progress, actions }: Props) {
  // Computed timelines, for the cells that draw beside one (given to those kinds only: the others stay memoised).
  const timelines = useMemo(() => cells.flatMap((c) => (c.kind === 'timeline' && c.result ? [{ id: c.id, title: c.title, result: c.result }] : [])), [cells]);
  return (
    <div className="notebook" aria-label="Notebook cells">
      <AddCell index={0} onAdd={actions.add} always={cells.length === 0} />
      {cells.map((cell, i) => (
        <CellSlot
          key={cell.id}
          cell={cell}
          index={i}
          last={i === cells.length - 1}
          nextId={cells[i + 1]?.id}
          datasets={datasets}
          stale={stale.has(cell.id)}
          progress={progress[cell.id]}
          actions={actions}
          timelines={cell.kind === 'metrics' ? timelines : undefined}
        />
      ))}
    </div>
  );
}
