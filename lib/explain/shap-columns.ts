/**
 * Explanations without a model: per-row attributions written by Python's shap as `shap_<feature>`
 * columns feed the same global importance and attribution-drift views.
 */
import { readLabels, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { attributionDrift, meanAbs, type Attributions } from './attribution-drift';
import type { ExplainedRow, ExplainResult, OutputSpace } from './types';

export const SHAP_PREFIX = 'shap_';

/** Features with a `shap_<feature>` column in the dataset, in column order. */
export function shapColumnFeatures(dataset: Dataset): string[] {
  return dataset.meta.schema.filter((c) => c.name.startsWith(SHAP_PREFIX) && c.name.length > SHAP_PREFIX.length).map((c) => c.name.slice(SHAP_PREFIX.length));
}

function attributionsFrom(dataset: Dataset, features: readonly string[]): Attributions {
  return Object.fromEntries(features.map((f) => [f, readNumbers(dataset.table, SHAP_PREFIX + f)]));
}

export interface ShapColumnsOptions {
  /** Rows to list in `rows` (0-based); absent: the first `maxRows`. */
  rows?: number[];
  maxRows?: number;
  driftMethod?: string;
  seed?: number;
  /** The space the attributions are in, as the user states it (shap's default is the model's raw output). */
  outputSpace?: OutputSpace;
}

/** The explain result of `shap_` columns: global mean |SHAP| over all rows, attribution drift against the reference's columns. */
export function explainShapColumns(current: Dataset, reference: Dataset | undefined, options: ShapColumnsOptions = {}): ExplainResult {
  const features = shapColumnFeatures(current);
  if (features.length === 0) {
    throw new AnalysisError(
      'no-shap-columns',
      `explain: ${current.meta.name} has no shap_<feature> columns — choose a model, or add shap's per-row values as shap_<feature> columns`,
    );
  }
  const warnings: string[] = [];
  const cur = attributionsFrom(current, features);
  // The features' own values, when the data carry them (for dependence plots).
  const own = new Map(features.filter((f) => current.meta.schema.some((c) => c.name === f)).map((f) => [f, readLabels(current.table, f)]));
  const n = current.table.numRows;
  const picked = options.rows ?? Array.from({ length: Math.min(n, options.maxRows ?? 1000) }, (_, i) => i);
  const rows: ExplainedRow[] = picked.map((index) => {
    if (!(Number.isInteger(index) && index >= 0 && index < n))
      throw new AnalysisError('bad-row', `explain: row ${index} is not a data row of ${current.meta.name} (0–${n - 1})`);
    const values: ExplainedRow['values'] = {};
    const shap: Record<string, number> = {};
    for (const f of features) {
      shap[f] = cur[f]![index]!;
      values[f] = own.get(f)?.[index] ?? null;
    }
    return { index, prediction: null, shap, values };
  });
  const result: ExplainResult = {
    schemaVersion: 1,
    model: null,
    output: options.outputSpace ?? 'probability',
    method: 'shap-columns',
    coalitions: 0,
    baseValue: null,
    background: null,
    features,
    rows,
    global: meanAbs(cur),
    warnings,
  };
  if (reference) {
    const missing = features.filter((f) => !reference.meta.schema.some((c) => c.name === SHAP_PREFIX + f));
    if (missing.length) warnings.push(`reference has no shap_ column for ${missing.join(', ')}: attribution drift not computed`);
    else {
      const ref = attributionsFrom(reference, features);
      result.reference = { rows: reference.table.numRows, global: meanAbs(ref) };
      result.attributionDrift = attributionDrift(ref, cur, features, { method: options.driftMethod, seed: options.seed ?? 42 });
    }
  }
  return result;
}
