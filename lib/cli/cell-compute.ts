import type { Dataset } from '../data/types';
import { CELL_KINDS, cellSpec, type CellConfigs, type CellKind, type CellResults } from '../notebook/registry';
import { INPUT_SLOTS, type ComputeInput, type ComputeOptions, type DatasetsBySlot } from '../notebook/types';
import { UsageError } from './drift-options';

/**
 * Every command ends here: flags became a kind's config, this checks it with the kind's own
 * `validate` (the app's forms call the same) and runs the kind's `compute` — the app's cell
 * computes the very same thing, so the CLI has no analysis code of its own.
 */

/** The kinds that compute something (a note is text only). */
export const COMPUTING_KINDS: readonly CellKind[] = CELL_KINDS.filter((kind) => cellSpec(kind).compute !== undefined);

/** The datasets' descriptions by slot, as `validate` and `defaultConfig` take them. */
export function metasOf(input: ComputeInput): DatasetsBySlot {
  return Object.fromEntries(INPUT_SLOTS.flatMap((slot) => (input[slot] ? [[slot, input[slot]!.meta]] : [])));
}

/** A kind that computes, or a usage error that says why not (a note) and which kinds do. */
export function computingSpec<K extends CellKind>(kind: K) {
  const spec = cellSpec(kind);
  if (!spec.compute) {
    throw new UsageError(
      `${kind}: a ${spec.label.toLowerCase()} computes nothing (its markdown is its content) — run a kind that computes: ${COMPUTING_KINDS.join(', ')}`,
    );
  }
  return { ...spec, compute: spec.compute };
}

/** The kind's `validate` problems as one usage line (exit 2), before any computing. */
export function checkConfig<K extends CellKind>(kind: K, config: CellConfigs[K], datasets?: DatasetsBySlot): void {
  const spec = cellSpec(kind);
  const problems = spec.validate(config, datasets);
  if (problems.length) throw new UsageError(`${spec.label} settings: ${problems.join('; ')}`);
}

/** The required datasets are there, and no dataset the kind does not read. */
export function checkInputs(kind: CellKind, input: ComputeInput): void {
  const { required, optional } = cellSpec(kind).inputs;
  for (const slot of required) if (!input[slot]) throw new UsageError(`${kind} needs --${slot} FILE`);
  for (const slot of INPUT_SLOTS) {
    if (input[slot] && !required.includes(slot) && !optional.includes(slot)) throw new UsageError(`--${slot}: ${kind} reads no ${slot} file — leave it out`);
  }
}

/** Validates the config and runs the kind's compute on the opened datasets. */
export async function computeCell<K extends CellKind>(
  kind: K,
  input: Partial<Record<'reference' | 'current', Dataset>>,
  config: CellConfigs[K],
  options?: ComputeOptions,
): Promise<CellResults[K]> {
  const spec = computingSpec(kind);
  checkInputs(kind, input);
  checkConfig(kind, config, metasOf(input));
  return spec.compute(input, config, options);
}
