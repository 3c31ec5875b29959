/**
 * `driftbook detect`: one of River 0.26's sequential drift detectors (or CUSUM) over one column of a
 * file, optionally in time order. The flags become the change-detection cell's config and run its
 * compute (cellSpec('change').compute, through computeCell). Prints the detector, its parameters
 * (defaults filled in) and every 0-based stream index whose update left a drift or a warning, with its
 * timestamp when ordered by one.
 */
import { DETECTOR_IDS, parseDetectorParams } from '../stream/detectors/index';
import type { RawDetectorParams } from '../stream/detectors/types';
import type { ChangeCellConfig, ChangeCellResult } from '../notebook/kinds/change';
import type { ChangePoint } from '../stream/detect';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const DETECT_OPTION_SPECS = {
  data: { type: 'string' },
  column: { type: 'string' },
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

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toDetectConfig(values: Partial<Record<'column' | 'detector' | 'order-by', string>> & { param?: string[] }): ChangeCellConfig {
  const { column, detector } = values;
  if (!column) throw new UsageError('detect needs --column COL (the values to monitor; 0/1 errors for ddm, eddm, hddm_a, hddm_w)');
  if (!detector) throw new UsageError(`detect needs --detector ID, one of ${DETECTOR_IDS.join(', ')}`);
  const orderBy = values['order-by'];
  if (orderBy === '') throw new UsageError('--order-by: the column name is empty — give the timestamp column');
  return { column, detector, params: parseParamFlags(values.param ?? []), ...(orderBy === undefined ? {} : { orderBy }) };
}

const pointJson = ({ index, timestamp }: ChangePoint) => (timestamp === undefined ? { index } : { index, timestamp });

/** The CLI's detect JSON (README "driftbook detect"). */
export function detectJson(result: Pick<ChangeCellResult, 'detector' | 'params' | 'detections' | 'warnings'>) {
  return { detector: result.detector, params: result.params, detections: result.detections.map(pointJson), warnings: result.warnings.map(pointJson) };
}

/** `driftbook detect --data F --column x --detector ID [--param name=value …] [--order-by timestamp]`. */
export async function detectCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, DETECT_OPTION_SPECS);
  if (!values.data) throw new UsageError('detect needs --data FILE');
  const config = toDetectConfig(values);
  // Detector and parameters are checked before the file is read.
  parseDetectorParams(config.detector, config.params);
  const dataset = await load(values.data, readSettings(values), singleSegment(values));
  await writeOutput(jsonText(detectJson(await computeCell('change', { reference: dataset }, config))), values.out, out);
}
