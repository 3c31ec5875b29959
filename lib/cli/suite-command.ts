/**
 * `driftbook suite --reference R.csv [--out suite.json] [--margin M] [--k K] [--name NAME]`: a Great
 * Expectations suite (GX 1.x JSON) profiled from the reference — the Validation cell's "Suggest a
 * suite" (lib/validation/profile.ts), printed or written for `driftbook validate --suite`.
 */
import { profileSuite } from '../validation/profile';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const SUITE_OPTION_SPECS = {
  reference: { type: 'string' },
  margin: { type: 'string' },
  k: { type: 'string' },
  name: { type: 'string' },
} as const;

function nonNegative(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag}: ${text} is not a number of 0 or more`);
  return n;
}

export async function suiteCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, SUITE_OPTION_SPECS);
  if (!values.reference) throw new UsageError('suite needs --reference R.csv (the data the suite is profiled from)');
  const margin = nonNegative(values.margin, '--margin');
  const k = nonNegative(values.k, '--k');
  if (values.name !== undefined && values.name.trim() === '') throw new UsageError('--name: the suite name is empty — give a name, or leave --name out');
  const reference = await load(values.reference, readSettings(values), singleSegment(values));
  await writeOutput(jsonText(profileSuite(reference, { margin, k, name: values.name })), values.out, out);
}
