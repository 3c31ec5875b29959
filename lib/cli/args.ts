import type { ParseArgsConfig } from 'node:util';
import { STDIN_PATH } from '../data/read-file';
import { UsageError } from './drift-options';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

// -1, -0.5, -.5, -1e3, -Infinity, -inf, -NaN: values a user means as numbers (or labels such as -1, tokens such as -999).
const NEGATIVE_NUMBER = /^-(?:\d|\.\d|inf(?:inity)?$|nan$)/i;

/**
 * Arguments with `--option -1` written as `--option=-1` for options that take a value. Node's
 * parseArgs reads a value starting with "-" as a possible option and refuses it as "ambiguous";
 * joined, the value reaches the option's own check ("--threshold: -1 is not a number ≥ 0") or is
 * used as given (`--pos-label -1`, `--missing -999`). Other dash values are left to parseArgs,
 * so a forgotten value (`--reference --current c.csv`) is still reported as such. Stops at `--`.
 */
export function joinNegativeValues(args: readonly string[], options: OptionSpecs): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...joined, ...args.slice(i)];
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** The options that name an input file. */
const INPUT_OPTIONS = ['reference', 'current', 'data'] as const;

/**
 * Standard input can be read once: `-` may stand for one input only. (The same regular file
 * twice is fine: it is read twice, e.g. for two segments of one file.)
 */
export function checkStdinOnce(values: Partial<Record<(typeof INPUT_OPTIONS)[number], unknown>>): void {
  const readers = INPUT_OPTIONS.filter((name) => values[name] === STDIN_PATH);
  if (readers.length > 1) {
    throw new UsageError(`--${readers[1]}: - (standard input) is already --${readers[0]} — standard input can be read once; save one of them to a file`);
  }
}
