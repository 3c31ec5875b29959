/**
 * `driftbook compare`: champion vs challenger on one file. Flags become the Model comparison cell's
 * config (lib/notebook/kinds/comparison.ts → lib/compare/compare-models.ts), checked by the kind's
 * `validate`, so the CLI and the app compute the same. Output: the comparison as issue 17's JSON
 * (schemaVersion, task, mode, rows, models, pairs, friedman?, bootstrap, verdict, warnings).
 */
import type { CompareResult } from '../compare/types';
import type { ComparisonCellConfig, ComparisonCellResult } from '../notebook/kinds/comparison';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const COMPARE_OPTION_SPECS = {
  data: { type: 'string' },
  target: { type: 'string' },
  models: { type: 'string' },
  scores: { type: 'string' },
  prediction: { type: 'string' },
  'model-column': { type: 'string' },
  'pos-label': { type: 'string' },
  task: { type: 'string' },
  blocks: { type: 'string' },
  chunks: { type: 'string' },
  bootstrap: { type: 'string' },
  seed: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof COMPARE_OPTION_SPECS, string>>;

const list = (text: string) => text.split(',').map((s) => s.trim());

function wholeNumber(text: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag}: ${text} is not a whole number from ${min} to ${max}`);
  return n;
}

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toCompareCellConfig(values: Values): ComparisonCellConfig {
  if (!values.target) throw new UsageError('compare needs --target COL');
  const canary = values['model-column'] !== undefined;
  if (canary && values.models !== undefined)
    throw new UsageError('--models and --model-column both given — shadow (--models a,b) or canary (--prediction p --model-column m)');
  if (!canary && values.models === undefined)
    throw new UsageError('compare needs --models PRED_A,PRED_B[,…] (shadow) or --prediction COL --model-column COL (canary)');
  if (!canary && values.prediction !== undefined) throw new UsageError('--prediction is for canary mode (with --model-column); shadow takes --models');
  if (values.blocks !== undefined && values.chunks !== undefined) throw new UsageError('--blocks and --chunks both given — choose one way to form blocks');
  if (values.task !== undefined && values.task !== 'classification' && values.task !== 'regression')
    throw new UsageError(`--task: ${values.task} is not one of classification, regression`);
  return {
    mode: canary ? 'canary' : 'shadow',
    target: values.target,
    ...(canary ? { modelColumn: values['model-column']!, ...(values.prediction ? { prediction: values.prediction } : {}) } : { models: list(values.models!) }),
    ...(values.scores !== undefined ? { scores: list(values.scores) } : {}),
    ...(values['pos-label'] !== undefined ? { posLabel: values['pos-label'] } : {}),
    ...(values.task !== undefined ? { task: values.task } : {}),
    ...(values.blocks !== undefined ? { blockColumn: values.blocks } : {}),
    ...(values.chunks !== undefined ? { chunks: wholeNumber(values.chunks, '--chunks', 2) } : {}),
    ...(values.bootstrap !== undefined ? { bootstrap: wholeNumber(values.bootstrap, '--bootstrap', 1) } : {}),
    ...(values.seed !== undefined ? { seed: wholeNumber(values.seed, '--seed', 0, 4294967295) } : {}),
  };
}

/** The CLI's compare JSON: the comparison without the cell's own fields. */
export function compareJson(result: ComparisonCellResult): CompareResult {
  const { kind: _kind, columns: _columns, segments: _segments, ...comparison } = result;
  return comparison;
}

/** `driftbook compare --data F --target y (--models a,b[,…] [--scores s_a,s_b] | --prediction p --model-column m) [--pos-label L] [--task …] [--blocks COL | --chunks N] [--bootstrap 1000] [--seed 42]`. */
export async function compareCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, COMPARE_OPTION_SPECS);
  if (!values.data) throw new UsageError('compare needs --data FILE (with the target and prediction columns)');
  const config = toCompareCellConfig(values);
  const dataset = await load(values.data, readSettings(values), singleSegment(values));
  const result = await computeCell('comparison', { reference: dataset }, config);
  await writeOutput(jsonText(compareJson(result)), values.out, out);
}
