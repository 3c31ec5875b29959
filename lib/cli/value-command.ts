/**
 * `driftbook value`: the Business value cell (lib/notebook/kinds/value.ts → lib/compare/value-analysis.ts)
 * on one file. Flags become the cell's config, checked by the kind's `validate`. Output (issue 17):
 * {total, perPrediction, perPredictionNannyML, roi, confusion: {tp, fp, tn, fn}} of the first model
 * over all rows — realized from labels; with --reference R and --score s on a file without labels,
 * estimated from CBPE's expected confusion matrix (then `"estimated": true` is added).
 */
import type { ValueCellConfig, ValueCellResult } from '../notebook/kinds/value';

type ValueMatrix = ValueCellConfig['matrix'];
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const VALUE_OPTION_SPECS = {
  data: { type: 'string' },
  reference: { type: 'string' },
  target: { type: 'string' },
  prediction: { type: 'string' },
  score: { type: 'string' },
  'pos-label': { type: 'string' },
  value: { type: 'string' },
  'cost-per-prediction': { type: 'string' },
  unit: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof VALUE_OPTION_SPECS, string>>;

const OUTCOMES = ['tp', 'fp', 'tn', 'fn'] as const;

/** "tp=5,fp=-1,tn=0,fn=-10" → the value matrix (every outcome once, finite numbers). */
export function parseValueMatrix(text: string): ValueMatrix {
  const matrix: Partial<ValueMatrix> = {};
  for (const part of text.split(',')) {
    const [key = '', raw = ''] = part.split('=').map((s) => s.trim());
    const outcome = OUTCOMES.find((o) => o === key.toLowerCase());
    const x = Number(raw);
    if (!outcome || raw === '' || !Number.isFinite(x)) throw new UsageError(`--value: "${part}" — give tp=V,fp=V,tn=V,fn=V with numbers (negative for a cost)`);
    if (matrix[outcome] !== undefined) throw new UsageError(`--value: ${outcome} given twice`);
    matrix[outcome] = x;
  }
  const missing = OUTCOMES.filter((o) => matrix[o] === undefined);
  if (missing.length) throw new UsageError(`--value: missing ${missing.join(', ')} — give all four of tp, fp, tn, fn`);
  return { tp: matrix.tp!, fp: matrix.fp!, tn: matrix.tn!, fn: matrix.fn! };
}

const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()));

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toValueConfig(values: Values): ValueCellConfig {
  if (!values.target || (!values.prediction && !values.score))
    throw new UsageError('value needs --target COL and --prediction COL (or --score COL to estimate)');
  if (!values.value) throw new UsageError('value needs --value tp=V,fp=V,tn=V,fn=V (the value of each outcome)');
  const cost = values['cost-per-prediction'];
  const costPerPrediction = cost === undefined ? undefined : Number(cost);
  if (cost !== undefined && !(cost.trim() !== '' && costPerPrediction! >= 0 && Number.isFinite(costPerPrediction)))
    throw new UsageError(`--cost-per-prediction: ${cost} is not a number of 0 or more`);
  const predictions = list(values.prediction);
  const scores = list(values.score);
  return {
    target: values.target,
    matrix: parseValueMatrix(values.value),
    ...(predictions ? { predictions } : { threshold: 0.5 }),
    ...(scores ? { scores } : {}),
    ...(values['pos-label'] !== undefined ? { posLabel: values['pos-label'] } : {}),
    ...(costPerPrediction !== undefined ? { costPerPrediction } : {}),
    ...(values.unit !== undefined ? { unit: values.unit } : {}),
  };
}

/** The CLI's value JSON (issue 17's shape) from the cell's result: the first model, all rows. */
export function valueJson(result: ValueCellResult) {
  const overall = result.models[0]!.overall;
  const value = overall.realized ?? overall.estimated!;
  const { total, perPrediction, perPredictionNannyML, roi, confusion } = value;
  return { total, perPrediction, perPredictionNannyML, roi, confusion, ...(overall.realized ? {} : { estimated: true }) };
}

/** `driftbook value --data F --target y --prediction p --value tp=5,fp=-1,tn=0,fn=-10 [--cost-per-prediction 0.001] [--reference R --score s]`. */
export async function valueCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, VALUE_OPTION_SPECS);
  if (!values.data) throw new UsageError('value needs --data FILE (with the target and prediction columns)');
  const config = toValueConfig(values);
  const read = readSettings(values);
  const data = await load(values.data, read, singleSegment(values));
  // With a labelled reference, the data file is the cell's current input (CBPE calibrates on the reference).
  const input = values.reference ? { reference: await load(values.reference, read), current: data } : { reference: data };
  const result = await computeCell('value', input, config);
  await writeOutput(jsonText(valueJson(result)), values.out, out);
}
