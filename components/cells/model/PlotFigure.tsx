'use client';
import { memo, useEffect, useRef } from 'react';
import { showChartControls } from '../../../lib/charts/chart-text';
import { UserText } from '../../ui/UserText';
import { visibleControls } from '../../../lib/format';

/** Draws one chart: a lib/charts builder called with the page's document and the room available. */
export type PlotBuild = (options: { document: Document; width: number }) => Element;

interface Props {
  build: PlotBuild;
  /** Accessible name of the figure. */
  label: string;
  /** Visible heading above the chart. */
  title?: string;
  /** The chart is redrawn when one of these changes (compared with Object.is), not on every render. */
  deps: readonly unknown[];
  maxWidth?: number;
  testId?: string;
}

function Figure({ build, label, title, maxWidth = 640, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const width = Math.min(Math.max(node.clientWidth || maxWidth, 320), maxWidth);
    node.replaceChildren(showChartControls(build({ document, width })));
    return () => node.replaceChildren();
  }, [build, maxWidth]);
  return (
    <figure className="model-figure">
      {title ? (
        <figcaption className="muted small">
          <UserText text={title} />
        </figcaption>
      ) : null}
      <div ref={host} className="chart" role="img" aria-label={visibleControls(label)} data-testid={testId} />
    </figure>
  );
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((d, i) => Object.is(d, b[i]));

/**
 * The same SVG the exported report embeds, drawn into the page. Memoised on `deps` so a cell's
 * re-renders (progress, status) do not redraw its charts; `build` is read when deps change.
 */
export const PlotFigure = memo(
  Figure,
  (prev, next) => prev.label === next.label && prev.title === next.title && prev.maxWidth === next.maxWidth && sameDeps(prev.deps, next.deps),
);
