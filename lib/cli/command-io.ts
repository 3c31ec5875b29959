import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkStdinOnce, joinNegativeValues } from './args';
import { UsageError } from './drift-options';
import { checkOutPath, STDOUT_PATH, writeOutFile } from './out-file';
import { READ_OPTION_SPECS } from './read-options';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What every command takes: where to write, and how its files are read. */
const COMMON_OPTION_SPECS = { out: { type: 'string' }, ...READ_OPTION_SPECS } as const;

/** The two files of a comparison (quality takes them too, with --current optional). */
export const PAIR_OPTION_SPECS = { reference: { type: 'string' }, current: { type: 'string' } } as const;

/**
 * A command's own options plus the common ones; strict, no positional arguments. Negative numbers
 * reach their option (`--threshold -1`); then, before any file is read, `-` (stdin) may name one
 * input only and `--out` must be writable (lib/cli/out-file.ts).
 */
export function parseCommandArgs<Specs extends OptionSpecs>(args: string[], options: Specs) {
  const all = { ...COMMON_OPTION_SPECS, ...options };
  const parsed = parseArgs({ args: joinNegativeValues(args, all), options: all, strict: true, allowPositionals: false });
  const values = parsed.values as { out?: string; reference?: unknown; current?: unknown; data?: unknown };
  checkStdinOnce(values);
  checkOutPath(values.out);
  return parsed;
}

/** The --reference and --current paths; without both, a usage error saying what the command needs. */
export function requirePair(values: { reference?: string; current?: string }, needs: string): [reference: string, current: string] {
  if (!values.reference || !values.current) throw new UsageError(needs);
  return [values.reference, values.current];
}

/** A result as the commands print it: indented JSON and a newline. */
export const jsonText = (result: unknown): string => `${JSON.stringify(result, null, 2)}\n`;

/** A command's output to the --out file when given (and not `-`), else to standard output. */
export async function writeOutput(text: string, path: string | undefined, out: (text: string) => void): Promise<void> {
  if (path === undefined || path === STDOUT_PATH) out(text);
  else await writeOutFile(path, text);
}
