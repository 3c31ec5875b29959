import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { ingestCsv } from '../../../lib/data/ingest';
import { profileSuite } from '../../../lib/validation/profile';
import type { ExpectationSuite, SuiteValidationResult } from '../../../lib/validation/types';
import { readFixture, ROOT } from '../../support';

/**
 * `driftbook validate` and `driftbook suite` in-process: exit codes (0 whatever the success, 2 bad
 * input, 3 with --strict on a failure), the GX result on standard output or --out, one-line errors.
 * The data: tests/fixtures/validation-profile (generate_validation_profile.py) — a reference and a
 * copy with planted faults.
 */

const DIR = 'tests/fixtures/validation-profile';
const path = (file: string) => join(ROOT, DIR, file);
const tmp = mkdtempSync(join(tmpdir(), 'driftbook-validate-'));

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function writeSuite(name: string, suite: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(suite));
  return file;
}

const reference = () => ingestCsv(readFixture(`${DIR}/reference.csv`), 'reference.csv');

describe('driftbook suite', () => {
  it('prints the suite profiled from the reference (the cell\'s "Suggest a suite"), with its options', async () => {
    const { code, out, err } = await cli(['suite', '--reference', path('reference.csv'), '--margin', '0.1', '--k', '2', '--name', 'orders']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(profileSuite(await reference(), { margin: 0.1, k: 2, name: 'orders' }))));
  });

  it('refuses a bad margin, k or name, and a missing --reference (exit 2, one line)', async () => {
    for (const [args, message] of [
      [['--margin', '-1'], '--margin: -1 is not a number of 0 or more'],
      [['--k', 'x'], '--k: x is not a number of 0 or more'],
      [['--name', ' '], '--name: the suite name is empty'],
    ] as const) {
      const { code, err } = await cli(['suite', '--reference', path('reference.csv'), ...args]);
      expect(code).toBe(2);
      expect(err).toMatch(new RegExp(`^driftbook: ${message.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}.*\\n$`));
    }
    expect(await cli(['suite'])).toEqual({ code: 2, out: '', err: 'driftbook: suite needs --reference R.csv (the data the suite is profiled from)\n' });
  });
});

describe('driftbook validate', () => {
  const suiteFile = async () => writeSuite('profiled.json', profileSuite(await reference()));

  it('exits 0 with a passing result on the reference, and writes --out', async () => {
    const out = join(tmp, 'result.json');
    const run = await cli(['validate', '--suite', await suiteFile(), '--data', path('reference.csv'), '--out', out, '--strict']);
    expect(run).toEqual({ code: 0, out: '', err: '' });
    const result = JSON.parse(readFileSync(out, 'utf8')) as SuiteValidationResult;
    expect(result.success).toBe(true);
    expect(result.statistics.success_percent).toBe(100);
    expect(result.suite_name).toBe('reference.csv profile');
  });

  it('exits 0 on failed expectations, 3 with --strict (the same result printed)', async () => {
    const args = ['validate', '--suite', await suiteFile(), '--data', path('damaged.csv')];
    const lenient = await cli(args);
    const strict = await cli([...args, '--strict']);
    expect(lenient.code).toBe(0);
    expect(strict.code).toBe(3);
    expect(strict.err).toBe('');
    const result = JSON.parse(strict.out) as SuiteValidationResult;
    expect(result.success).toBe(false);
    const { validation_time: _a, ...meta } = result.meta;
    const { validation_time: _b, ...lenientMeta } = (JSON.parse(lenient.out) as SuiteValidationResult).meta;
    expect({ ...result, meta }).toEqual({ ...(JSON.parse(lenient.out) as SuiteValidationResult), meta: lenientMeta });
    expect(result.statistics.unsuccessful_expectations).toBeGreaterThanOrEqual(6);
  });

  it('a column missing from the data fails its expectation (exception_info) and the run completes: exit 0', async () => {
    const suite: ExpectationSuite = { name: 'gone', expectations: [{ type: 'expect_column_values_to_not_be_null', kwargs: { column: 'nope' } }] };
    const { code, out } = await cli(['validate', '--suite', writeSuite('gone.json', suite), '--data', path('reference.csv')]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as SuiteValidationResult;
    expect(result.results[0]!.exception_info).toMatchObject({ raised_exception: true, exception_message: expect.stringContaining('"nope"') });
  });

  it('reads a legacy 0.18 suite (converted) and runs it', async () => {
    const legacy = {
      expectation_suite_name: 'old',
      expectations: [{ expectation_type: 'expect_column_values_to_be_in_set', kwargs: { column: 'country', value_set: ['FR', 'DE'] } }],
    };
    const { code, out } = await cli(['validate', '--suite', writeSuite('legacy.json', legacy), '--data', path('reference.csv'), '--strict']);
    expect(code).toBe(3);
    const result = JSON.parse(out) as SuiteValidationResult;
    expect(result.suite_name).toBe('old');
    expect(result.results[0]!.expectation_config).toMatchObject({
      type: 'expect_column_values_to_be_in_set',
      kwargs: { column: 'country', value_set: ['FR', 'DE'] },
    });
  });

  it('bad input exits 2 with one line: no flags, an unreadable suite, not JSON, an unknown kwarg, unreadable data', async () => {
    const unknownKwarg = writeSuite('unknown.json', {
      name: 's',
      expectations: [{ type: 'expect_column_values_to_be_unique', kwargs: { column: 'id', colum: 'x' } }],
    });
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{ nope');
    const cases: [string[], RegExp][] = [
      [['validate', '--data', path('reference.csv')], /^driftbook: validate needs --suite S\.json/],
      [
        ['validate', '--suite', join(tmp, 'missing.json'), '--data', path('reference.csv')],
        /^driftbook: --suite: cannot read .*missing\.json \(no such file\)/,
      ],
      [['validate', '--suite', tmp, '--data', path('reference.csv')], /^driftbook: --suite: cannot read .* \(it is a directory\)/],
      [['validate', '--suite', notJson, '--data', path('reference.csv')], /^driftbook: --suite: .*not\.json: /],
      [
        ['validate', '--suite', unknownKwarg, '--data', path('reference.csv')],
        /^driftbook: --suite: .*expectation 1 \(expect_column_values_to_be_unique\).*colum/,
      ],
      [['validate', '--suite', unknownKwarg.replace('unknown', 'x'), '--data', path('nope.csv')], /^driftbook: --suite: cannot read/],
      [['validate', '--suite', await suiteFile(), '--data', path('nope.csv')], /^driftbook: .*nope\.csv/],
      [['validate', '--suite', '-', '--data', path('reference.csv')], /^driftbook: --suite: standard input is not read/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await cli(args);
      expect({ code, out }, args.join(' ')).toEqual({ code: 2, out: '' });
      expect(err, args.join(' ')).toMatch(message);
      expect(err.split('\n')).toHaveLength(2);
    }
  });
});
