import { errorMessage } from '../../lib/errors';
import { checkMapping, defaultMapping, matrixWidth } from '../../lib/models/mapping';
import { defaultOutput } from '../../lib/models/score';
import type { InputMapping, ModelMeta, OutputChoice } from '../../lib/models/types';

/**
 * The mapping an editor starts from: lib/models' default (inputs by name, or the first F columns of a
 * single [N,F] input), or — when some input has no column of its name — the inputs that do match, the
 * others left for the user to map.
 */
export function proposedMapping(model: Pick<ModelMeta, 'inputs'>, columns: readonly string[]): InputMapping {
  try {
    return defaultMapping(model.inputs, columns);
  } catch {
    const only = model.inputs.length === 1 ? model.inputs[0]! : undefined;
    if (only && matrixWidth(only) !== undefined) return { kind: 'matrix', input: only.name, columns: [] };
    const mapped: Record<string, string> = {};
    for (const input of model.inputs) {
      try {
        Object.assign(mapped, (defaultMapping([input], columns) as Extract<InputMapping, { kind: 'per-column' }>).columns);
      } catch {
        // Left unmapped: the editor shows it and the problem line says so.
      }
    }
    return { kind: 'per-column', columns: mapped };
  }
}

/** Why the mapping cannot run on these columns (lib/models' checkMapping message), or undefined. */
export function mappingProblem(model: Pick<ModelMeta, 'inputs'>, mapping: InputMapping, columns: readonly string[]): string | undefined {
  try {
    checkMapping(mapping, model.inputs, columns);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/** The output shown when the config names none (the engine applies the same default, knowing the graph's ZipMaps). */
export function shownOutput(model: Pick<ModelMeta, 'outputs'>): OutputChoice {
  return defaultOutput({ outputs: model.outputs, zipMaps: [] }) ?? { output: model.outputs[0]?.name ?? '', index: 0 };
}
