import { formatCount, formatScore, formatShare } from '../../format';
import type { ExpectationValidationResult } from '../../validation/types';
import type { ValidationCellResult } from '../kinds/validation';

/** Values of the unexpected sample shown per expectation (GX keeps up to 20 in the result). */
export const SAMPLE_SHOWN = 5;

/** One expectation's line in the results table, shared by the cell and the report section. */
export interface ValidationRow {
  /** 1-based, as the suite's messages number expectations. */
  index: number;
  type: string;
  /** The column the expectation is about (absent for table expectations). */
  column?: string;
  success: boolean;
  /** The aggregate's observed value, or "u of n unexpected" for a map expectation. */
  observed: string;
  /** Unexpected share of the non-missing values (GX's unexpected_percent), as text; "—" when none applies. */
  unexpected: string;
  /** The first values of GX's partial_unexpected_list, as text (JSON for strings, so spaces show). */
  sample: string[];
  /** The error the expectation raised (a missing column, a bad kwarg). */
  exception?: string;
}

/** A value as JSON text, so "a " and "a" differ on screen; null for JSON's nothing. */
export function valueText(value: unknown): string {
  if (typeof value === 'number') return formatScore(value);
  return JSON.stringify(value) ?? String(value);
}

function observedText(r: ExpectationValidationResult): string {
  const { result } = r;
  if ('observed_value' in result) {
    const value = result.observed_value;
    if (value === null) return 'null';
    if (Array.isArray(value))
      return value.length > SAMPLE_SHOWN ? `${value.slice(0, SAMPLE_SHOWN).map(valueText).join(', ')}, …` : value.map(valueText).join(', ');
    return valueText(value);
  }
  if (result.unexpected_count !== undefined && result.element_count !== undefined) {
    return `${formatCount(result.unexpected_count)} of ${formatCount(result.element_count)} unexpected`;
  }
  return '—';
}

export function validationRow(r: ExpectationValidationResult, i: number): ValidationRow {
  const column = r.expectation_config.kwargs.column;
  const percent = r.result.unexpected_percent;
  return {
    index: i + 1,
    type: r.expectation_config.type,
    ...(typeof column === 'string' ? { column } : {}),
    success: r.success,
    observed: r.exception_info.raised_exception ? '—' : observedText(r),
    unexpected: typeof percent === 'number' ? formatShare(percent / 100) : '—',
    sample: (r.result.partial_unexpected_list ?? []).slice(0, SAMPLE_SHOWN).map(valueText),
    ...(r.exception_info.raised_exception ? { exception: r.exception_info.exception_message ?? 'the expectation raised an error' } : {}),
  };
}

export function validationRows(result: ValidationCellResult): ValidationRow[] {
  return result.result.results.map(validationRow);
}

/** The headline: "12 of 14 expectations met (85.7%)" and whether the run succeeded. */
export function validationSummary(result: ValidationCellResult): { success: boolean; text: string } {
  const { statistics, success } = result.result;
  const share = statistics.success_percent === null ? '' : ` (${formatShare(statistics.success_percent / 100)})`;
  return {
    success,
    text: `${formatCount(statistics.successful_expectations)} of ${formatCount(statistics.evaluated_expectations)} expectations met${share}`,
  };
}

/** The suite as GX 1.x JSON text (Export suite). */
export const suiteJson = (result: Pick<ValidationCellResult, 'suite'>): string => `${JSON.stringify(result.suite, null, 2)}\n`;

/** The validation result as GX 1.x JSON text (Export results), exactly the engine's result. */
export const resultJson = (result: Pick<ValidationCellResult, 'result'>): string => `${JSON.stringify(result.result, null, 2)}\n`;
