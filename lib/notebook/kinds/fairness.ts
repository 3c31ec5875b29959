import type { Dataset } from '../../data/types';
import { AnalysisError } from '../../errors';
import { computeFairness } from '../../fairness/fairness';
import type { FairnessResult, OddsAggregation, ParityMethod, ThresholdCriterion } from '../../fairness/types';
import { defaultPosLabel, labelsOf } from '../../metrics/labels';
import { labelColumn, numberColumn, resolveModelColumns } from '../../metrics/model-columns';
import { booleanAware, byRole, columnsOf, required, sameColumnProblem } from '../model-inputs';
import { need, type CellKindSpec } from '../types';

export { excludedNote, fairnessAggregateRows, fairnessMethodNote, flaggedGroups, GROUP_METRICS, thresholdOutcomeRows } from '../view/fairness-rows';

export interface FairnessCellConfig {
  target?: string;
  prediction?: string;
  sensitive?: string[];
  posLabel?: string;
  method?: ParityMethod;
  agg?: OddsAggregation;
  weight?: string;
  score?: string;
  referenceGroup?: string;
  /** Rates with a zero denominator: 0 as Fairlearn/sklearn (default), or null and left out of the aggregates. */
  undefinedRates?: 'zero' | 'null';
  /** Per-group thresholds (with a score) equalise this rate: TPR (default) or selection rate. */
  thresholdCriterion?: ThresholdCriterion;
  /** Predictions from the score (score ≥ threshold → positive label) instead of a prediction column. */
  threshold?: number;
}

export interface FairnessCellResult {
  kind: 'fairness';
  columns: { target: string; prediction: string; sensitive: string[]; weight: string | null; score: string | null };
  reference: FairnessResult & { name: string };
  current?: FairnessResult & { name: string };
}

export function fairnessCell(reference: Dataset, current: Dataset | undefined, config: FairnessCellConfig): FairnessCellResult {
  const fromScore = config.threshold !== undefined;
  const resolved = resolveModelColumns(reference, {
    target: config.target,
    ...(fromScore ? {} : { prediction: config.prediction }),
    score: config.score ? [config.score] : [],
  });
  const target = required(resolved.target, 'target', reference);
  const sensitive = config.sensitive?.length ? config.sensitive : byRole(reference, 'sensitive').slice(0, 2);
  if (sensitive.length === 0 || sensitive.length > 2) {
    throw new AnalysisError('missing-sensitive', `sensitive: choose one or two sensitive columns (e.g. sex, race) — columns: ${columnsOf(reference.meta)}`);
  }
  const score = config.score ?? null;
  let predictionsOf: (d: Dataset) => (string | number | null)[];
  let prediction: string;
  let posLabel: string | undefined = config.posLabel === undefined ? undefined : (booleanAware(reference, target, config.posLabel) ?? config.posLabel);
  if (fromScore) {
    const t = config.threshold!;
    if (!score) throw new AnalysisError('missing-score', `threshold: ${t} derives predictions from a score — choose the score column too`);
    if (!(t >= 0 && t <= 1)) throw new AnalysisError('bad-threshold', `threshold: ${t} — give a probability between 0 and 1`);
    const classes = labelsOf(...[reference, ...(current ? [current] : [])].map((d) => labelColumn(d, target)));
    if (classes.length > 2) throw new AnalysisError('not-binary', `target "${target}": ${classes.length} labels — group fairness needs a binary target`);
    const positive = config.posLabel === undefined ? defaultPosLabel(classes, []) : booleanAware(reference, target, config.posLabel);
    if (positive === null)
      throw new AnalysisError('missing-pos-label', `pos_label: none given and none can be guessed from ${classes.join(', ')} — type the positive label`);
    const negative = classes.find((c) => c !== positive) ?? `not ${positive}`;
    posLabel = positive;
    prediction = `${score} ≥ ${t}`;
    predictionsOf = (d) => Array.from(numberColumn(d, score), (v) => (Number.isNaN(v) ? null : v >= t ? positive : negative));
  } else {
    const column = required(resolved.prediction, 'prediction', reference);
    prediction = column;
    predictionsOf = (d) => labelColumn(d, column);
  }
  const side = (d: Dataset) => ({
    ...computeFairness(
      {
        yTrue: labelColumn(d, target),
        yPred: predictionsOf(d),
        sensitive: sensitive.map((name) => ({ name, values: labelColumn(d, name) })),
        ...(config.weight ? { sampleWeight: numberColumn(d, config.weight) } : {}),
        ...(score ? { scores: numberColumn(d, score) } : {}),
      },
      {
        ...(posLabel === undefined ? {} : { posLabel }),
        ...(config.method ? { method: config.method } : {}),
        ...(config.agg ? { agg: config.agg } : {}),
        ...(config.referenceGroup ? { referenceGroup: config.referenceGroup } : {}),
        ...(config.undefinedRates ? { undefinedRates: config.undefinedRates } : {}),
        thresholds: score ? { criterion: config.thresholdCriterion ?? 'tpr', ...(fromScore ? { baseThreshold: config.threshold } : {}) } : false,
      },
    ),
    name: d.meta.name,
  });
  return {
    kind: 'fairness',
    columns: { target, prediction, sensitive, weight: config.weight ?? null, score },
    reference: side(reference),
    ...(current ? { current: side(current) } : {}),
  };
}

export const fairnessKind: CellKindSpec<'fairness', FairnessCellConfig, FairnessCellResult> = {
  kind: 'fairness',
  label: 'Fairness',
  description: 'Per-group rates, demographic parity, equalized odds (Fairlearn), disparities, mitigation',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: () => ({}),
  validate(config) {
    const problems: string[] = [];
    if (config.threshold !== undefined && !config.score) problems.push('A threshold derives predictions from the score: choose the score column');
    if ((config.sensitive?.length ?? 0) > 2) problems.push('Choose one or two sensitive columns (two give their intersection)');
    return [...problems, ...sameColumnProblem(config)];
  },
  compute: async (input, config) => fairnessCell(need(input, 'reference'), input.current, config),
  capabilities: {
    autoRun: true,
    // Only with a score column: the threshold derives its predictions from it.
    acceptsThreshold: (config) => config.score !== undefined,
    withThreshold: ({ prediction: _prediction, ...config }, threshold) => ({ ...config, threshold }),
  },
};
