/**
 * `driftbook detect`: one of River 0.26's sequential drift detectors (or CUSUM) over one column of a
 * file — or the model's per-row error indicator or absolute error (--source) — optionally in time order,
 * CUSUM's untyped targets from --reference. The flags become the change-detection cell's config and run its
 * compute (cellSpec('change').compute, through computeCell). Prints the detector, its parameters
 * (defaults filled in) and every 0-based stream index whose update left a drift or a warning, with its
 * timestamp when ordered by one.
 */
import { CHANGE_SOURCES, type ChangeSource } from '../notebook/change-source';
import { DETECTOR_IDS, parseDetectorParams } from '../stream/detectors/index';
import type { RawDetectorParams } from '../stream/detectors/types';
import type { ChangeCellConfig, ChangeCellResult } from '../notebook/kinds/change';
import type { ChangePoint } from '../stream/detect';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { FAIRNESS_OPTION_SPECS, MODEL_OPTION_SPECS, names, probability } from './model-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const DETECT_OPTION_SPECS = {
  data: { type: 'string' },
  reference: { type: 'string' },
  source: { type: 'string' },
  column: { type: 'string' },
  // The model columns as the model commands take them (predictions from --score at --threshold, as fairness).
  target: MODEL_OPTION_SPECS.target,
  prediction: MODEL_OPTION_SPECS.prediction,
  score: MODEL_OPTION_SPECS.score,
  'pos-label': MODEL_OPTION_SPECS['pos-label'],
  threshold: FAIRNESS_OPTION_SPECS.threshold,
  detector: { type: 'string' },
  param: { type: 'string', multiple: true },
  'order-by': { type: 'string' },
} as const;

/** `--param name=value` (repeatable) as raw parameters; values stay text for the detector's own parsing. */
export function parseParamFlags(texts: readonly string[]): RawDetectorParams {
  const params: RawDetectorParams = {};
  for (const text of texts) {
    const at = text.indexOf('=');
    const name = text.slice(0, at).trim();
    if (at <= 0 || name === '') throw new UsageError(`--param: expected NAME=VALUE (River's argument name, e.g. --param delta=0.002), got ${text}`);
    if (Object.hasOwn(params, name)) throw new UsageError(`--param: ${name} given twice — give each parameter once`);
    params[name] = text.slice(at + 1);
  }
  return params;
}

/** The sources `detect` takes (a metric per window: `run --kind change --config`). */
const CLI_SOURCES = CHANGE_SOURCES.filter((s) => s !== 'window_metric');

type DetectValues = Partial<Record<'column' | 'detector' | 'order-by' | 'source' | 'target' | 'prediction' | 'pos-label' | 'threshold', string>> & {
  param?: string[];
  score?: string[];
};

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toDetectConfig(values: DetectValues): ChangeCellConfig {
  const { column, detector } = values;
  const source = (values.source ?? 'column') as ChangeSource;
  if (!(CLI_SOURCES as readonly string[]).includes(source)) throw new UsageError(`--source: ${source} is not one of ${CLI_SOURCES.join(', ')}`);
  const model = (['target', 'prediction', 'score', 'pos-label', 'threshold'] as const).filter((flag) => values[flag] !== undefined);
  if (source === 'column') {
    if (!column)
      throw new UsageError('detect needs --column COL (the values to monitor; 0/1 errors for ddm, eddm, hddm_a, hddm_w), or --source error|abs_error');
    if (model.length) throw new UsageError(`--${model[0]}: the model's columns are read with --source error or abs_error — add one, or leave it out`);
  } else if (column !== undefined) throw new UsageError(`--column: --source ${source} reads the model's columns (--target, --prediction) — leave --column out`);
  if (!detector) throw new UsageError(`detect needs --detector ID, one of ${DETECTOR_IDS.join(', ')}`);
  const orderBy = values['order-by'];
  if (orderBy === '') throw new UsageError('--order-by: the column name is empty — give the timestamp column');
  const score = values.score === undefined ? undefined : names('--score', values.score);
  return {
    ...(values.source === undefined ? {} : { source }),
    ...(column === undefined ? {} : { column }),
    ...(values.target === undefined ? {} : { target: values.target }),
    ...(values.prediction === undefined ? {} : { prediction: values.prediction }),
    ...(score === undefined ? {} : { score }),
    ...(values['pos-label'] === undefined ? {} : { posLabel: values['pos-label'] }),
    ...(values.threshold === undefined ? {} : { threshold: probability('--threshold', values.threshold) }),
    detector,
    params: parseParamFlags(values.param ?? []),
    ...(orderBy === undefined ? {} : { orderBy }),
  };
}

const pointJson = ({ index, timestamp }: ChangePoint) => (timestamp === undefined ? { index } : { index, timestamp });

/** The CLI's detect JSON (README "driftbook detect"). */
export function detectJson(result: Pick<ChangeCellResult, 'detector' | 'params' | 'detections' | 'warnings'>) {
  return { detector: result.detector, params: result.params, detections: result.detections.map(pointJson), warnings: result.warnings.map(pointJson) };
}

/**
 * `driftbook detect --data F (--column x | --source error|abs_error [--target y --prediction p | --score s --threshold t])
 * --detector ID [--param name=value …] [--order-by timestamp] [--reference R]`.
 */
export async function detectCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, DETECT_OPTION_SPECS);
  if (!values.data) throw new UsageError('detect needs --data FILE');
  const config = toDetectConfig(values);
  // Detector and parameters are checked before the file is read.
  parseDetectorParams(config.detector, config.params);
  const cusumTargets = config.detector === 'cusum' && !(config.params?.mu !== undefined && config.params.sigma !== undefined);
  if (cusumTargets && !values.reference)
    throw new UsageError(
      'cusum: without --param mu=… and --param sigma=… it needs --reference FILE (the mean and standard deviation of its values become the targets)',
    );
  if (values.reference && !cusumTargets)
    throw new UsageError('--reference: only CUSUM without typed mu and sigma reads a reference (for its targets) — leave it out');
  const segment = singleSegment(values);
  const dataset = await load(values.data, readSettings(values), segment);
  // The change cell's slots: the stream is its reference slot, the reference for CUSUM's targets its current slot.
  const reference = values.reference ? await load(values.reference, readSettings(values), segment) : undefined;
  await writeOutput(
    jsonText(detectJson(await computeCell('change', { reference: dataset, ...(reference ? { current: reference } : {}) }, config))),
    values.out,
    out,
  );
}
