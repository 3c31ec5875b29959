import { Dictionary, Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { computeChartData } from '../../../lib/explore/chart-data';
import type { Dataset } from '../../../lib/data/types';
import { parseIsoTime } from '../../../lib/data/time';
import { sampleRows } from '../../../lib/explore/chart-sample';
import type { ChartConfig, ChartData, ChartDatum } from '../../../lib/explore/chart-types';
import type { ColumnType, DatasetMeta } from '../../../lib/data/types';
import { AnalysisError } from '../../../lib/errors';
import { expectClose, readFixture, readJson } from '../../support';

type Expected = Record<
  string,
  { data: Record<string, string | number | null>[]; edges?: number[]; askedBins?: number; domain?: string[] | null; facets?: string[] | null }
>;

const expected = readJson<Expected>('tests/fixtures/charts/expected.json');
const TYPES: Record<string, ColumnType> = {
  amount: 'numeric',
  score: 'numeric',
  segment: 'categorical',
  region: 'categorical',
  flag: 'boolean',
  rating: 'numeric',
  day: 'datetime',
};

/**
 * The fixture CSV as the readers store it (lib/data/to-arrow.ts): numbers as Float64 with nulls
 * (inf as Infinity), strings dictionary-encoded, yes/no as "true"/"false". Built here rather than
 * with ingestCsv so these tests check the chart code only.
 */
function openCsv(path: string, name: string): Dataset {
  const [header, ...lines] = new TextDecoder().decode(readFixture(path)).trim().split('\n');
  const names = header!.split(',');
  const cells = lines.map((line) => line.split(','));
  const columns = Object.fromEntries(
    names.map((column, c) => {
      const raw = cells.map((row) => row[c]!);
      if (TYPES[column] === 'numeric')
        return [
          column,
          vectorFromArray(
            raw.map((v) => (v === '' || v === 'NA' ? null : Number(v === 'inf' ? Infinity : v))),
            new Float64(),
          ),
        ];
      const strings = raw.map((v) => (v === '' ? null : TYPES[column] === 'boolean' ? String(v === 'yes') : v));
      return [column, vectorFromArray(strings, new Dictionary(new Utf8(), new Int32()))];
    }),
  );
  return {
    meta: metaOf(
      name,
      names.map((n) => ({ name: n, type: TYPES[n]! })),
      lines.length,
    ),
    table: new Table(columns),
  };
}

/** An Arrow table: Float64Array columns as numbers (NaN missing), string arrays dictionary-encoded. */
function tableOf(columns: Record<string, Float64Array | (string | null)[]>): Table {
  return new Table(
    Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [
        name,
        values instanceof Float64Array ? vectorFromArray(Array.from(values), new Float64()) : vectorFromArray(values, new Dictionary(new Utf8(), new Int32())),
      ]),
    ),
  );
}

function metaOf(name: string, schema: DatasetMeta['schema'], rows: number): DatasetMeta {
  return { id: name, name, format: 'csv', sha256: '', bytes: 0, rows, schema, warnings: [], createdAt: '2024-01-01T00:00:00.000Z' };
}

const reference = openCsv('tests/fixtures/charts/reference.csv', 'reference.csv');
const current = openCsv('tests/fixtures/charts/current.csv', 'current.csv');
const chart = (config: ChartConfig): ChartData => computeChartData(reference, current, config);

/** Each expected datum matched field by field: strings and counts exactly, other numbers to 1e-12. */
function expectData(actual: ChartDatum[], wanted: Expected[string]['data'], what: string): void {
  expect(actual, what).toHaveLength(wanted.length);
  wanted.forEach((want, i) => {
    const got = actual[i]!;
    for (const [field, value] of Object.entries(want)) {
      const where = `${what}[${i}].${field}`;
      if (typeof value === 'number' && !['count', 'outliers'].includes(field)) expectClose(got[field] as number, value, 1e-12, where);
      else expect(got[field], where).toBe(value);
    }
  });
}

describe('computeChartData against numpy (tests/fixtures/generate_charts.py)', () => {
  it('reads the fixture as the generator does (Float64 numbers with nulls, dictionary strings)', () => {
    expect(reference.table.numRows).toBe(600);
    expect(reference.table.getChild('amount')!.nullCount).toBe(12);
    expect(reference.table.getChild('amount')!.get(3)).toBe(Infinity);
  });

  it("histogram: numpy 'auto' edges over both sides, counts and shares per side", () => {
    const result = chart({ mark: 'histogram', x: 'score' });
    const want = expected.histogramScore!;
    expectData(result.data, want.data, 'histogram score');
    expect(want.edges).toHaveLength(28);
    expect(result.notes).toContain(
      `27 bins of width ${Number((want.edges![1]! - want.edges![0]!).toPrecision(4))}, shared by both sides (numpy 'auto': the narrower of Freedman–Diaconis and Sturges)`,
    );
    expect(result).toMatchObject({ kind: 'chart', mark: 'histogram', x: 'score', xType: 'number', sides: ['reference', 'current'] });
  });

  it('histogram: caps numpy auto at 60 bins and says so; skips missing and non-finite values with a note', () => {
    const result = chart({ mark: 'histogram', x: 'amount' });
    expectData(result.data, expected.histogram!.data, 'histogram amount');
    expect(expected.histogram!.askedBins).toBe(64);
    expect(result.notes).toContain("60 bins of width 5.415, shared by both sides (numpy 'auto' asked for 64, capped at 60)");
    expect(result.notes).toContain('reference: 13 of 600 rows skipped (missing "amount": 12, non-finite "amount": 1)');
    const refShares = result.data.filter((d) => d.side === 'reference').reduce((s, d) => s + (d.share as number), 0);
    expectClose(refShares, 1, 1e-12, 'shares add up to 1');
  });

  it('histogram by facet: shared edges, the 6 most frequent facet values and "other"', () => {
    const result = chart({ mark: 'histogram', x: 'amount', facet: 'region' });
    expect(result.facets).toEqual(expected.histogramByRegion!.facets);
    expect(result.facets).toHaveLength(7);
    expectData(result.data, expected.histogramByRegion!.data, 'histogram by region');
    expect(result.notes).toContain('panels: the 6 most frequent values of "region", the other 3 together');
  });

  it('bar: top 30 categories over both sides and "other", with shares per side', () => {
    const result = chart({ mark: 'bar', x: 'segment' });
    expect(result.domain).toEqual(expected.barSegment!.domain);
    expect(result.domain).toHaveLength(31);
    expectData(result.data, expected.barSegment!.data, 'bar segment');
    expect(result.xType).toBe('category');
  });

  it('bar by facet of a boolean, and bars of few-valued numbers ordered by value', () => {
    const faceted = chart({ mark: 'bar', x: 'region', facet: 'flag' });
    expect(faceted.facets).toEqual(['false', 'true']);
    expect(faceted.domain).toEqual(expected.barRegionByFlag!.domain);
    expectData(faceted.data, expected.barRegionByFlag!.data, 'bar region by flag');
    const rating = chart({ mark: 'bar', x: 'rating' });
    expect(rating.domain).toEqual(expected.barRating!.domain);
    expectData(rating.data, expected.barRating!.data, 'bar rating');
  });

  it("line: 50 equal time bins over both sides, counts or the mean of y per bin, over each side's own span", () => {
    const counts = chart({ mark: 'line', x: 'day' });
    expect(counts.xType).toBe('time');
    expectData(counts.data, expected.lineCount!.data, 'line count');
    const means = chart({ mark: 'line', x: 'day', y: 'score' });
    expectData(means.data, expected.lineMeanScore!.data, 'line mean');
    for (const side of ['reference', 'current']) {
      // Each side's line spans its own dates: its first and last bins hold rows.
      const bins = means.data.filter((d) => d.side === side);
      expect(
        [bins[0]!.count, bins.at(-1)!.count].every((n) => (n as number) > 0),
        side,
      ).toBe(true);
      expect(bins.length, side).toBeLessThan(50);
    }
    expect(means.notes).toContain('50 equal-width bins of 2.68 days: mean of "score" per bin (empty bins left as gaps)');
    expect(means.yLabel).toBe('mean score');
  });

  it('box: numpy linear quartiles, Tukey whiskers and outlier counts, by group and facet', () => {
    expectData(chart({ mark: 'box', y: 'amount' }).data, expected.boxAmount!.data, 'box');
    const grouped = chart({ mark: 'box', y: 'amount', x: 'region', facet: 'flag' });
    expect(grouped.domain).toEqual(expected.boxAmountByRegionFacetFlag!.domain);
    expect(grouped.facets).toEqual(['false', 'true']);
    expectData(grouped.data, expected.boxAmountByRegionFacetFlag!.data, 'box by region and flag');
  });

  it('scatter: every usable row when a side has at most 2,000', () => {
    const result = chart({ mark: 'scatter', x: 'amount', y: 'score' });
    for (const [side, opened] of [
      ['reference', reference],
      ['current', current],
    ] as const) {
      const amount = opened.table.getChild('amount')!.toArray() as Float64Array;
      const score = opened.table.getChild('score')!;
      let usable = 0;
      for (let i = 0; i < opened.table.numRows; i++)
        if (Number.isFinite(amount[i]) && score.isValid(i) && opened.table.getChild('amount')!.isValid(i)) usable++;
      const points = result.data.filter((d) => d.side === side);
      expect(points, side).toHaveLength(usable);
      expect(points.every((d) => Number.isFinite(d.x) && Number.isFinite(d.y))).toBe(true);
    }
    expect(result.notes.some((n) => n.includes('sample of'))).toBe(false);
  });
});

describe('computeChartData sides and facets', () => {
  it('draws one side when asked, and says which were drawn', () => {
    const ref = chart({ mark: 'histogram', x: 'score', sides: 'reference' });
    expect(ref.sides).toEqual(['reference']);
    expect(new Set(ref.data.map((d) => d.side))).toEqual(new Set(['reference']));
    const cur = computeChartData(undefined, current, { mark: 'bar', x: 'region', sides: 'current' });
    expect(cur.sides).toEqual(['current']);
    // Alone, the current side's categories are ranked by its own counts.
    expect(cur.data.filter((d) => d.side === 'current')).toHaveLength(cur.domain!.length);
  });

  it('draws the reference alone when there is no current dataset', () => {
    const result = computeChartData(reference, undefined, { mark: 'box', y: 'score', sides: 'both' });
    expect(result.sides).toEqual(['reference']);
    expect(result.data).toHaveLength(1);
  });

  it('leaves out a side that lacks a chosen column, with a warning', () => {
    const narrow = { meta: metaOf('narrow.csv', [{ name: 'score', type: 'numeric' }], 3), table: tableOf({ score: new Float64Array([1, 2, 3]) }) };
    const result = computeChartData(reference, narrow, { mark: 'histogram', x: 'amount' });
    expect(result.sides).toEqual(['reference']);
    expect(result.warnings).toEqual(['current: no column "amount" in narrow.csv — current left out']);
  });

  it('puts each datum in its panel and keeps shares per side and panel', () => {
    const result = chart({ mark: 'bar', x: 'segment', facet: 'region' });
    expect(result.facets).toEqual(expected.histogramByRegion!.facets);
    for (const facet of result.facets!) {
      for (const side of ['reference', 'current']) {
        const shares = result.data.filter((d) => d.facet === facet && d.side === side).reduce((sum, d) => sum + (d.share as number), 0);
        expectClose(shares, 1, 1e-12, `${side} ${facet}`);
      }
    }
  });
});

describe('computeChartData errors', () => {
  const error = (config: ChartConfig): { code: string; message: string } => {
    try {
      chart(config);
    } catch (e) {
      expect(e).toBeInstanceOf(AnalysisError);
      return { code: (e as AnalysisError).code, message: (e as AnalysisError).message };
    }
    throw new Error(`no error for ${JSON.stringify(config)}`);
  };

  it('names a wrong column type and what to choose instead', () => {
    expect(error({ mark: 'histogram', x: 'segment' })).toMatchObject({
      code: 'chart-column-type',
      message: 'histogram x must be numeric: "segment" is categorical — choose a numeric column, or the bar mark for categories',
    });
    expect(error({ mark: 'scatter', x: 'amount', y: 'day' }).message).toBe('scatter y must be numeric: "day" is datetime — choose a numeric column');
    expect(error({ mark: 'line', x: 'region' }).code).toBe('chart-column-type');
    expect(error({ mark: 'box', y: 'amount', x: 'score' }).message).toMatch(/^box x must be categorical or boolean: "score" is numeric — /);
    expect(error({ mark: 'histogram', x: 'amount', facet: 'score' }).message).toBe(
      'histogram facet must be categorical or boolean: "score" is numeric — choose a categorical or boolean column, or no facet',
    );
  });

  it('refuses bars of a many-valued numeric column', () => {
    expect(error({ mark: 'bar', x: 'amount' })).toMatchObject({
      code: 'chart-column-type',
      message: 'bar x has too many distinct numbers: "amount" has more than 30 — choose the histogram mark for it',
    });
  });

  it('names unknown and missing columns, unknown marks and missing datasets', () => {
    expect(error({ mark: 'histogram', x: 'nope' })).toMatchObject({
      code: 'unknown-column',
      message: 'unknown column: "nope" — choose one of "amount", "score", "segment", "region", "flag", "rating", "day"',
    });
    expect(error({ mark: 'scatter', x: 'amount' })).toMatchObject({
      code: 'chart-missing-column',
      message: 'scatter needs a y column: none chosen — choose a numeric column',
    });
    expect(error({ mark: 'pie' as never, x: 'amount' })).toMatchObject({
      code: 'chart-mark',
      message: 'unknown chart mark: pie — choose one of histogram, bar, line, scatter, box',
    });
    expect(() => computeChartData(reference, undefined, { mark: 'histogram', x: 'amount', sides: 'current' })).toThrow(
      "no current dataset: the chart draws the current — choose a current dataset in the cell's inputs",
    );
  });
});

describe('computeChartData on datetimes', () => {
  it('reads ISO 8601 dates and date-times as UTC epoch milliseconds, whatever the machine zone', () => {
    expect(parseIsoTime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseIsoTime('2024-03-01 10:30')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(parseIsoTime('2024-03-01T10:30:15.250Z')).toBe(Date.UTC(2024, 2, 1, 10, 30, 15, 250));
    expect(parseIsoTime('2024-03-01T10:30:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8, 30));
    expect(parseIsoTime('2024-03-01T10:30:00-0530')).toBe(Date.UTC(2024, 2, 1, 16, 0));
    expect(parseIsoTime('01/03/2024')).toBeNaN();
  });

  it('skips datetimes that are not ISO 8601, with a warning naming one', () => {
    const t = tableOf({ when: ['2024-01-01', '2024-01-02', '02/01/2024', null], n: new Float64Array([1, 2, 3, 4]) });
    const opened = {
      meta: metaOf(
        'dates.csv',
        [
          { name: 'when', type: 'datetime' },
          { name: 'n', type: 'numeric' },
        ],
        4,
      ),
      table: t,
    };
    const result = computeChartData(opened, undefined, { mark: 'line', x: 'when', y: 'n' });
    expect(result.warnings).toEqual(['reference: 1 values of "when" are not ISO 8601 dates (e.g. "02/01/2024") and were skipped']);
    expect(result.notes[0]).toBe('reference: 2 of 4 rows skipped (missing "when": 2)');
    expect(result.data.reduce((s, d) => s + (d.count as number), 0)).toBe(2);
  });
});

/** n rows of a deterministic mix: numbers (a few NaN), a date, two categorical columns. */
function syntheticTable(n: number, seed: number): Dataset {
  let state = seed;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const group: string[] = [];
  const panel: string[] = [];
  const day: string[] = [];
  for (let i = 0; i < n; i++) {
    x[i] = i % 97 === 0 ? NaN : Math.exp(3 * random());
    y[i] = x[i]! * 2 + random() * 10;
    group.push(`g${Math.floor(random() ** 2 * 40)}`);
    panel.push(`p${Math.floor(random() * 9)}`);
    day.push(new Date(Date.UTC(2024, 0, 1 + Math.floor(random() * 200))).toISOString().slice(0, 10));
  }
  const schema: DatasetMeta['schema'] = [
    { name: 'x', type: 'numeric' },
    { name: 'y', type: 'numeric' },
    { name: 'group', type: 'categorical' },
    { name: 'panel', type: 'categorical' },
    { name: 'day', type: 'datetime' },
  ];
  return { meta: metaOf('generated.csv', schema, n), table: tableOf({ x, y, group, panel, day }) };
}

describe('computeChartData size', () => {
  const small = [syntheticTable(10_000, 1), syntheticTable(10_000, 2)] as const;
  const large = [syntheticTable(200_000, 3), syntheticTable(200_000, 4)] as const;
  const configs: ChartConfig[] = [
    { mark: 'histogram', x: 'x', facet: 'panel' },
    { mark: 'bar', x: 'group', facet: 'panel' },
    { mark: 'line', x: 'day', y: 'y', facet: 'panel' },
    { mark: 'scatter', x: 'x', y: 'y', facet: 'panel' },
    { mark: 'box', x: 'group', y: 'y', facet: 'panel' },
  ];

  it.each(configs)('does not grow from 10k to 200k rows: $mark', (config) => {
    const a = computeChartData(small[0], small[1], config);
    const b = computeChartData(large[0], large[1], config);
    const bound = { histogram: 2 * 7 * 60, bar: 2 * 7 * 31, line: 2 * 7 * 50, scatter: 2 * 2000, box: 2 * 7 * 21 }[config.mark];
    expect(a.data.length).toBeLessThanOrEqual(bound);
    expect(b.data.length).toBeLessThanOrEqual(bound);
    // Same shape (histogram: numpy 'auto' bins grow with n up to the cap); longer counts in notes only.
    const size = (d: ChartData) => JSON.stringify(d).length;
    if (config.mark !== 'histogram') {
      expect(b.data.length).toBe(a.data.length);
      expect(size(b)).toBeLessThan(size(a) * 1.05 + 200);
    }
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it('samples scatter points deterministically: the same 2,000 rows on every run, spread over the table', () => {
    const first = computeChartData(large[0], undefined, { mark: 'scatter', x: 'x', y: 'y' });
    const again = computeChartData(large[0], undefined, { mark: 'scatter', x: 'x', y: 'y' });
    expect(first.data).toHaveLength(2000);
    expect(again.data).toEqual(first.data);
    const usable = 200_000 - Math.ceil(200_000 / 97);
    expect(first.notes).toContain(`reference: sample of 2,000 of ${usable.toLocaleString('en-US')} rows (seeded, the same on every run)`);
  });

  it('sampleRows is a uniform, sorted, duplicate-free reservoir', () => {
    const rows = Int32Array.from({ length: 100_000 }, (_, i) => i);
    const sample = sampleRows(rows, 2000, 5);
    expect(sample).toHaveLength(2000);
    expect(new Set(sample).size).toBe(2000);
    expect([...sample]).toEqual([...sample].sort((a, b) => a - b));
    expect(sampleRows(rows, 2000, 5)).toEqual(sample);
    expect(sampleRows(rows, 2000, 6)).not.toEqual(sample);
    // Each tenth of the rows gets ~200 points (binomial sd ≈ 13.4): within 5 sd.
    for (let t = 0; t < 10; t++) {
      const n = sample.filter((r) => r >= t * 10_000 && r < (t + 1) * 10_000).length;
      expect(Math.abs(n - 200), `tenth ${t}: ${n}`).toBeLessThan(67);
    }
    expect([...sampleRows(rows.subarray(0, 10), 2000)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
