import type { DatasetMeta } from '../../data/types';
import { AnalysisError } from '../../errors';
import { formatScore } from '../../format';
import { explain } from '../../explain/explain';
import { explainShapColumns, SHAP_PREFIX } from '../../explain/shap-columns';
import type { ExplainConfig, ExplainResult } from '../../explain/types';
import { mappedColumns } from '../../models/mapping';
import type { InputMapping, ModelMeta, OutputChoice } from '../../models/types';
import { need, type CellKindSpec, type ComputeInput, type ComputeOptions } from '../types';

/** Where the attributions come from: a stored ONNX model the engine opens, or the data's own `shap_<feature>` columns. */
export type ExplainSource = 'model' | 'shap-columns';

/**
 * The Explain cell's settings: the model (a stored model's id, opened by the engine), how its inputs
 * take the columns, which output is explained, and lib/explain's settings (its `features` are the
 * mapping's columns; with shap_ columns, every shap_<feature> column).
 */
export interface ExplainCellConfig extends Omit<ExplainConfig, 'features'> {
  source?: ExplainSource;
  model?: string;
  /** Default: each model input takes the column of its name (lib/models/mapping.ts). */
  mapping?: InputMapping;
  /** Default: the probability tensor's positive class, or the regressor's output. */
  output?: OutputChoice;
}

/** What the cell shows and the report summarises: lib/explain's result with the model and data it came from. */
export interface ExplainCellResult {
  kind: 'explain';
  source: ExplainSource;
  model: (Pick<ModelMeta, 'id' | 'name' | 'sha256' | 'opset' | 'producer'> & { mapping: InputMapping; output: OutputChoice }) | null;
  reference: { name: string; rows: number };
  current: { name: string; rows: number };
  explanation: ExplainResult;
}

/** Rows explained per side by default: exact SHAP costs 2^features × background model calls per row. */
export const EXPLAIN_ROWS = 200;

const hasShapColumns = (meta?: DatasetMeta) => meta?.schema.some((c) => c.name.startsWith(SHAP_PREFIX)) ?? false;

const rowProblem = (label: string, value: number | undefined, min = 0) =>
  value !== undefined && (!Number.isInteger(value) || value < min) ? [`${label}: a whole number ≥ ${min}`] : [];

function validate(config: ExplainCellConfig, datasets?: Partial<Record<'reference' | 'current', DatasetMeta>>): string[] {
  const problems: string[] = [];
  const source = config.source ?? 'model';
  if (source === 'model' && !config.model) problems.push('Model: choose a stored model (drop a .onnx file in the Models tab)');
  if (source === 'shap-columns' && datasets?.current && !hasShapColumns(datasets.current))
    problems.push(`Attributions: the current data has no ${SHAP_PREFIX}<feature> columns — choose a model instead`);
  problems.push(...rowProblem('Rows explained', config.maxRows, 1), ...rowProblem('Reference rows', config.referenceRows));
  problems.push(...rowProblem('Background rows', config.backgroundSize, 1), ...rowProblem('Seed', config.seed));
  if (config.local) problems.push(...rowProblem('Row to explain', config.local.row));
  const rows = datasets?.current?.rows;
  if (config.local && rows !== undefined && config.local.row >= rows)
    problems.push(`Row to explain: ${config.local.row} is past the current data's last row (${rows - 1})`);
  if (config.permutation && !config.permutation.target) problems.push('Permutation importance: choose the target column');
  return problems;
}

async function compute(input: ComputeInput, config: ExplainCellConfig, options: ComputeOptions = {}): Promise<ExplainCellResult> {
  const reference = need(input, 'reference');
  const current = need(input, 'current');
  const { source = 'model', model: modelId, mapping, output, ...settings } = config;
  const explainConfig = { maxRows: EXPLAIN_ROWS, referenceRows: EXPLAIN_ROWS, ...settings };
  const sides = { reference: { name: reference.meta.name, rows: reference.table.numRows }, current: { name: current.meta.name, rows: current.table.numRows } };
  if (source === 'shap-columns') {
    const { maxRows, rows, driftMethod, seed, outputSpace } = explainConfig;
    const explanation = explainShapColumns(current, explainConfig.referenceRows === 0 ? undefined : reference, {
      maxRows,
      rows,
      driftMethod,
      seed,
      outputSpace,
    });
    return { kind: 'explain' as const, source, model: null, ...sides, explanation };
  }
  if (!modelId) throw new AnalysisError('missing-model', 'Explain: no model chosen — choose a stored model in the cell settings');
  if (!options.openModel)
    throw new AnalysisError('no-model-runtime', 'Explain: this host cannot open models — run the cell in the app, or use `driftbook explain --model`');
  const opened = await options.openModel(modelId, { mapping, output, dataset: current.meta });
  const { meta } = opened;
  const explanation = await explain(
    { reference, current },
    opened.predictor,
    { ...explainConfig, features: mappedColumns(opened.mapping) },
    {
      onProgress: options.onProgress,
      signal: options.signal,
      model: { sha256: meta.sha256, inputs: meta.inputs, outputs: meta.outputs },
    },
  );
  const model = {
    id: meta.id,
    name: meta.name,
    sha256: meta.sha256,
    opset: meta.opset,
    producer: meta.producer,
    mapping: opened.mapping,
    output: opened.output,
  };
  return { kind: 'explain' as const, source, model, ...sides, explanation };
}

export const explainKind: CellKindSpec<'explain', ExplainCellConfig, ExplainCellResult> = {
  kind: 'explain',
  label: 'Explain',
  description:
    "A model's SHAP values: importance reference vs current (attribution drift), beeswarm, dependence, permutation importance, one row's waterfall and LIME",
  inputs: { required: ['reference', 'current'], optional: [] },
  defaultConfig: (datasets) => (hasShapColumns(datasets?.current) && hasShapColumns(datasets?.reference) ? { source: 'shap-columns' } : { source: 'model' }),
  validate,
  compute,
  // Waits for a model to be chosen (Apply runs it).
  capabilities: { autoRun: false },
};

/** One feature's row in the attribution-drift table (the cell and the report show the same). */
export interface AttributionRow {
  feature: string;
  reference: number | null;
  current: number;
  rank: { reference: number | null; current: number };
  method: string | null;
  score: number | null;
  drifted: boolean | null;
  reason?: string;
}

/** Mean |SHAP| per feature on each side, its rank (1 = most important) and its attribution distribution's drift test. */
export function attributionRows(result: ExplainCellResult): AttributionRow[] {
  const { explanation } = result;
  const drift = explanation.attributionDrift;
  const rank = (list: readonly string[] | undefined, feature: string) => (list ? list.indexOf(feature) + 1 || null : null);
  const ordered = drift?.ranking.current ?? [...explanation.features].sort((a, b) => (explanation.global[b] ?? 0) - (explanation.global[a] ?? 0));
  return ordered.map((feature) => {
    const test = drift?.features.find((f) => f.feature === feature);
    return {
      feature,
      reference: explanation.reference?.global[feature] ?? null,
      current: explanation.global[feature] ?? 0,
      rank: { reference: rank(drift?.ranking.reference, feature), current: rank(ordered, feature) ?? 0 },
      method: test?.method ?? null,
      score: test?.score ?? null,
      drifted: test ? test.drifted : null,
      ...(test?.reason ? { reason: test.reason } : {}),
    };
  });
}

/** "Kendall's τ 0.33 (p = 0.6): the ranking changed" — the one-line verdict on the importance ranking. */
export function rankingNote(result: ExplainCellResult): string {
  const drift = result.explanation.attributionDrift;
  if (!drift) return 'no reference rows explained: attribution drift is off';
  const { kendallTau: tau, pValue } = drift;
  const same = drift.ranking.reference.join('\u0000') === drift.ranking.current.join('\u0000');
  const tauText = tau === null ? 'undefined' : formatScore(tau);
  return `Kendall's τ of the importance ranking ${tauText}${pValue === null ? '' : ` (p = ${formatScore(pValue)})`}: ${same ? 'same order on both sides' : 'the order changed'}`;
}

/** How the values were computed: "exact SHAP (8 coalitions a row) · probability · background 100 of reference · 200 rows explained". */
export function explainNote(result: ExplainCellResult): string {
  const e = result.explanation;
  if (e.method === 'shap-columns') return `attributions from the data's shap_ columns · ${e.rows.length} current rows`;
  const how = e.method === 'exact' ? `exact SHAP (${e.coalitions} coalitions a row)` : `Kernel SHAP (${e.coalitions} coalitions a row)`;
  const background = e.background
    ? ` · background ${e.background.rows} rows of ${e.background.source}${e.background.sampled ? ` (seed ${e.background.seed})` : ''}`
    : '';
  const reference = e.reference ? ` and ${e.reference.rows} reference` : '';
  return `${how} · ${e.output}${background} · ${e.rows.length} current${reference} rows explained`;
}
