/**
 * tests/fixtures/explain/explain.json (tests/fixtures/generate_explain.py) and the JS models the
 * tests explain: the fixture's tree ensemble and logistic regression, mirrored in TypeScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import type { Dataset } from '../../../lib/data/types';
import type { FeatureBatch, Predictor } from '../../../lib/models/types';

export interface TreeNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}
type Space = { shap: number[]; baseValue: number; prediction: number };
export interface ShapCase {
  x: number[];
  probability: Space;
  'log-odds': Space;
}
export interface PermutationCase {
  model: 'classifier' | 'regressor';
  metric: string;
  seed: number;
  nRepeats: number;
  importances: number[][];
  mean: number[];
  std: number[];
}
export interface ExplainFixture {
  tree: { base: number; trees: TreeNode[][]; background: number[][]; cases: ShapCase[] };
  logistic: { w: number[]; b: number; background: number[][]; cases: ShapCase[]; closedForm: number[][] };
  permutation: {
    classifier: { coef: number[]; intercept: number; X: number[][]; y: number[]; probabilities: number[] };
    regressor: { coef: number[]; intercept: number; X: number[][]; y: number[] };
    cases: PermutationCase[];
  };
  ridge: { X: number[][]; y: number[]; w: number[]; cases: { alpha: number; coef: number[]; intercept: number; score: number }[] };
  kendall: { x: number[]; y: number[]; tau: number; pValue: number }[];
}

export const FIXTURE = JSON.parse(readFileSync(join(__dirname, '../../fixtures/explain/explain.json'), 'utf8')) as ExplainFixture;

export const featureNames = (m: number) => Array.from({ length: m }, (_, j) => `x${j}`);

/** A numeric dataset from rows (columns x0, x1, … unless named). */
export function datasetOf(name: string, rows: number[][], names = featureNames(rows[0]!.length)): Dataset {
  const table = tableFromArrays(Object.fromEntries(names.map((n, j) => [n, Float64Array.from(rows, (r) => r[j]!)])));
  return {
    table,
    meta: {
      id: name,
      name,
      format: 'csv',
      sha256: '',
      bytes: 0,
      rows: rows.length,
      schema: names.map((n) => ({ name: n, type: 'numeric' as const })),
      warnings: [],
      createdAt: '2026-12-06T00:00:00Z',
    },
  };
}

function numbers(batch: FeatureBatch, name: string): Float64Array {
  const c = batch.columns[name];
  if (!(c instanceof Float64Array)) throw new Error(`test model: ${name} is not numeric`);
  return c;
}

/** sigmoid(base + Σ trees' leaves), x[feature] ≤ threshold going left — the fixture's definition. */
export function treePredictor(trees: TreeNode[][], base: number, names: string[]): Predictor {
  return async (batch) => {
    const cols = names.map((n) => numbers(batch, n));
    const out = new Float64Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      let margin = base;
      for (const tree of trees) {
        let k = 0;
        while (tree[k]!.feature >= 0) k = cols[tree[k]!.feature]![i]! <= tree[k]!.threshold ? tree[k]!.left : tree[k]!.right;
        margin += tree[k]!.value;
      }
      out[i] = 1 / (1 + Math.exp(-margin));
    }
    return out;
  };
}

/** sigmoid(w·x + b), or the linear output itself when `link` is 'identity'. */
export function linearPredictor(w: number[], b: number, names: string[], link: 'sigmoid' | 'identity' = 'sigmoid'): Predictor {
  return async (batch) => {
    const cols = names.map((n) => numbers(batch, n));
    const out = new Float64Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      let z = b;
      for (let j = 0; j < w.length; j++) z += w[j]! * cols[j]![i]!;
      out[i] = link === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : z;
    }
    return out;
  };
}

/** Largest absolute difference between two equal-length vectors. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expectSameLength(a, b);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

function expectSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
}
