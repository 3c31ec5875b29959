import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { changeChart } from '../../../../lib/charts/change-chart';
import { ingestCsv } from '../../../../lib/data/ingest';
import { changeEvents, changeKind, warningRuns, type ChangeCellConfig, type ChangeCellResult } from '../../../../lib/notebook/kinds/change';
import { changeSection } from '../../../../lib/report/sections/change';
import { readFixture, readJson } from '../../../support';

// tests/fixtures/stream-binary/detect.csv (tests/fixtures/generate_binary_streams.py): the docstring stream of River's
// binary detectors, rows shuffled, a time per stream position and a numeric `value`. River 0.26's DDM docstring
// (river/drift/binary/ddm.py) prints the first warning at 1084, the drift at 1334 and a warning at 1492.
const docstring = readJson<{ stream: number[] }>('tests/fixtures/stream-binary/docstring.json').stream;
const detectCsv = new TextDecoder().decode(readFixture('tests/fixtures/stream-binary/detect.csv'));
const BASE = Date.UTC(2026, 0, 1);
const minute = (i: number) => new Date(BASE + i * 60_000).toISOString();
const shuffled = Array.from({ length: docstring.length }, (_, k) => (k * 7919) % docstring.length);
const csv = (text: string, name: string) => ingestCsv(new TextEncoder().encode(text), name);
const { document } = parseHTML('<!doctype html><html><body></body></html>');

async function compute(text: string, config: ChangeCellConfig, name = 'stream.csv'): Promise<ChangeCellResult> {
  const dataset = await csv(text, name);
  expect(changeKind.validate(config, { reference: dataset.meta })).toEqual([]);
  return changeKind.compute!({ reference: dataset }, config);
}

describe('the change-detection cell', () => {
  it("computes River's detections over a column in time order, with timestamps and a bucketed series", async () => {
    const text = detectCsv;
    const dataset = await csv(text, 'stream.csv');
    const config = changeKind.defaultConfig({ reference: dataset.meta });
    // The first numeric column that is no id or timestamp, the timestamp by its role, Page-Hinkley with River's defaults.
    expect(config).toEqual({ detector: 'page_hinkley', params: {}, column: 'value', orderBy: 'ts' });

    const result = await compute(text, { ...config, column: 'error', detector: 'ddm' });
    expect(result).toMatchObject({ kind: 'change', detector: 'ddm', label: 'DDM', column: 'error', orderBy: 'ts', count: 2000 });
    expect(result.data).toEqual({ name: 'stream.csv', rows: 2000 });
    expect(result.params).toEqual({ warm_start: 30, warning_threshold: 2, drift_threshold: 3 });
    expect(result.detections).toEqual([{ index: 1334, row: shuffled.indexOf(1334), timestamp: minute(1334) }]);
    expect(result.warnings[0]).toEqual({ index: 1084, row: shuffled.indexOf(1084), timestamp: minute(1084) });
    expect(result.warnings.find((w) => w.index > 1334)?.index).toBe(1492);
    const ones = docstring.filter((x) => x === 1).length;
    expect(result.values).toEqual({ min: 0, max: 1, mean: ones / 2000 });
    // 2000 values in buckets of 3 (≤ 800 buckets), in stream order, the last one shorter.
    expect(result.series).toHaveLength(667);
    expect(result.series[0]).toEqual({
      start: 0,
      end: 3,
      min: Math.min(...docstring.slice(0, 3)),
      max: Math.max(...docstring.slice(0, 3)),
      mean: (docstring[0]! + docstring[1]! + docstring[2]!) / 3,
      time: BASE,
    });
    expect(result.series.at(-1)).toMatchObject({ start: 1998, end: 2000 });
    // Plain data: it survives JSON (stored, exported, sent from a worker).
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('groups warnings into runs and lists drifts and runs in stream order', () => {
    const points = (indices: number[]) => indices.map((index) => ({ index, row: index }));
    const result = { detections: points([5, 9]), warnings: points([1, 2, 3, 7, 9, 10]) };
    expect(warningRuns(result)).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ]);
    expect(changeEvents(result).map((e) => [e.type, e.first, e.last, e.row])).toEqual([
      ['warning', 1, 3, 2],
      ['drift', 5, 5, 6],
      ['warning', 7, 7, 8],
      ['drift', 9, 9, 10],
      ['warning', 9, 10, 10],
    ]);
  });

  it('says what is wrong with a config in the words of its form', async () => {
    const { meta } = await csv('ts,x,y\n2026-01-01,1,0\n2026-01-02,2,1\n', 'small.csv');
    const problems = (config: Partial<ChangeCellConfig>) => changeKind.validate({ detector: 'adwin', ...config }, { reference: meta });
    expect(problems({})).toEqual(['Column: choose the values to monitor']);
    expect(problems({ column: 'z' })).toEqual(['Column: z is not a column of small.csv']);
    expect(problems({ column: 'x', detector: 'ddn' })[0]).toMatch(/^Detector: ddn is not one of page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, cusum$/);
    expect(problems({ column: 'x', params: { delta: 0.01 } })).toEqual([]);
    expect(problems({ column: 'x', params: { alpha: 1 } })[0]).toMatch(/^Parameters: unknown adwin parameter: "alpha"; valid parameters are delta, /);
    expect(problems({ column: 'x', detector: 'eddm', params: { alpha: 0.5 } })[0]).toMatch(
      /^Parameters: eddm: alpha \(0\.5\) must be greater than or equal to beta/,
    );
    expect(problems({ column: 'x', orderBy: 'when' })).toEqual(['Order by: when is not a column of small.csv']);
    expect(problems({ column: 'x', orderBy: 'x' })).toEqual(['Order by: choose a timestamp column other than the monitored one']);
  });

  it('refuses a non-0/1 value for a binary detector, naming its row, and says when no column is chosen', async () => {
    const dataset = await csv('x\n0\n1\n3\n', 'bad.csv');
    await expect(changeKind.compute!({ reference: dataset }, { detector: 'ddm' })).rejects.toThrow("no column to monitor — choose one in the cell's settings");
    await expect(changeKind.compute!({ reference: dataset }, { column: 'x', detector: 'hddm_w' })).rejects.toThrow(
      /hddm_w: column "x", row 3 \(index 2\): expected 0 or 1/,
    );
  });

  it('draws the stream with a rule per drift and a band per warning run, and a report section that escapes names', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const text = `"${hostile}"\n${docstring.join('\n')}\n`;
    const result = await compute(text, { column: hostile, detector: 'ddm' }, 'a<b>.csv');
    const el = changeChart(result, { document });
    const marks = (description: string, child: string) => el.querySelectorAll(`g[aria-description="${description}"] ${child}`);
    expect(marks('drifts', 'line')).toHaveLength(1);
    expect(marks('warnings', 'rect')).toHaveLength(warningRuns(result).length);
    // A 0/1 stream is drawn as its error rate over the last 2000 / 50 = 40 values, not as a barcode (nor a 0–1 range band).
    expect(marks('trailing mean', 'path')).toHaveLength(1);
    expect(marks('range', 'path')).toHaveLength(0);
    expect(el.textContent).toContain('mean of the last 40 values');
    expect(el.querySelectorAll('img')).toHaveLength(0);
    // Any other stream keeps its bucket means over their min–max range.
    const numeric = changeChart(await compute(detectCsv, { column: 'value', detector: 'page_hinkley' }), { document });
    expect(numeric.querySelectorAll('g[aria-description="range"] path')).toHaveLength(1);
    expect(numeric.querySelectorAll('g[aria-description="trailing mean"] path')).toHaveLength(0);

    const section = changeSection(result, { document }).__html;
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section).not.toContain(hostile);
    expect(section).toContain('data-testid="change-events"');
    expect(section).toMatch(/1 drift in 2000 values; warnings at \d+ positions in \d+ runs/);
    expect(section).toMatch(/<tr><td>drift<\/td><td class="num">1334<\/td><td class="num">1335<\/td><\/tr>/);
  });
});
