/** `driftbook prom query` against a real Prometheus (tests/support/prometheus.ts), and its errors. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { ingestCsv } from '../../../lib/data/ingest';
import { parseQueryRange } from '../../../lib/prom/query-range';
import { freePort, startPrometheus, type RunningPrometheus } from '../../support/prometheus';

let prom: RunningPrometheus;
let start: string; // RFC 3339
let end: string; // Unix seconds
const dir = mkdtempSync(join(tmpdir(), 'driftbook-prom-cli-'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => {
  // 8 scrapes before the 4-second query window: every step has 3 s of samples behind it.
  prom = await startPrometheus({ minSamples: 8 });
  const now = Math.floor(Date.now() / 1000) - 2;
  start = new Date((now - 4) * 1000).toISOString().replace('.000Z', 'Z');
  end = String(now);
}, 120_000);

afterAll(async () => {
  await prom?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('driftbook prom query', () => {
  it('writes Prometheus’ query_range response, which ingests as time + one column per series', async () => {
    const out = join(dir, 'series.json');
    const query = 'rate(node_cpu_seconds_total{mode="idle"}[3s])';
    const result = await run(['prom', 'query', '--url', prom.url, '--query', query, '--start', start, '--end', end, '--step', '1', '--out', out]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const text = readFileSync(out, 'utf8');
    const series = parseQueryRange(JSON.parse(text));
    expect(series.length).toBeGreaterThan(0);
    expect(series[0]!.metric).toMatchObject({ cpu: expect.any(String), mode: 'idle', job: 'node' });
    expect(series[0]!.points.length).toBeGreaterThanOrEqual(3);
    const dataset = await ingestCsv(new Uint8Array(readFileSync(out)), 'series.json');
    expect(dataset.meta.schema[0]).toEqual({ name: 'time', type: 'datetime' });
    expect(dataset.meta.schema.slice(1).map((c) => c.type)).toEqual(series.map(() => 'numeric'));
    expect(dataset.meta.schema[1]!.name).toMatch(/^\{cpu="\d+", instance="127\.0\.0\.1:\d+", job="node", mode="idle"\}$/);
  });

  it('--format csv writes Time and one column per series, read back as the same series', async () => {
    const result = await run(['prom', 'query', '--url', prom.url, '--query', 'up', '--start', start, '--end', end, '--step', '1s', '--format', 'csv']);
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Time,"up\{instance=""127\.0\.0\.1:\d+"", job=""(node|prometheus)""\}","up\{/);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z,1,1$/);
    const dataset = await ingestCsv(new TextEncoder().encode(result.out), 'up.csv');
    expect(dataset.meta.schema.map((c) => c.type)).toEqual(['datetime', 'numeric', 'numeric']);
    expect(dataset.meta.rows).toBe(5);
  });

  it('reports a PromQL error, an unreachable server and a server that is not Prometheus in one line (exit 2)', async () => {
    const bad = await run(['prom', 'query', '--url', prom.url, '--query', 'rate(up[', '--start', start, '--end', end, '--step', '1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^driftbook: Prometheus answered with an error \(bad_data\): 1:9: parse error: .+\n$/);
    const port = await freePort();
    const down = await run(['prom', 'query', '--url', `http://127.0.0.1:${port}`, '--query', 'up', '--start', start, '--end', end, '--step', '1']);
    expect(down).toMatchObject({
      code: 2,
      err: `driftbook: cannot reach Prometheus at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port} — is it running, and is --url right?\n`,
    });
    const other = await run(['prom', 'query', '--url', prom.nodeExporterUrl, '--query', 'up', '--start', start, '--end', end, '--step', '1']);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/^driftbook: not a Prometheus API answer: HTTP \d+ from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query_range is not JSON/);
  });

  it('checks its flags before asking', async () => {
    const base = ['prom', 'query', '--url', prom.url, '--query', 'up'];
    expect((await run([...base, '--start', 'yesterday', '--end', end, '--step', '1'])).err).toBe(
      'driftbook: --start: yesterday is not an RFC 3339 time with a zone (2026-12-05T10:00:00Z) or Unix seconds\n',
    );
    expect((await run([...base, '--start', start, '--end', end, '--step', '0'])).err).toMatch(/--step: 0 is not a positive number of seconds/);
    expect((await run([...base, '--start', end, '--end', '1', '--step', '1'])).err).toMatch(/--end: 1 is before --start/);
    expect((await run(['prom', 'query', '--url', 'ftp://x', '--query', 'up', '--start', start, '--end', end, '--step', '1'])).code).toBe(2);
    expect((await run(['prom', 'fetch'])).err).toMatch(/^driftbook: prom: unknown subcommand fetch/);
  });
});
