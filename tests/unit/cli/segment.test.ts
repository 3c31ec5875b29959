import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { ingestCsv } from '../../../lib/data/ingest';
import { ROOT } from '../../support';

// The demo's Seattle weather (no quoted fields): a segment run must equal the same command on the
// file filtered first, read with the full file's column types (a segment never re-types a column).
const WEATHER = join(ROOT, 'public/demo/seattle-weather-2012-2013.csv');
const DIR = mkdtempSync(join(tmpdir(), 'driftbook-segment-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type Row = Record<string, string>;
const [HEADER, ...LINES] = readFileSync(WEATHER, 'utf8').trimEnd().split('\n');
const NAMES = HEADER!.split(',');
const ROWS: Row[] = LINES.map((line) => Object.fromEntries(line.split(',').map((cell, c) => [NAMES[c]!, cell])));

/** The weather file with only the rows `keep` keeps (a plain loop, no arquero), written to a temp file. */
function filteredFile(name: string, keep: (row: Row) => boolean): string {
  const path = join(DIR, name);
  writeFileSync(path, [HEADER, ...LINES.filter((_, i) => keep(ROWS[i]!))].join('\n') + '\n');
  return path;
}

/** --column-type flags pinning every column to the full file's inferred type. */
async function typeFlags(): Promise<string[]> {
  const { meta } = await ingestCsv(new Uint8Array(readFileSync(WEATHER)), 'weather.csv');
  return meta.schema.flatMap((column) => ['--column-type', `${column.name}=${column.type}`]);
}

/** A command's JSON without what names the file itself (file name, size, hash). */
function withoutFileIdentity(text: string): unknown {
  const identity = (key: string, value: unknown) =>
    ['sha256', 'bytes', 'segment'].includes(key) || (key === 'name' && typeof value === 'string' && value.endsWith('.csv'));
  return JSON.parse(text, (key, value: unknown) => (identity(key, value) ? undefined : value));
}

const EARLY = "d => d.date < '2013-01-01'";
const early = (r: Row) => r.date! < '2013-01-01';

describe('driftbook --segment / --reference-segment / --current-segment', () => {
  it('drift compares two segments of one file exactly as the two filtered files', async () => {
    const types = await typeFlags();
    const segmented = await run([
      'drift',
      '--reference',
      WEATHER,
      '--current',
      WEATHER,
      '--reference-segment',
      EARLY,
      '--current-segment',
      `d => !(${EARLY.slice(5)})`,
    ]);
    expect(segmented.err).toBe('');
    expect(segmented.code).toBe(0);
    const filtered = await run(['drift', '--reference', filteredFile('early.csv', early), '--current', filteredFile('late.csv', (r) => !early(r)), ...types]);
    expect(filtered.code).toBe(0);
    const json = JSON.parse(segmented.out);
    expect([json.reference.rows, json.current.rows]).toEqual([ROWS.filter(early).length, ROWS.filter((r) => !early(r)).length]);
    // The JSON names the segment each side was taken by.
    expect([json.reference.segment, json.current.segment]).toEqual([EARLY, `d => !(${EARLY.slice(5)})`]);
    expect(withoutFileIdentity(segmented.out)).toEqual(withoutFileIdentity(filtered.out));
  });

  it('--segment filters both files; a side flag replaces it for that side', async () => {
    const types = await typeFlags();
    const rainy = (r: Row) => r.weather === 'rain' && Number(r.precipitation) > 1;
    const both = await run([
      'drift',
      '--reference',
      WEATHER,
      '--current',
      WEATHER,
      '--segment',
      "d => d.weather === 'rain' && d.precipitation > 1",
      '--current-segment',
      'd => d.wind >= 4',
    ]);
    expect(both.code).toBe(0);
    const filtered = await run([
      'drift',
      '--reference',
      filteredFile('rainy.csv', rainy),
      '--current',
      filteredFile('windy.csv', (r) => Number(r.wind) >= 4),
      ...types,
    ]);
    expect(withoutFileIdentity(both.out)).toEqual(withoutFileIdentity(filtered.out));
    expect(JSON.parse(both.out).reference.rows).toBe(ROWS.filter(rainy).length);
  });

  it('quality (data and model) reads the segment as the filtered file', async () => {
    const types = await typeFlags();
    const notSun = (r: Row) => r.weather !== 'sun';
    const model = ['--target', 'rain', '--prediction', 'rain_predicted', '--score', 'rain_score'];
    for (const extra of [[], model]) {
      const segmented = await run(['quality', '--reference', WEATHER, '--segment', "d => d.weather !== 'sun'", ...extra]);
      expect(segmented.err).toBe('');
      const filtered = await run(['quality', '--reference', filteredFile('not-sun.csv', notSun), ...types, ...extra]);
      expect(JSON.parse(segmented.out).reference.rows).toBe(ROWS.filter(notSun).length);
      expect(withoutFileIdentity(segmented.out)).toEqual(withoutFileIdentity(filtered.out));
    }
  });

  it('fairness --data takes --segment', async () => {
    const types = await typeFlags();
    const args = ['--target', 'rain', '--prediction', 'rain_predicted', '--sensitive', 'weather'];
    const segmented = await run(['fairness', '--data', WEATHER, '--segment', 'd => d.temp_max > 10', ...args]);
    expect(segmented.err).toBe('');
    const warm = (r: Row) => Number(r.temp_max) > 10;
    const filtered = await run(['fairness', '--data', filteredFile('warm.csv', warm), ...types, ...args]);
    expect(withoutFileIdentity(segmented.out)).toEqual(withoutFileIdentity(filtered.out));
    // Per-group counts add up to the segment's rows, not the file's.
    const groups = JSON.parse(segmented.out).groups as { count: number }[];
    expect(groups.reduce((total, group) => total + group.count, 0)).toBe(ROWS.filter(warm).length);
  });

  it('refuses bad segments and misplaced flags with one line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['drift', '--reference', WEATHER, '--current', WEATHER, '--segment', 'd => d.country === "FR"'],
        /^driftbook: segment: unknown column "country" .* — columns are "date"/,
      ],
      [['drift', '--reference', WEATHER, '--current', WEATHER, '--segment', "d => fetch('x')"], /^driftbook: segment: function call not allowed/],
      [['drift', '--reference', WEATHER, '--current', WEATHER, '--current-segment', '  '], /^driftbook: --current-segment: the expression is empty/],
      [['quality', '--reference', WEATHER, '--current-segment', 'd => true'], /^driftbook: --current-segment: there is no --current file/],
      [
        ['fairness', '--data', WEATHER, '--reference-segment', 'd => true', '--target', 'rain', '--prediction', 'rain_predicted', '--sensitive', 'weather'],
        /^driftbook: --reference-segment: this command reads one file/,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(args);
      expect([code, out], args.join(' ')).toEqual([2, '']);
      expect(err).toMatch(message);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
