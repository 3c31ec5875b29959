/**
 * Business value of a binary classifier (issue 17), as NannyML defines its `business_value` metric:
 * a value matrix gives the value of each outcome (TP, FP, TN, FN), and
 * - total = TP·v_tp + FP·v_fp + TN·v_tn + FN·v_fn (NannyML's normalize_business_value=None);
 * - perPrediction = total ÷ n, what NannyML's documentation says 'per_prediction' means;
 * - perPredictionNannyML = what its code computes for 'per_prediction' since v0.10.0: the confusion
 *   matrix divided by its column sums (cm / cm.sum(axis=0), columns = predicted class), NaN → 0
 *   (np.nan_to_num), i.e. (TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP): the mean
 *   value of a negative prediction plus that of a positive one
 *   (nannyml/performance_calculation/metrics/binary_classification.py, BinaryClassificationBusinessValue._calculate);
 * - roi = (total − cost)/cost with cost = cost per prediction × n.
 * Without labels the confusion matrix is CBPE's expected one, from calibrated probabilities p:
 * TP = Σ_{ŷ=1} p, FP = Σ_{ŷ=1} (1 − p), FN = Σ_{ŷ=0} p, TN = Σ_{ŷ=0} (1 − p), each taken as NannyML's
 * np.mean(np.where(…)) · n (nannyml/performance_estimation/confidence_based/metrics.py, estimate_business_value).
 * Per unit (Driftbook's extension): each row's outcome is worth v × its unit (e.g. the loan amount),
 * so an outcome's value is v × the sum of its rows' units (expected: Σ p·unit); counts stay counts.
 */
import { AnalysisError } from '../errors';
import { numpySum } from '../stats/numpy-sum';
import type { BusinessValueResult, ValueMatrix } from './types';

/** The four outcomes, in the order NannyML sums its 2×2 value × confusion product: [[TN, FP], [FN, TP]]. */
export const OUTCOMES = ['tn', 'fp', 'fn', 'tp'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A number per outcome: counts, summed units, or values. */
export type OutcomeNumbers = Record<Outcome, number>;

/** The counts of each outcome and, with a unit column, the sum of each outcome's units. */
export interface OutcomeTotals {
  counts: OutcomeNumbers;
  units?: OutcomeNumbers;
}

/** What a model cell's config holds to show its business value: the value matrix and the serving cost. */
export interface ValueSettings {
  matrix: ValueMatrix;
  costPerPrediction?: number;
}

export interface BusinessValueOptions {
  /** Serving cost of one prediction (same currency as the matrix); ROI is null without it. */
  costPerPrediction?: number;
  /** The totals are CBPE's expected ones (no labels). */
  estimated?: boolean;
}

const zero = (): OutcomeNumbers => ({ tn: 0, fp: 0, fn: 0, tp: 0 });

/** Problems with a value matrix and cost, in a form's words (empty: fine). */
export function valueMatrixProblems(matrix: Partial<ValueMatrix> | undefined, costPerPrediction?: number): string[] {
  const problems: string[] = [];
  for (const o of ['tp', 'fp', 'tn', 'fn'] as const) {
    const v = matrix?.[o];
    if (v === undefined || !Number.isFinite(v)) problems.push(`Value of ${o.toUpperCase()}: a finite number (negative for a cost)`);
  }
  if (costPerPrediction !== undefined && !(Number.isFinite(costPerPrediction) && costPerPrediction >= 0))
    problems.push('Cost per prediction: a number of 0 or more');
  return problems;
}

/** Business value of one confusion matrix (realized or expected) under a value matrix. */
export function businessValue({ counts, units }: OutcomeTotals, matrix: ValueMatrix, options: BusinessValueOptions = {}): BusinessValueResult {
  const problems = valueMatrixProblems(matrix, options.costPerPrediction);
  if (problems.length) throw new AnalysisError('bad-value-matrix', `business value: ${problems[0]}`);
  const confusion = { tp: counts.tp, fp: counts.fp, tn: counts.tn, fn: counts.fn };
  const estimated = options.estimated ?? false;
  const n = counts.tn + counts.fp + counts.fn + counts.tp;
  if (!(n > 0)) {
    return {
      total: null,
      perPrediction: null,
      perPredictionNannyML: null,
      roi: null,
      confusion,
      estimated,
      reason: 'no rows with a prediction (and a label or score)',
    };
  }
  const basis = units ?? counts;
  const values = zero();
  for (const o of OUTCOMES) values[o] = matrix[o] * basis[o];
  // NannyML: (bv_array * cm).sum() over [[TN, FP], [FN, TP]] in that order.
  const total = OUTCOMES.reduce((s, o) => s + values[o], 0);
  const negatives = counts.tn + counts.fn;
  const positives = counts.fp + counts.tp;
  const side = (a: Outcome, b: Outcome, m: number) => (m > 0 ? [values[a] / m, values[b] / m] : [0, 0]);
  const [tn, fn] = side('tn', 'fn', negatives);
  const [fp, tp] = side('fp', 'tp', positives);
  const perPredictionNannyML = tn! + fp! + fn! + tp!;
  const empty = negatives > 0 ? (positives > 0 ? null : 'positive') : 'negative';
  const reasons: string[] = [];
  if (empty) reasons.push(`no ${empty} predictions: NannyML's per-prediction value counts that side as 0 (np.nan_to_num)`);
  let roi: number | null = null;
  if (options.costPerPrediction === undefined) reasons.push('ROI needs a cost per prediction');
  else if (options.costPerPrediction === 0) reasons.push('ROI is undefined with a cost of 0');
  else {
    const cost = options.costPerPrediction * n;
    roi = (total - cost) / cost;
  }
  return {
    total,
    perPrediction: total / n,
    perPredictionNannyML,
    roi,
    confusion,
    estimated,
    values: { tp: values.tp, fp: values.fp, tn: values.tn, fn: values.fn },
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  };
}

const outcomeOf = (label: number, prediction: number): Outcome => (prediction === 1 ? (label === 1 ? 'tp' : 'fp') : label === 1 ? 'fn' : 'tn');

/**
 * Realized outcomes of 0/1 labels and predictions over `rows` (rows missing either are left out, as
 * NannyML's common_nan_removal does); units summed per outcome with numpy's pairwise sum.
 */
export function realizedOutcomes(labels: ArrayLike<number>, predictions: ArrayLike<number>, rows: ArrayLike<number>, units?: ArrayLike<number>): OutcomeTotals {
  const counts = zero();
  const parts: Record<Outcome, number[]> = { tn: [], fp: [], fn: [], tp: [] };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const y = labels[i]!;
    const p = predictions[i]!;
    if (Number.isNaN(y) || Number.isNaN(p)) continue;
    const o = outcomeOf(y, p);
    counts[o]++;
    if (units) parts[o].push(units[i]!);
  }
  if (!units) return { counts };
  const sums = zero();
  for (const o of OUTCOMES) sums[o] = numpySum(parts[o]);
  return { counts, units: sums };
}

/**
 * CBPE's expected outcomes over `rows` (score and prediction present): p_i = P(y_i = 1), calibrated.
 * Each is np.mean(np.where(cond, x, 0)) · n, as NannyML's estimate_business_value computes it.
 */
export function expectedOutcomes(p: ArrayLike<number>, predictions: ArrayLike<number>, rows: ArrayLike<number>, units?: ArrayLike<number>): OutcomeTotals {
  const n = rows.length;
  const terms: Record<Outcome, Float64Array> = { tn: new Float64Array(n), fp: new Float64Array(n), fn: new Float64Array(n), tp: new Float64Array(n) };
  const weighted: Record<Outcome, Float64Array> = { tn: new Float64Array(n), fp: new Float64Array(n), fn: new Float64Array(n), tp: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    const pi = p[i]!;
    const [pos, neg]: [Outcome, Outcome] = predictions[i] === 1 ? ['tp', 'fp'] : ['fn', 'tn'];
    terms[pos][k] = pi;
    terms[neg][k] = 1 - pi;
    if (units) {
      weighted[pos][k] = pi * units[i]!;
      weighted[neg][k] = (1 - pi) * units[i]!;
    }
  }
  const meanTimesN = (a: Float64Array) => (n > 0 ? (numpySum(a) / n) * n : 0);
  const counts = zero();
  const sums = zero();
  for (const o of OUTCOMES) {
    counts[o] = meanTimesN(terms[o]);
    sums[o] = meanTimesN(weighted[o]);
  }
  return units ? { counts, units: sums } : { counts };
}
