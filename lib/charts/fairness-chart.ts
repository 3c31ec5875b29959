import * as Plot from '@observablehq/plot';
import type { AequitasMetric, FairnessResult, RateSet } from '../fairness/types';
import { type ChartOptions, formatNumber, noDataMarks } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { SIDE_COLORS } from './palette';
import { roundGeometry } from './round-svg';

export type RateMetric = Exclude<keyof RateSet, 'count'>;
export type FairnessChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & { metric?: RateMetric };
export type DisparityChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'> & { metric?: AequitasMetric };

interface Bar {
  group: string;
  count: number;
  value: number | null;
  flagged: boolean;
}

const RATE_LABELS: Record<RateMetric, string> = {
  selection_rate: 'selection rate',
  tpr: 'true positive rate',
  fpr: 'false positive rate',
  fnr: 'false negative rate',
  tnr: 'true negative rate',
  precision: 'precision',
  accuracy: 'accuracy',
};
const BAR = SIDE_COLORS.reference;
const FLAGGED = '#e45756';
const BAND = '#54a24b';
const MAX_LABEL_CHARS = 24;

/** Room for the bars: a row per group plus the axes. */
const heightFor = (groups: number): number => 64 + 24 * Math.max(groups, 2);

/** Each group's rate (Fairlearn MetricFrame.by_group) as a bar, with the overall rate as a rule. */
export function fairnessChart(
  result: Pick<FairnessResult, 'groups' | 'overall'>,
  { document, width = 560, height = heightFor(result.groups.length), metric = 'selection_rate' }: FairnessChartOptions,
): SVGSVGElement | HTMLElement {
  const bars = result.groups.map((g): Bar => ({ group: g.group, count: g.count, value: finiteOrNull(g[metric]), flagged: false }));
  const overall = finiteOrNull(result.overall[metric]);
  const label = RATE_LABELS[metric];
  const over =
    overall === null
      ? []
      : [
          Plot.ruleX([overall], { stroke: 'currentColor', strokeDasharray: '4,3', ariaDescription: 'overall' }),
          ruleLabel(overall, `overall ${formatNumber(overall)}`),
        ];
  return groupBars(bars, {
    document,
    width,
    height,
    axisLabel: label,
    domain: [0, 1],
    ariaLabel: `${label} per group`,
    ariaDescription: overall === null ? `${bars.length} groups` : `${bars.length} groups; overall ${formatNumber(overall)}`,
    title: (d) => `${d.group} (${d.count} rows)\n${label} ${d.value === null ? 'n/a' : formatNumber(d.value)}`,
    over,
  });
}

/**
 * Aequitas disparity (group metric / reference group's metric) per group, with the parity band
 * (default 0.8–1.25) shaded and groups outside it in red.
 */
export function disparityChart(
  result: Pick<FairnessResult, 'disparities'>,
  { document, width = 560, height = heightFor(result.disparities.groups.length), metric = 'pprev' }: DisparityChartOptions,
): SVGSVGElement | HTMLElement {
  const { band, reference_group: reference } = result.disparities;
  const bars = result.disparities.groups.map((g): Bar => ({
    group: g.group,
    count: g.count,
    value: finiteOrNull(g.disparity[metric]),
    flagged: g.flagged.includes(metric),
  }));
  const [lo, hi] = band;
  const values = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const bandText = `${formatNumber(lo)}–${formatNumber(hi)}`;
  const flagged = bars.filter((b) => b.flagged).length;
  return groupBars(bars, {
    document,
    width,
    height,
    axisLabel: `${metric} disparity (vs ${truncateLabel(reference, MAX_LABEL_CHARS)})`,
    domain: [0, Math.max(hi * 1.1, ...values)],
    ariaLabel: `${metric} disparity per group against the reference group`,
    // Counts only: group names are user data and stay out of attributes (they are drawn as text).
    ariaDescription: `parity band ${bandText}; ${flagged} of ${bars.length} groups outside`,
    title: (d) =>
      `${d.group}${d.group === reference ? ' (reference)' : ''} (${d.count} rows)\n` +
      `${metric} disparity ${d.value === null ? 'n/a' : formatNumber(d.value)}${d.flagged ? ` — outside ${bandText}` : ''}`,
    under: [
      Plot.rect([band], {
        x1: (d: [number, number]) => d[0],
        x2: (d: [number, number]) => d[1],
        fill: BAND,
        fillOpacity: 0.15,
        ariaDescription: 'parity band',
      }),
    ],
    over: [Plot.ruleX([1], { stroke: 'currentColor', ariaDescription: 'parity' }), ruleLabel(1, `parity band ${bandText}`)],
  });
}

interface BarsLayout {
  document: Document;
  width: number;
  height: number;
  axisLabel: string;
  domain: [number, number];
  ariaLabel: string;
  ariaDescription: string;
  title: (d: Bar) => string;
  /** Marks drawn beneath and above the bars. */
  under?: Plot.Markish[];
  over?: Plot.Markish[];
}

/** Horizontal bars, one row per group (in result order); an undefined value is an "n/a" label. */
function groupBars(bars: Bar[], layout: BarsLayout): SVGSVGElement | HTMLElement {
  const { document, width, height, axisLabel, domain, ariaLabel, ariaDescription, title, under = [], over = [] } = layout;
  const groups = bars.map((b) => b.group);
  const drawn = bars.filter((b) => b.value !== null);
  const longest = Math.max(0, ...groups.map((g) => Math.min(Array.from(g).length, MAX_LABEL_CHARS)));
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 24,
    marginRight: 24,
    marginBottom: 36,
    // ~6px per character of Plot's 10px font.
    marginLeft: Math.max(40, 12 + 6 * longest),
    ariaLabel,
    ariaDescription,
    x: { label: axisLabel, domain, nice: true, labelAnchor: 'center', labelArrow: 'none', grid: true },
    y: { domain: groups, label: null, tickFormat: (g: string) => truncateLabel(g, MAX_LABEL_CHARS), padding: 0.25 },
    marks: [
      ...under,
      Plot.barX(drawn, { x1: 0, x2: 'value', y: 'group', fill: (d: Bar) => (d.flagged ? FLAGGED : BAR), title, ariaDescription: 'group bars' }),
      Plot.text(
        bars.filter((b) => b.value === null),
        { x: 0, y: 'group', text: () => 'n/a', dx: 4, textAnchor: 'start', fillOpacity: 0.7, title, ariaDescription: 'n/a values' },
      ),
      ...over,
      Plot.ruleX([0]),
      ...(bars.length ? [] : noDataMarks()),
    ],
  });
  roundGeometry(el);
  return el;
}

/** A rule's label just above the plot area. */
function ruleLabel(x: number, text: string): Plot.Markish {
  return Plot.text([x], { x: (d: number) => d, frameAnchor: 'top', dy: -6, text: () => text, lineAnchor: 'bottom', ariaDescription: 'rule label' });
}

const finiteOrNull = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
