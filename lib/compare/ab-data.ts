/**
 * The columns of an A/B test read once: each row's variant (sorted names), binary outcome (0/1,
 * true/false) and numeric outcome. Rows without a variant are left out; a missing or non-finite
 * outcome leaves the row out of that metric only. Every row left out is counted in a warning.
 */
import { readCodes, readNumbers } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { normaliseLabel, sortLabels } from '../metrics/labels';

export interface AbData {
  /** Variant names in sorted order (numbers by value, text by code point). */
  names: string[];
  /** Per row: index into `names`, −1 without a variant. */
  variant: Int32Array;
  /** Per row: 1 converted, 0 not, −1 missing; absent without a binary column. */
  binary?: Int8Array;
  /** Per row: the numeric outcome, NaN when missing or not finite; absent without a numeric column. */
  numeric?: Float64Array;
  warnings: string[];
}

const BINARY: Record<string, 0 | 1> = { '0': 0, '1': 1, false: 0, true: 1 };

function checkColumn(dataset: Dataset, column: string, what: string): void {
  if (!dataset.table.getChild(column)) {
    const names = dataset.meta.schema.map((c) => c.name).join(', ');
    throw new AnalysisError('unknown-column', `${what} column "${column}": not in ${dataset.meta.name} — its columns are ${names}`);
  }
}

function readVariants(dataset: Dataset, column: string): { names: string[]; variant: Int32Array } {
  const { codes, categories } = readCodes(dataset.table, column);
  const names = sortLabels(categories);
  const position = new Map(names.map((name, i) => [name, i]));
  const remap = categories.map((c) => position.get(c)!);
  const variant = codes.map((code) => (code < 0 ? -1 : remap[code]!));
  return { names, variant };
}

function readBinary(dataset: Dataset, column: string): Int8Array {
  const { codes, categories } = readCodes(dataset.table, column);
  const values = categories.map((c, k) => {
    const label = normaliseLabel(c);
    const value = label === null ? undefined : BINARY[label.toLowerCase()];
    if (value === undefined) {
      const row = codes.indexOf(k);
      throw new AnalysisError(
        'not-binary',
        `binary outcome "${column}": row ${row + 1} holds "${c}" — use 0/1 or true/false (a numeric outcome goes in the numeric column)`,
      );
    }
    return value;
  });
  return Int8Array.from(codes, (code) => (code < 0 ? -1 : values[code]!));
}

/** Reads the variant and outcome columns of `config` from `dataset`. */
export function readAbData(dataset: Dataset, config: { variant: string; binary?: string; numeric?: string }): AbData {
  checkColumn(dataset, config.variant, 'variant');
  if (config.binary !== undefined) checkColumn(dataset, config.binary, 'binary outcome');
  if (config.numeric !== undefined) checkColumn(dataset, config.numeric, 'numeric outcome');
  if (config.binary === undefined && config.numeric === undefined) {
    throw new AnalysisError('missing-outcome', 'outcome: choose a binary outcome (click, conversion) and/or a numeric one (revenue)');
  }
  const { names, variant } = readVariants(dataset, config.variant);
  const warnings: string[] = [];
  const assigned = variant.reduce((n, v) => n + (v >= 0 ? 1 : 0), 0);
  if (assigned < variant.length) warnings.push(`${variant.length - assigned} rows have no ${config.variant} and are left out`);
  const data: AbData = { names, variant, warnings };
  if (config.binary !== undefined) {
    const binary = readBinary(dataset, config.binary);
    const missing = binary.reduce((n, b, i) => n + (b < 0 && variant[i]! >= 0 ? 1 : 0), 0);
    if (missing) warnings.push(`${missing} rows with a variant have no ${config.binary} and are left out of its rates`);
    data.binary = binary;
  }
  if (config.numeric !== undefined) {
    const numeric = readNumbers(dataset.table, config.numeric);
    let missing = 0;
    let infinite = 0;
    numeric.forEach((x, i) => {
      if (variant[i]! < 0) return;
      if (Number.isNaN(x)) missing++;
      else if (!Number.isFinite(x)) {
        infinite++;
        numeric[i] = NaN;
      }
    });
    if (missing) warnings.push(`${missing} rows with a variant have no ${config.numeric} and are left out of its means`);
    if (infinite) warnings.push(`${infinite} rows have an infinite ${config.numeric} and are left out of its means`);
    data.numeric = numeric;
  }
  return data;
}
