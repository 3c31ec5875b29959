import { AnalysisError } from '../errors';
import { defaultMapping, checkMapping } from '../models/mapping';
import { openModel, type ModelSession, type OnnxRuntime } from '../models/runtime';
import { defaultOutput, predictorFor } from '../models/score';
import type { ModelMeta } from '../models/types';
import type { ModelOpener } from './types';

/** A stored model's description and bytes (IndexedDB in the app; a file in the CLI and tests). */
export type ModelLoader = (id: string) => Promise<{ meta: ModelMeta; bytes: Uint8Array }>;

/**
 * The ModelOpener a host passes to the kinds that run a model: loads the model, opens a session with
 * the host's runtime (kept per SHA-256, so re-running a cell does not re-create it), fills in the
 * default mapping (inputs by name) and output (the positive class's probability) and checks them
 * against the dataset's columns with lib/models' messages.
 */
export function modelOpener(runtime: OnnxRuntime, load: ModelLoader, keep = 2): ModelOpener {
  const sessions = new Map<string, Promise<ModelSession>>();
  const session = (sha256: string, bytes: Uint8Array) => {
    let opened = sessions.get(sha256);
    if (!opened) {
      opened = openModel(runtime, bytes);
      opened.catch(() => sessions.delete(sha256));
      sessions.set(sha256, opened);
      if (sessions.size > keep) sessions.delete(sessions.keys().next().value!);
    }
    return opened;
  };
  return async (id, choice) => {
    const { meta, bytes } = await load(id);
    const model = await session(meta.sha256, bytes);
    const columns = choice.dataset.schema.map((c) => c.name);
    const mapping = choice.mapping ?? defaultMapping(model.graph.inputs, columns);
    checkMapping(mapping, model.graph.inputs, columns);
    const output = choice.output ?? defaultOutput(model.graph);
    if (!output)
      throw new AnalysisError(
        'no-numeric-output',
        `model ${meta.name}: no numeric output to explain — its outputs: ${meta.outputs.map((o) => o.name).join(', ')}`,
      );
    return { meta, mapping, output, predictor: predictorFor(model, mapping, output) };
  };
}
