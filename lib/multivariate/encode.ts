/**
 * Features as numbers, as NannyML's DataReconstructionDriftCalculator prepares them
 * (nannyml/drift/multivariate/data_reconstruction/calculator.py, `_fit`), every step fitted on the
 * reference:
 * - missing values imputed: numeric columns by the reference mean (SimpleImputer(strategy='mean')),
 *   categorical ones by the most frequent reference category (SimpleImputer(strategy='most_frequent'):
 *   on a tie the smallest value);
 * - categorical columns frequency-encoded: category_encoders' CountEncoder(normalize=True)
 *   (count.py `_fit_count_encode`) maps each category to its share of the imputed reference rows,
 *   and a category the reference never had to 0 (handle_unknown='value').
 * Numeric columns are continuous; categorical and boolean columns are categories (NannyML's
 * `_split_features_by_type` by pandas dtype: numbers continuous, object/category/bool categorical).
 */
import { readCodes, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { NeumaierSum } from '../stats/neumaier-sum';

export type FeatureEncoding =
  { name: string; kind: 'numeric'; mean: number } | { name: string; kind: 'categorical'; mode: string; shares: Record<string, number> };

/** Python's str ordering (code points), for the imputer's tie rule. */
const byCodePoint = (a: string, b: string): number => {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

function kindOf(dataset: Dataset, column: string): 'numeric' | 'categorical' {
  const schema = dataset.meta.schema.find((c) => c.name === column);
  if (!schema)
    throw new AnalysisError(
      'unknown-column',
      `column "${column}": not in ${dataset.meta.name} — its columns are ${dataset.meta.schema.map((c) => c.name).join(', ')}`,
    );
  if (schema.type === 'numeric') return 'numeric';
  if (schema.type === 'categorical' || schema.type === 'boolean') return 'categorical';
  throw new AnalysisError(
    'bad-column-type',
    `column "${column}": ${schema.type} columns are not features for multivariate drift — leave it out of the columns`,
  );
}

function numbersOf(dataset: Dataset, column: string): Float64Array {
  const values = readNumbers(dataset.table, column);
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Infinity || values[i] === -Infinity)
      throw new AnalysisError(
        'non-finite',
        `column "${column}" in ${dataset.meta.name}: row ${i + 1} holds ${values[i]} — PCA needs finite numbers; fix or drop it`,
      );
  }
  return values;
}

/** Fits imputation and frequency encoding of `columns` on the reference. */
export function fitEncoding(reference: Dataset, columns: readonly string[]): FeatureEncoding[] {
  return columns.map((name): FeatureEncoding => {
    const empty = () => new AnalysisError('all-missing', `column "${name}": every reference row is missing — there is nothing to impute from; leave it out`);
    if (kindOf(reference, name) === 'numeric') {
      const values = numbersOf(reference, name);
      const sum = new NeumaierSum();
      let n = 0;
      for (const x of values) {
        if (x === x) {
          sum.add(x);
          n++;
        }
      }
      if (n === 0) throw empty();
      return { name, kind: 'numeric', mean: sum.value / n };
    }
    const { codes, categories } = readCodes(reference.table, name);
    const counts = new Float64Array(categories.length);
    let missing = 0;
    for (const c of codes) {
      if (c < 0) missing++;
      else counts[c]!++;
    }
    if (missing === codes.length) throw empty();
    const top = Math.max(...counts);
    const mode = categories.filter((_, k) => counts[k] === top).sort(byCodePoint)[0]!;
    const shares: Record<string, number> = {};
    categories.forEach((category, k) => {
      shares[category] = (counts[k]! + (category === mode ? missing : 0)) / codes.length;
    });
    return { name, kind: 'categorical', mode, shares };
  });
}

/** The dataset's rows as an n × features row-major matrix, imputed and encoded by `encoding`. */
export function encodeRows(dataset: Dataset, encoding: readonly FeatureEncoding[]): Float64Array {
  const n = dataset.table.numRows;
  const f = encoding.length;
  const out = new Float64Array(n * f);
  encoding.forEach((feature, j) => {
    if (kindOf(dataset, feature.name) !== feature.kind)
      throw new AnalysisError(
        'type-mismatch',
        `column "${feature.name}": ${feature.kind} in the reference but not in ${dataset.meta.name} — give both files the same column types`,
      );
    if (feature.kind === 'numeric') {
      const values = numbersOf(dataset, feature.name);
      for (let i = 0; i < n; i++) out[i * f + j] = values[i]! === values[i]! ? values[i]! : feature.mean;
      return;
    }
    const { codes, categories } = readCodes(dataset.table, feature.name);
    const mode = feature.shares[feature.mode]!;
    const shareOf = categories.map((c) => (Object.prototype.hasOwnProperty.call(feature.shares, c) ? feature.shares[c]! : 0));
    for (let i = 0; i < n; i++) out[i * f + j] = codes[i]! < 0 ? mode : shareOf[codes[i]!]!;
  });
  return out;
}
