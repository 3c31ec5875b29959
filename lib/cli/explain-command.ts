/**
 * `driftbook explain --model M.onnx --data F`: the Explain cell's compute (lib/notebook/kinds/explain.ts
 * → lib/explain) with the model opened by onnxruntime-node, printing the JSON — SHAP values of
 * the chosen rows, base value, global mean |SHAP|, and with --reference the attribution drift.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ExplainConfig } from '../explain/types';
import { describeModel } from '../models/describe';
import { defaultMapping } from '../models/mapping';
import type { ModelMeta } from '../models/types';
import type { ExplainCellConfig } from '../notebook/kinds/explain';
import { modelOpener } from '../notebook/model-opener';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, READ_OPTION_SPECS, readSettings } from './read-options';

export const EXPLAIN_OPTION_SPECS = {
  model: { type: 'string' },
  data: { type: 'string' },
  reference: { type: 'string' },
  background: { type: 'string' },
  'background-size': { type: 'string' },
  rows: { type: 'string' },
  'max-rows': { type: 'string' },
  'reference-rows': { type: 'string' },
  method: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  'output-space': { type: 'string' },
  'input-columns': { type: 'string' },
  target: { type: 'string' },
  metric: { type: 'string' },
  repeats: { type: 'string' },
  'local-row': { type: 'string' },
  out: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof EXPLAIN_OPTION_SPECS, string>>;

function whole(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag}: ${text} is not a whole number of ${min} or more`);
  return n;
}

function oneOf<T extends string>(text: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!allowed.includes(text as T)) throw new UsageError(`${flag}: ${text} — use ${allowed.join(' or ')}`);
  return text as T;
}

const METRICS = ['accuracy', 'roc_auc', 'neg_log_loss', 'r2', 'neg_mean_squared_error', 'neg_mean_absolute_error'] as const;

/** lib/explain's settings from the flags (usage mistakes are UsageErrors: exit 2, one line). */
export function toExplainSettings(values: Values): Omit<ExplainConfig, 'features'> {
  const int = (key: keyof Values, min: number) => (values[key] === undefined ? undefined : whole(values[key]!, `--${key}`, min));
  if ((values.metric !== undefined || values.repeats !== undefined) && values.target === undefined)
    throw new UsageError('--metric and --repeats need --target COL (permutation importance)');
  const settings: Omit<ExplainConfig, 'features'> = {
    rows: values.rows?.split(',').map((r) => whole(r, '--rows', 0)),
    maxRows: int('max-rows', 1),
    backgroundSize: int('background-size', 1),
    method: oneOf(values.method, '--method', ['exact', 'kernel', 'auto'] as const),
    samples: int('samples', 2),
    seed: int('seed', 0),
    outputSpace: oneOf(values['output-space'], '--output-space', ['probability', 'log-odds'] as const),
    referenceRows: values.reference === undefined ? 0 : int('reference-rows', 0),
    permutation:
      values.target === undefined ? undefined : { target: values.target, metric: oneOf(values.metric, '--metric', METRICS), nRepeats: int('repeats', 1) },
    local: values['local-row'] === undefined ? undefined : { row: whole(values['local-row'], '--local-row', 0) },
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as Omit<ExplainConfig, 'features'>;
}

/** The ONNX file as a stored model's description (its SHA-256 is its id). */
async function modelFile(path: string): Promise<{ meta: ModelMeta; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await readFile(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { opset, producer, inputs, outputs } = describeModel(bytes);
  return {
    bytes,
    meta: { id: sha256, name: basename(path), sha256, bytes: bytes.length, opset, producer, inputs, outputs, createdAt: new Date(0).toISOString() },
  };
}

/**
 * `driftbook explain --model M.onnx --data F [--reference R | --background B] [--background-size 100] [--rows 0,5,9]
 * [--method exact|kernel] [--samples 2048] [--seed 42] [--output-space probability|log-odds] [--input-columns a,b,c]`.
 */
export async function explainCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...READ_OPTION_SPECS, ...EXPLAIN_OPTION_SPECS });
  if (values.model === undefined || values.data === undefined) throw new UsageError('explain needs --model FILE.onnx and --data FILE');
  if (values.reference !== undefined && values.background !== undefined)
    throw new UsageError('--reference and --background: give one — the background is sampled from the reference (or from --background without a reference)');
  const settings = toExplainSettings(values);
  const read = readSettings(values);
  const current = await load(values.data, read);
  // The background's source: the reference (which also gives attribution drift), --background, or the data itself.
  const backgroundPath = values.reference ?? values.background;
  const reference = backgroundPath === undefined ? current : await load(backgroundPath, read);
  const file = await modelFile(values.model);
  const order = values['input-columns']?.split(',').filter((c) => c !== '');
  const mapping = order
    ? defaultMapping(
        file.meta.inputs,
        current.meta.schema.map((c) => c.name),
        order,
      )
    : undefined;
  const openModel = modelOpener(ort, async () => file);
  const config: ExplainCellConfig = { source: 'model', model: file.meta.id, ...(mapping ? { mapping } : {}), ...settings };
  const result = await computeCell('explain', { reference, current }, config, { openModel });
  await writeOutput(jsonText(result.explanation), values.out, out);
}
