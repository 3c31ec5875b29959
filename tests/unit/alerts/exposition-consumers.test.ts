import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposition } from '../../../lib/alerts/exposition';
import type { Sample } from '../../../lib/alerts/types';
import { HOSTILE_NAMES, parseExposition } from '../../support';
import { freePort } from '../../support/prometheus';

// The exposition as its consumers read it: Debian's prometheus-node-exporter (textfile collector only) and
// prometheus-pushgateway, started here on free 127.0.0.1 ports and stopped by their own handles.
const dir = mkdtempSync(join(tmpdir(), 'driftbook-consumers-'));
const children: ChildProcess[] = [];
const samples: Sample[] = [
  ...HOSTILE_NAMES.map((column, i): Sample => ({ metric: 'column_drift_score', labels: { column, method: 'psi' }, value: i / 4 })),
  { metric: 'dataset_drift_share', labels: {}, value: null },
  { metric: 'latency_seconds', labels: { quantile: '0.95', dataset: 'current' }, value: 0.25 },
];
const text = exposition(samples);

function start(bin: string, args: string[]): void {
  const child = spawn(bin, args, { stdio: 'ignore' });
  child.on('error', () => undefined);
  children.push(child);
}

/** GET url until it answers 200 (a few seconds at most). */
async function fetchReady(url: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: no answer — is it installed (apt-get install prometheus-node-exporter prometheus-pushgateway)?`);
}

/** Only our families, as the consumer re-exposes them. */
const ours = (scraped: string) =>
  parseExposition(
    `${scraped
      .split('\n')
      .filter((line) => /^(# (HELP|TYPE) )?driftbook_/.test(line))
      .join('\n')}\n`,
  );

const columnsOf = (families: ReturnType<typeof parseExposition>) =>
  families
    .find((f) => f.name === 'driftbook_column_drift_score')!
    .series.map((s) => [Object.fromEntries(s.labels).column, s.value])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));

const expected = samples
  .filter((s) => s.metric === 'column_drift_score')
  .map((s) => [s.labels.column, s.value])
  .sort(([a], [b]) => String(a).localeCompare(String(b)));

let exporterPort = 0;
let gatewayPort = 0;

beforeAll(async () => {
  [exporterPort, gatewayPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'driftbook.prom'), text);
  start('prometheus-node-exporter', [
    '--collector.disable-defaults',
    '--collector.textfile',
    `--collector.textfile.directory=${dir}`,
    `--web.listen-address=127.0.0.1:${exporterPort}`,
  ]);
  start('prometheus-pushgateway', [`--web.listen-address=127.0.0.1:${gatewayPort}`]);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the exposition in real consumers', () => {
  it('node_exporter textfile collector reads it without error and re-exposes the exact label values', async () => {
    const scraped = await fetchReady(`http://127.0.0.1:${exporterPort}/metrics`);
    expect(scraped).toContain('node_textfile_scrape_error 0');
    const families = ours(scraped);
    expect(columnsOf(families)).toEqual(expected);
    expect(families.find((f) => f.name === 'driftbook_dataset_drift_share')!.series[0]!.value).toBeNaN();
    expect(families.find((f) => f.name === 'driftbook_latency_seconds')!.type).toBe('summary');
  });

  it('the Pushgateway accepts it as a push (PUT) and serves the exact label values', async () => {
    await fetchReady(`http://127.0.0.1:${gatewayPort}/-/ready`);
    const push = await fetch(`http://127.0.0.1:${gatewayPort}/metrics/job/driftbook`, { method: 'PUT', body: text });
    expect(push.status, await push.text()).toBeLessThan(300);
    const families = ours(await fetchReady(`http://127.0.0.1:${gatewayPort}/metrics`));
    expect(columnsOf(families)).toEqual(expected);
  });
});
