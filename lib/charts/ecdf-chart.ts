import * as Plot from '@observablehq/plot';
import type { DistributionSummary } from '../drift/types';
import { type ChartOptions, COLOR, extent, formatNumber, legendMarks, tickFormatFor } from './chart-parts';
import { SIDES, type Side } from './palette';
import { roundGeometry } from './round-svg';

type Histogram = Extract<DistributionSummary, { kind: 'histogram' }>;

/** The KS test's statistic and where the two ECDFs are farthest apart (TestOutcome.location). */
export interface KsMark {
  statistic: number;
  location: { x: number; reference: number; current: number };
}

export type EcdfChartOptions = ChartOptions & { ks?: KsMark };

interface StepPoint {
  side: Side;
  x: number;
  y: number;
}

// The D label's size in px: Plot's 10px font, bold (~6.2px a character), plus its offset.
const LABEL_HEIGHT = 14;
const labelWidth = (text: string): number => text.length * 6.2 + 5;
const MARGIN = { top: 30, right: 20, bottom: 36, left: 44 };

const formatShare = (y: number): string => `${(100 * y).toFixed(1)}%`;

/** Both sides' empirical CDFs as step lines; with `ks`, the KS distance D marked where it is reached. */
export function ecdfChart(dist: Histogram, options: EcdfChartOptions): SVGSVGElement | HTMLElement {
  const { ecdf } = dist;
  if (!ecdf) throw new RangeError('ecdfChart: the distribution has no ECDF');
  const { document, width = 560, height = 240, label } = options;
  // A malformed mark is dropped rather than drawn at NaN.
  const ks = options.ks && isFiniteMark(options.ks) ? options.ks : undefined;
  const domain = xDomain(ecdf, ks);
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: MARGIN.top,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    ariaLabel: 'Empirical cumulative distributions of reference and current values',
    color: COLOR,
    x: { label: label ?? 'value', labelAnchor: 'center', labelArrow: 'none', domain, tickFormat: tickFormatFor(domain) },
    y: { label: 'cumulative share', domain: [0, 1], grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(steps(ecdf, domain), { x: 'x', y: 'y', z: 'side', stroke: 'side', curve: 'step-after', strokeWidth: 1.5 }),
      ...(ks ? ksMarks(ks, domain, { width, height }) : []),
      ...legendMarks(undefined),
    ],
  });
  roundGeometry(el);
  return el;
}

function isFiniteMark({ statistic, location }: KsMark): boolean {
  return [statistic, location.x, location.reference, location.current].every(Number.isFinite);
}

/**
 * Step-line vertices per side: 0 at the left edge (nothing is below the smallest value) and the
 * last share carried to the right edge, so both lines span the whole axis.
 */
function steps(ecdf: NonNullable<Histogram['ecdf']>, [lo, hi]: [number, number]): StepPoint[] {
  const points: StepPoint[] = [];
  for (const side of SIDES) {
    const { x, y } = ecdf[side];
    const n = Math.min(x.length, y.length);
    if (n === 0) continue;
    points.push({ side, x: lo, y: 0 });
    for (let i = 0; i < n; i++) points.push({ side, x: x[i] ?? lo, y: y[i] ?? 0 });
    points.push({ side, x: hi, y: y[n - 1] ?? 1 });
  }
  return points;
}

/** Both sides' range (and the KS location), padded 2% so the first step is not drawn on the axis. */
function xDomain(ecdf: NonNullable<Histogram['ecdf']>, ks: KsMark | undefined): [number, number] {
  const xs = [...ecdf.reference.x, ...ecdf.current.x, ...(ks ? [ks.location.x] : [])].filter(Number.isFinite);
  if (xs.length === 0) return [0, 1];
  const [lo, hi] = extent(Math.min(...xs), Math.max(...xs));
  const pad = (hi - lo) * 0.02;
  return [lo - pad, hi + pad];
}

/**
 * A segment between the two CDFs at the KS location, and its "D = …" label. Both CDFs are
 * non-decreasing, so nothing is drawn above-left of the upper end or below-right of the lower end:
 * the label goes into whichever of those two corners has more room.
 */
function ksMarks(ks: KsMark, [lo, hi]: [number, number], size: { width: number; height: number }): Plot.Markish[] {
  const { location } = ks;
  const top = Math.max(location.reference, location.current);
  const bottom = Math.min(location.reference, location.current);
  const plotWidth = Math.max(size.width - MARGIN.left - MARGIN.right, 1);
  const plotHeight = Math.max(size.height - MARGIN.top - MARGIN.bottom, 1);
  const fx = (location.x - lo) / (hi - lo);
  const text = `D = ${formatNumber(ks.statistic)}`;
  // How many times the label fits in a corner; on the right it may spill into the empty margin.
  const fits = (dy: number, dxPx: number) => Math.min((dy * plotHeight) / LABEL_HEIGHT, dxPx / labelWidth(text));
  const upperLeftFit = fits(1 - top, fx * plotWidth);
  const lowerRightFit = fits(bottom, (1 - fx) * plotWidth + MARGIN.right);
  const upperLeft = upperLeftFit >= lowerRightFit;
  // Neither corner fits (D near 1): beside the segment's middle, towards the wider side.
  const beside = Math.max(upperLeftFit, lowerRightFit) < 1;
  const leftward = beside ? fx > 0.5 : upperLeft;
  const title =
    `KS distance ${text} at ${formatNumber(location.x)}: ` + `reference ${formatShare(location.reference)}, current ${formatShare(location.current)}`;
  return [
    // currentColor: the page's ink, dark on light pages and still visible in dark mode.
    Plot.ruleX([location], {
      x: 'x',
      y1: 'reference',
      y2: 'current',
      stroke: 'currentColor',
      strokeWidth: 2,
      title: () => title,
      ariaDescription: 'KS distance',
    }),
    Plot.text([location], {
      x: 'x',
      y: () => (beside ? (top + bottom) / 2 : upperLeft ? top : bottom),
      text: () => text,
      textAnchor: leftward ? 'end' : 'start',
      lineAnchor: beside ? 'middle' : upperLeft ? 'bottom' : 'top',
      dx: leftward ? -5 : 5,
      dy: beside ? 0 : upperLeft ? -4 : 4,
      fontWeight: 600,
      ariaDescription: 'KS distance label',
    }),
  ];
}
