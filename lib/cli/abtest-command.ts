/**
 * `driftbook abtest`: the A/B test cell (lib/notebook/kinds/abtest.ts → lib/compare/abtest.ts) on one
 * file, one row per user or session. Flags become the cell's config, checked by the kind's
 * `validate`; the JSON is the cell's result without the cell's own state (kind, looks, finished).
 */
import type { AbTestCellConfig, AbTestCellResult } from '../notebook/kinds/abtest';
import { parsePlannedSplit } from '../notebook/kinds/abtest';
import { PERIODS, type Period } from '../stream/windows';
import { computeCell } from './cell-compute';
import { jsonText, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { load, readSettings } from './read-options';
import { singleSegment } from './segment-options';

export const ABTEST_OPTION_SPECS = {
  data: { type: 'string' },
  variant: { type: 'string' },
  control: { type: 'string' },
  binary: { type: 'string' },
  numeric: { type: 'string' },
  timestamp: { type: 'string' },
  period: { type: 'string' },
  'time-zone': { type: 'string' },
  'planned-split': { type: 'string' },
  alpha: { type: 'string' },
  power: { type: 'string' },
  effect: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof ABTEST_OPTION_SPECS, string>>;

function number(text: string, flag: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) throw new UsageError(`${flag}: ${text} is not a number`);
  return x;
}

function period(text: string): Period {
  if (!(PERIODS as readonly string[]).includes(text)) throw new UsageError(`--period: ${text} — use ${PERIODS.join(', ')}`);
  return text as Period;
}

/** The cell config the flags describe (usage mistakes are UsageErrors: exit 2, one line). */
export function toAbTestCellConfig(values: Values): AbTestCellConfig {
  const { variant, control, binary, numeric, timestamp } = values;
  if (!variant || (binary === undefined && numeric === undefined)) {
    throw new UsageError('abtest needs --variant COL and an outcome: --binary COL (0/1, true/false) and/or --numeric COL');
  }
  if (values.period !== undefined && timestamp === undefined) throw new UsageError('--period: windows need --timestamp COL');
  const split = values['planned-split'];
  const plannedSplit = parsePlannedSplit(split);
  if (split !== undefined && !plannedSplit) throw new UsageError(`--planned-split: "${split}" — give shares as A=50,B=50`);
  return {
    variant,
    ...(control !== undefined ? { control } : {}),
    ...(binary !== undefined ? { binary } : {}),
    ...(numeric !== undefined ? { numeric } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(values.period !== undefined ? { period: period(values.period) } : {}),
    ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
    ...(plannedSplit ? { plannedSplit } : {}),
    ...(values.alpha !== undefined ? { alpha: number(values.alpha, '--alpha') } : {}),
    ...(values.power !== undefined ? { power: number(values.power, '--power') } : {}),
    ...(values.effect !== undefined ? { effect: number(values.effect, '--effect') } : {}),
  };
}

/** The CLI's abtest JSON (issue 17's shape): the cell's result without the cell's state. */
export function abtestJson(result: AbTestCellResult) {
  const { kind: _kind, variantColumn: _variantColumn, looks: _looks, finished: _finished, ...rest } = result;
  return rest;
}

/** `driftbook abtest --data F --variant v [--control A] [--binary y] [--numeric x] [--planned-split A=50,B=50] [--alpha 0.05] [--power 0.8] …`. */
export async function abtestCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, ABTEST_OPTION_SPECS);
  if (!values.data) throw new UsageError('abtest needs --data FILE (one row per user or session, with a variant column)');
  const config = toAbTestCellConfig(values);
  const dataset = await load(values.data, readSettings(values), singleSegment(values));
  const result = await computeCell('abtest', { reference: dataset }, config);
  await writeOutput(jsonText(abtestJson(result)), values.out, out);
}
