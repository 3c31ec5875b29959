import { abTest, type AbTestConfig } from '../../compare/abtest';
import type { AbTestResult } from '../../compare/types';
import type { DatasetMeta } from '../../data/types';
import { AnalysisError } from '../../errors';
import { need, type CellKindSpec } from '../types';

/**
 * A/B test cell: the analysis settings (lib/compare/abtest.ts) plus the test's state. `looks`
 * counts how many times the result was opened or re-run while the test is running (the cell
 * counts them; peeking inflates false positives); once `finished`, looks are no longer counted.
 */
export type AbTestCellConfig = Partial<Pick<AbTestConfig, 'variant'>> &
  Omit<AbTestConfig, 'variant'> & {
    looks?: number;
    /** The test has ended: this is the final analysis. */
    finished?: boolean;
  };

/** The test's result with the cell's state; `variantColumn` names the experiment (the `experiment` label of `ab_srm_p_value`). */
export type AbTestCellResult = AbTestResult & { kind: 'abtest'; variantColumn: string; looks: number; finished: boolean };

const NAME_HINTS = {
  variant: /^(variant|arm|bucket|treatment|experiment|ab_?group|group)$/i,
  binary: /(click|convert|conversion|thumbs|success|purchase|signup)/i,
  numeric: /(revenue|dwell|amount|value|spend|duration|time_on)/i,
} as const;

function guess(meta: DatasetMeta | undefined, what: keyof typeof NAME_HINTS, types: readonly string[]): string | undefined {
  return meta?.schema.find((c) => types.includes(c.type) && NAME_HINTS[what].test(c.name))?.name;
}

/** The columns a new A/B cell starts with, guessed from names (variant, clicked, revenue…) and the timestamp role. */
function guessConfig(meta: DatasetMeta | undefined): AbTestCellConfig {
  const variant = guess(meta, 'variant', ['categorical', 'text', 'boolean']);
  const binary = guess(meta, 'binary', ['boolean', 'numeric', 'categorical']);
  const numeric = guess(meta, 'numeric', ['numeric']);
  const timestamp = meta?.schema.find((c) => meta.roles?.[c.name] === 'timestamp' || c.type === 'datetime')?.name;
  return {
    ...(variant ? { variant } : {}),
    ...(binary ? { binary } : {}),
    ...(numeric && numeric !== binary ? { numeric } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
}

/** The analysis settings of a cell config (without its looks and state). */
export function toAbTestConfig(config: AbTestCellConfig): AbTestConfig {
  const { looks: _looks, finished: _finished, variant, ...rest } = config;
  if (!variant) throw new AnalysisError('missing-variant', 'variant: choose the column naming the variant each row saw');
  return { variant, ...rest };
}

/** The config after one more look: counted only while the test is running. */
export function withLook(config: AbTestCellConfig): AbTestCellConfig {
  return config.finished ? config : { ...config, looks: (config.looks ?? 0) + 1 };
}

const inOpenUnit = (x: number | undefined) => x === undefined || (x > 0 && x < 1);
const hasColumn = (meta: DatasetMeta | undefined, name: string) => !meta || meta.schema.some((c) => c.name === name);

export const abtestKind: CellKindSpec<'abtest', AbTestCellConfig, AbTestCellResult> = {
  kind: 'abtest',
  label: 'A/B test',
  description: 'Rates with Wilson intervals, lift (Newcombe), z and Welch tests, Holm, sample-ratio mismatch, planning, rates over time, peeking',
  inputs: { required: ['reference'], optional: [], labels: { reference: 'data' } },
  defaultConfig: (datasets) => guessConfig(datasets?.reference),
  validate(config, datasets) {
    const problems: string[] = [];
    const meta = datasets?.reference;
    if (!config.variant) problems.push('Choose the variant column (which variant each row saw)');
    if (!config.binary && !config.numeric) problems.push('Choose an outcome: a binary column (click, conversion) and/or a numeric one (revenue)');
    if (config.binary !== undefined && config.binary === config.numeric) problems.push('The binary and numeric outcomes are the same column');
    if (config.variant !== undefined && (config.variant === config.binary || config.variant === config.numeric))
      problems.push('The variant column is also an outcome');
    if (!inOpenUnit(config.alpha)) problems.push('α: a probability between 0 and 1 (e.g. 0.05)');
    if (!inOpenUnit(config.power)) problems.push('Power: a probability between 0 and 1 (e.g. 0.8)');
    if (config.effect !== undefined && !(config.effect > 0 && (config.effect < 1 || !config.binary)))
      problems.push(
        config.binary ? 'Effect to plan for: a difference in rate between 0 and 1 (e.g. 0.01)' : 'Effect to plan for: a difference of means above 0',
      );
    for (const [name, share] of Object.entries(config.plannedSplit ?? {}))
      if (!(Number.isFinite(share) && share > 0)) problems.push(`Planned split of "${name}": a positive share (e.g. 50)`);
    if (config.period !== undefined && !config.timestamp) problems.push('Windows need a timestamp column');
    if (config.looks !== undefined && !(Number.isInteger(config.looks) && config.looks >= 0)) problems.push('Looks: a whole number, 0 or more');
    for (const name of [config.variant, config.binary, config.numeric, config.timestamp])
      if (name !== undefined && !hasColumn(meta, name)) problems.push(`Column "${name}" is not in the data: choose it again`);
    return problems;
  },
  compute: async (input, config, options) => {
    const settings = toAbTestConfig(config);
    return {
      ...(await abTest(need(input, 'reference'), settings, { onProgress: options?.onProgress, signal: options?.signal })),
      kind: 'abtest',
      variantColumn: settings.variant,
      looks: config.looks ?? 0,
      finished: config.finished ?? false,
    };
  },
  capabilities: { autoRun: true },
};

/** A planned split as the form shows it: `A=50, B=50`. */
export function plannedSplitText(split: Record<string, number> | undefined): string | undefined {
  return split && Object.keys(split).length
    ? Object.entries(split)
        .map(([name, share]) => `${name}=${share}`)
        .join(', ')
    : undefined;
}

/** `A=50, B=50` → {A: 50, B: 50}; a part without `=` or with a share that is not a number becomes NaN, which validate names. */
export function parsePlannedSplit(text: string | undefined): Record<string, number> | undefined {
  if (!text?.trim()) return undefined;
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    out[name] = at < 0 || part.slice(at + 1).trim() === '' ? NaN : Number(part.slice(at + 1));
  }
  return out;
}
