import { describe, expect, it } from 'vitest';
import { parseQueryRange } from '../../../lib/prom/query-range';
import { parseSeriesName, seriesName } from '../../../lib/prom/series-name';

// Shapes from the Prometheus HTTP API documentation (docs/querying/api.md, "Range queries" and "Format overview").
const RESPONSE = {
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'up', job: 'prometheus', instance: 'localhost:9090' },
        values: [
          [1435781430.781, '1'],
          [1435781445.781, 'NaN'],
          [1435781460.781, '+Inf'],
        ],
      },
      { metric: { job: 'node' }, values: [[1435781430.781, '-Inf']] },
    ],
  },
};

describe('parseQueryRange', () => {
  it('reads each series with millisecond times and Prometheus float spellings', () => {
    const series = parseQueryRange(RESPONSE);
    expect(series).toHaveLength(2);
    expect(series[0]!.metric).toEqual({ __name__: 'up', job: 'prometheus', instance: 'localhost:9090' });
    expect(series[0]!.points).toEqual([
      { t: 1435781430781, v: 1 },
      { t: 1435781445781, v: NaN },
      { t: 1435781460781, v: Infinity },
    ]);
    expect(series[1]!.points).toEqual([{ t: 1435781430781, v: -Infinity }]);
  });

  it('reports an error response with its type and message', () => {
    const error = { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:6: parse error: unexpected end of input' };
    expect(() => parseQueryRange(error)).toThrow('Prometheus answered with an error (bad_data): invalid parameter "query": 1:6: parse error');
  });

  it('refuses an instant query result and says which endpoint to use', () => {
    const vector = { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, '1'] }] } };
    expect(() => parseQueryRange(vector)).toThrow('resultType is "vector", expected "matrix" — an instant query (/api/v1/query)');
    expect(() => parseQueryRange({ status: 'success', data: { resultType: 'scalar', result: [1, '1'] } })).toThrow('resultType is "scalar"');
  });

  it('names the malformed field', () => {
    const at = (values: unknown) => ({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
    expect(() => parseQueryRange(at([[1, 'x']]))).toThrow('data.result[0].values[0]: value "x" is not a number');
    expect(() =>
      parseQueryRange(
        at([
          [2, '1'],
          [1, '1'],
        ]),
      ),
    ).toThrow('data.result[0].values[1]: time 1 is not after');
    expect(() => parseQueryRange(at([[1]]))).toThrow('data.result[0].values[0] is not a [time, "value"] pair');
    expect(() => parseQueryRange([])).toThrow('expected a JSON object');
    expect(() => parseQueryRange({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { a: 1 }, values: [] }] } })).toThrow(
      'data.result[0].metric.a is 1, not a string',
    );
    expect(() => parseQueryRange({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, histograms: [] }] } })).toThrow(
      'native histograms are not supported',
    );
  });
});

describe('seriesName', () => {
  it('writes name{labels} in label order, escaped, and reads it back', () => {
    const metric = { __name__: 'node_cpu_seconds_total', mode: 'idle', cpu: '0', odd: 'a"b\\c\nd' };
    const name = seriesName(metric);
    expect(name).toBe('node_cpu_seconds_total{cpu="0", mode="idle", odd="a\\"b\\\\c\\nd"}');
    expect(parseSeriesName(name)).toEqual(metric);
    expect(seriesName({ job: 'x' })).toBe('{job="x"}');
    expect(seriesName({ __name__: 'up' })).toBe('up');
    expect(parseSeriesName('up{job="a",instance="b"}')).toEqual({ __name__: 'up', job: 'a', instance: 'b' });
    expect(parseSeriesName('cpu 0')).toBeUndefined();
  });
});
