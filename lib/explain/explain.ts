/**
 * `explain(data, predictor, config, options)`: the Explain cell's and `driftbook explain`'s result —
 * interventional Shapley values of the chosen current rows over a seeded background, global
 * importance, attribution drift against the reference, permutation importance and a local
 * explanation (SHAP + LIME) for one row.
 */
import { AnalysisError } from '../errors';
import type { FeatureBatch, Predictor } from '../models/types';
import { attributionDrift, attributionsOf, meanAbs } from './attribution-drift';
import { sampleBackground } from './background';
import type { CoalitionContext } from './coalitions';
import { baseValueOf, explainRows, planShap } from './explain-rows';
import { readFeatures, takeRows } from './features';
import { limeExplanation } from './lime';
import { linkFor } from './output-space';
import { permutationImportance } from './permutation';
import { readTarget } from './permutation-target';
import type { ExplainConfig, ExplainData, ExplainOptions, ExplainResult, PermutationImportance } from './types';

export const EXPLAIN_DEFAULTS = { maxRows: 1000, backgroundSize: 100, samples: 2048, seed: 42, nRepeats: 5, limeSamples: 5000, limeAlpha: 1, batchRows: 65536 };

function checkRows(rows: readonly number[], n: number, name: string): void {
  for (const r of rows) {
    if (!(Number.isInteger(r) && r >= 0 && r < n))
      throw new AnalysisError('bad-row', `explain: row ${r} is not a data row of ${name} (0–${n - 1}; rows are 0-based)`);
  }
}

function checkFeatures(features: readonly string[]): void {
  if (features.length === 0) throw new AnalysisError('no-features', 'explain: no features — map the model inputs to columns');
  const dup = features.find((f, i) => features.indexOf(f) !== i);
  if (dup !== undefined) throw new AnalysisError('duplicate-feature', `explain: feature "${dup}" is listed twice`);
}

/** Every source must give a feature the same kind (numbers or categories) so coalitions can mix them. */
function checkKinds(features: readonly string[], batches: { name: string; batch: FeatureBatch }[]): void {
  for (const f of features) {
    const kinds = batches.map(({ batch }) => (batch.columns[f] instanceof Float64Array ? 'numeric' : 'categorical'));
    const other = kinds.findIndex((k) => k !== kinds[0]);
    if (other > 0) {
      throw new AnalysisError(
        'feature-type',
        `explain: column "${f}" is ${kinds[0]} in ${batches[0]!.name} but ${kinds[other]} in ${batches[other]!.name} — give it one type`,
      );
    }
  }
}

const firstRows = (n: number, cap: number) => Array.from({ length: Math.min(n, cap) }, (_, i) => i);

export async function explain(data: ExplainData, predictor: Predictor, config: ExplainConfig, options: ExplainOptions = {}): Promise<ExplainResult> {
  const { features } = config;
  checkFeatures(features);
  const seed = config.seed ?? EXPLAIN_DEFAULTS.seed;
  const outputSpace = config.outputSpace ?? 'probability';
  const maxRows = config.maxRows ?? EXPLAIN_DEFAULTS.maxRows;
  const warnings: string[] = [];

  const modelInputs = options.mapping && options.model ? { mapping: options.mapping, inputs: options.model.inputs } : undefined;
  const read = (dataset: ExplainData['current']) => readFeatures(dataset, features, modelInputs);
  const current = read(data.current);
  const sourceKind = data.background ? 'background' : data.reference ? 'reference' : 'current';
  const source = data.background ?? data.reference ?? data.current;
  const sourceBatch = source === data.current ? current : read(source);
  const reference = data.reference ? (source === data.reference ? sourceBatch : read(data.reference)) : undefined;
  checkKinds(features, [
    { name: data.current.meta.name, batch: current },
    { name: source.meta.name, batch: sourceBatch },
  ]);
  if (sourceBatch.rows === 0) throw new AnalysisError('empty-background', `explain: the background (${source.meta.name}) has no rows`);
  const sampled = sampleBackground(sourceBatch.rows, config.backgroundSize ?? EXPLAIN_DEFAULTS.backgroundSize, seed);
  const background = sampled ? takeRows(sourceBatch, sampled) : sourceBatch;

  const rows = config.rows ?? firstRows(current.rows, maxRows);
  checkRows(rows, current.rows, data.current.meta.name);
  if (rows.length === 0) throw new AnalysisError('no-rows', `explain: ${data.current.meta.name} has no rows to explain`);
  const referenceRows =
    reference && config.referenceRows !== 0
      ? (sampleBackground(reference.rows, config.referenceRows ?? maxRows, seed + 1) ?? firstRows(reference.rows, Infinity))
      : [];
  const perm = config.permutation;
  const nRepeats = perm?.nRepeats ?? EXPLAIN_DEFAULTS.nRepeats;
  const permUnits = perm ? nRepeats * features.length * (reference ? 2 : 1) : 0;
  const total = rows.length + referenceRows.length + permUnits + (config.local ? 2 : 0);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);

  const ctx: CoalitionContext = {
    features,
    background,
    predictor,
    link: linkFor(outputSpace),
    batchRows: options.batchRows ?? EXPLAIN_DEFAULTS.batchRows,
    signal: options.signal,
    clipped: 0,
  };
  const plan = planShap(features.length, config.method ?? 'auto', config.samples ?? EXPLAIN_DEFAULTS.samples, seed);
  const baseValue = await baseValueOf(ctx);
  const explained = await explainRows(ctx, plan, takeRows(current, rows), rows, baseValue, tick);
  const result: ExplainResult = {
    schemaVersion: 1,
    model: options.model ?? null,
    output: outputSpace,
    method: plan.method,
    coalitions: plan.coalitions,
    baseValue,
    background: { source: sourceKind, rows: background.rows, ...(sampled ? { sampled } : {}), seed },
    features,
    rows: explained,
    global: meanAbs(attributionsOf(explained, features)),
    warnings,
  };

  if (reference && referenceRows.length) {
    checkKinds(features, [
      { name: data.current.meta.name, batch: current },
      { name: data.reference!.meta.name, batch: reference },
    ]);
    const refExplained = await explainRows(ctx, plan, takeRows(reference, referenceRows), referenceRows, baseValue, tick);
    const refAttributions = attributionsOf(refExplained, features);
    result.reference = { rows: refExplained.length, global: meanAbs(refAttributions) };
    result.attributionDrift = attributionDrift(refAttributions, attributionsOf(explained, features), features, { method: config.driftMethod, seed });
  }

  if (perm) {
    const metric = perm.metric ?? 'accuracy';
    const run = async (dataset: ExplainData['current'], batch: FeatureBatch): Promise<PermutationImportance> =>
      permutationImportance(predictor, batch, readTarget(dataset, perm.target, metric, perm.positiveLabel), {
        metric,
        nRepeats,
        seed,
        batchRows: ctx.batchRows,
        signal: options.signal,
        onRepeat: tick,
      });
    result.permutation = {
      current: await run(data.current, current),
      ...(reference && data.reference ? { reference: await run(data.reference, reference) } : {}),
    };
  }

  if (config.local) {
    const { row } = config.local;
    checkRows([row], current.rows, data.current.meta.name);
    const single = takeRows(current, [row]);
    const local = explained.find((r) => r.index === row) ?? (await explainRows(ctx, plan, single, [row], baseValue, () => {}))[0]!;
    tick();
    const lime = await limeExplanation(ctx, single, 0, row, {
      samples: config.local.samples ?? EXPLAIN_DEFAULTS.limeSamples,
      kernelWidth: config.local.kernelWidth,
      alpha: config.local.alpha ?? EXPLAIN_DEFAULTS.limeAlpha,
      seed,
    });
    tick();
    if (typeof lime === 'string') warnings.push(lime);
    result.local = { row: local, lime: typeof lime === 'string' ? null : lime };
  }
  if (ctx.clipped > 0) warnings.push(`log-odds: ${ctx.clipped} model outputs of exactly 0 or 1 were clipped to [1e-12, 1 − 1e-12] before the logit`);
  return result;
}
