import type { FairnessInput, FairnessOptions, OddsAggregation, ParityMethod } from '../fairness/types';
import type { Dataset } from '../data/types';
import { labelColumn, numberColumn, resolveModelColumns, type ModelQualityOptions } from '../metrics/model-columns';
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
  'reference-group': { type: 'string' },
} as const;

type Values<Specs> = { [K in keyof Specs]?: Specs[K] extends { multiple: true } ? string[] : string };
export type ModelOptionValues = Values<typeof MODEL_OPTION_SPECS>;
export type FairnessOptionValues = Values<typeof FAIRNESS_OPTION_SPECS>;

const TASKS = ['classification', 'binary', 'multiclass', 'regression'] as const;

/** "a,b" and repeated flags as one list of names. */
function names(flag: string, texts: readonly string[]): string[] {
  const list = texts.flatMap((t) => t.split(',')).map((t) => t.trim());
  if (list.some((t) => t === '')) throw new UsageError(`${flag}: empty column name in ${texts.join(',')} — separate names with single commas`);
  return list;
}

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

export function toModelQualityOptions(values: ModelOptionValues): ModelQualityOptions {
  const options: ModelQualityOptions = {};
  if (values.target !== undefined) options.target = values.target;
  if (values.prediction !== undefined) options.prediction = values.prediction;
  if (values.score !== undefined) options.score = names('--score', values.score);
  if (values.task !== undefined) {
    if (!(TASKS as readonly string[]).includes(values.task)) throw new UsageError(`--task: ${values.task} is not one of ${TASKS.join(', ')}`);
    options.task = values.task as (typeof TASKS)[number];
  }
  if (values['pos-label'] !== undefined) options.posLabel = values['pos-label'];
  if (values['threshold-prob'] !== undefined) {
    const text = values['threshold-prob'];
    const threshold = Number(text);
    if (text.trim() === '' || !Number.isFinite(threshold)) throw new UsageError(`--threshold-prob: ${text} is not a number`);
    options.threshold = threshold;
  }
  return options;
}

/** The fairness input and options from one dataset's columns, by name (target and prediction also by role). */
export function toFairnessArguments(dataset: Dataset, values: FairnessOptionValues): { input: FairnessInput; options: FairnessOptions } {
  const columns = resolveModelColumns(dataset, {
    ...(values.target === undefined ? {} : { target: values.target }),
    ...(values.prediction === undefined ? {} : { prediction: values.prediction }),
    score: values.score === undefined ? [] : [values.score],
  });
  if (columns.target === undefined || columns.prediction === undefined) {
    throw new UsageError('fairness needs --target COLUMN and --prediction COLUMN (or columns with those roles)');
  }
  if (values.sensitive === undefined) throw new UsageError('fairness needs --sensitive COLUMN[,COLUMN] (one sensitive feature, or two for their intersection)');
  const sensitive = names('--sensitive', [values.sensitive]);
  const input: FairnessInput = {
    yTrue: labelColumn(dataset, columns.target),
    yPred: labelColumn(dataset, columns.prediction),
    sensitive: sensitive.map((name) => ({ name, values: labelColumn(dataset, name) })),
    ...(values.weight === undefined ? {} : { sampleWeight: numberColumn(dataset, values.weight) }),
    ...(columns.score.length === 0 ? {} : { scores: numberColumn(dataset, columns.score[0]!) }),
  };
  const options: FairnessOptions = {
    ...(values['pos-label'] === undefined ? {} : { posLabel: values['pos-label'] }),
    ...(values.method === undefined ? {} : { method: values.method as ParityMethod }),
    ...(values.agg === undefined ? {} : { agg: values.agg as OddsAggregation }),
    ...(values['reference-group'] === undefined ? {} : { referenceGroup: values['reference-group'] }),
  };
  return { input, options };
}
