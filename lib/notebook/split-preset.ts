import { negateSegment } from '../data/frame';
import type { DatasetMeta } from '../data/types';
import { DEFAULT_PRESET } from './presets';
import { newCell, type NewCell } from './run-cell';
import type { CellInputRef, InputSlot } from './types';

/**
 * "Split one file": drop ONE dataset and compare two segments of it — the rows a segment keeps
 * (reference) against the rest (current, the segment's negation), e.g. `d => d.date < '2015-01-01'`
 * before and after a date. A preset only builds inputs and cells; the cells compute themselves.
 */

/** The reference and current inputs of a split: the same dataset, the segment and its negation. */
export function splitInputs(dataset: Pick<DatasetMeta, 'id' | 'sha256'>, segment: string): { reference: CellInputRef; current: CellInputRef } {
  const reference = segment.trim();
  return {
    reference: { id: dataset.id, sha256: dataset.sha256, segment: reference },
    current: { id: dataset.id, sha256: dataset.sha256, segment: negateSegment(reference) },
  };
}

/** The segments of a split by slot, as new cells take them. */
export function splitSegments(segment: string): Record<InputSlot, string> {
  const reference = segment.trim();
  return { reference, current: negateSegment(reference) };
}

/** The default preset's cells (drift, quality) comparing a segment of `dataset` with the rest of it. */
export function splitPresetCells(dataset: DatasetMeta, segment: string): NewCell[] {
  const segments = splitSegments(segment);
  return DEFAULT_PRESET.map((kind) =>
    newCell({ kind, reference: dataset, current: dataset, segments, title: `${dataset.name}: ${segments.reference} vs the rest` }),
  );
}
