/**
 * The "Validation" cell: a Great Expectations suite (GX Core 1.x JSON) run on one of the cell's
 * datasets (any segment of it). Without a suite of its own the cell suggests one from the reference
 * (lib/validation/profile.ts) at each run; once the user edits or imports a suite it is the cell's
 * setting. `driftbook validate` runs the same compute on `--data` with `--suite`.
 */
import type { DatasetsBySlot } from '../types';
import { errorMessage } from '../../errors';
import { profileSuite } from '../../validation/profile';
import { readSuite } from '../../validation/read-suite';
import type { ExpectationSuite, SuiteValidationResult } from '../../validation/types';
import { validateDataset } from '../../validation/validate';
import { need, type CellKindSpec } from '../types';

export type ValidationDataset = 'reference' | 'current';

export interface ValidationCellConfig {
  /** The suite to run; null: suggest one from the reference at each run (profileSuite). */
  suite: ExpectationSuite | null;
  /** Which of the cell's datasets the suite runs on. */
  dataset: ValidationDataset;
  /** For a suggested suite: relative margin on the min/max bounds (default 0). */
  margin?: number;
  /** For a suggested suite: mean and stdev bounds ± k standard errors (default 3). */
  k?: number;
}

/** The run: the suite that ran (the suggested one, when the cell had none), where, and GX's result. */
export interface ValidationCellResult {
  kind: 'validation';
  suite: ExpectationSuite;
  dataset: ValidationDataset;
  /** The validated data: its name, rows (after its segment) and segment. */
  data: { name: string; rows: number; segment?: string };
  result: SuiteValidationResult;
  /** What reading or suggesting the suite did (a suggested suite says where it came from). */
  notes: string[];
}

const DATASETS: readonly ValidationDataset[] = ['reference', 'current'];

/** Why this config cannot run, as a form shows it (the CLI prints the same). */
export function validationProblems(config: ValidationCellConfig, datasets?: DatasetsBySlot): string[] {
  const problems: string[] = [];
  if (!DATASETS.includes(config.dataset)) problems.push(`dataset: ${String(config.dataset)} — run the suite on the reference or the current dataset`);
  else if (datasets && !datasets[config.dataset]) problems.push(`choose a ${config.dataset} dataset to run the suite on`);
  for (const option of ['margin', 'k'] as const) {
    const value = config[option];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) problems.push(`${option}: ${String(value)} is not a number of 0 or more`);
  }
  if (config.suite !== null) {
    try {
      readSuite(config.suite);
    } catch (error) {
      problems.push(errorMessage(error));
    }
  }
  return problems;
}

export const validationKind: CellKindSpec<'validation', ValidationCellConfig, ValidationCellResult> = {
  kind: 'validation',
  label: 'Validation',
  description: 'A Great Expectations suite run on a dataset: suggest one from the reference, edit it, export GX JSON',
  inputs: { required: ['reference'], optional: ['current'] },
  defaultConfig: (datasets) => ({ suite: null, dataset: datasets?.current ? 'current' : 'reference' }),
  validate: validationProblems,
  async compute(input, config, options) {
    const data = need(input, config.dataset);
    const notes: string[] = [];
    let suite: ExpectationSuite;
    if (config.suite === null) {
      const reference = need(input, 'reference');
      suite = profileSuite(reference, { margin: config.margin, k: config.k });
      notes.push(`suite suggested from ${reference.meta.name} (${reference.meta.rows} rows): edit it or export it to keep it`);
    } else {
      const read = readSuite(config.suite);
      suite = read.suite;
      notes.push(...read.notes);
    }
    const result = await validateDataset(suite, data, { onProgress: options?.onProgress, signal: options?.signal });
    const { name, segment } = data.meta;
    return { kind: 'validation', suite, dataset: config.dataset, data: { name, rows: data.table.numRows, ...(segment ? { segment } : {}) }, result, notes };
  },
  capabilities: { autoRun: true },
};
