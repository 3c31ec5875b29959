import { DriftbookError } from '../errors';
import type { FairnessCellResult } from '../notebook';
import { computeCell } from './cell-compute';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { FAIRNESS_OPTION_SPECS, MODEL_OPTION_SPECS, toFairnessConfig, toModelCell, wantsModelQuality } from './model-options';
import { checkFormat, prometheusText } from './prometheus-format';
import { isProfilePath, profileQuality } from './profile-command';
import { load, readSettings } from './read-options';
import { segmentSettings, singleSegment } from './segment-options';

/**
 * `driftbook quality`: the data-quality cell of one file or two; with model columns the
 * classification or regression cell (their JSON is the CLI's documented model-quality shape).
 */
export async function qualityCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...PAIR_OPTION_SPECS, ...MODEL_OPTION_SPECS, format: { type: 'string', default: 'json' } });
  const format = checkFormat(values.format, ['json', 'prometheus']);
  if (!values.reference) throw new UsageError('quality needs --reference FILE (and --current FILE to compare)');
  if (isProfilePath(values.reference)) {
    const result = await profileQuality(values.reference, values.current, readSettings(values));
    return writeOutput(format === 'prometheus' ? prometheusText('quality', result) : jsonText(result), values.out, out);
  }
  const read = readSettings(values);
  const segments = segmentSettings(values, values.current !== undefined);
  const reference = await load(values.reference, read, segments.reference);
  const current = values.current ? await load(values.current, read, segments.current) : undefined;
  const input = { reference, ...(current ? { current } : {}) };
  let output: { kind: string; result: unknown };
  if (wantsModelQuality(values, reference)) {
    const model = toModelCell(values, reference, current);
    output =
      model.kind === 'regression'
        ? { kind: 'regression', result: await computeCell('regression', input, model.config) }
        : { kind: 'classification', result: await computeCell('classification', input, model.config) };
  } else output = { kind: 'quality', result: await computeCell('quality', input, {}) };
  await writeOutput(format === 'prometheus' ? prometheusText(output.kind, output.result) : jsonText(output.result), values.out, out);
}

/** The CLI's fairness JSON (README): the one file's fairness result, without the cell's side name. */
export function fairnessJson(result: FairnessCellResult) {
  const { name: _name, ...fairness } = result.reference;
  return fairness;
}

// The cell names the column it lacks; the CLI names its flags.
const MISSING_COLUMNS = new Set(['missing-target', 'missing-prediction']);

/** `driftbook fairness`: the fairness cell on one file's predictions (or on score ≥ --threshold). */
export async function fairnessCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { data: { type: 'string' }, ...FAIRNESS_OPTION_SPECS, format: { type: 'string', default: 'json' } });
  const format = checkFormat(values.format, ['json', 'prometheus']);
  if (!values.data) throw new UsageError('fairness needs --data FILE (with --target, --prediction and --sensitive columns)');
  const config = toFairnessConfig(values);
  const dataset = await load(values.data, readSettings(values), singleSegment(values));
  const result = await computeCell('fairness', { reference: dataset }, config).catch((error: unknown) => {
    if (error instanceof DriftbookError && MISSING_COLUMNS.has(error.code)) {
      throw new UsageError('fairness needs --target COLUMN and --prediction COLUMN (or columns with those roles)');
    }
    throw error;
  });
  await writeOutput(format === 'prometheus' ? prometheusText('fairness', result) : jsonText(fairnessJson(result)), values.out, out);
}
