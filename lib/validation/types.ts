/**
 * Great Expectations' suite and validation-result shapes (GX Core 1.x JSON), as Driftbook reads,
 * runs and writes them. Plain JSON throughout; kwargs are kept as given and echoed unchanged.
 */

/** One expectation of a GX 1.x suite. */
export interface ExpectationConfig {
  /** snake_case GX type, e.g. `expect_column_values_to_be_between`. */
  type: string;
  kwargs: Record<string, unknown>;
  meta?: Record<string, unknown>;
  id?: string;
  notes?: string | string[] | null;
  description?: string | null;
}

/** A GX Core 1.x expectation suite. */
export interface ExpectationSuite {
  name: string;
  id?: string;
  expectations: ExpectationConfig[];
  meta?: Record<string, unknown>;
  notes?: string | string[] | null;
}

/** A suite read from a file, with what reading it changed (a legacy 0.18 suite converted: a note). */
export interface ReadSuite {
  suite: ExpectationSuite;
  notes: string[];
}

/** GX's SUMMARY result for one expectation (fields present as GX sets them for that expectation kind). */
export interface ExpectationResultDetail {
  element_count?: number;
  missing_count?: number;
  missing_percent?: number | null;
  unexpected_count?: number;
  unexpected_percent?: number | null;
  unexpected_percent_total?: number | null;
  unexpected_percent_nonmissing?: number | null;
  partial_unexpected_list?: unknown[];
  partial_unexpected_counts?: { value: unknown; count: number }[];
  /** 0-based rows of the partial list's values (pandas' default index). */
  partial_unexpected_index_list?: number[];
  /** COMPLETE only. */
  unexpected_list?: unknown[];
  unexpected_index_list?: number[];
  observed_value?: unknown;
  details?: Record<string, unknown>;
}

export interface ExpectationValidationResult {
  success: boolean;
  expectation_config: { type: string; kwargs: Record<string, unknown>; meta: Record<string, unknown>; id?: string };
  result: ExpectationResultDetail;
  exception_info: { raised_exception: boolean; exception_message: string | null; exception_traceback: string | null };
}

/** GX 1.x's ExpectationSuiteValidationResult. */
export interface SuiteValidationResult {
  success: boolean;
  statistics: {
    evaluated_expectations: number;
    successful_expectations: number;
    unsuccessful_expectations: number;
    success_percent: number | null;
  };
  results: ExpectationValidationResult[];
  suite_name: string;
  meta: Record<string, unknown>;
}
