import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';

const utf8 = (text: string) => new TextEncoder().encode(text);
const ingest = (text: string, name: string) => ingestCsv(utf8(text), name, { id: 'p', now: () => new Date(0) });
const values = (dataset: Awaited<ReturnType<typeof ingest>>, name: string) => Array.from(dataset.table.getChild(name)!, (v) => v as unknown);

// As Prometheus writes it (one line); `up` is 0/1, which the ≤ 10 distinct integers rule would type categorical.
const QUERY_RANGE = JSON.stringify({
  status: 'success',
  data: {
    resultType: 'matrix',
    result: [
      {
        metric: { __name__: 'up', job: 'node', instance: 'a:9100' },
        values: [
          [1733392800, '1'],
          [1733392860, '0'],
        ],
      },
      {
        metric: { __name__: 'up', job: 'node', instance: 'b:9100' },
        values: [
          [1733392860, '1'],
          [1733392920, 'NaN'],
        ],
      },
    ],
  },
});

describe('Prometheus and Grafana files as datasets', () => {
  it('a query_range response: a datetime time column and one numeric column per series', async () => {
    const dataset = await ingest(QUERY_RANGE, 'series.json');
    expect(dataset.meta.schema).toEqual([
      { name: 'time', type: 'datetime' },
      { name: 'up{instance="a:9100", job="node"}', type: 'numeric' },
      { name: 'up{instance="b:9100", job="node"}', type: 'numeric' },
    ]);
    expect(dataset.meta.rows).toBe(3);
    expect(values(dataset, 'time')).toEqual(['2024-12-05T10:00:00.000Z', '2024-12-05T10:01:00.000Z', '2024-12-05T10:02:00.000Z']);
    expect(values(dataset, 'up{instance="a:9100", job="node"}')).toEqual([1, 0, null]);
    expect(values(dataset, 'up{instance="b:9100", job="node"}')).toEqual([null, 1, null]);
    expect(dataset.meta.warnings).toEqual(['read as a Prometheus query_range response: 2 series']);
  });

  it('an error response or an instant query is refused with Prometheus’ reason', async () => {
    await expect(ingest('{"status":"error","errorType":"bad_data","error":"parse error"}', 'q.json')).rejects.toThrow(
      'Prometheus answered with an error (bad_data): parse error',
    );
    await expect(ingest('{"status":"success","data":{"resultType":"vector","result":[]}}', 'q.json')).rejects.toThrow('resultType is "vector"');
    await expect(ingest('{"status":"success","data":{"resultType":"matrix","result":[]}}', 'q.json')).rejects.toThrow('no series: q.json holds none');
  });

  it('a Grafana export whose headers are series; an ordinary Time-first CSV and JSON Lines with a status field stay as they were', async () => {
    const grafana = await ingest('"Time","node_load1{instance=""a""}"\r\n1733392800000,0.5\r\n1733392815000,0.75\r\n', 'grafana_data_export.csv');
    expect(grafana.meta.schema).toEqual([
      { name: 'time', type: 'datetime' },
      { name: 'node_load1{instance="a"}', type: 'numeric' },
    ]);
    expect(values(grafana, 'node_load1{instance="a"}')).toEqual([0.5, 0.75]);
    const plain = await ingest('Time,score,label\n2024-01-01,1.5,a\n2024-01-02,2.5,b\n', 'plain.csv');
    expect(plain.meta.schema.map((c) => c.name)).toEqual(['Time', 'score', 'label']);
    expect(plain.meta.warnings).toEqual([]);
    const rows = await ingest('{"status":"ok","latency":1.5}\n{"status":"slow","latency":9}\n', 'log.jsonl');
    expect(rows.meta.schema.map((c) => c.name)).toEqual(['status', 'latency']);
  });
});
