/**
 * The MLflow UI's CSV export layout, read from mlflow/server/js/src/experiment-tracking/utils/CsvUtils.ts
 * (runInfosToCsv: column order; csvEscape: every field quoted, quotes doubled, a leading = + - @ \t \r
 * prefixed with ') and common/utils/Utils.tsx (formatDuration thresholds; source type/name, user and
 * run name from the mlflow.* tags).
 */
import { describe, expect, it } from 'vitest';
import { csvField, formatDuration, runsToCsv } from '../../../lib/tracking/csv';
import type { Run } from '../../../lib/tracking/types';

function run(id: string, over: Partial<Run> = {}): Run {
  return {
    id,
    experimentId: '1',
    name: null,
    status: 'FINISHED',
    startTime: Date.UTC(2026, 0, 2, 3, 4, 5),
    endTime: Date.UTC(2026, 0, 2, 3, 4, 5) + 1500,
    lifecycleStage: 'active',
    user: 'ana',
    artifactUri: '',
    params: {},
    tags: {},
    metrics: {},
    artifacts: [],
    inputs: [],
    ...over,
  };
}

/** A small RFC 4180 reader for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  return rows;
}

describe('runsToCsv', () => {
  it("writes MLflow's columns, then params, metrics (latest value) and visible tags", () => {
    const runs = [
      run('r1', {
        name: 'baseline',
        params: { model: 'xgb', lr: '0.1' },
        metrics: {
          auc: [
            { value: 0.9, step: 0, timestamp: 1 },
            { value: 0.8, step: 1, timestamp: 2 },
          ],
          loss: [{ value: NaN, step: 0, timestamp: 1 }],
        },
        tags: { team: 'risk', 'mlflow.source.type': 'LOCAL', 'mlflow.source.name': 'train.py', 'mlflow.user': 'bob', 'mlflow.runName': 'baseline' },
      }),
      run('r2', { status: 'FAILED', tags: { 'mlflow.runName': 'from-tag' }, endTime: null, metrics: { auc: [{ value: -Infinity, step: 0, timestamp: 1 }] } }),
    ];
    const rows = parseCsv(runsToCsv(runs, { timeZone: 'utc' }));
    expect(rows[0]).toEqual(['Start Time', 'Duration', 'Run ID', 'Name', 'Source Type', 'Source Name', 'User', 'Status', 'lr', 'model', 'auc', 'loss', 'team']);
    expect(rows[1]).toEqual(['2026-01-02 03:04:05', '1.5s', 'r1', 'baseline', 'LOCAL', 'train.py', 'bob', 'FINISHED', '0.1', 'xgb', '0.8', 'NaN', 'risk']);
    expect(rows[2]).toEqual(['2026-01-02 03:04:05', '', 'r2', 'from-tag', '', '', 'ana', 'FAILED', '', '', '-Infinity', '', '']);
    expect(rows).toHaveLength(3);
  });

  it('takes chosen columns and the min/max aggregate', () => {
    const r = run('r1', {
      params: { a: '1', b: '2' },
      metrics: {
        m: [
          { value: 3, step: 0, timestamp: 0 },
          { value: 1, step: 1, timestamp: 0 },
        ],
      },
    });
    const rows = parseCsv(runsToCsv([r], { paramKeys: ['b'], metricKeys: ['m'], tagKeys: [], aggregate: 'max', timeZone: 'utc' }));
    expect(rows[0]!.slice(8)).toEqual(['b', 'm']);
    expect(rows[1]!.slice(8)).toEqual(['2', '3']);
  });

  it('quotes every field (RFC 4180), doubles quotes, keeps commas and newlines inside fields', () => {
    const r = run('r1', { params: { note: 'a, "b"\nc' } });
    const text = runsToCsv([r], { timeZone: 'utc' });
    expect(text).toContain('"a, ""b""\nc"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)[1]![8]).toBe('a, "b"\nc');
    expect(runsToCsv([r], { lineEnding: '\n' }).split('\n')).toHaveLength(4);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+cmd|x')).toBe(`"'+1+cmd|x"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tx')).toBe(`"'\tx"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('a=b')).toBe('"a=b"');
    // Plain numbers are data, not formulas.
    expect(csvField(-0.5)).toBe('"-0.5"');
    expect(csvField('-0.5')).toBe('"-0.5"');
    expect(csvField('-1e-3')).toBe('"-1e-3"');
    expect(csvField(null)).toBe('""');
    const rows = parseCsv(runsToCsv([run('r', { name: '=cmd()', tags: { t: '@x' }, params: { p: '-5' } })], { timeZone: 'utc' }));
    expect(rows[1]![3]).toBe("'=cmd()");
    expect(rows[1]!.slice(8)).toEqual(['-5', "'@x"]);
  });
});

describe('formatDuration (MLflow UI Utils.formatDuration)', () => {
  it.each([
    [1, 421, '420ms'],
    [1, 500, '499ms'],
    [1, 501, '0.5s'],
    [1, 59_001, '59.0s'],
    [1, 90_001, '1.5min'],
    [1, 3 * 3_600_000 + 1, '3.0h'],
    [1, 36 * 3_600_000 + 1, '1.5d'],
  ])('%d → %d: %s', (start, end, text) => {
    expect(formatDuration(start, end)).toBe(text);
  });
  it("is empty without an end, or with a 0 start (MLflow's getDuration treats it as unset)", () => {
    expect(formatDuration(5, null)).toBe('');
    expect(formatDuration(0, 400)).toBe('');
  });
});
