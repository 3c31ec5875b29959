/**
 * What an expectation runs against: the dataset, its columns read once per run, and the shared
 * kwargs readers. A missing column is the error GX raises for it, which becomes exception_info.
 */
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import type { ExpectationResultDetail } from './types';
import { readGxColumn, type GxColumn } from './column-values';
import type { ResultFormat } from './result-format';

export interface ValidationContext {
  dataset: Dataset;
  /** Column names in table order. */
  columnNames: string[];
  /** A column's values (read once per run); a missing column throws GX's error. */
  column(name: string): GxColumn;
}

export interface ExpectationOutcome {
  success: boolean;
  result: ExpectationResultDetail;
}

/** Runs one expectation's kwargs (already checked against its spec) on the context. */
export type ExpectationRunner = (kwargs: Readonly<Record<string, unknown>>, context: ValidationContext, format: ResultFormat) => ExpectationOutcome;

export function createContext(dataset: Dataset): ValidationContext {
  const columnNames = dataset.table.schema.fields.map((f) => f.name);
  const known = new Set(columnNames);
  const cache = new Map<string, GxColumn>();
  return {
    dataset,
    columnNames,
    column(name) {
      // GX 1.x's message (InvalidMetricAccessorDomainKwargsKeyError in the execution engine).
      if (!known.has(name)) throw new AnalysisError('missing-column', `Error: The column "${name}" in BatchData does not exist.`);
      let column = cache.get(name);
      if (!column) {
        column = readGxColumn(dataset, name);
        cache.set(name, column);
      }
      return column;
    },
  };
}

/** A kwarg as a number or null (absent: the default). */
export function numberOrNull(kwargs: Readonly<Record<string, unknown>>, name: string): number | null {
  const value = kwargs[name];
  return typeof value === 'number' ? value : null;
}

export function flag(kwargs: Readonly<Record<string, unknown>>, name: string, fallback: boolean): boolean {
  const value = kwargs[name];
  return typeof value === 'boolean' ? value : fallback;
}

export function columnOf(kwargs: Readonly<Record<string, unknown>>): string {
  return kwargs.column as string;
}
