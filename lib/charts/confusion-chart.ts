import * as Plot from '@observablehq/plot';
import type { ClassificationMetricsResult } from '../metrics/types';
import type { ChartOptions } from './chart-parts';
import { truncateLabel } from './distribution-data';
import { roundGeometry } from './round-svg';

export type ConfusionChartOptions = Pick<ChartOptions, 'document' | 'width' | 'height'>;

interface CellDatum {
  actual: number;
  predicted: number;
  count: number;
  /** Share of the true label's row (confusion_matrix normalize="true"). */
  share: number;
}

// Above this many classes the cells are too small for their numbers: tooltips only.
const MAX_TEXT_CLASSES = 12;
const MAX_LABEL_CHARS = 16;
// Dark cells (share above this) get white text.
const DARK_CELL = 0.55;

const formatShare = (share: number): string => `${(100 * share).toFixed(share < 0.1 && share > 0 ? 1 : 0)}%`;

/**
 * One side's confusion matrix as a heatmap: true labels down, predicted across, coloured by the
 * row-normalised share; each cell shows its count and share of the row.
 */
export function confusionChart(
  result: Pick<ClassificationMetricsResult, 'confusion_matrix' | 'confusion_matrix_normalized'>,
  { document, width = 420, height = 380 }: ConfusionChartOptions,
): SVGSVGElement | HTMLElement {
  const { labels } = result.confusion_matrix;
  const cells = cellsOf(result);
  const indices = labels.map((_, i) => i);
  const tickFormat = (i: number) => truncateLabel(labels[i] ?? '', MAX_LABEL_CHARS);
  const longest = Math.max(0, ...labels.map((l) => Math.min(Array.from(l).length, MAX_LABEL_CHARS)));
  const el = Plot.plot({
    document,
    width,
    height,
    marginTop: 20,
    // ~6px per character of Plot's 10px font, plus the axis label.
    marginLeft: Math.max(44, 24 + 6 * longest),
    marginRight: 12,
    marginBottom: labels.length > 6 ? 36 + 4 * longest : 40,
    ariaLabel: 'Confusion matrix',
    ariaDescription: `${labels.length} classes; rows are true labels, columns predicted labels`,
    x: { domain: indices, tickFormat, label: 'predicted', labelAnchor: 'center', labelArrow: 'none', tickRotate: labels.length > 6 ? -40 : 0 },
    y: { domain: indices, tickFormat, label: 'true', labelAnchor: 'center', labelArrow: 'none' },
    color: { type: 'linear', domain: [0, 1], scheme: 'blues' },
    marks: [
      Plot.cell(cells, {
        x: 'predicted',
        y: 'actual',
        fill: 'share',
        inset: 0.5,
        title: (d: CellDatum) => `true ${labels[d.actual] ?? ''}, predicted ${labels[d.predicted] ?? ''}\n${d.count} rows (${formatShare(d.share)} of the row)`,
      }),
      ...(labels.length <= MAX_TEXT_CLASSES
        ? [
            Plot.text(cells, {
              x: 'predicted',
              y: 'actual',
              text: (d: CellDatum) => `${d.count}\n${formatShare(d.share)}`,
              fill: (d: CellDatum) => (d.share > DARK_CELL ? 'white' : 'black'),
              lineHeight: 1.2,
              ariaDescription: 'cell values',
            }),
          ]
        : []),
      ...(cells.length === 0
        ? [Plot.frame({ strokeOpacity: 0.3 }), Plot.text(['no data'], { frameAnchor: 'middle', text: (d: string) => d, ariaDescription: 'no data' })]
        : []),
    ],
  });
  roundGeometry(el);
  return el;
}

/** Every (true, predicted) cell with a finite count; a missing share is recomputed from the row. */
function cellsOf({
  confusion_matrix,
  confusion_matrix_normalized,
}: Pick<ClassificationMetricsResult, 'confusion_matrix' | 'confusion_matrix_normalized'>): CellDatum[] {
  const n = confusion_matrix.labels.length;
  const cells: CellDatum[] = [];
  for (let actual = 0; actual < n; actual++) {
    const row = confusion_matrix.matrix[actual] ?? [];
    const total = row.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    for (let predicted = 0; predicted < n; predicted++) {
      const count = row[predicted];
      if (typeof count !== 'number' || !Number.isFinite(count)) continue;
      const given = confusion_matrix_normalized.matrix[actual]?.[predicted];
      const share = typeof given === 'number' && Number.isFinite(given) ? given : total > 0 ? count / total : 0;
      cells.push({ actual, predicted, count, share });
    }
  }
  return cells;
}
