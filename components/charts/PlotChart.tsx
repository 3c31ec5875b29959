'use client';
import { useEffect, useRef } from 'react';
import type { DistributionSummary } from '../../lib/drift/types';
import { distributionChart, sparkline } from '../../lib/charts/distribution-chart';

interface Props {
  distribution: DistributionSummary;
  variant?: 'full' | 'sparkline';
  width?: number;
  label: string;
}

/** Draws a lib/charts builder's SVG (the same one the exported report embeds) into the page. */
export function PlotChart({ distribution, variant = 'full', width, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const build = variant === 'sparkline' ? sparkline : distributionChart;
    const chart = build(distribution, { document, width });
    node.replaceChildren(chart);
    return () => node.replaceChildren();
  }, [distribution, variant, width]);
  return <div ref={host} className={variant === 'sparkline' ? 'sparkline' : 'chart'} role="img" aria-label={label} />;
}
