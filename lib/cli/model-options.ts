import type { Dataset } from '../data/types';
import { decideTask, labelColumn, resolveModelColumns } from '../metrics/model-columns';
import type { ClassificationCellConfig, FairnessCellConfig, RegressionCellConfig } from '../notebook';
import { UsageError } from './drift-options';

/** parseArgs option specs of the model-quality mode of `quality`. */
export const MODEL_OPTION_SPECS = {
  target: { type: 'string' },
  prediction: { type: 'string' },
  score: { type: 'string', multiple: true },
  task: { type: 'string' },
  'pos-label': { type: 'string' },
  'threshold-prob': { type: 'string' },
} as const;

/** parseArgs option specs of `fairness` (besides --data and --out). */
export const FAIRNESS_OPTION_SPECS = {
  target: { type: 'string' },
  prediction: { type: 'string' },
  sensitive: { type: 'string' },
  'pos-label': { type: 'string' },
  method: { type: 'string' },
  agg: { type: 'string' },
  weight: { type: 'string' },
  score: { type: 'string' },
  threshold: { type: 'string' },
  'threshold-criterion': { type: 'string' },
  'undefined-rates': { type: 'string' },
  'reference-group': { type: 'string' },
} as const;

type Values<Specs> = { [K in keyof Specs]?: Specs[K] extends { multiple: true } ? string[] : string };
export type ModelOptionValues = Values<typeof MODEL_OPTION_SPECS>;
export type FairnessOptionValues = Values<typeof FAIRNESS_OPTION_SPECS>;

const TASKS = ['classification', 'binary', 'multiclass', 'regression'] as const;

/** "a,b" and repeated flags as one list of names. */
export function names(flag: string, texts: readonly string[]): string[] {
  const list = texts.flatMap((t) => t.split(',')).map((t) => t.trim());
  if (list.some((t) => t === '')) throw new UsageError(`${flag}: empty column name in ${texts.join(',')} — separate names with single commas`);
  return list;
}

export function probability(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag}: ${text} is not a number`);
  return value;
}

function oneOf<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${flag}: ${text} is not one of ${choices.join(', ')}`);
  return text as T;
}

/** Only the flags that were given, so a kind's defaults apply to the others. */
const given = <T extends object>(fields: T): T => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;

/**
 * `quality` computes model quality when a model column is named or any model option is given,
 * or when the reference has a target column and a prediction or score column by role; else it
 * profiles the data as before.
 */
export function wantsModelQuality(values: ModelOptionValues, reference: Dataset): boolean {
  if (Object.keys(MODEL_OPTION_SPECS).some((key) => values[key as keyof ModelOptionValues] !== undefined)) return true;
  const roles = Object.values(reference.meta.roles ?? {});
  return roles.includes('target') && (roles.includes('prediction') || roles.includes('score'));
}

export type ModelCell = { kind: 'classification'; config: ClassificationCellConfig } | { kind: 'regression'; config: RegressionCellConfig };

/**
 * Without --task, the task modelQuality would pick (Evidently's rule: a numeric target with more
 * than 10 distinct values is a regression target), so that the kind is chosen before computing.
 */
function isRegression(values: ModelOptionValues, reference: Dataset, current: Dataset | undefined): boolean {
  if (values.task !== undefined) return oneOf('--task', values.task, TASKS) === 'regression';
  const target = resolveModelColumns(reference, given({ target: values.target })).target;
  if (target === undefined) return false; // the classification kind says the target is missing
  const targets = [reference, ...(current ? [current] : [])].map((d) => labelColumn(d, target));
  return decideTask(undefined, targets, () => []) === 'regression';
}

/** The model flags of `quality` → the classification or the regression cell. */
export function toModelCell(values: ModelOptionValues, reference: Dataset, current?: Dataset): ModelCell {
  const score = values.score === undefined ? undefined : names('--score', values.score);
  if (isRegression(values, reference, current)) {
    if (score?.length) throw new UsageError(`score: regression takes no score columns (${score.join(', ')}) — leave them out`);
    for (const flag of ['pos-label', 'threshold-prob'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag}: a regression has no classes — leave it out`);
    }
    return { kind: 'regression', config: given({ target: values.target, prediction: values.prediction }) };
  }
  const task = values.task === undefined ? undefined : (values.task as Exclude<(typeof TASKS)[number], 'regression'>);
  const threshold = values['threshold-prob'] === undefined ? undefined : probability('--threshold-prob', values['threshold-prob']);
  return {
    kind: 'classification',
    config: given({ target: values.target, prediction: values.prediction, score, task, posLabel: values['pos-label'], threshold }),
  };
}

/** The fairness flags → the fairness cell's config (the app's: score threshold, boolean-aware positive label). */
export function toFairnessConfig(values: FairnessOptionValues): FairnessCellConfig {
  if (values.sensitive === undefined) throw new UsageError('fairness needs --sensitive COLUMN[,COLUMN] (one sensitive feature, or two for their intersection)');
  if (values.threshold !== undefined && values.prediction !== undefined) {
    throw new UsageError('--prediction and --threshold both given — predictions come from the column, or from --score ≥ --threshold; drop one');
  }
  return given({
    target: values.target,
    prediction: values.prediction,
    sensitive: names('--sensitive', [values.sensitive]),
    posLabel: values['pos-label'],
    method: values.method as FairnessCellConfig['method'],
    agg: values.agg as FairnessCellConfig['agg'],
    weight: values.weight,
    score: values.score,
    referenceGroup: values['reference-group'],
    threshold: values.threshold === undefined ? undefined : probability('--threshold', values.threshold),
    thresholdCriterion:
      values['threshold-criterion'] === undefined
        ? undefined
        : oneOf('--threshold-criterion', values['threshold-criterion'], ['tpr', 'selection_rate'] as const),
    undefinedRates: values['undefined-rates'] === undefined ? undefined : oneOf('--undefined-rates', values['undefined-rates'], ['zero', 'null'] as const),
  });
}
