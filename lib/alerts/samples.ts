/**
 * A computed cell's numbers as catalogue samples (lib/alerts/catalogue.ts): what rules evaluate,
 * what the dashboard pins and what the Prometheus exposition writes. Values are in base units
 * (latencies in seconds); labels are strings; the order is the catalogue's (families in
 * catalogue order, series in the result's order) and a series (family + labels) appears once.
 *
 * Kinds without catalogue numbers of their own give none: note, chart, change (detections are
 * events, not gauges) and timeline (its numbers are per window: lib/alerts/observations.ts).
 */
import type { ColumnDriftResult, DriftResult } from '../drift/types';
import type { ModelQualityResult } from '../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../metrics/types';
import type { EstimatedCellResult } from '../notebook/kinds/estimated';
import type { AbTestCellResult } from '../notebook/kinds/abtest';
import type { ComparisonCellResult } from '../notebook/kinds/comparison';
import type { FairnessCellResult } from '../notebook/kinds/fairness';
import type { MultivariateCellResult } from '../notebook/kinds/multivariate';
import type { OperationalCellResult, OperationalSide } from '../notebook/kinds/operational';
import type { QualityResult } from '../quality/types';
import type { ColumnStats } from '../quality/types';
import { FAMILIES } from './catalogue';
import type { FamilyName, Sample } from './types';

type Side = 'reference' | 'current';
const SIDES: readonly Side[] = ['reference', 'current'];

const sample = (metric: FamilyName, labels: Record<string, string>, value: number | null | undefined): Sample => ({
  metric,
  labels,
  value: typeof value === 'number' && !Number.isNaN(value) ? value : null,
});

/** A series' identity: family + labels sorted by name (values may hold any character, so JSON-encoded). */
export function seriesKey(metric: FamilyName, labels: Record<string, string>): string {
  return JSON.stringify([
    metric,
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  ]);
}

/**
 * A column's drift score: a distance's null is an infinite distance (kept as +Inf, it exceeds any
 * threshold); a p-value's null is undefined (one category on both sides), written NaN.
 */
function scoreOf(c: ColumnDriftResult): number | null {
  if (c.score === null) return c.scoreKind === 'distance' ? Infinity : null;
  return c.score ?? null;
}

/** Drift and column detail: per tested column its score, threshold, verdict and every method's statistic; the dataset's share. */
function driftSamples(result: DriftResult): Sample[] {
  const out: Sample[] = [];
  for (const c of result.columns) {
    if (!c.tested || !c.method) continue;
    const labels = { column: c.name, method: c.method };
    out.push(sample('column_drift_score', labels, scoreOf(c)));
    if (c.threshold !== undefined) out.push(sample('column_drift_threshold', labels, c.threshold));
    out.push(sample('column_drift_detected', labels, c.drifted ? 1 : 0));
    // TestOutcome.statistic is null when infinite (JSON has no Infinity) — or, from profiles, when the test needs the rows (no sample).
    for (const [method, test] of Object.entries(c.tests ?? {}))
      if (!test.error && test.fromProfile !== 'unavailable') out.push(sample('column_drift_statistic', { column: c.name, method }, test.statistic ?? Infinity));
  }
  const d = result.dataset;
  const features = d.shareOf === 'features' && d.featureShare !== undefined;
  out.push(sample('dataset_drift_share', {}, features ? d.featureShare : d.share));
  out.push(sample('dataset_drift_detected', {}, d.drifted ? 1 : 0));
  out.push(sample('dataset_drifted_columns', {}, features ? d.driftedFeatureColumns : d.driftedColumns));
  out.push(sample('dataset_rows', { dataset: 'reference' }, result.reference.rows));
  out.push(sample('dataset_rows', { dataset: 'current' }, result.current.rows));
  return out;
}

/** Missing cells over all cells (missing + non-missing) of the given column stats; null without cells. */
export function missingShareOfStats(stats: readonly ColumnStats[]): number | null {
  let missing = 0;
  let cells = 0;
  for (const s of stats) {
    missing += s.missing;
    cells += s.missing + s.count;
  }
  return cells === 0 ? null : missing / cells;
}

function qualitySamples(result: QualityResult): Sample[] {
  const out: Sample[] = [];
  for (const side of SIDES) {
    const ref = result[side];
    if (!ref) continue;
    const stats = result.columns.flatMap((c) => (c[side] ? [c[side]] : []));
    for (const c of result.columns) {
      const s = c[side];
      if (s) out.push(sample('column_missing_share', { column: c.name, dataset: side }, missingShareOfStats([s])));
    }
    out.push(sample('dataset_missing_share', { dataset: side }, missingShareOfStats(stats)));
    out.push(sample('dataset_rows', { dataset: side }, ref.rows));
  }
  return out;
}

/** The model metrics a rule or a dashboard names (`model_metric{metric}`), as the results' fields. */
export const CLASSIFICATION_METRICS = [
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'average_precision',
  'log_loss',
  'brier_score',
] as const satisfies readonly (keyof ClassificationMetricsResult)[];
export const REGRESSION_METRICS = ['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error'] as const satisfies readonly (keyof RegressionMetricsResult)[];

function modelSamples(result: ModelQualityResult): Sample[] {
  const out: Sample[] = [];
  for (const side of SIDES) {
    const s = result[side];
    if (!s) continue;
    const m = s.metrics;
    if (m.task === 'regression') for (const id of REGRESSION_METRICS) out.push(sample('model_metric', { metric: id, dataset: side }, m[id]));
    else for (const id of CLASSIFICATION_METRICS) out.push(sample('model_metric', { metric: id, dataset: side }, m[id]));
    out.push(sample('dataset_rows', { dataset: side }, s.rows));
  }
  return out;
}

/** CBPE's names (rocAuc) → the catalogue's (roc_auc). */
export const ESTIMATED_METRICS = [
  ['accuracy', 'accuracy'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'f1'],
  ['rocAuc', 'roc_auc'],
] as const;

function estimatedSamples(result: EstimatedCellResult): Sample[] {
  const estimated = result.cbpe.current.estimated;
  return ESTIMATED_METRICS.map(([field, metric]) => sample('estimated_metric', { metric }, estimated[field]));
}

/** Latency quantiles: the result's field (ms) → the Prometheus `quantile` label. */
export const LATENCY_QUANTILES = [
  ['p50', '0.5'],
  ['p90', '0.9'],
  ['p95', '0.95'],
  ['p99', '0.99'],
] as const satisfies readonly (readonly [keyof OperationalSide, string])[];

/** Milliseconds → seconds (the catalogue's base unit); null stays null. */
export const msToSeconds = (ms: number | null | undefined): number | null => (typeof ms === 'number' ? ms / 1000 : null);

function operationalSamples(result: OperationalCellResult): Sample[] {
  const out: Sample[] = [];
  for (const dataset of SIDES) {
    const s = result[dataset];
    if (!s) continue;
    for (const [field, quantile] of LATENCY_QUANTILES) out.push(sample('latency_seconds', { quantile, dataset }, msToSeconds(s[field])));
    out.push(sample('latency_mean_seconds', { dataset }, msToSeconds(s.mean)));
    out.push(sample('latency_sla_breach_share', { dataset }, s.shareOverSla));
    out.push(sample('dataset_rows', { dataset }, s.rows));
  }
  out.push(sample('latency_sla_seconds', {}, msToSeconds(result.slaMs)));
  return out;
}

/** Fairlearn's parity metrics: the catalogue's `metric` label → the result's difference and ratio fields. */
export const FAIRNESS_METRICS = [
  ['demographic_parity', 'demographic_parity_difference', 'demographic_parity_ratio'],
  ['equal_opportunity', 'equal_opportunity_difference', 'equal_opportunity_ratio'],
  ['equalized_odds', 'equalized_odds_difference', 'equalized_odds_ratio'],
] as const;
export const GROUP_METRICS = ['accuracy', 'selection_rate', 'tpr', 'fpr'] as const;

/** The `sensitive` label: the sensitive column, or two joined by a comma (their intersection). */
export const sensitiveLabel = (columns: readonly string[]): string => columns.join(',');

function fairnessSamples(result: FairnessCellResult): Sample[] {
  const out: Sample[] = [];
  const sensitive = sensitiveLabel(result.columns.sensitive);
  for (const dataset of SIDES) {
    const s = result[dataset];
    if (!s) continue;
    for (const [metric, difference, ratio] of FAIRNESS_METRICS) {
      out.push(sample('fairness_difference', { metric, sensitive, dataset }, s[difference]));
      out.push(sample('fairness_ratio', { metric, sensitive, dataset }, s[ratio]));
    }
    for (const g of s.groups) for (const metric of GROUP_METRICS) out.push(sample('group_metric', { metric, sensitive, group: g.group, dataset }, g[metric]));
  }
  return out;
}

/** A Great Expectations run (lib/notebook/kinds/validation.ts), read structurally: `{suite: {name}, dataset, result: {statistics}}`. */
function validationSamples(result: unknown): Sample[] {
  const r = result as { suite?: { name?: unknown }; dataset?: unknown; result?: { statistics?: { success_percent?: unknown } } } | null;
  const percent = r?.result?.statistics?.success_percent;
  if (typeof r?.suite?.name !== 'string' || typeof r.dataset !== 'string') return [];
  return [sample('validation_success_share', { suite: r.suite.name, dataset: r.dataset }, typeof percent === 'number' ? percent / 100 : null)];
}

/** A/B test: the sample-ratio check's p, each variant's rate, each variant's p against the control. */
function abtestSamples(result: AbTestCellResult): Sample[] {
  const out: Sample[] = [sample('ab_srm_p_value', { experiment: result.variantColumn }, result.srm.pValue)];
  if (result.binary !== undefined) for (const v of result.variants) out.push(sample('ab_conversion_rate', { variant: v.name }, v.rate));
  for (const c of result.comparisons)
    out.push(sample('ab_p_value', { variant: c.variant }, result.binary !== undefined ? (c.pValueHolm ?? c.pValue) : (c.welch?.pValue ?? null)));
  return out;
}

/** Model comparison: every pair's metric differences (a − b). */
function comparisonSamples(result: ComparisonCellResult): Sample[] {
  return result.pairs.flatMap((p) => Object.entries(p.deltas).map(([metric, d]) => sample('comparison_metric_delta', { a: p.a, b: p.b, metric }, d.value)));
}

/** Multivariate drift: the mean reconstruction error per side (row-weighted mean of the chunks), or the domain classifier's AUC. */
function multivariateSamples({ drift }: MultivariateCellResult): Sample[] {
  if (drift.method === 'classifier') return [sample('domain_classifier_auc', {}, drift.auc)];
  return SIDES.map((dataset) => {
    const chunks = drift[dataset].chunks.filter((c) => c.value !== null);
    const rows = chunks.reduce((s, c) => s + c.rows, 0);
    return sample('multivariate_reconstruction_error', { dataset }, rows ? chunks.reduce((s, c) => s + c.rows * c.value!, 0) / rows : null);
  });
}

const READERS: Record<string, (result: never) => Sample[]> = {
  drift: driftSamples,
  column: driftSamples,
  quality: qualitySamples,
  classification: modelSamples,
  regression: modelSamples,
  estimated: estimatedSamples,
  operational: operationalSamples,
  fairness: fairnessSamples,
  validation: validationSamples,
  abtest: abtestSamples,
  comparison: comparisonSamples,
  multivariate: multivariateSamples,
};

/** Families in catalogue order, each series once (the first wins). */
export function orderSamples(samples: readonly Sample[]): Sample[] {
  const rank = new Map(FAMILIES.map((f, i) => [f.name, i]));
  const seen = new Set<string>();
  const unique = samples.filter((s) => {
    const key = seriesKey(s.metric, s.labels);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((s, i) => ({ s, i, r: rank.get(s.metric) ?? FAMILIES.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * Every catalogue sample a computed result of this cell kind offers; [] for a kind without
 * catalogue numbers (or an unknown kind). Only families whose catalogue entry lists the kind are
 * kept, so the catalogue (and the README generated from it) says exactly which cells produce what.
 */
export function samplesOf(kind: string, result: unknown): Sample[] {
  const read = READERS[kind];
  if (!read || result === null || typeof result !== 'object') return [];
  const produced = new Set(FAMILIES.filter((f) => f.kinds.includes(kind)).map((f) => f.name));
  return orderSamples((read as (r: unknown) => Sample[])(result).filter((s) => produced.has(s.metric)));
}
