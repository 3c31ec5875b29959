/**
 * Stored ONNX models put to work where the engine runs (the worker, or Node in tests): open one with
 * onnxruntime-web, and score a dataset into a stored derived dataset. The engine's addModel /
 * scoreDataset and cell kinds that need a model (explain) call these.
 */
import type { Dataset, DatasetMeta } from '../data/types';
import type { DriftbookDb } from '../store/db';
import { loadModel, saveModel } from '../store/models';
import { saveDataset } from '../store/datasets';
import { checkMapping, defaultMapping } from '../models/mapping';
import { derivedDataset } from '../models/derived';
import { readFeatures } from '../models/feeds';
import { modelMeta } from '../models/meta';
import { openModel, type ModelSession, type OnnxRuntime } from '../models/runtime';
import { scoreBatch } from '../models/score';
import type { InputMapping, ModelMeta } from '../models/types';
import { loadWebRuntime } from '../models/web-runtime';

/**
 * Stores an ONNX file once onnxruntime has opened it, so a file it cannot run is refused when
 * added (an `onnx-load` or `onnx-malformed` error), not when first used.
 */
export async function addStoredModel(db: DriftbookDb, bytes: Uint8Array, name: string, runtime?: OnnxRuntime): Promise<ModelMeta> {
  const meta = await modelMeta(bytes, name, globalThis.crypto.randomUUID());
  const model = await openModel(runtime ?? (await loadWebRuntime()), bytes);
  await model.session.release();
  return saveModel(db, meta, bytes);
}

/** A stored model opened for scoring; release `session.session` when done. */
export async function openStoredModel(db: DriftbookDb, id: string, runtime?: OnnxRuntime): Promise<{ meta: ModelMeta; model: ModelSession }> {
  const { meta, bytes } = await loadModel(db, id);
  return { meta, model: await openModel(runtime ?? (await loadWebRuntime()), bytes) };
}

export interface ScoreStoredOptions {
  /** Default: each input takes the column of its name (defaultMapping). */
  mapping?: InputMapping;
  /** Outputs to add (default: every tensor output). */
  outputs?: string[];
  onProgress?: (done: number, total: number) => void;
  runtime?: OnnxRuntime;
}

/** Scores a dataset with a stored model and stores the result as a new dataset (lib/models/derived.ts). */
export async function scoreStoredDataset(db: DriftbookDb, modelId: string, source: Dataset, options: ScoreStoredOptions = {}): Promise<DatasetMeta> {
  const { meta, model } = await openStoredModel(db, modelId, options.runtime);
  try {
    const columns = source.table.schema.fields.map((f) => f.name);
    const mapping = options.mapping ?? defaultMapping(model.graph.inputs, columns);
    checkMapping(mapping, model.graph.inputs, columns);
    const batch = readFeatures(source.table, mapping, model.graph.inputs);
    const result = await scoreBatch(model, mapping, batch, options.outputs, { onProgress: options.onProgress });
    const derived = await derivedDataset(source, meta, mapping, result, { id: globalThis.crypto.randomUUID(), zipMaps: model.graph.zipMaps });
    return await saveDataset(db, { meta: derived.meta, ipc: derived.ipc });
  } finally {
    await model.session.release();
  }
}
