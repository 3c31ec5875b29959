/**
 * The scalars a kind's result offers, one number per run: what a timeline draws per window and
 * what alert rules will watch. Each id is stable snake_case (alert rules store it). A scalar runs
 * its kind's own compute — the window as the current dataset against the full reference — and
 * reads one number off the result, with the kind's own verdict where it has one (a column's drift
 * test, the dataset's drift share threshold).
 */
import { AnalysisError } from '../errors';
import { runColumnTask } from '../drift/compute-drift';
import type { ColumnDriftResult, DriftConfig, DriftResult } from '../drift/types';
import { profileColumn, type ColumnProfile } from '../profile/column-profile';
import type { ModelQualityResult } from '../metrics/model-columns';
import type { ClassificationMetricsResult, RegressionMetricsResult } from '../metrics/types';
import type { QualityResult } from '../quality/types';
import { classificationKind } from './kinds/classification';
import { driftKind } from './kinds/drift';
import { estimatedKind, type EstimatedCellResult } from './kinds/estimated';
import { fairnessKind, type FairnessCellResult } from './kinds/fairness';
import { operationalKind, type OperationalCellResult } from './kinds/operational';
import { qualityKind } from './kinds/quality';
import { regressionKind } from './kinds/regression';
import type { CellKindSpec, ComputeInput, ComputeOptions, DriftColumnRunner } from './types';

/** One run's number, the kind's own verdict on it, and the limits it cannot leave. */
export interface ScalarReading {
  value: number | null;
  /** The kind's own threshold was crossed (a drifted column, a drifted dataset). */
  crossed?: boolean;
  /** That threshold, and on which side a value crosses it. */
  threshold?: { value: number; direction: 'below' | 'above' };
  /** Where the value can lie: a band is clipped to it (a p-value or share in [0, 1]). */
  bounds?: readonly [number, number];
}

/** A drift run's per-column scores, for the columns × windows heatmap. */
export interface ColumnScore {
  name: string;
  method: string | null;
  score: number | null;
  drifted: boolean;
}

export interface ScalarOutcome {
  reading: ScalarReading;
  columns?: ColumnScore[];
}

/** The kind's settings as the timeline passes them (its config's JSON: method, target…), over its defaults. */
export type KindSettings = Record<string, unknown>;

export interface ScalarSpec {
  id: string;
  /** The kind whose compute produces it. */
  kind: string;
  label: string;
  /** Whether it is about one column. */
  column: 'required' | 'optional' | 'none';
  /** The kind's problems with these settings (its own validate). */
  validate(settings: KindSettings): string[];
  evaluate(input: ComputeInput, settings: KindSettings, column: string | undefined, options: ScalarRunOptions): Promise<ScalarOutcome>;
  /** The number read off a result of its kind that is already computed (a cell's run logged as metrics); throws as evaluate does. */
  read(result: unknown, column: string | undefined): ScalarReading;
}

export interface ScalarRunOptions {
  /** Drift scalars: test every column (for the heatmap), not only the chosen one. */
  allColumns?: boolean;
  /**
   * Drift scalars: the reference's column profiles, kept across runs against one reference (every
   * window of a timeline), so the reference is profiled once per column as the engine's cache does.
   */
  referenceProfiles?: Map<string, ColumnProfile | undefined>;
}

const UNIT: readonly [number, number] = [0, 1];
const NON_NEGATIVE: readonly [number, number] = [0, Infinity];

function configOf<C>(kind: CellKindSpec<string, C, unknown>, settings: KindSettings): C {
  return { ...(kind.defaultConfig() as object), ...settings } as C;
}

async function run<C, R>(kind: CellKindSpec<string, C, R>, input: ComputeInput, config: C, options: ComputeOptions): Promise<R> {
  return kind.compute!(input, config, options);
}

const needColumn = (column: string | undefined, id: string): string => {
  if (!column) throw new AnalysisError('missing-column', `${id}: choose the column it is about`);
  return column;
};

function driftColumn(result: DriftResult, column: string): ColumnDriftResult {
  const found = result.columns.find((c) => c.name === column);
  if (!found) throw new AnalysisError('unknown-column', `column "${column}": not compared (columns: ${result.columns.map((c) => c.name).join(', ')})`);
  return found;
}

const scoresOf = (result: DriftResult): ColumnScore[] =>
  result.columns.filter((c) => c.tested).map((c) => ({ name: c.name, method: c.method ?? null, score: c.score ?? null, drifted: c.drifted === true }));

/** runColumnTask with the reference's profile from `cache` (profiled on first use, as lib/engine.ts's cache does). */
function profiledRunner(input: ComputeInput, cache: Map<string, ColumnProfile | undefined>): DriftColumnRunner | undefined {
  const { reference, current } = input;
  if (!reference || !current) return undefined;
  return async (task, plan) => {
    let profile: ColumnProfile | undefined;
    if (task.type !== 'datetime' && task.type !== 'text') {
      const key = `${task.name}\u0000${task.type}`;
      if (!cache.has(key)) {
        try {
          cache.set(key, profileColumn(reference.table, task.name, task.type));
        } catch (error) {
          // A column that cannot be read as its type: runColumnTask reports it as not tested.
          if (!(error instanceof AnalysisError)) throw error;
          cache.set(key, undefined);
        }
      }
      profile = cache.get(key);
    }
    return runColumnTask(task, reference.table, current.table, plan, profile);
  };
}

function driftScalar(
  id: string,
  label: string,
  column: ScalarSpec['column'],
  read: (result: DriftResult, column: string | undefined) => ScalarReading,
): ScalarSpec {
  return {
    id,
    kind: 'drift',
    label,
    column,
    validate: (settings) => driftKind.validate(configOf(driftKind, settings)),
    async evaluate(input, settings, chosen, { allColumns, referenceProfiles }) {
      const config: DriftConfig = configOf(driftKind, settings);
      const only = !allColumns && chosen && !config.columns ? { columns: [chosen] } : {};
      const runner = referenceProfiles ? profiledRunner(input, referenceProfiles) : undefined;
      const result = await run(driftKind, input, { ...config, ...only }, runner ? { driftColumn: runner } : {});
      return { reading: read(result, chosen), columns: scoresOf(result) };
    },
    read: (result, chosen) => read(result as DriftResult, chosen),
  };
}

/** A scalar read off one kind's result (no heatmap). */
function kindScalar<C, R>(
  kind: CellKindSpec<string, C, R>,
  id: string,
  label: string,
  column: ScalarSpec['column'],
  read: (result: R, column: string | undefined) => ScalarReading,
  extra: (settings: KindSettings) => KindSettings = () => ({}),
): ScalarSpec {
  return {
    id,
    kind: kind.kind,
    label,
    column,
    validate: (settings) => kind.validate(configOf(kind, { ...settings, ...extra(settings) })),
    async evaluate(input, settings, chosen) {
      const result = await run(kind, input, configOf(kind, { ...settings, ...extra(settings) }), {});
      return { reading: read(result, chosen) };
    },
    read: (result, chosen) => read(result as R, chosen),
  };
}

const currentClassification = (result: ModelQualityResult): ClassificationMetricsResult => {
  const m = result.current?.metrics;
  if (!m || m.task === 'regression') throw new AnalysisError('not-classification', 'the model columns read as regression — use a regression scalar');
  return m;
};

const currentRegression = (result: ModelQualityResult): RegressionMetricsResult => {
  const m = result.current?.metrics;
  if (!m || m.task !== 'regression') throw new AnalysisError('not-regression', 'the model columns read as classification — use a classification scalar');
  return m;
};

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type ClassificationMetric = 'accuracy' | 'balanced_accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc' | 'average_precision' | 'log_loss' | 'brier_score';
const CLASSIFICATION: readonly [ClassificationMetric, string][] = [
  ['accuracy', 'Accuracy'],
  ['balanced_accuracy', 'Balanced accuracy'],
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['f1', 'F1'],
  ['roc_auc', 'ROC AUC'],
  ['average_precision', 'Average precision'],
  ['log_loss', 'Log loss'],
  ['brier_score', 'Brier score'],
];

type RegressionMetric = 'mean_error' | 'mae' | 'rmse' | 'mape' | 'r2' | 'max_error';
const REGRESSION: readonly [RegressionMetric, string, readonly [number, number] | undefined][] = [
  ['mean_error', 'Mean error', undefined],
  ['mae', 'MAE', NON_NEGATIVE],
  ['rmse', 'RMSE', NON_NEGATIVE],
  ['mape', 'MAPE', NON_NEGATIVE],
  ['r2', 'R²', [-Infinity, 1]],
  ['max_error', 'Max error', NON_NEGATIVE],
];

const ESTIMATED = [
  ['accuracy', 'accuracy', 'Estimated accuracy (CBPE)'],
  ['precision', 'precision', 'Estimated precision (CBPE)'],
  ['recall', 'recall', 'Estimated recall (CBPE)'],
  ['f1', 'f1', 'Estimated F1 (CBPE)'],
  ['rocAuc', 'roc_auc', 'Estimated ROC AUC (CBPE)'],
] as const;

const LATENCY = [
  ['mean', 'latency_mean', 'Mean latency (ms)'],
  ['p50', 'latency_p50', 'Latency p50 (ms)'],
  ['p90', 'latency_p90', 'Latency p90 (ms)'],
  ['p95', 'latency_p95', 'Latency p95 (ms)'],
  ['p99', 'latency_p99', 'Latency p99 (ms)'],
] as const;

const FAIRNESS = [
  ['demographic_parity_difference', 'Demographic parity difference'],
  ['equal_opportunity_difference', 'Equal opportunity difference'],
  ['equalized_odds_difference', 'Equalized odds difference'],
] as const;

function missingShare(result: QualityResult, column: string | undefined): number | null {
  const columns = column ? result.columns.filter((c) => c.name === column) : result.columns;
  if (column && columns.length === 0) throw new AnalysisError('unknown-column', `column "${column}": not in the reference`);
  let missing = 0;
  let cells = 0;
  for (const c of columns) {
    if (!c.current) continue;
    missing += c.current.missing;
    cells += c.current.missing + c.current.count;
  }
  return cells === 0 ? null : missing / cells;
}

function fairnessSide(result: FairnessCellResult) {
  if (!result.current) throw new AnalysisError('missing-input', 'fairness per window needs the window as current data');
  return result.current;
}

/** Every scalar, by id; ids are stable (alert rules store them). */
export const SCALARS: readonly ScalarSpec[] = [
  driftScalar('column_drift_score', "A column's drift score (p-value or distance)", 'required', (result, column) => {
    const c = driftColumn(result, needColumn(column, 'column_drift_score'));
    const pValue = c.scoreKind === 'p-value';
    return {
      value: c.tested ? finite(c.score) : null,
      crossed: c.drifted === true,
      ...(c.threshold === undefined ? {} : { threshold: { value: c.threshold, direction: pValue ? 'below' : 'above' } as const }),
      bounds: pValue ? UNIT : NON_NEGATIVE,
    };
  }),
  driftScalar('column_drift_detected', 'A column drifted (1) or not (0)', 'required', (result, column) => {
    const c = driftColumn(result, needColumn(column, 'column_drift_detected'));
    return { value: c.tested ? (c.drifted ? 1 : 0) : null, crossed: c.drifted === true, bounds: UNIT };
  }),
  driftScalar('dataset_drift_share', 'Share of drifted columns', 'none', (result) => ({
    value: result.dataset.shareOf === 'features' ? (result.dataset.featureShare ?? null) : result.dataset.share,
    crossed: result.dataset.drifted,
    threshold: { value: result.dataset.threshold, direction: 'above' },
    bounds: UNIT,
  })),
  kindScalar(qualityKind, 'missing_share', 'Share of missing cells (a column, or every column)', 'optional', (result, column) => ({
    value: missingShare(result, column),
    bounds: UNIT,
  })),
  ...CLASSIFICATION.map(([metric, label]) =>
    kindScalar(classificationKind, `classification_${metric}`, label, 'none', (result) => ({
      value: finite(currentClassification(result)[metric] as number | null | undefined),
      bounds: metric === 'log_loss' ? NON_NEGATIVE : UNIT,
    })),
  ),
  ...REGRESSION.map(([metric, label, bounds]) =>
    kindScalar(regressionKind, `regression_${metric}`, label, 'none', (result) => ({
      value: finite(currentRegression(result)[metric]),
      ...(bounds ? { bounds } : {}),
    })),
  ),
  ...ESTIMATED.map(([metric, id, label]) =>
    kindScalar(
      estimatedKind,
      `estimated_${id}`,
      label,
      'none',
      (result: EstimatedCellResult) => ({ value: finite(result.cbpe.current.estimated[metric]), bounds: UNIT }),
      // One estimate per window: the window is one chunk.
      () => ({ chunks: 1, chunkSize: undefined, timestamp: undefined }),
    ),
  ),
  ...LATENCY.map(([field, id, label]) =>
    kindScalar(operationalKind, id, label, 'none', (result: OperationalCellResult) => ({ value: finite(result.current?.[field]), bounds: NON_NEGATIVE })),
  ),
  kindScalar(operationalKind, 'latency_share_over_sla', 'Share of latencies over the SLA', 'none', (result: OperationalCellResult) => ({
    value: finite(result.current?.shareOverSla),
    bounds: UNIT,
  })),
  ...FAIRNESS.map(([field, label]) =>
    kindScalar(fairnessKind, `fairness_${field}`, label, 'none', (result: FairnessCellResult) => ({
      value: finite(fairnessSide(result)[field]),
      bounds: UNIT,
    })),
  ),
];

export const SCALAR_IDS = SCALARS.map((s) => s.id);

/** The scalar with this id; a typed error listing the ids for an unknown one. */
export function scalarSpec(id: string): ScalarSpec {
  const spec = SCALARS.find((s) => s.id === id);
  if (!spec) throw new AnalysisError('unknown-scalar', `scalar: ${id} — use one of ${SCALAR_IDS.join(', ')}`);
  return spec;
}

/** The scalars a kind offers (its catalogue, as alert rules will list it). */
export function scalarsOfKind(kind: string): ScalarSpec[] {
  return SCALARS.filter((s) => s.kind === kind);
}
