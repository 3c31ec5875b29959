/**
 * The charts a cell can pin to the dashboard: per kind, its headline charts (the first figures its
 * report section draws), each with a stable id (stored in the tile) and the same lib/charts builder
 * the cell and the report use, so a chart tile draws the same SVG in the app and in the export.
 * A kind missing here (drift, quality: their headline is a table of numbers) pins numbers only.
 */
import { cbpeChart } from '../charts/cbpe-chart';
import { changeChart } from '../charts/change-chart';
import { confusionChart } from '../charts/confusion-chart';
import { customChart } from '../charts/custom-chart';
import { fairnessChart } from '../charts/fairness-chart';
import { latencyChart, throughputChart } from '../charts/latency-chart';
import { predictedActualChart } from '../charts/regression-charts';
import { rocChart } from '../charts/roc-chart';
import { timelineChart, timelineRowsChart } from '../charts/timeline-chart';
import { classificationSides } from '../notebook/kinds/classification';
import { regressionSides } from '../notebook/kinds/regression';
import type { CellKind, CellResults } from '../notebook/registry';

export interface CellChart {
  /** Stored in the tile: stable across versions. */
  id: string;
  label: string;
  build: (options: { document: Document; width?: number }) => Element;
}

type ChartsOf = { [K in CellKind]?: (result: CellResults[K]) => CellChart[] };

const CHARTS: ChartsOf = {
  timeline: (r) => [
    { id: 'timeline', label: r.scalar.label, build: (o) => timelineChart(r, o) },
    { id: 'rows', label: 'Rows per window', build: (o) => timelineRowsChart(r, o) },
  ],
  operational: (r) => {
    const side = r.current ?? r.reference;
    return side.throughput
      ? [
          { id: 'latency', label: 'Latency percentiles', build: (o) => latencyChart(side, o) },
          { id: 'throughput', label: 'Throughput', build: (o) => throughputChart(side, o) },
        ]
      : [];
  },
  classification: (r) => {
    const sides = classificationSides(r);
    const latest = sides.current ?? sides.reference;
    const scored = Object.values(sides).some((s) => s?.curves.roc || s?.curves.roc_ovr?.length);
    return [
      ...(scored ? [{ id: 'roc', label: 'ROC curve', build: (o: { document: Document; width?: number }) => rocChart(sides, o) }] : []),
      ...(latest ? [{ id: 'confusion', label: 'Confusion matrix', build: (o: { document: Document; width?: number }) => confusionChart(latest, o) }] : []),
    ];
  },
  regression: (r) => [{ id: 'predicted-actual', label: 'Predicted vs actual', build: (o) => predictedActualChart(regressionSides(r), o) }],
  estimated: (r) =>
    r.cbpe.chunks?.length
      ? [
          {
            id: 'cbpe-accuracy',
            label: 'Estimated accuracy per chunk',
            build: (o) => cbpeChart(r.cbpe, { ...o, metric: 'accuracy', time: r.chunkBy === 'time' }),
          },
        ]
      : [],
  fairness: (r) => [{ id: 'selection-rate', label: 'Selection rate per group', build: (o) => fairnessChart(r.current ?? r.reference, o) }],
  chart: (r) => [{ id: 'chart', label: 'Chart', build: (o) => customChart(r, o) }],
  change: (r) => [{ id: 'stream', label: 'Stream with drifts and warnings', build: (o) => changeChart(r, o) }],
};

/** A cell's kind and result, correlated (a CellRecord of lib/notebook is one). */
export interface ChartSource<K extends CellKind> {
  kind: K;
  result?: CellResults[K];
}

/** The charts of a cell's result (none for a kind without pinnable charts, or without a result). */
export function cellCharts<K extends CellKind>(cell: ChartSource<K>): CellChart[] {
  const of = CHARTS[cell.kind];
  if (!of || cell.result === undefined || cell.result === null) return [];
  try {
    return of(cell.result);
  } catch {
    // A result of an older shape: the chart is not offered rather than breaking the dashboard.
    return [];
  }
}
