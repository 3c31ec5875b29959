/**
 * `driftbook validate --suite S.json --data F.csv [--out result.json] [--strict]`: the Validation
 * cell's compute (cellSpec('validation').compute, through computeCell) on one file with a Great
 * Expectations suite (GX 1.x JSON, or a 0.18 suite converted). Prints GX's validation result JSON.
 * Exit 0 when the run completes whatever its success, 2 for bad input, 3 with --strict when an
 * expectation failed (for CI).
 */
import { readFile } from 'node:fs/promises';
import { errorMessage } from '../errors';
import { readSuite } from '../validation/read-suite';
import type { ReadSuite } from '../validation/types';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const VALIDATE_OPTION_SPECS = {
  suite: { type: 'string' },
  data: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** --strict: the run completed and an expectation failed. */
export const EXIT_FAILED_EXPECTATIONS = 3;

/** The suite file, read and checked as the app's "Import suite…" reads it; any problem is a usage error (exit 2). */
export async function readSuiteFile(path: string): Promise<ReadSuite> {
  if (path === '-') throw new UsageError('--suite: standard input is not read for the suite — give the suite JSON file');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? errorMessage(error));
    throw new UsageError(`--suite: cannot read ${path} (${why}) — give a Great Expectations suite JSON file`);
  }
  try {
    return readSuite(text);
  } catch (error) {
    throw new UsageError(`--suite: ${path}: ${errorMessage(error)}`);
  }
}

/** Runs the suite on the data; returns the exit code (0, or 3 with --strict when an expectation failed). */
export async function validateCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values } = parseCommandArgs(args, VALIDATE_OPTION_SPECS);
  if (!values.suite || !values.data) throw new UsageError('validate needs --suite S.json (a Great Expectations suite) and --data F.csv (the data to validate)');
  const { suite } = await readSuiteFile(values.suite);
  const data = await load(values.data, readSettings(values), singleSegment(values));
  const { result } = await computeCell('validation', { reference: data }, { suite, dataset: 'reference' });
  await writeOutput(jsonText(result), values.out, out);
  return values.strict && !result.success ? EXIT_FAILED_EXPECTATIONS : 0;
}
