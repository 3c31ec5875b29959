import { describe, expect, it } from 'vitest';
import { applySegment } from '../../../../lib/data/frame';
import { ingestCsv } from '../../../../lib/data/ingest';
import { validationKind } from '../../../../lib/notebook/kinds/validation';
import { validationRows, validationSummary } from '../../../../lib/notebook/view/validation-rows';
import { profileSuite } from '../../../../lib/validation/profile';
import type { ExpectationSuite } from '../../../../lib/validation/types';
import { readFixture } from '../../../support';

/**
 * The Validation cell's compute on tests/fixtures/validation-profile (generate_validation_profile.py):
 * a suggested suite is profileSuite of the reference, run on the chosen dataset; a suite of its own
 * runs as given; the shared rows say what the cell and the report show.
 */

const DIR = 'tests/fixtures/validation-profile';
const read = (file: string) => ingestCsv(readFixture(`${DIR}/${file}`), file);

describe('the validation kind', () => {
  it('without a suite, suggests one from the reference and runs it on the current data (the planted faults fail)', async () => {
    const reference = await read('reference.csv');
    const current = await read('damaged.csv');
    const config = validationKind.defaultConfig({ reference: reference.meta, current: current.meta });
    expect(config).toEqual({ suite: null, dataset: 'current' });
    expect(validationKind.validate(config, { reference: reference.meta, current: current.meta })).toEqual([]);
    const result = await validationKind.compute!({ reference, current }, config);
    expect(result.suite).toEqual(profileSuite(reference));
    expect(result).toMatchObject({ kind: 'validation', dataset: 'current', data: { name: 'damaged.csv', rows: 240 } });
    expect(result.notes).toEqual(['suite suggested from reference.csv (240 rows): edit it or export it to keep it']);
    expect(result.result.success).toBe(false);
    const failed = validationRows(result).filter((r) => !r.success);
    expect(failed.find((r) => r.type === 'expect_column_values_to_be_in_set' && r.column === 'country')).toMatchObject({
      observed: '1 of 240 unexpected',
      unexpected: '0.4%',
      sample: ['"XX"'],
    });
    expect(failed.find((r) => r.type === 'expect_column_values_to_be_unique')).toMatchObject({ column: 'id', sample: ['1005', '1005'] });
    const { text, success } = validationSummary(result);
    expect(success).toBe(false);
    const n = result.suite.expectations.length;
    expect(text).toBe(`${n - failed.length} of ${n} expectations met (${Number(((100 * (n - failed.length)) / n).toFixed(1))}%)`);
  });

  it('runs its own suite as given on a segment of the reference; a missing column is an exception row', async () => {
    const reference = applySegment(await read('reference.csv'), "d => d.country === 'FR'");
    const suite: ExpectationSuite = {
      name: 'fr only',
      expectations: [
        { type: 'expect_column_values_to_be_in_set', kwargs: { column: 'country', value_set: ['FR'] } },
        { type: 'expect_column_mean_to_be_between', kwargs: { column: 'qty', min_value: 0, max_value: 10 } },
        { type: 'expect_column_values_to_not_be_null', kwargs: { column: 'gone' } },
      ],
    };
    const result = await validationKind.compute!({ reference }, { suite, dataset: 'reference' });
    expect(result.suite).toEqual(suite);
    expect(result.data).toEqual({ name: 'reference.csv', rows: reference.table.numRows, segment: "d => d.country === 'FR'" });
    expect(result.data.rows).toBeGreaterThan(40);
    const rows = validationRows(result);
    expect(rows.map((r) => r.success)).toEqual([true, true, false]);
    expect(rows[2]).toMatchObject({ column: 'gone', observed: '—', exception: expect.stringContaining('"gone"') });
    expect(result.result.statistics).toMatchObject({ evaluated_expectations: 3, successful_expectations: 2 });
  });

  it('says why a config cannot run, in the words the form and the CLI show', async () => {
    const reference = await read('reference.csv');
    const metas = { reference: reference.meta };
    expect(validationKind.validate({ suite: null, dataset: 'current' }, metas)).toEqual(['choose a current dataset to run the suite on']);
    expect(validationKind.validate({ suite: null, dataset: 'reference', margin: -1, k: Number.NaN }, metas)).toEqual([
      'margin: -1 is not a number of 0 or more',
      'k: NaN is not a number of 0 or more',
    ]);
    const bad = { name: 's', expectations: [{ type: 'expect_column_values_to_be_unique', kwargs: { column: 'id', colum: 'x' } }] };
    const [problem] = validationKind.validate({ suite: bad, dataset: 'reference' }, metas);
    expect(problem).toMatch(/expectation 1 \(expect_column_values_to_be_unique\).*"colum"/);
  });
});
