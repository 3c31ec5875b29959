import * as Plot from '@observablehq/plot';
import { SIDES, SIDE_COLORS } from './palette';
import { truncateLabel } from './distribution-data';

export interface ChartOptions {
  /** The browser's document, or linkedom's/jsdom's in Node. */
  document: Document;
  width?: number;
  height?: number;
  /** x-axis label (e.g. the column name). Plot sets it as text content, so user data is safe. */
  label?: string;
  /** Bar heights as percent of each side's total (default; sides of unequal size compare) or raw counts. */
  mode?: 'percent' | 'count';
}

export type Facet = 'super' | undefined;

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const COLOR = { domain: [...SIDES], range: SIDES.map((side) => SIDE_COLORS[side]) };

export { formatNumber } from '../format';

/** Large magnitudes as 20k, 1.5M so edge ticks fit; small ones keep Plot's default. */
export function tickFormatFor([lo, hi]: readonly [number, number]): string | undefined {
  return Math.max(Math.abs(lo), Math.abs(hi)) >= 1e4 ? '~s' : undefined;
}

/** [lo, hi] of a sorted list; a single value is widened so the scale is not degenerate. */
export function extent(lo: number, hi: number): [number, number] {
  return hi > lo ? [lo, hi] : [lo - 0.5, lo + 0.5];
}

/** Margins of the square model-curve charts (ROC, precision-recall, reliability diagram). */
export const CURVE_CHART_MARGINS = { marginTop: 20, marginLeft: 44, marginRight: 20, marginBottom: 36 } as const;

/** An in-SVG legend at the top right, so the chart is a single <svg> element. */
export function legendMarks(facet: Facet): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  let dx = 0;
  for (const side of [...SIDES].reverse()) {
    marks.push(Plot.text([side], { frameAnchor: 'top-right', dx, dy: -18, text: (d: string) => d, textAnchor: 'end', lineAnchor: 'middle', facet }));
    dx -= side.length * 5.6 + 9; // estimated text width, then the swatch
    const fill = SIDE_COLORS[side];
    marks.push(Plot.dot([side], { frameAnchor: 'top-right', dx, dy: -18, symbol: 'square', r: 4.5, fill, facet }));
    dx -= 16;
  }
  return marks;
}

/** A faint frame with a centred message, for a chart with nothing to draw. */
export function noDataMarks(text = 'no data', facet?: Facet): Plot.Markish[] {
  return [Plot.frame({ strokeOpacity: 0.3, facet }), Plot.text([text], { frameAnchor: 'middle', text: (d: string) => d, facet, ariaDescription: 'no data' })];
}

/** Names in their colours in a row above the plot, at the right (where direct labels would collide). */
export function keyRow(entries: readonly (readonly [text: string, color: string])[]): Plot.Markish[] {
  // Estimated width of Plot's 10px bold font, then a gap.
  const widths = entries.map(([text]) => text.length * 6 + 14);
  // Ends at the top-right corner, clear of the y-axis label at the top left; read left to right.
  return entries.map(([text, fill], i) => {
    const dx = -widths.slice(i + 1).reduce((a, b) => a + b, 0);
    return Plot.text([text], {
      frameAnchor: 'top-right',
      dx,
      dy: -16,
      text: (d: string) => d,
      fill,
      textAnchor: 'end',
      lineAnchor: 'middle',
      fontWeight: 600,
      ariaDescription: 'key',
    });
  });
}

const KEY_LINE = 14;

/** Key lines in their colours, stacked inside a corner of the frame (the corner the data rarely reaches). */
export function cornerKey(lines: readonly (readonly [text: string, color: string])[], corner: 'top-left' | 'bottom-left' | 'bottom-right'): Plot.Markish[] {
  const top = corner === 'top-left';
  const left = corner !== 'bottom-right';
  return lines.map(([text, fill], i) =>
    Plot.text([text], {
      frameAnchor: corner,
      dx: left ? 6 : -6,
      dy: top ? 6 + KEY_LINE * i : -6 - KEY_LINE * (lines.length - 1 - i),
      text: (d: string) => d,
      fill,
      textAnchor: left ? 'start' : 'end',
      lineAnchor: top ? 'top' : 'bottom',
      fontWeight: 600,
      ariaDescription: 'key',
    }),
  );
}

/**
 * An x scale of labelled positions (windows, blocks): one point per label, a tick every few so labels about 90 px
 * apart fit `width`, each label cut to 14 characters; none drawn when there is nothing to place.
 */
export function labelledPointAxis(labels: readonly string[], width: number) {
  if (labels.length === 0) return { domain: [0, 1], axis: null };
  const step = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(width / 90))));
  const positions = labels.map((_, i) => i);
  return {
    type: 'point' as const,
    domain: positions,
    ticks: positions.filter((i) => i % step === 0),
    tickFormat: (i: number) => truncateLabel(labels[i] ?? '', 14),
    label: null,
    inset: 8,
  };
}
