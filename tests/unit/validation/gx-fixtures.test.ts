/**
 * Every supported expectation against results computed with pandas/numpy/scipy the way GX 1.x's
 * pandas engine computes them (tests/fixtures/generate_validation.py, which cites the GX source it
 * follows: expectation.py _format_map_output / _mostly_success, the metric providers and
 * expect_column_kl_divergence_to_be_less_than.py _validate). Counts and percents are the same
 * float operations as GX's, so they match exactly; means, deviations and divergences to 1e-12 relative.
 */
import { describe, expect, test } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { validateDataset } from '../../../lib/validation/validate';
import { readFixture, readJson } from '../../support';

interface Case {
  name: string;
  file: string;
  type: string;
  kwargs: Record<string, unknown>;
  success: boolean;
  result: Record<string, unknown>;
  trap?: string;
}

const { cases } = readJson<{ cases: Case[] }>('tests/fixtures/validation/cases.json');
const REL = 1e-12;

/** Deep equality where non-integer numbers may differ by REL relative (summation order). */
function expectLike(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && !Number.isInteger(expected)) {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected) <= REL * Math.abs(expected), `${path}: ${a} vs ${expected}`).toBe(true);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is a list`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => expectLike(list[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    const record = actual as Record<string, unknown>;
    expect(Object.keys(record ?? {}), `${path} keys (in GX's order)`).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expectLike(record[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

const datasets = new Map<string, Promise<Dataset>>();
const open = (file: string) => {
  if (!datasets.has(file)) datasets.set(file, ingestCsv(readFixture(`tests/fixtures/validation/${file}`), file));
  return datasets.get(file)!;
};

describe('GX 1.x results (SUMMARY), one case per fixture', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const suite = { name: 'fixture', expectations: [{ type: c.type, kwargs: c.kwargs }] };
    const run = await validateDataset(suite, await open(c.file));
    const [result] = run.results;
    expect(result!.exception_info, c.name).toEqual({ raised_exception: false, exception_message: null, exception_traceback: null });
    expect(result!.success, `${c.name}: success`).toBe(c.success);
    expectLike(result!.result, c.result, c.name);
    // kwargs are echoed unchanged.
    expect(result!.expectation_config.kwargs).toBe(c.kwargs);
  });

  test('every trap the issue lists has its own fixture case', () => {
    const traps = new Set(cases.map((c) => c.trap).filter(Boolean));
    for (const trap of [
      'nulls_dropped',
      'mostly_exact',
      'all_null_vacuous',
      'not_null_no_missing_fields',
      'unique_every_copy',
      'regex_unicode',
      'regex_dollar',
      'regex_unanchored',
      'lengths_code_points',
      'set_exact',
      'stdev_ddof1',
      'aggregate_all_null',
      'proportion_all_null',
      'kl_infinite',
      'kl_tail',
    ]) {
      expect(traps.has(trap), trap).toBe(true);
    }
  });
});
