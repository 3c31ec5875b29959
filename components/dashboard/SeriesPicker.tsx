'use client';
import { useId, useState } from 'react';
import { labelsText, familyTitle } from '../../lib/report/dashboard-view';
import type { Sample } from '../../lib/alerts/types';
import { visibleControls } from '../../lib/format';

/** One option per series: "Model metric — metric=accuracy · dataset=current". */
export const seriesOptionText = (s: Pick<Sample, 'metric' | 'labels'>): string => {
  const labels = labelsText(s.labels);
  return visibleControls(labels ? `${familyTitle(s.metric)} — ${labels}` : familyTitle(s.metric));
};

/** A labelled select of catalogue series and a Pin button (a select scales to a 10,000-column drift result). */
export function SeriesPicker({ samples, label, onPin }: { samples: readonly Sample[]; label: string; onPin: (sample: Sample) => void }) {
  const id = useId();
  const [chosen, setChosen] = useState(0);
  if (samples.length === 0) return null;
  return (
    <div className="pin-row">
      <label htmlFor={id} className="small">
        {label}
      </label>
      <select id={id} value={Math.min(chosen, samples.length - 1)} onChange={(e) => setChosen(Number(e.target.value))}>
        {samples.map((s, i) => (
          <option key={i} value={i}>
            {seriesOptionText(s)}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" onClick={() => onPin(samples[Math.min(chosen, samples.length - 1)]!)}>
        Pin number
      </button>
    </div>
  );
}
