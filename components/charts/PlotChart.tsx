'use client';
import { useEffect, useRef } from 'react';
import type { DistributionSummary } from '../../lib/drift/types';
import { distributionChart, sparkline } from '../../lib/charts/distribution-chart';

interface Props {
  distribution: DistributionSummary;
  variant?: 'full' | 'sparkline';
  width?: number;
  /** Accessible name of the chart. */
  label: string;
  /** Axis title (the column name). */
  axisLabel?: string;
}

/** Draws a lib/charts builder's SVG (the same one the exported report embeds) into the page. */
export function PlotChart({ distribution, variant = 'full', width, label, axisLabel }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const build = variant === 'sparkline' ? sparkline : distributionChart;
    const chart = build(distribution, { document, width, label: axisLabel });
    node.replaceChildren(chart);
    return () => node.replaceChildren();
  }, [distribution, variant, width, axisLabel]);
  return <div ref={host} className={variant === 'sparkline' ? 'sparkline' : 'chart'} role="img" aria-label={label} />;
}
