import { describe, expect, it } from 'vitest';
import { readGrafanaCsv } from '../../../lib/prom/grafana-csv';
import { seriesToColumns } from '../../../lib/prom/to-columns';

// Layouts as Grafana writes them: Inspect → Data → Download CSV ("series joined by time", quoted, CRLF,
// raw epoch ms) and Grafana 6's public/app/core/utils/file_export.ts (Series;Time;Value, YYYY-MM-DDTHH:mm:ssZ, optional sep=;).
const WIDE =
  '"Time","node_load1{instance=""a:9100"", job=""node""}","node_load1{instance=""b:9100"", job=""node""}"\r\n' +
  '1733392800000,0.5,\r\n' +
  '1733392815000,0.75,1.25\r\n';
const LONG = 'sep=;\nSeries;Time;Value\nup{job="x"};2024-12-05T10:00:15+01:00;1\nup{job="x"};2024-12-05T10:00:00+01:00;0\ncpu 0;2024-12-05T09:00:00Z;null\n';

describe('readGrafanaCsv', () => {
  it('reads the series-joined-by-time layout with label sets from the headers', () => {
    const { series, layout, warnings } = readGrafanaCsv(WIDE);
    expect(layout).toBe('wide');
    expect(warnings).toEqual([]);
    expect(series.map((s) => s.metric)).toEqual([
      { __name__: 'node_load1', instance: 'a:9100', job: 'node' },
      { __name__: 'node_load1', instance: 'b:9100', job: 'node' },
    ]);
    expect(series[1]!.points).toEqual([{ t: 1733392815000, v: 1.25 }]);
    const columns = seriesToColumns(series);
    expect(columns.times).toEqual([1733392800000, 1733392815000]);
    expect(columns.columns.map((c) => [c.name, c.values])).toEqual([
      ['node_load1{instance="a:9100", job="node"}', [0.5, 0.75]],
      ['node_load1{instance="b:9100", job="node"}', [null, 1.25]],
    ]);
  });

  it('reads the Series;Time;Value layout with zoned times, in time order, and keeps legends as names', () => {
    const { series, layout } = readGrafanaCsv(LONG);
    expect(layout).toBe('long');
    expect(series[0]!.points).toEqual([
      { t: Date.UTC(2024, 11, 5, 9, 0, 0), v: 0 },
      { t: Date.UTC(2024, 11, 5, 9, 0, 15), v: 1 },
    ]);
    expect(series[1]).toEqual({ metric: {}, name: 'cpu 0', points: [] });
  });

  it('warns about times without a zone and refuses formatted values, naming line and column', () => {
    expect(readGrafanaCsv('Time,a{b="c"}\n2024-12-05 10:00:00,1\n').warnings[0]).toMatch(/^1 times have no UTC offset/);
    expect(() => readGrafanaCsv('Time,a{b="c"}\n2024-12-05 10:00:00,12 ms\n')).toThrow(
      'line 2, column "a{b=\\"c\\"}": "12 ms" is not a number — export with "Formatted data" off',
    );
    expect(() => readGrafanaCsv('Date,x\n1,2\n')).toThrow('the first column must be "Time"');
    expect(() => readGrafanaCsv('Time,x\n1733392800000,1,2\n')).toThrow('line 2 has 3 fields, the header has 2');
    expect(() => readGrafanaCsv('Series,Time,Value\nx,1733392800000,1\nx,1733392800000,2\n')).toThrow('two values at 2024-12-05T10:00:00.000Z for "x"');
  });
});
