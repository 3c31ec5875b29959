import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { noDataMarks } from './chart-parts';
import type { TrackingChartOptions } from './tracking-scatter';
import { roundGeometry } from './round-svg';

/** One axis: a numeric param or metric (linear over its runs' extent) or a categorical param (its values spread evenly). */
export interface ParallelAxis {
  name: string;
  /** One value per run (null: not logged). */
  values: readonly (number | string | null)[];
}

export interface ParallelRun {
  label: string;
  color: string;
  /** False when brushing filtered the run out: drawn faint. */
  selected: boolean;
}

/** Where a value sits on its axis, 0 (bottom) to 1 (top); null for a missing or non-finite value. */
export function axisPosition(axis: ParallelAxis): { position: (v: number | string | null) => number | null; ticks: { at: number; text: string }[] } {
  const nums = axis.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const cats = [...new Set(axis.values.filter((v): v is string => typeof v === 'string'))].sort();
  if (cats.length) {
    const at = (i: number) => (cats.length === 1 ? 0.5 : i / (cats.length - 1));
    return { position: (v) => (typeof v === 'string' ? at(cats.indexOf(v)) : null), ticks: cats.map((c, i) => ({ at: at(i), text: c })) };
  }
  if (!nums.length) return { position: () => null, ticks: [] };
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const pos = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  return {
    position: (v) => (typeof v === 'number' && Number.isFinite(v) ? pos(v) : null),
    ticks:
      hi > lo
        ? [
            { at: 0, text: formatNumber(lo) },
            { at: 1, text: formatNumber(hi) },
          ]
        : [{ at: 0.5, text: formatNumber(lo) }],
  };
}

interface Vertex {
  run: number;
  axis: string;
  y: number;
}

/**
 * Parallel coordinates: one vertical axis per param/metric, one polyline per run through its values
 * (a run missing a value skips that axis); runs outside the brushed ranges drawn faint and grey.
 * Plot has no brush: the compare view filters with a range per axis and passes `selected`.
 */
export function parallelChart(
  axes: readonly ParallelAxis[],
  runs: readonly ParallelRun[],
  { document, width = 720, height = 320 }: TrackingChartOptions,
): SVGSVGElement | HTMLElement {
  const scales = axes.map(axisPosition);
  const vertices: Vertex[] = [];
  runs.forEach((_, r) => {
    axes.forEach((axis, a) => {
      const y = scales[a]!.position(axis.values[r] ?? null);
      if (y !== null) vertices.push({ run: r, axis: axis.name, y });
    });
  });
  const ticks = axes.flatMap((axis, a) => scales[a]!.ticks.map((t) => ({ axis: axis.name, ...t })));
  // Axis names share the width: each cut to what fits between two axes (~6 px a character).
  const fit = Math.max(4, Math.floor((width - 80) / Math.max(1, axes.length) / 6) - 1);
  const order = [...runs.keys()].sort((a, b) => Number(runs[a]!.selected) - Number(runs[b]!.selected));
  const lineOf = (selected: boolean) =>
    Plot.line(
      order.filter((r) => runs[r]!.selected === selected).flatMap((r) => vertices.filter((v) => v.run === r)),
      {
        x: 'axis',
        y: 'y',
        z: 'run',
        stroke: (d: Vertex) => (selected ? runs[d.run]!.color : '#bab0ac'),
        strokeOpacity: selected ? 0.9 : 0.35,
        strokeWidth: selected ? 1.6 : 1,
        title: (d: Vertex) => runs[d.run]!.label,
        ariaDescription: selected ? 'selected runs' : 'filtered-out runs',
      },
    );
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 28,
    marginBottom: 24,
    marginLeft: 40,
    marginRight: 40,
    ariaLabel: 'Parallel coordinates of the compared runs',
    ariaDescription: `${axes.length} axes, ${runs.filter((r) => r.selected).length} of ${runs.length} runs selected`,
    x: {
      type: 'point',
      domain: axes.map((a) => a.name),
      axis: 'top',
      label: null,
      tickFormat: (d: string) => (d.length > fit ? `${d.slice(0, fit - 1)}…` : d),
    },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.ruleX(
        axes.map((a) => a.name),
        { stroke: 'currentColor', strokeOpacity: 0.5, ariaDescription: 'axes' },
      ),
      lineOf(false),
      lineOf(true),
      Plot.text(ticks, { x: 'axis', y: 'at', text: 'text', dx: 4, textAnchor: 'start', fontSize: 9, ariaDescription: 'axis ends' }),
      ...(axes.length && runs.length ? [] : noDataMarks('choose at least one param or metric')),
    ],
  });
  roundGeometry(el);
  return el;
}
