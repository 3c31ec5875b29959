import { DataError } from '../errors';
import { parseSampleValue } from './sample-value';
import type { PromPoint, PromSeries } from './types';

const fail = (problem: string) => new DataError('bad-query-range', `not a Prometheus query_range response: ${problem}`);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const NOT_MATRIX: Record<string, string> = {
  vector: 'an instant query (/api/v1/query) — fetch /api/v1/query_range with start, end and step (Grafana: Query inspector → Data → the range query)',
  scalar: 'a scalar — a range query of a scalar expression returns a matrix; use /api/v1/query_range',
  string: 'a string — only numeric series can be read',
};

function labelsOf(value: unknown, where: string): Record<string, string> {
  if (!isObject(value)) throw fail(`${where}.metric is not an object of labels`);
  const metric: Record<string, string> = {};
  for (const [name, label] of Object.entries(value)) {
    if (typeof label !== 'string') throw fail(`${where}.metric.${name} is ${JSON.stringify(label)}, not a string`);
    metric[name] = label;
  }
  return metric;
}

function pointsOf(values: unknown, where: string): PromPoint[] {
  if (!Array.isArray(values)) throw fail(`${where}.values is not an array of [time, "value"] pairs`);
  const points: PromPoint[] = [];
  values.forEach((pair: unknown, j) => {
    const at = `${where}.values[${j}]`;
    if (!Array.isArray(pair) || pair.length !== 2) throw fail(`${at} is not a [time, "value"] pair`);
    const [time, text] = pair as [unknown, unknown];
    const seconds = typeof time === 'number' ? time : typeof time === 'string' ? Number(time) : NaN;
    if (!Number.isFinite(seconds)) throw fail(`${at}: time ${JSON.stringify(time)} is not Unix seconds`);
    const v = typeof text === 'string' ? parseSampleValue(text) : typeof text === 'number' ? text : undefined;
    if (v === undefined) throw fail(`${at}: value ${JSON.stringify(text)} is not a number`);
    // Prometheus times are whole milliseconds, written as seconds with up to 3 decimals.
    const t = Math.round(seconds * 1000);
    const previous = points[points.length - 1];
    if (previous && t <= previous.t) throw fail(`${at}: time ${seconds} is not after the previous sample's`);
    points.push({ t, v });
  });
  return points;
}

/**
 * The series of a Prometheus HTTP API range-query response (`GET /api/v1/query_range`, the JSON as
 * Prometheus writes it: `{status, data: {resultType: "matrix", result: [{metric, values}]}}`). An error
 * response, another result type or a malformed field is a DataError naming it.
 */
export function parseQueryRange(json: unknown): PromSeries[] {
  if (!isObject(json)) throw fail('expected a JSON object with "status" and "data"');
  if (json.status === 'error') {
    const type = typeof json.errorType === 'string' ? json.errorType : 'error';
    const message = typeof json.error === 'string' ? json.error : 'no message';
    throw new DataError('prometheus-error', `Prometheus answered with an error (${type}): ${message}`);
  }
  if (json.status !== 'success') throw fail(`status is ${JSON.stringify(json.status)}, expected "success"`);
  const data = json.data;
  if (!isObject(data)) throw fail('"data" is missing');
  if (data.resultType !== 'matrix') {
    const type = String(data.resultType);
    throw new DataError(
      'not-a-matrix',
      `not a range query result: resultType is "${type}", expected "matrix" — ${NOT_MATRIX[type] ?? 'use /api/v1/query_range'}`,
    );
  }
  if (!Array.isArray(data.result)) throw fail('data.result is not an array');
  return data.result.map((entry: unknown, i) => {
    const where = `data.result[${i}]`;
    if (!isObject(entry)) throw fail(`${where} is not an object`);
    if ('histograms' in entry) {
      throw new DataError(
        'native-histogram',
        `native histograms are not supported: ${where} holds "histograms" — query its classic _bucket series, or histogram_quantile(…) of it`,
      );
    }
    return { metric: labelsOf(entry.metric, where), points: pointsOf(entry.values ?? [], where) };
  });
}
