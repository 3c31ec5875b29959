import { computeFairness } from '../fairness/fairness';
import { modelQuality } from '../metrics/model-columns';
import { computeQuality } from '../quality/compute-quality';
import { UsageError } from './drift-options';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, writeOutput } from './command-io';
import { FAIRNESS_OPTION_SPECS, MODEL_OPTION_SPECS, toFairnessArguments, toModelQualityOptions, wantsModelQuality } from './model-options';
import { load, readSettings } from './read-options';
import { segmentSettings, singleSegment } from './segment-options';

/** `driftbook quality`: data quality of one file or two, or model quality when model columns are given. */
export async function qualityCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...PAIR_OPTION_SPECS, ...MODEL_OPTION_SPECS });
  if (!values.reference) throw new UsageError('quality needs --reference FILE (and --current FILE to compare)');
  const read = readSettings(values);
  const segments = segmentSettings(values, values.current !== undefined);
  const reference = await load(values.reference, read, segments.reference);
  const current = values.current ? await load(values.current, read, segments.current) : undefined;
  const result = wantsModelQuality(values, reference) ? modelQuality(reference, current, toModelQualityOptions(values)) : computeQuality(reference, current);
  await writeOutput(jsonText(result), values.out, out);
}

/** `driftbook fairness`: group fairness of one file's predictions. */
export async function fairnessCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { data: { type: 'string' }, ...FAIRNESS_OPTION_SPECS });
  if (!values.data) throw new UsageError('fairness needs --data FILE (with --target, --prediction and --sensitive columns)');
  const dataset = await load(values.data, readSettings(values), singleSegment(values));
  const { input, options } = toFairnessArguments(dataset, values);
  await writeOutput(jsonText(computeFairness(input, options)), values.out, out);
}
