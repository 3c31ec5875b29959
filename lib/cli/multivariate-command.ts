/**
 * `driftbook multivariate`: multivariate drift of the current file against the reference — PCA
 * reconstruction error per chunk as NannyML's DataReconstructionDriftCalculator, or a domain
 * classifier's cross-validated ROC AUC. Flags become the multivariate cell's config and run its
 * compute (through computeCell), so the CLI prints what the app computes: the analysis's JSON with
 * a schemaVersion.
 */
import type { MultivariateCellConfig, MultivariateCellResult } from '../notebook/kinds/multivariate';
import { MULTIVARIATE_METHODS, type MultivariateMethod } from '../multivariate/multivariate';
import { PERIODS, type Period } from '../stream/windows';
import { computeCell } from './cell-compute';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, requirePair, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { segmentSettings } from './segment-options';

export const MULTIVARIATE_OPTION_SPECS = {
  method: { type: 'string' },
  columns: { type: 'string' },
  variance: { type: 'string' },
  'chunk-size': { type: 'string' },
  chunks: { type: 'string' },
  timestamp: { type: 'string' },
  period: { type: 'string' },
  'time-zone': { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  repeats: { type: 'string' },
} as const;

function whole(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${flag}: ${text} is not a whole number of ${min} or more`);
  return n;
}

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toMultivariateConfig(values: Partial<Record<keyof typeof MULTIVARIATE_OPTION_SPECS, string>>): MultivariateCellConfig {
  const method = (values.method ?? 'pca') as MultivariateMethod;
  if (!MULTIVARIATE_METHODS.includes(method)) throw new UsageError(`--method: ${values.method} — use ${MULTIVARIATE_METHODS.join(' or ')}`);
  const ways = ['chunk-size', 'chunks', 'timestamp'].filter((k) => values[k as keyof typeof values] !== undefined);
  if (ways.length > 1) throw new UsageError(`${ways.map((w) => `--${w}`).join(' and ')} given — choose one way to chunk`);
  if (values.period !== undefined && !PERIODS.includes(values.period as Period)) throw new UsageError(`--period: ${values.period} — use ${PERIODS.join(', ')}`);
  if ((values.period !== undefined || values['time-zone'] !== undefined) && values.timestamp === undefined)
    throw new UsageError('--period and --time-zone need --timestamp COL');
  let variance: number | undefined;
  if (values.variance !== undefined) {
    variance = Number(values.variance);
    if (values.variance.trim() === '' || !(variance > 0 && variance < 1))
      throw new UsageError(`--variance: ${values.variance} is not a share between 0 and 1 (e.g. 0.65)`);
  }
  if (method === 'pca' && ['folds', 'seed', 'repeats'].some((k) => values[k as keyof typeof values] !== undefined))
    throw new UsageError('--folds, --seed and --repeats are settings of --method classifier');
  if (method === 'classifier' && variance !== undefined) throw new UsageError('--variance is a setting of --method pca');
  const classifier = {
    ...(values.folds !== undefined ? { folds: whole(values.folds, '--folds', 2) } : {}),
    ...(values.seed !== undefined ? { seed: whole(values.seed, '--seed', 0) } : {}),
    ...(values.repeats !== undefined ? { repeats: whole(values.repeats, '--repeats', 1) } : {}),
  };
  return {
    method,
    ...(values.columns !== undefined ? { columns: values.columns.split(',').filter((c) => c !== '') } : {}),
    ...(variance !== undefined ? { variance } : {}),
    ...(values['chunk-size'] !== undefined ? { chunkSize: whole(values['chunk-size'], '--chunk-size', 1) } : {}),
    ...(values.chunks !== undefined ? { chunks: whole(values.chunks, '--chunks', 1) } : {}),
    ...(values.timestamp !== undefined ? { timestamp: values.timestamp } : {}),
    ...(values.period !== undefined ? { period: values.period as Period } : {}),
    ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
    ...(Object.keys(classifier).length ? { classifier } : {}),
  };
}

/** The CLI's JSON: the analysis's result (README "Multivariate drift") with a schemaVersion. */
export function multivariateJson(result: MultivariateCellResult) {
  return { schemaVersion: 1, ...result.drift };
}

/** `driftbook multivariate --reference R --current C [--method pca|classifier] [--chunk-size N | --chunks N | --timestamp COL] [--variance 0.65]`. */
export async function multivariateCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...PAIR_OPTION_SPECS, ...MULTIVARIATE_OPTION_SPECS });
  const [referencePath, currentPath] = requirePair(values, 'multivariate needs --reference FILE and --current FILE');
  const config = toMultivariateConfig(values);
  const read = readSettings(values);
  const segments = segmentSettings(values);
  const [reference, current] = await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)]);
  const result = await computeCell('multivariate', { reference, current }, config);
  await writeOutput(jsonText(multivariateJson(result)), values.out, out);
}
