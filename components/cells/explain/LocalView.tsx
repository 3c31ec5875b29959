'use client';
import { useId, useState } from 'react';
import { limeChart, waterfallChart } from '../../../lib/charts/shap-local-charts';
import { formatScore } from '../../../lib/format';
import type { ExplainCellConfig, ExplainCellResult } from '../../../lib/notebook/kinds/explain';
import { PlotFigure } from '../model/PlotFigure';

interface Props {
  result: ExplainCellResult;
  config: ExplainCellConfig;
  disabled: boolean;
  onExplainRow: (row: number) => void;
}

/** A local explanation of one current row: pick it (0-based), then its SHAP waterfall and LIME surrogate with fidelity. */
export function LocalView({ result, config, disabled, onExplainRow }: Props) {
  const inputId = useId();
  const last = result.current.rows - 1;
  const [text, setText] = useState(String(config.local?.row ?? 0));
  const row = Number(text);
  const valid = text !== '' && Number.isInteger(row) && row >= 0 && row <= last;
  const local = result.explanation.local;
  const base = result.explanation.baseValue;
  return (
    <section className="model-side" aria-label="Local explanation">
      <h4>Local explanation</h4>
      {result.source === 'model' ? (
        <form
          className="inline-field field"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onExplainRow(row);
          }}
        >
          <label htmlFor={inputId}>Row of the current data (0–{last})</label>
          <input id={inputId} type="number" min={0} max={last} step={1} value={text} onChange={(e) => setText(e.target.value)} data-testid="explain-row" />
          <button type="submit" className="button" disabled={disabled || !valid}>
            Explain row
          </button>
          {!valid ? <span className="muted small">a whole number from 0 to {last}</span> : null}
        </form>
      ) : (
        <p className="muted small">A local surrogate needs the model: with shap_ columns only, each row’s attributions are the file’s own.</p>
      )}
      {local && base !== null ? (
        <div className="model-charts" data-testid="local-explanation">
          <PlotFigure
            label={`SHAP waterfall of row ${local.row.index}`}
            title={`Row ${local.row.index}: f(x) ${formatScore(local.row.prediction ?? base)} from E[f(x)] ${formatScore(base)}`}
            deps={[local, base]}
            build={(o) => waterfallChart(local.row, base, o)}
            testId="shap-waterfall"
          />
          {local.lime ? (
            <div>
              <PlotFigure
                label={`LIME surrogate of row ${local.row.index}`}
                title={`LIME surrogate: fidelity (weighted R²) ${formatScore(local.lime.fidelity)}`}
                deps={[local.lime]}
                build={(o) => limeChart(local.lime!, o)}
                testId="lime-chart"
              />
              <p className="muted small" data-testid="lime-fidelity">
                Surrogate prediction {formatScore(local.lime.localPrediction)} vs model {formatScore(local.lime.prediction)} · fidelity{' '}
                {formatScore(local.lime.fidelity)} · {local.lime.samples} perturbations, kernel width {formatScore(local.lime.kernelWidth)}
              </p>
            </div>
          ) : null}
        </div>
      ) : result.source === 'model' ? (
        <p className="muted small">Pick a row and choose Explain row.</p>
      ) : null}
    </section>
  );
}
