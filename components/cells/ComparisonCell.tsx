'use client';
import { useState } from 'react';
import { blockMetricChart, disagreementChart, leadMetric, modelMetricChart, pairDeltaChart } from '../../lib/charts/comparison-charts';
import type { ComparisonCellResult } from '../../lib/notebook/kinds/comparison';
import {
  comparisonNote,
  deltasTable,
  friedmanNote,
  friedmanTable,
  modelsTable,
  pairName,
  pairsTable,
  segmentsTable,
} from '../../lib/notebook/view/comparison-rows';
import { Warnings } from '../ui/Warnings';
import { NameList, UserText } from '../ui/UserText';
import { ComparisonForm } from './comparison/ComparisonForm';
import { ViewTableBlock } from './comparison/ViewTableBlock';
import { columnChoices } from './model/fields';
import { PlotFigure } from './model/PlotFigure';
import type { CellProps } from './types';

function ColumnsLine({ result }: { result: ComparisonCellResult }) {
  const c = result.columns;
  return (
    <p className="muted small summary-meta">
      {comparisonNote(result)} · target{' '}
      <code>
        <UserText text={c.target} />
      </code>
      {c.models.length ? (
        <>
          {' '}
          · models <NameList names={c.models} />
        </>
      ) : null}
      {c.modelColumn ? (
        <>
          {' '}
          · served by{' '}
          <code>
            <UserText text={c.modelColumn} />
          </code>
        </>
      ) : null}
    </p>
  );
}

/** The disagreement heatmap of one pair, chosen among the pairs that have one. */
function Disagreement({ result }: { result: ComparisonCellResult }) {
  const pairs = result.pairs.filter((p) => p.disagreement?.labels.length);
  const [chosen, setChosen] = useState(0);
  const pair = pairs[Math.min(chosen, pairs.length - 1)];
  if (!pair) return null;
  return (
    <figure className="model-figure">
      {pairs.length > 1 ? (
        <div className="segmented" role="group" aria-label="Disagreement of pair">
          {pairs.map((p, i) => (
            <button key={pairName(p)} type="button" aria-pressed={p === pair} onClick={() => setChosen(i)}>
              <UserText text={pairName(p)} clamp />
            </button>
          ))}
        </div>
      ) : null}
      <PlotFigure
        title={`Disagreement: ${pairName(pair)}`}
        label={`Disagreement matrix of ${pairName(pair)}`}
        deps={[pair]}
        build={({ document, width }) => disagreementChart(pair, { document, width: Math.min(width, 460) })}
        testId="comparison-disagreement"
      />
    </figure>
  );
}

/** Champion vs challenger: the verdict with its numbers, the models, each pair's tests and Δ intervals, Friedman, segments. */
export function ComparisonCell({ cell, onConfigChange, columns, datasets }: CellProps<'comparison'>) {
  const result = cell.result;
  const c = result?.columns;
  const choices = columnChoices(columns, c ? [c.target, ...c.models, ...c.scores, c.prediction, c.modelColumn] : []);
  const friedman = result ? friedmanTable(result) : null;
  const segments = result ? segmentsTable(result) : null;
  const metric = result ? leadMetric(result) : undefined;
  return (
    <>
      <ComparisonForm
        key={JSON.stringify(cell.config)}
        config={cell.config}
        columns={choices}
        datasets={datasets}
        disabled={cell.status === 'running'}
        onApply={onConfigChange}
      />
      {result ? (
        <>
          <ColumnsLine result={result} />
          <p className="comparison-verdict" data-testid="comparison-verdict">
            <strong>Verdict:</strong> <UserText text={result.verdict} />
          </p>
          <Warnings warnings={result.warnings} />
          <ViewTableBlock table={modelsTable(result)} />
          <div className="model-charts">
            <PlotFigure
              title={`${metric ?? 'metric'} per model`}
              label={`${metric ?? 'metric'} per model`}
              deps={[result]}
              build={({ document, width }) => modelMetricChart(result, { document, width })}
              testId="comparison-metric-chart"
            />
            <PlotFigure
              title={`Δ ${metric ?? 'metric'} per pair (95% interval)`}
              label={`Difference of ${metric ?? 'metric'} per pair with paired bootstrap intervals`}
              deps={[result]}
              build={({ document, width }) => pairDeltaChart(result, { document, width })}
              testId="comparison-delta-chart"
            />
          </div>
          <ViewTableBlock table={pairsTable(result)} />
          <ViewTableBlock table={deltasTable(result)} />
          <div className="model-charts">
            <Disagreement result={result} />
          </div>
          {friedman ? (
            <>
              <p className="muted small" data-testid="comparison-friedman-note">
                {friedmanNote(result)}
              </p>
              <ViewTableBlock table={friedman} />
              <PlotFigure
                title="Metric per block per model"
                label="Metric per block per model"
                deps={[result]}
                build={({ document, width }) => blockMetricChart(result, { document, width })}
                maxWidth={720}
                testId="comparison-block-chart"
              />
            </>
          ) : null}
          {segments ? <ViewTableBlock table={segments} /> : null}
        </>
      ) : null}
    </>
  );
}
