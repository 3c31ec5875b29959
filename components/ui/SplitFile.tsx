'use client';
import { useState } from 'react';
import { checkSegment } from '../../lib/data/frame';
import type { DatasetMeta } from '../../lib/data/types';
import { visibleControls } from '../../lib/format';
import { SegmentInput } from './SegmentInput';
import { UserText } from './UserText';
import { columnNames } from '../column-names';

interface Props {
  /** The stored datasets (the library). */
  datasets: readonly DatasetMeta[];
  /** The dataset to offer first (the reference just dropped, when there is one). */
  preferred?: DatasetMeta;
  onSplit: (dataset: DatasetMeta, segment: string) => void;
}

/**
 * "Split one file": compare the rows of ONE stored dataset that a segment keeps (as reference)
 * with the rest of it (as current), e.g. `d => d.date < '2015-01-01'` — before and after a date.
 */
export function SplitFile({ datasets, preferred, onSplit }: Props) {
  const [chosenId, setChosenId] = useState<string>();
  const [segment, setSegment] = useState('');
  const dataset = datasets.find((d) => d.id === chosenId) ?? preferred ?? datasets[0];
  const columns = columnNames(dataset);
  let ready = false;
  try {
    checkSegment(segment, columns);
    ready = dataset !== undefined && segment.trim() !== '';
  } catch {
    // SegmentInput shows the message on blur.
  }
  return (
    <details className="reading-options split-file" data-testid="split-file">
      <summary>Split one file in two</summary>
      {dataset ? (
        <form
          className="split-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready) onSplit(dataset, segment.trim());
          }}
        >
          <label className="field">
            <span>Dataset</span>
            <select value={dataset.id} onChange={(e) => setChosenId(e.target.value)}>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {visibleControls(d.name)} ({d.rows.toLocaleString('en')} rows)
                </option>
              ))}
            </select>
          </label>
          <SegmentInput label="Reference: the rows where" value={segment} columns={columns} onChange={setSegment} testId="split-segment" />
          <p className="muted">
            Current: the rest of <UserText text={dataset.name} /> (the negation of the expression). Adds a drift and a data-quality cell.
          </p>
          <button type="submit" className="button button-primary" disabled={!ready}>
            Compare the segment with the rest
          </button>
        </form>
      ) : (
        <p className="muted">Drop a file above first: it is stored in this browser, then it can be split here.</p>
      )}
    </details>
  );
}
