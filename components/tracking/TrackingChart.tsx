'use client';
import { useEffect, useRef } from 'react';
import { showChartControls } from '../../lib/charts/chart-text';
import { visibleControls } from '../../lib/format';

/** Draws a lib/charts/tracking-* builder's SVG (the same one the experiment report embeds). */
export function TrackingChart({ draw, label, testId }: { draw: (document: Document) => Element; label: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    node.replaceChildren(showChartControls(draw(document)));
    return () => node.replaceChildren();
  }, [draw]);
  return <div ref={host} className="chart tracking-chart" role="img" aria-label={visibleControls(label)} data-testid={testId} />;
}
