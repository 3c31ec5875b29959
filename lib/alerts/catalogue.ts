/**
 * The metric catalogue: every number a cell produces that rules, the dashboard and the
 * Prometheus exposition can name, once. Names are snake_case in base units; the exposition writes
 * them with the `driftbook_` prefix. A family is only ever added here (rules files store names).
 */
import { AnalysisError } from '../errors';
import type { FamilyName, MetricFamily } from './types';

const family = (
  name: string,
  labels: readonly string[],
  unit: MetricFamily['unit'],
  kinds: readonly string[],
  help: string,
  description = help,
): MetricFamily => ({ name, type: 'gauge', help, labels, unit, kinds, description });

export const FAMILIES: readonly MetricFamily[] = [
  family(
    'column_drift_score',
    ['column', 'method'],
    'score',
    ['drift', 'column', 'timeline'],
    'Drift score of a column: the p-value or distance the method compares with its threshold.',
    "A column's drift score: a p-value (drift when below the threshold) or a distance (drift when above), per method (psi, ks, wasserstein, …).",
  ),
  family(
    'column_drift_statistic',
    ['column', 'method'],
    'score',
    ['drift', 'column'],
    'Test statistic of a column drift test (KS D, chi-squared, PSI, distance) where the method has one.',
  ),
  family('column_drift_threshold', ['column', 'method'], 'score', ['drift', 'column'], 'Threshold the column drift score is compared with.'),
  family('column_drift_detected', ['column', 'method'], 'boolean', ['drift', 'column', 'timeline'], 'Whether the column drifted (1) or not (0).'),
  family('dataset_drift_share', [], 'ratio', ['drift', 'timeline'], 'Share of tested columns that drifted (features only when the config says so).'),
  family('dataset_drift_detected', [], 'boolean', ['drift', 'timeline'], 'Whether the dataset drifted (1): the drift share reached its threshold.'),
  family('dataset_drifted_columns', [], 'count', ['drift'], 'Number of drifted columns.'),
  family(
    'dataset_rows',
    ['dataset'],
    'count',
    ['drift', 'quality', 'classification', 'regression', 'operational'],
    'Rows of the dataset (reference or current).',
  ),
  family('column_missing_share', ['column', 'dataset'], 'ratio', ['quality', 'timeline'], 'Share of missing cells in a column.'),
  family('dataset_missing_share', ['dataset'], 'ratio', ['quality', 'timeline'], 'Share of missing cells over every column.'),
  family(
    'model_metric',
    ['metric', 'dataset'],
    'score',
    ['classification', 'regression', 'timeline'],
    'Model quality metric on a dataset (accuracy, f1, roc_auc, rmse, mae, r2, ...).',
  ),
  family('estimated_metric', ['metric'], 'score', ['estimated', 'timeline'], 'Metric estimated without labels (CBPE) on the current data.'),
  // A summary's quantile series: Prometheus reserves the `quantile` label for summaries (promlint).
  { ...family('latency_seconds', ['quantile', 'dataset'], 'seconds', ['operational', 'timeline'], 'Request latency quantile in seconds.'), type: 'summary' },
  family('latency_mean_seconds', ['dataset'], 'seconds', ['operational', 'timeline'], 'Mean request latency in seconds.'),
  family('latency_sla_seconds', [], 'seconds', ['operational'], 'Latency SLA the breach share is measured against, in seconds.'),
  family('latency_sla_breach_share', ['dataset'], 'ratio', ['operational', 'timeline'], 'Share of requests slower than the SLA.'),
  family(
    'fairness_difference',
    ['metric', 'sensitive', 'dataset'],
    'score',
    ['fairness', 'timeline'],
    'Fairlearn between-group difference (demographic_parity, equal_opportunity, equalized_odds).',
  ),
  family(
    'fairness_ratio',
    ['metric', 'sensitive', 'dataset'],
    'ratio',
    ['fairness'],
    'Fairlearn between-group ratio (demographic_parity, equal_opportunity, equalized_odds).',
  ),
  family(
    'group_metric',
    ['metric', 'sensitive', 'group', 'dataset'],
    'score',
    ['fairness'],
    'Model metric of one sensitive group (accuracy, selection_rate, tpr, fpr).',
  ),
  family('validation_success_share', ['suite', 'dataset'], 'ratio', ['validation'], "Share of a validation suite's expectations that succeeded."),
  family(
    'series_value',
    ['series'],
    'score',
    ['metrics'],
    'Value of an imported Prometheus or Grafana series at one timestamp, after the Metrics cell transform.',
    'One value per timestamp of a series charted by a Metrics cell (raw, rate or histogram_quantile), named as its legend shows it (`rate(http_requests_total{code="500"}[5m])`).',
  ),
  family(
    'ab_srm_p_value',
    ['experiment'],
    'score',
    ['abtest'],
    "p-value of an A/B test's sample-ratio check (chi-square of the variants' counts against the planned split).",
    "p-value of an A/B test's sample-ratio mismatch check (scipy chisquare of the variants' row counts against the planned split; a mismatch below 0.001), `experiment` the variant column.",
  ),
  family('ab_conversion_rate', ['variant'], 'ratio', ['abtest'], "Rate of an A/B test's binary outcome (clicks, conversions) in one variant."),
  family(
    'ab_p_value',
    ['variant'],
    'score',
    ['abtest'],
    'p-value of a variant against the control: the z-test of rates (Holm-adjusted over the variants), or Welch without a binary outcome.',
  ),
  family(
    'comparison_metric_delta',
    ['a', 'b', 'metric'],
    'score',
    ['comparison'],
    "Difference of a metric between two compared models (a − b, the Model comparison cell's pairs).",
  ),
  family(
    'multivariate_reconstruction_error',
    ['dataset'],
    'score',
    ['multivariate'],
    'Mean PCA reconstruction error of the rows of a dataset (NannyML data reconstruction, standardised space).',
    "Mean PCA reconstruction error over a dataset's rows (NannyML's data reconstruction: distance between a row and its reconstruction in the reference-standardised space), `dataset` reference or current.",
  ),
  family(
    'domain_classifier_auc',
    [],
    'score',
    ['multivariate'],
    'Cross-validated ROC AUC of a classifier telling current rows from reference rows (0.5: no drift).',
  ),
];

/** The family with this name (no prefix); a typed error listing the names for an unknown one. */
export function familyOf(name: FamilyName): MetricFamily {
  const found = FAMILIES.find((f) => f.name === name);
  if (!found) throw new AnalysisError('unknown-metric', `metric: ${name} — use one of ${FAMILIES.map((f) => f.name).join(', ')}`);
  return found;
}

export const FAMILY_NAMES: readonly FamilyName[] = FAMILIES.map((f) => f.name);
