'use client';
import { useEffect, useRef } from 'react';
import type { DistributionSummary, TestOutcome } from '../../lib/drift/types';
import { distributionChart, sparkline } from '../../lib/charts/distribution-chart';
import { ecdfChart } from '../../lib/charts/ecdf-chart';
import { showChartControls } from '../../lib/charts/chart-text';
import { visibleControls } from '../../lib/format';

interface Props {
  distribution: DistributionSummary;
  variant?: 'distribution' | 'sparkline' | 'ecdf';
  mode?: 'percent' | 'count';
  /** The ks outcome, to mark the KS distance on an ECDF chart. */
  ks?: TestOutcome;
  width?: number;
  /** Accessible name of the chart. */
  label: string;
  /** Axis title (the column name). */
  axisLabel?: string;
}

/** Draws a lib/charts builder's SVG (the same one the exported report embeds) into the page. */
export function PlotChart({ distribution, variant = 'distribution', mode, ks, width, label, axisLabel }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const options = { document, width, label: axisLabel, mode };
    let chart: Element;
    if (variant === 'sparkline') chart = sparkline(distribution, options);
    else if (variant === 'ecdf' && distribution.kind === 'histogram') {
      const marked = ks?.location && typeof ks.statistic === 'number' ? { statistic: ks.statistic, location: ks.location } : undefined;
      chart = ecdfChart(distribution, { ...options, ks: marked });
    } else chart = distributionChart(distribution, options);
    node.replaceChildren(showChartControls(chart));
    return () => node.replaceChildren();
  }, [distribution, variant, mode, ks, width, axisLabel]);
  return <div ref={host} className={variant === 'sparkline' ? 'sparkline' : 'chart'} role="img" aria-label={visibleControls(label)} />;
}
