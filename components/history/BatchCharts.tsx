'use client';
import { useEffect, useRef } from 'react';
import { batchHeatmap, batchHistoryChart } from '../../lib/charts/batch-history-chart';
import { showChartControls } from '../../lib/charts/chart-text';
import type { BatchPoint } from '../../lib/notebook/batch-summary';

/** Draws one of lib/charts/batch-history-chart.ts's builders into the page. */
function BatchChart({ points, chart, label, testId }: { points: BatchPoint[]; chart: 'share' | 'heatmap'; label: string; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const width = Math.max(320, Math.min(900, node.clientWidth || 680));
    const svg = chart === 'share' ? batchHistoryChart(points, { document, width }) : batchHeatmap(points, { document, width });
    node.replaceChildren(showChartControls(svg));
    return () => node.replaceChildren();
  }, [points, chart]);
  return <div ref={host} className="chart" role="img" aria-label={label} data-testid={testId} />;
}

/** The history as a series: dataset drift share per batch, and columns × batches by drift verdict. */
export function BatchCharts({ points }: { points: BatchPoint[] }) {
  return (
    <div className="history-charts">
      <BatchChart points={points} chart="share" label="Dataset drift share per batch" testId="history-chart" />
      <BatchChart points={points} chart="heatmap" label="Drift per column and batch" testId="history-heatmap" />
    </div>
  );
}
