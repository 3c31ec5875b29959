/**
 * Runs a suite on a dataset and returns GX 1.x's ExpectationSuiteValidationResult. Each
 * expectation is checked against its spec and run on its own: an error (a missing column, a bad
 * kwarg, a type mismatch) fails that expectation with exception_info, and the run goes on.
 */
import type { Dataset } from '../data/types';
import { AnalysisError, errorMessage } from '../errors';
import { APP_VERSION } from '../version';
import type { ExpectationConfig, ExpectationSuite, ExpectationValidationResult, SuiteValidationResult } from './types';
import { createContext, type ValidationContext } from './context';
import { runnerOf } from './expectations/registry';
import { checkExpectation } from './read-suite';
import { parseResultFormat } from './result-format';

export interface ValidateOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The validation time to record (tests pass a fixed one). */
  now?: () => Date;
}

const NO_EXCEPTION = { raised_exception: false, exception_message: null, exception_traceback: null };

function echo(config: ExpectationConfig): ExpectationValidationResult['expectation_config'] {
  return { type: config.type, kwargs: config.kwargs, meta: config.meta ?? {}, ...(config.id !== undefined ? { id: config.id } : {}) };
}

/** One expectation's result; every error it raises becomes its exception_info. */
export function validateExpectation(config: ExpectationConfig, index: number, context: ValidationContext): ExpectationValidationResult {
  try {
    checkExpectation(config, index);
    if (config.kwargs.row_condition !== undefined && config.kwargs.row_condition !== null) {
      throw new AnalysisError('unsupported', 'row_condition is not supported by Driftbook — run the suite on a segment of the dataset instead');
    }
    const run = runnerOf(config.type)!;
    const format = parseResultFormat(config.kwargs.result_format);
    const { success, result } = run(config.kwargs, context, format);
    return { success, expectation_config: echo(config), result, exception_info: NO_EXCEPTION };
  } catch (error) {
    return {
      success: false,
      expectation_config: echo(config),
      result: {},
      exception_info: { raised_exception: true, exception_message: errorMessage(error), exception_traceback: null },
    };
  }
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AnalysisError('aborted', 'validation cancelled');
}

/** Runs every expectation of the suite in order, yielding between expectations so progress shows and cancel is heard. */
export async function validateDataset(suite: ExpectationSuite, dataset: Dataset, options: ValidateOptions = {}): Promise<SuiteValidationResult> {
  const { onProgress, signal, now = () => new Date() } = options;
  const context = createContext(dataset);
  const results: ExpectationValidationResult[] = [];
  const total = suite.expectations.length;
  for (let i = 0; i < total; i++) {
    checkAborted(signal);
    results.push(validateExpectation(suite.expectations[i]!, i, context));
    onProgress?.(i + 1, total);
    // A macrotask turn, so a cancel posted to the worker is heard between expectations.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  checkAborted(signal);
  const successful = results.filter((r) => r.success).length;
  return {
    success: successful === total,
    statistics: {
      evaluated_expectations: total,
      successful_expectations: successful,
      unsuccessful_expectations: total - successful,
      success_percent: total > 0 ? (successful / total) * 100 : null,
    },
    results,
    suite_name: suite.name,
    meta: {
      validation_time: now().toISOString(),
      engine: `driftbook ${APP_VERSION}`,
      active_batch_definition: {
        datasource_name: 'driftbook',
        data_asset_name: dataset.meta.name,
        batch_identifiers: { sha256: dataset.meta.sha256, ...(dataset.meta.segment ? { segment: dataset.meta.segment } : {}) },
      },
      row_count: dataset.table.numRows,
    },
  };
}
