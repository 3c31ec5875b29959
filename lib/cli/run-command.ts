import { CELL_KINDS, cellSpec, isKnownKind, type CellConfigs, type CellKind } from '../notebook/registry';
import { computeCell, computingSpec, metasOf } from './cell-compute';
import { cellReportHtml, type CellOutput } from './cell-report';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, writeOutput } from './command-io';
import { UsageError } from './drift-options';
import { checkFormat, prometheusText } from './prometheus-format';
import { load, readSettings } from './read-options';
import { segmentSettings } from './segment-options';

const RUN_OPTION_SPECS = {
  ...PAIR_OPTION_SPECS,
  kind: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string', default: 'json' },
  title: { type: 'string' },
} as const;

/** --config: a JSON object of the kind's settings, as a cell stores them. */
function parseConfig(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config: not JSON (${(error as Error).message}) — give an object such as '{"column": "age"}'`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`--config: ${text} is not a JSON object — give one such as '{"column": "age"}'`);
  return parsed as Record<string, unknown>;
}

function kindOf(text: string | undefined): CellKind {
  if (text === undefined) throw new UsageError(`run needs --kind KIND — the kinds are: ${CELL_KINDS.join(', ')}`);
  if (!isKnownKind(text)) throw new UsageError(`--kind: ${text} is not a cell kind — the kinds are: ${CELL_KINDS.join(', ')}`);
  return text;
}

/**
 * `driftbook run --kind K [--config JSON] --reference R [--current C]`: any cell kind, as the app
 * runs it — the config is the kind's defaults for these files (a new cell's) under the given
 * settings, checked by the kind's `validate`; the JSON is the kind's result as the app stores it.
 */
export async function runCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, RUN_OPTION_SPECS);
  const kind = kindOf(values.kind);
  computingSpec(kind); // a note says so before any file is read
  const settings = parseConfig(values.config);
  const format = checkFormat(values.format, ['json', 'html', 'prometheus']);
  if (!values.reference) throw new UsageError(`run needs --reference FILE${cellSpec(kind).inputs.required.includes('current') ? ' and --current FILE' : ''}`);
  const read = readSettings(values);
  const segments = segmentSettings(values, values.current !== undefined);
  const reference = await load(values.reference, read, segments.reference);
  const current = values.current === undefined ? undefined : await load(values.current, read, segments.current);
  const input = { reference, ...(current ? { current } : {}) };
  // The kind's typed config: its defaults under the user's JSON (a wrong field type is the kind's validate's or compute's to refuse).
  const config = { ...cellSpec(kind).defaultConfig(metasOf(input)), ...settings } as CellConfigs[typeof kind];
  const result = await computeCell(kind, input, config);
  const text =
    format === 'html'
      ? await cellReportHtml({ kind, config, result, datasets: metasOf(input), segments } as CellOutput<CellKind>, values.title)
      : format === 'prometheus'
        ? prometheusText(kind, result)
        : jsonText(result);
  await writeOutput(text, values.out, out);
}
