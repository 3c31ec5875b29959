import type { DistributionSummary } from '../drift/types';
import { SIDES, type Side } from './palette';

type Histogram = Extract<DistributionSummary, { kind: 'histogram' }>;
type Categories = Extract<DistributionSummary, { kind: 'categories' }>;

/** One side's bar in a histogram, as percent of that side's total so unequal sizes compare. */
export interface BinDatum {
  side: Side;
  x1: number;
  x2: number;
  count: number;
  percent: number;
}

/** One side's bar for one category; `index` orders the facets and keeps duplicate labels apart. */
export interface CategoryDatum {
  side: Side;
  index: number;
  label: string;
  count: number;
  percent: number;
}

export function percentOf(count: number, total: number): number {
  return total > 0 ? (100 * count) / total : 0;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function histogramData(dist: Histogram): BinDatum[] {
  const bins = Math.min(dist.edges.length - 1, dist.reference.length, dist.current.length);
  const data: BinDatum[] = [];
  for (const side of SIDES) {
    const counts = dist[side];
    const total = sum(counts);
    for (let i = 0; i < bins; i++) {
      const count = counts[i] ?? 0;
      data.push({ side, x1: dist.edges[i] ?? 0, x2: dist.edges[i + 1] ?? 0, count, percent: percentOf(count, total) });
    }
  }
  return data;
}

/** Labels shown on the axis, in order: listed categories, then "other (N categories)" if any. */
export function categoryLabels(dist: Categories): string[] {
  const labels = dist.categories.map((c) => (c === '' ? '(empty)' : c));
  if (dist.otherReference > 0 || dist.otherCurrent > 0) {
    const n = Math.max(dist.distinct - dist.categories.length, 1);
    labels.push(`other (${n} ${n === 1 ? 'category' : 'categories'})`);
  }
  return labels;
}

export function categoryData(dist: Categories): CategoryDatum[] {
  const labels = categoryLabels(dist);
  const hasOther = labels.length > dist.categories.length;
  const data: CategoryDatum[] = [];
  for (const side of SIDES) {
    const counts = dist[side];
    const other = side === 'reference' ? dist.otherReference : dist.otherCurrent;
    const total = sum(counts) + other;
    labels.forEach((label, index) => {
      const count = hasOther && index === labels.length - 1 ? other : (counts[index] ?? 0);
      data.push({ side, index, label, count, percent: percentOf(count, total) });
    });
  }
  return data;
}

/** Shortens a label for display; the full label stays available in a <title>. */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label); // by code point, so emoji and astral chars are not split
  if (chars.length <= maxChars) return label;
  return `${chars.slice(0, Math.max(maxChars - 1, 1)).join('')}…`;
}
