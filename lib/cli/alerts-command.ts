/**
 * `driftbook alerts --rules rules.json --format prometheus --out rules.yml [--test-out rules.test.yml]`:
 * a Driftbook rules file (README "Alert rules") as a Prometheus alerting-rules file, and beside it a
 * `promtool test rules` file showing each rule fires above its threshold and not below it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { promtoolTestYaml } from '../alerts/prom-rules-test';
import { alertingRulesYaml, DEFAULT_GROUP, DEFAULT_INTERVAL, intervalMs } from '../alerts/prom-rules';
import { readRulesFile } from '../alerts/rules';
import type { RulesFile } from '../alerts/types';
import { DriftbookError } from '../errors';
import { parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { checkOutPath, STDOUT_PATH, writeOutFile } from './out-file';
import { checkFormat } from './prometheus-format';

const ALERTS_OPTION_SPECS = {
  rules: { type: 'string' },
  format: { type: 'string', default: 'prometheus' },
  'test-out': { type: 'string' },
  group: { type: 'string' },
  interval: { type: 'string' },
} as const;

/** The rules file at `path`, checked; every problem on one line (a file's problems are usually several). */
async function readRules(path: string): Promise<RulesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `--rules: ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'} — give a rules JSON file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--rules: ${path}: not JSON (${(error as Error).message}) — export the rules from the app's Alerts tab`);
  }
  try {
    return readRulesFile(json);
  } catch (error) {
    if (error instanceof DriftbookError) throw new UsageError(`--rules: ${path}: ${error.message.split('\n').join('; ')}`);
    throw error;
  }
}

/** The rules file's path as written in the test file: relative to the test file's folder. */
const rulesPathFrom = (testOut: string, rulesOut: string): string => relative(dirname(resolve(testOut)), resolve(rulesOut)) || rulesOut;

export async function alertsCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, ALERTS_OPTION_SPECS);
  checkFormat(values.format, ['prometheus']);
  if (!values.rules) throw new UsageError('alerts needs --rules FILE (a Driftbook rules JSON file) — e.g. --rules rules.json --out rules.yml');
  const testOut = values['test-out'];
  if (testOut !== undefined) {
    if (values.out === undefined || values.out === STDOUT_PATH)
      throw new UsageError('--test-out needs --out FILE: the test file names the rules file it tests');
    checkOutPath(testOut);
    if (resolve(testOut) === resolve(values.out)) throw new UsageError('--test-out: the same path as --out — give the test file its own name');
  }
  const options = { group: values.group ?? DEFAULT_GROUP, interval: values.interval ?? DEFAULT_INTERVAL };
  if (options.group.trim() === '') throw new UsageError('--group: empty — give the rule group a name');
  try {
    intervalMs(options.interval);
  } catch (error) {
    throw new UsageError(`--interval: ${(error as Error).message.replace(/^\w+: /, '')}`);
  }
  const { rules } = await readRules(values.rules);
  const yaml = alertingRulesYaml(rules, options);
  const test = testOut === undefined ? undefined : promtoolTestYaml(rules, { ...options, rulesFile: rulesPathFrom(testOut, values.out!) });
  await writeOutput(yaml, values.out, out);
  if (testOut !== undefined && test !== undefined) await writeOutFile(testOut, test);
}
