import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { APP_VERSION } from '../../../lib/version';
import { ROOT } from '../../support';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const E2E = 'tests/fixtures/e2e';
const fixture = (name: string) => join(ROOT, E2E, name);

describe('driftbook CLI', () => {
  it("report writes the app's notebook report for drift + data quality", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-report-'));
    const out = join(dir, 'report.html');
    const args = ['report', '--reference', fixture('reference.csv'), '--current', fixture('current.csv'), '--out', out, '--threshold', '0.01'];
    const { code, err } = await run(args);
    expect(err).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');

    // The same builder and cells as the app's "Export report" on the default preset.
    const { ingestCsv } = await import('../../../lib/data/ingest');
    const { computeDrift } = await import('../../../lib/drift/compute-drift');
    const { computeQuality } = await import('../../../lib/quality/compute-quality');
    const { presetReportInput } = await import('../../../lib/report/preset');
    const { toWorkspaceReport } = await import('../../../lib/report/workspace-report');
    const { parseHTML } = await import('linkedom');
    const [reference, current] = await Promise.all(['reference.csv', 'current.csv'].map((n) => ingestCsv(new Uint8Array(readFileSync(fixture(n))), n)));
    const exportedAt = /<time datetime="([^"]+)"/.exec(html)![1]!;
    const expected = await toWorkspaceReport(
      presetReportInput({
        title: 'reference.csv vs current.csv',
        reference: reference!.meta,
        current: current!.meta,
        cells: [
          {
            kind: 'drift',
            title: 'reference.csv → current.csv',
            config: { threshold: 0.01 },
            result: await computeDrift(reference!, current!, { threshold: 0.01 }),
          },
          { kind: 'quality', title: 'reference.csv → current.csv', config: {}, result: computeQuality(reference!, current!) },
        ],
        exportedAt,
      }),
      { document: parseHTML('<!doctype html><html><head></head><body></body></html>').document },
    );
    expect(html).toBe(expected);
    // (Titles are user text: the report may isolate them in <bdi>.)
    expect(html).toMatch(/<span class="kind">Data drift<\/span>(<bdi>)?reference\.csv → current\.csv/);
    expect(html).toMatch(/<span class="kind">Data quality<\/span>(<bdi>)?reference\.csv → current\.csv/);

    expect(await run(['report', '--reference', fixture('reference.csv')])).toMatchObject({
      code: 2,
      err: 'driftbook: report needs --reference FILE and --current FILE (and --out report.html)\n',
    });
  });

  it('prints the drift result as JSON with the documented shape', async () => {
    const { code, out, err } = await run(['drift', '--reference', fixture('reference.csv'), '--current', fixture('current.csv')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'reference', 'current', 'columns', 'onlyInReference', 'onlyInCurrent', 'dataset', 'roles']),
    );
    expect(json.schemaVersion).toBe(1);
    expect(json.tool).toEqual({ name: 'driftbook', version: APP_VERSION });
    expect(json.reference).toMatchObject({ name: 'reference.csv', rows: 400 });
    expect(json.reference.sha256).toMatch(/^[0-9a-f]{64}$/);
    const age = json.columns.find((c: { name: string }) => c.name === 'age');
    expect(Object.keys(age)).toEqual(expect.arrayContaining(['name', 'type', 'count', 'missing', 'method', 'score', 'threshold', 'drifted', 'tests']));
    expect(age.tests.ks).toMatchObject({ statistic: expect.any(Number), pValue: age.score, location: { x: expect.any(Number) } });
    expect(json.dataset).toEqual({
      columns: 5,
      driftedColumns: 3,
      share: 0.6,
      featureColumns: 5,
      driftedFeatureColumns: 3,
      featureShare: 0.6,
      shareOf: 'all',
      threshold: 0.5,
      drifted: true,
      correction: 'none',
    });
    expect(json.roles).toEqual({});
  });

  it('writes JSON or the HTML report to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-cli-'));
    const html = join(dir, 'r.html');
    const { code } = await run(['drift', '--reference', fixture('reference.csv'), '--current', fixture('current.csv'), '--format', 'html', '--out', html]);
    expect(code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain('Content-Security-Policy');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it.each([
    ['empty file', ['--reference', fixture('empty.csv'), '--current', fixture('current.csv')], /^driftbook: empty file: empty\.csv/],
    ['header only', ['--reference', fixture('header-only.csv'), '--current', fixture('current.csv')], /^driftbook: header only: header-only\.csv/],
    ['no common columns', ['--reference', fixture('reference.csv'), '--current', fixture('no-common.csv')], /^driftbook: no columns in common/],
    ['missing file', ['--reference', fixture('nope.csv'), '--current', fixture('current.csv')], /^driftbook: file not found: /],
    ['missing option', ['--reference', fixture('reference.csv')], /^driftbook: drift needs --reference FILE and --current FILE/],
    ['unknown option', ['--reference', 'a', '--current', 'b', '--bogus'], /^driftbook: Unknown option '--bogus'/],
    ['bad format', ['--reference', 'a', '--current', 'b', '--format', 'pdf'], /^driftbook: unknown format: pdf/],
  ])('%s: exit 2 with one line on stderr', async (_what, args, message) => {
    const { code, out, err } = await run(['drift', ...args]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown command and prints help and version', async () => {
    // Later commands (prom, alerts, validate…) join the end of the list.
    const unknown = await run(['no-such-command']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^driftbook: unknown command: no-such-command — the commands are: drift, quality, report, fairness, estimate, detect, history, card, run, runs, audit(, [a-z]+)*\n$/,
    );
    expect(unknown.err).toContain(', alerts');
    expect((await run(['--help'])).out).toContain('Usage: driftbook drift');
    expect(await run(['--version'])).toMatchObject({ code: 0, out: `driftbook ${APP_VERSION}\n` });
  });

  it('runs as the package bin (npx driftbook) through tsx', () => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'lib/cli/driftbook.mjs'), 'drift', '--reference', fixture('reference.csv'), '--current', fixture('current.csv')],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out).dataset.driftedColumns).toBe(3);
    const bad = spawnSync(
      process.execPath,
      [join(ROOT, 'lib/cli/driftbook.mjs'), 'drift', '--reference', fixture('empty.csv'), '--current', fixture('current.csv')],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^driftbook: empty file/);
  });
});

describe('driftbook drift options', () => {
  const base = ['drift', '--reference', fixture('reference.csv'), '--current', fixture('current.csv')];
  it('passes methods, thresholds, bins, correction and extra methods through to the result', async () => {
    const { code, out, err } = await run([
      ...base,
      '--numeric-method',
      'wasserstein',
      '--column-method',
      'segment=TVD',
      '--column-threshold',
      'age=0.5',
      '--bins',
      'uniform:8',
      '--correction',
      'bh',
      '--methods',
      'psi,ks',
      '--drift-share',
      '0.3',
      '--seed',
      '7',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const col = (name: string) => json.columns.find((c: { name: string }) => c.name === name);
    expect(col('age')).toMatchObject({ method: 'wasserstein', threshold: 0.5 });
    expect(Object.keys(col('age').tests).sort()).toEqual(['ks', 'psi', 'wasserstein']);
    expect(col('age').tests.psi.edges).toHaveLength(9);
    expect(col('segment')).toMatchObject({ method: 'TVD', tests: { TVD: { seed: 7, permutations: 1000 } } });
    expect(Object.keys(col('plan').tests).sort()).toEqual(['chisquare', 'psi']);
    expect(json.dataset).toMatchObject({ threshold: 0.3, correction: 'bh' });
    expect(json.config).toMatchObject({ numericMethod: 'wasserstein', seed: 7, bins: { kind: 'uniform', n: 8 } });
  });

  it.each([
    [['--method', 'foo'], /^driftbook: unknown drift method: foo — valid ids: ks, chisquare, z, t_test/],
    [['--methods', 'ks,nope'], /^driftbook: unknown drift method: nope/],
    [['--bins', 'quantile'], /^driftbook: --bins: quantile is not one of/],
    [['--bins', 'edges:3,1'], /^driftbook: --bins: edges must be at least two increasing numbers/],
    [['--threshold', 'abc'], /^driftbook: --threshold: abc is not a number/],
    [['--drift-share', '1.5'], /^driftbook: --drift-share: 1.5 is not a number from 0 to 1/],
    [['--correction', 'holm'], /^driftbook: --correction: holm is not one of none, bonferroni, bh/],
    [['--column-method', 'segment'], /^driftbook: --column-method: expected COLUMN=VALUE/],
    [['--column-method', 'segment=ks'], /^driftbook: column method segment=ks: ks does not apply to categorical columns/],
  ])('%j: exit 2 with one line', async (args, message) => {
    const { code, err } = await run([...base, ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('driftbook drift reading options', () => {
  const mixed = (name: string) => join(ROOT, 'tests/fixtures/drift', name);
  it('--column-type overrides inferred types and --missing adds missing tokens', async () => {
    const { code, out } = await run([
      'drift',
      '--reference',
      mixed('mixed-ref.csv'),
      '--current',
      mixed('mixed-cur.csv'),
      '--column-type',
      'note=categorical',
      '--column-type',
      'code=text',
      '--missing',
      'x,low',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const col = (name: string) => json.columns.find((c: { name: string }) => c.name === name);
    expect(col('note')).toMatchObject({ type: 'categorical', tested: true });
    expect(col('code')).toMatchObject({ type: 'text', tested: false, reason: 'text' });
    // "low" is now missing in current's amount column.
    expect(col('amount').missing.current).toBeGreaterThan(0);
  });

  it('rejects an unknown type and an unknown column', async () => {
    const base = ['drift', '--reference', mixed('mixed-ref.csv'), '--current', mixed('mixed-cur.csv')];
    expect(await run([...base, '--column-type', 'note=weird'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^driftbook: --column-type: expected COLUMN=TYPE/),
    });
    expect(await run([...base, '--column-type', 'nope=text'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^driftbook: column type for nope: mixed-ref\.csv has no such column/),
    });
  });
});

describe('driftbook quality', () => {
  it('profiles two files side by side as JSON in the documented shape', async () => {
    const { code, out, err } = await run(['quality', '--reference', fixture('reference.csv'), '--current', fixture('current.csv')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ kind: 'quality', schemaVersion: 1, reference: { name: 'reference.csv', format: 'csv', rows: 400, columns: 7 } });
    expect(json.current).toMatchObject({ name: 'current.csv', rows: 300 });
    const segment = json.columns.find((c: { name: string }) => c.name === 'segment');
    expect(segment.current.newCategories).toEqual(['d']);
    const income = json.columns.find((c: { name: string }) => c.name === 'income');
    expect(income.reference.missing).toBe(41);
    expect(json.dataset.reference.rows).toBe(400);
  });

  it('profiles one file alone, and fails with one line on bad input', async () => {
    const one = await run(['quality', '--reference', fixture('reference.csv')]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out).current).toBeUndefined();
    const bad = await run(['quality', '--reference', fixture('header-only.csv')]);
    expect(bad).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^driftbook: header only: header-only\.csv/) });
    expect(await run(['quality'])).toMatchObject({ code: 2, err: 'driftbook: quality needs --reference FILE (and --current FILE to compare)\n' });
  });
});

describe('driftbook recovery flags', () => {
  const bad = (name: string) => join(ROOT, 'tests/fixtures/bad', name);
  it('--skip-malformed and --encoding windows-1252 read files that fail without them', async () => {
    expect((await run(['quality', '--reference', bad('ragged-short.csv')])).code).toBe(2);
    const skipped = await run(['quality', '--reference', bad('ragged-short.csv'), '--skip-malformed']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out).reference.rows).toBe(3);
    expect((await run(['quality', '--reference', bad('windows-1252.csv')])).err).toMatch(/^driftbook: not UTF-8: windows-1252\.csv/);
    const decoded = await run(['quality', '--reference', bad('windows-1252.csv'), '--encoding', 'windows-1252']);
    expect(decoded.code).toBe(0);
    expect(JSON.parse(decoded.out).columns[0].reference.topCategories.map((c: { value: string }) => c.value)).toContain('café');
    expect(await run(['quality', '--reference', bad('windows-1252.csv'), '--encoding', 'latin9'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^driftbook: --encoding: latin9/),
    });
  });
});

describe('driftbook number formats', () => {
  const bad = (name: string) => join(ROOT, 'tests/fixtures/bad', name);
  it('--decimal-comma and --thousands read locale numbers as numbers', async () => {
    const de = JSON.parse((await run(['quality', '--reference', bad('semicolon-decimal-comma.csv'), '--decimal-comma'])).out);
    expect(de.columns.find((c: { name: string }) => c.name === 'price')).toMatchObject({ type: 'numeric' });
    const us = JSON.parse((await run(['quality', '--reference', bad('thousands-separators.csv'), '--thousands', ','])).out);
    expect(us.columns.find((c: { name: string }) => c.name === 'amount').reference.max).toBe(12345);
    expect(await run(['quality', '--reference', bad('thousands-separators.csv'), '--thousands', '_'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^driftbook: --thousands: _ is not one of/),
    });
  });
});

describe('driftbook date formats', () => {
  it('--date-format makes day-first dates datetime (not tested for drift)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftbook-dates-'));
    const file = join(dir, 'd.csv');
    writeFileSync(file, `day,v\n${Array.from({ length: 40 }, (_, i) => `${(i % 28) + 1}/0${(i % 9) + 1}/2024,${i % 5}`).join('\n')}\n`);
    const plain = JSON.parse((await run(['quality', '--reference', file])).out);
    expect(plain.columns[0].type).not.toBe('datetime');
    const dated = JSON.parse((await run(['quality', '--reference', file, '--date-format', 'DD/MM/YYYY'])).out);
    expect(dated.columns[0].type).toBe('datetime');
    expect(await run(['quality', '--reference', file, '--date-format', 'DD/MM'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^driftbook: --date-format: DD\/MM has no YYYY/),
    });
  });
});
