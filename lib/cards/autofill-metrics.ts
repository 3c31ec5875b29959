/**
 * Cell results → the card's numbers: model quality per side (the cell's values, with bootstrap
 * intervals recomputed on the cell's rows), fairness per group and parity, drift status and CBPE
 * estimates. The app's autofill (autofill.ts) and the CLI (`driftbook card`) both build their
 * numbers here, from the same kinds' results.
 */
import type { Dataset } from '../data/types';
import type { DriftResult } from '../drift/types';
import { toErrorInfo } from '../errors';
import { bootstrapClassification, bootstrapRegression, type BootstrapInterval, type BootstrapIntervals, type BootstrapOptions } from '../metrics/bootstrap';
import { labelColumn, numberColumn, scoreInput, type ModelQualityResult } from '../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../metrics/types';
import { ESTIMATED_METRICS, type EstimatedCellResult } from '../notebook/kinds/estimated';
import type { FairnessCellResult } from '../notebook/kinds/fairness';
import type { CardDrift, CardInterval, CardMetric, CardSide, CardSource } from './types';

const SIDES: readonly CardSide[] = ['reference', 'current'];

function cardInterval(b: BootstrapInterval | null | undefined): CardInterval | undefined {
  if (!b) return undefined;
  return { lower: b.lower, upper: b.upper, level: b.level, method: 'percentile-bootstrap', resamples: b.resamples, seed: b.seed };
}

type Metric<M> = readonly [type: string, name: string, value: (m: M) => number | null];

const CLASSIFICATION: readonly Metric<ClassificationMetricsResult>[] = [
  ['accuracy', 'Accuracy', (m) => m.accuracy],
  ['precision', 'Precision', (m) => m.precision],
  ['recall', 'Recall', (m) => m.recall],
  ['f1', 'F1', (m) => m.f1],
  ['roc_auc', 'ROC AUC', (m) => m.roc_auc],
];
const REGRESSION: readonly Metric<RegressionMetricsResult>[] = [
  ['mae', 'MAE', (m) => m.mae],
  ['rmse', 'RMSE', (m) => m.rmse],
  ['r2', 'R²', (m) => m.r2],
];

/** Multiclass precision/recall/F1 and ROC AUC are macro averages: the label says so. */
function multiclassName(type: string, name: string): string {
  return type === 'roc_auc' ? 'ROC AUC (one-vs-rest, macro)' : type === 'accuracy' ? name : `${name} (macro)`;
}

/** The bootstrap of one side of a model-quality result, on the rows the cell computed it from. */
function sideIntervals(
  result: QualitySides,
  metrics: ClassificationMetricsResult | RegressionMetricsResult,
  dataset: Dataset,
  threshold: number | undefined,
  options: BootstrapOptions,
): BootstrapIntervals<string> {
  const { target, prediction, score } = result.columns;
  if (metrics.task === 'regression')
    return bootstrapRegression({ target: numberColumn(dataset, target), prediction: numberColumn(dataset, prediction!) }, options);
  return bootstrapClassification(
    {
      target: labelColumn(dataset, target),
      ...(prediction === null ? {} : { prediction: labelColumn(dataset, prediction) }),
      ...scoreInput(dataset, score, metrics.task, metrics.labels, metrics.pos_label),
    },
    {
      task: metrics.task,
      labels: metrics.labels,
      ...(metrics.pos_label === null ? {} : { posLabel: metrics.pos_label }),
      ...(threshold === undefined || prediction !== null ? {} : { threshold }),
      ...options,
    },
  );
}

/** A model-quality result's columns and the sides to fill (the CLI's one file may be the current side alone). */
export type QualitySides = Pick<ModelQualityResult, 'columns'> & Partial<Pick<ModelQualityResult, 'reference' | 'current'>>;

export interface QualityMetricsInput {
  result: QualitySides;
  /** The rows each side was computed from (after segments); a side without them gets no interval. */
  datasets: Partial<Record<CardSide, Dataset>>;
  /** The cell's decision threshold when predictions were derived from the score. */
  threshold?: number;
  source: CardSource;
  bootstrap: BootstrapOptions;
  /** Where resamples left out (undefined metric) and sides without rows are told. */
  notes: string[];
}

/** Accuracy, precision, recall, F1, ROC AUC (or MAE, RMSE, R²) per side, the cell's values with 95% bootstrap intervals. */
export function qualityMetrics({ result, datasets, threshold, source, bootstrap, notes }: QualityMetricsInput): CardMetric[] {
  const out: CardMetric[] = [];
  for (const side of SIDES) {
    const quality = result[side];
    if (!quality) continue;
    const m = quality.metrics;
    const dataset = datasets[side];
    let intervals: BootstrapIntervals<string> | undefined;
    try {
      intervals = dataset ? sideIntervals(result, m, dataset, threshold, bootstrap) : undefined;
    } catch (error) {
      // The numbers are the cell's own; only their intervals need the rows again.
      notes.push(`${source.cellTitle}: no intervals for the ${side} data (${toErrorInfo(error).message})`);
    }
    if (!dataset) notes.push(`${source.cellTitle}: the ${side} data could not be opened — its metrics have no interval`);
    const table = (m.task === 'regression' ? REGRESSION : CLASSIFICATION) as readonly Metric<typeof m>[];
    for (const [type, label, read] of table) {
      const value = read(m);
      if (value === null) continue;
      const name = m.task === 'multiclass' ? multiclassName(type, label) : label;
      const b = intervals?.[type];
      if (b && b.undefined > 0)
        notes.push(
          `${source.cellTitle}: ${name} (${side}) was undefined in ${b.undefined} of ${b.resamples} resamples (e.g. one class only) — left out of its interval`,
        );
      const interval = cardInterval(b);
      out.push({ type, name, value, side, ...(interval ? { interval } : {}), source });
    }
  }
  return out;
}

const GROUP_METRICS: readonly [type: 'accuracy' | 'selection_rate' | 'tpr' | 'fpr', name: string][] = [
  ['accuracy', 'Accuracy'],
  ['selection_rate', 'Selection rate'],
  ['tpr', 'True positive rate'],
  ['fpr', 'False positive rate'],
];

type ParityKey =
  | 'demographic_parity_difference'
  | 'demographic_parity_ratio'
  | 'equal_opportunity_difference'
  | 'equal_opportunity_ratio'
  | 'equalized_odds_difference'
  | 'equalized_odds_ratio';

const PARITY: readonly [type: ParityKey, name: string][] = [
  ['demographic_parity_difference', 'Demographic parity difference'],
  ['demographic_parity_ratio', 'Demographic parity ratio'],
  ['equal_opportunity_difference', 'Equal opportunity difference'],
  ['equal_opportunity_ratio', 'Equal opportunity ratio'],
  ['equalized_odds_difference', 'Equalized odds difference'],
  ['equalized_odds_ratio', 'Equalized odds ratio'],
];

/**
 * Per group of the sensitive column(s) (two columns: their intersection, column "a, b" and the
 * group's display name): accuracy, selection rate, TPR, FPR; then the parity differences and
 * ratios of the cell's method and aggregation, named with the columns they compare.
 */
export function fairnessMetrics(result: Partial<Pick<FairnessCellResult, CardSide>>, source: CardSource, sides: readonly CardSide[] = SIDES): CardMetric[] {
  const out: CardMetric[] = [];
  for (const side of sides) {
    const f = result[side];
    if (!f) continue;
    const column = f.sensitive.join(', ');
    for (const g of f.groups) {
      for (const [type, name] of GROUP_METRICS) {
        const value = g[type];
        if (value !== null) out.push({ type, name, value, side, group: { column, value: g.group }, source });
      }
    }
    for (const [type, name] of PARITY) {
      const value = f[type];
      if (value !== null) out.push({ type, name: `${name} (${column}; ${f.method}${type.startsWith('equalized') ? `, ${f.agg}` : ''})`, value, side, source });
    }
  }
  return out;
}

const MAX_DRIFT_COLUMNS = 20;

/** The dataset verdict and up to 20 tested columns, the drifted ones first (in the result's order). */
export function driftStatus(result: DriftResult, source: CardSource): CardDrift {
  const tested = result.columns.filter((c) => c.tested && c.method !== undefined && typeof c.score === 'number');
  const ordered = [...tested.filter((c) => c.drifted), ...tested.filter((c) => !c.drifted)];
  return {
    driftedColumns: result.dataset.driftedColumns,
    testedColumns: result.dataset.columns,
    share: result.dataset.share,
    datasetDrift: result.dataset.drifted,
    threshold: result.dataset.threshold,
    columns: ordered.slice(0, MAX_DRIFT_COLUMNS).map((c) => ({ column: c.name, method: c.method!, score: c.score!, drifted: c.drifted === true })),
    source,
  };
}

/** CBPE's estimate over the whole current data: estimated_accuracy, estimated_precision, … (side current). */
export function estimatedMetrics(result: EstimatedCellResult, source: CardSource): CardMetric[] {
  const out: CardMetric[] = [];
  for (const [name, id, label] of ESTIMATED_METRICS) {
    const value = result.cbpe.current.estimated[name];
    if (value !== null)
      out.push({ type: `estimated_${id}`, name: `Estimated ${label === 'ROC AUC' ? label : label.toLowerCase()} (CBPE)`, value, side: 'current', source });
  }
  return out;
}
