/**
 * `driftbook estimate`: performance estimated without labels (CBPE, as NannyML 0.13), per chunk of
 * the current file. Flags become the estimated-performance cell's config and run its compute
 * (cellSpec('estimated').compute, through computeCell), so the CLI and the app give the same numbers. Output, one object per chunk:
 * start/end are NannyML's start_index/end_index (0-based data rows, end inclusive), thresholds
 * come from the reference split by the same chunker.
 */
import type { EstimatedCellConfig, EstimatedCellResult } from '../notebook';
import type { CbpeChunk, CbpeThresholds, MetricName } from '../metrics/cbpe';
import { computeCell } from './cell-compute';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, requirePair, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { checkFormat, prometheusText } from './prometheus-format';
import { load, readSettings } from './read-options';
import { segmentSettings } from './segment-options';

export const ESTIMATE_OPTION_SPECS = {
  target: { type: 'string' },
  score: { type: 'string' },
  prediction: { type: 'string' },
  threshold: { type: 'string' },
  'chunk-size': { type: 'string' },
  chunks: { type: 'string' },
} as const;

/** NannyML's default chunker: CountBasedChunker(10). */
const DEFAULT_CHUNKS = 10;

const METRIC_KEYS: readonly [MetricName, string][] = [
  ['accuracy', 'accuracy'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'f1'],
  ['rocAuc', 'roc_auc'],
];

function positiveInteger(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: ${text} is not a whole number of 1 or more`);
  return n;
}

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toEstimatedConfig(values: Partial<Record<keyof typeof ESTIMATE_OPTION_SPECS, string>>): EstimatedCellConfig {
  const { target, score, prediction, threshold } = values;
  if (!target || !score) throw new UsageError('estimate needs --target COL (the 0/1 label) and --score COL (the probability of class 1)');
  if (values['chunk-size'] !== undefined && values.chunks !== undefined) throw new UsageError('--chunk-size and --chunks both given — choose one way to chunk');
  if (prediction !== undefined && threshold !== undefined) {
    throw new UsageError('--prediction and --threshold both given — predictions come from the column; drop --threshold');
  }
  const cut = threshold === undefined ? 0.5 : Number(threshold);
  if (threshold !== undefined && !(threshold.trim() !== '' && cut >= 0 && cut <= 1))
    throw new UsageError(`--threshold: ${threshold} is not a number from 0 to 1`);
  return {
    target,
    score,
    // Without --prediction, predictions are score ≥ threshold (never a column guessed from its name).
    ...(prediction === undefined ? { threshold: cut } : { prediction }),
    ...(values['chunk-size'] !== undefined
      ? { chunkSize: positiveInteger(values['chunk-size'], '--chunk-size') }
      : { chunks: values.chunks === undefined ? DEFAULT_CHUNKS : positiveInteger(values.chunks, '--chunks') }),
  };
}

const byKey = (values: Record<MetricName, number | null>) => Object.fromEntries(METRIC_KEYS.map(([name, key]) => [key, values[name]]));
const flags = (values: Record<MetricName, boolean>) => Object.fromEntries(METRIC_KEYS.map(([name, key]) => [key, values[name]]));

/** One chunk as the CLI prints it. */
function chunkJson(chunk: CbpeChunk, thresholds: CbpeThresholds) {
  return {
    start: chunk.start,
    end: chunk.end - 1,
    estimated: byKey(chunk.estimated),
    ...(chunk.realized ? { realized: byKey(chunk.realized) } : {}),
    lowerThreshold: byKey(thresholds.lower),
    upperThreshold: byKey(thresholds.upper),
    alert: flags(chunk.alert),
  };
}

/** The CLI's estimate JSON (README, NannyML's field names and row indexes) from the cell's result. */
export function estimateJson({ cbpe }: EstimatedCellResult) {
  return { schemaVersion: 1, calibrated: cbpe.calibrated, chunks: (cbpe.chunks ?? []).map((c) => chunkJson(c, cbpe.thresholds!)) };
}

/** `driftbook estimate --reference R --current C --target y --score s [--prediction p] [--threshold X] [--chunk-size N | --chunks N]`. */
export async function estimateCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...PAIR_OPTION_SPECS, ...ESTIMATE_OPTION_SPECS, format: { type: 'string', default: 'json' } });
  const format = checkFormat(values.format, ['json', 'prometheus']);
  const [referencePath, currentPath] = requirePair(values, 'estimate needs --reference FILE (labelled) and --current FILE');
  const config = toEstimatedConfig(values);
  const read = readSettings(values);
  const segments = segmentSettings(values);
  const [reference, current] = await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)]);
  const result = await computeCell('estimated', { reference, current }, config);
  await writeOutput(format === 'prometheus' ? prometheusText('estimated', result) : jsonText(estimateJson(result)), values.out, out);
}
