/**
 * A word-sized line of a series over its windows, batches or runs (Tufte's sparkline; Grafana's
 * stat panel draws the same under its value): equal steps in x, the finite values scaled to the
 * height, a gap where a value is missing or not finite, a dot on the latest value. Plain SVG built
 * with the given document, coordinates rounded to 0.01 so the markup is stable.
 */

export interface TrendSparklineOptions {
  document: Document;
  width?: number;
  height?: number;
}

const SVG = 'http://www.w3.org/2000/svg';
const round = (x: number) => Math.round(x * 100) / 100;

/** The polyline runs of the series: index and value of each finite point, split at every gap. */
export function sparklineRuns(values: readonly (number | null)[]): { i: number; v: number }[][] {
  const runs: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) run.push({ i, v });
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

export function trendSparkline(values: readonly (number | null)[], { document, width = 160, height = 36 }: TrendSparklineOptions): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'trend-sparkline');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('aria-hidden', 'true');
  const runs = sparklineRuns(values);
  const finite = runs.flat().map((p) => p.v);
  if (finite.length === 0) return svg;
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  const pad = 3;
  const x = (i: number) => round(values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  // A flat series sits in the middle rather than on an edge.
  const y = (v: number) => round(hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo));
  for (const run of runs) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', run.map((p) => `${x(p.i)},${y(p.v)}`).join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', 'currentColor');
    line.setAttribute('stroke-width', '1.5');
    line.setAttribute('stroke-linejoin', 'round');
    svg.append(line);
  }
  const last = runs.at(-1)!.at(-1)!;
  if (last.i === values.length - 1) {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', String(x(last.i)));
    dot.setAttribute('cy', String(y(last.v)));
    dot.setAttribute('r', '2.5');
    dot.setAttribute('fill', 'currentColor');
    svg.append(dot);
  }
  return svg;
}
