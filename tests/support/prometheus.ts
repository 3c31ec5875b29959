/**
 * A real Prometheus (Debian's `prometheus`) scraping itself and a real `prometheus-node-exporter`
 * every second, on free 127.0.0.1 ports with temporary data dirs — for vitest and Playwright alike
 * (no test-framework imports). `stop()` ends exactly the processes this started and removes their dirs.
 *
 *   const prom = await startPrometheus();
 *   try { fetch(`${prom.url}/api/v1/query?query=up`) … } finally { await prom.stop(); }
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrometheusOptions {
  /** Binaries (defaults: Debian's paths on PATH). */
  prometheusBin?: string;
  nodeExporterBin?: string;
  /** Wait until every target has at least this many `up` samples (default 5, i.e. ~5 s of scrapes). */
  minSamples?: number;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
}

export interface RunningPrometheus {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** The node exporter's own address (scraped as job "node"). */
  nodeExporterUrl: string;
  port: number;
  /** Temporary directory holding the config, TSDB and textfile dir. */
  dir: string;
  /** Node exporter's textfile collector directory: `*.prom` files here are scraped as job "node". */
  textfileDir: string;
  /** Atomically (re)writes `<textfileDir>/<name>.prom` with exposition text, picked up at the next scrape. */
  writeTextfile(name: string, text: string): void;
  /** Stop both processes (SIGTERM, then SIGKILL after 5 s) and remove `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1 (closed again, so there is a small race). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function configYaml(prometheusPort: number, exporterPort: number): string {
  return [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: prometheus',
    '    static_configs:',
    `      - targets: ['127.0.0.1:${prometheusPort}']`,
    '  - job_name: node',
    '    static_configs:',
    `      - targets: ['127.0.0.1:${exporterPort}']`,
    '',
  ].join('\n');
}

function launch(bin: string, args: string[], log: string[]): ChildProcess {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString('utf8'));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => log.push(`spawn ${bin}: ${error.message}`));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited(child);
  clearTimeout(timer);
}

/** `count_over_time(up[1m])` per job, or undefined while Prometheus is not answering. */
async function upSamples(url: string): Promise<Record<string, number> | undefined> {
  try {
    const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent('count_over_time(up[1m]) and up == 1')}`);
    if (!response.ok) return undefined;
    const body = (await response.json()) as { data?: { result?: { metric: { job?: string }; value: [number, string] }[] } };
    return Object.fromEntries((body.data?.result ?? []).map((r) => [r.metric.job ?? '', Number(r.value[1])]));
  } catch {
    return undefined;
  }
}

/** Starts node exporter and Prometheus, waits until both targets are up with `minSamples` scrapes each. */
export async function startPrometheus(options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const { prometheusBin = 'prometheus', nodeExporterBin = 'prometheus-node-exporter', minSamples = 5, timeoutMs = 60_000 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'driftbook-prometheus-'));
  const [port, exporterPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'prometheus.yml'), configYaml(port, exporterPort));
  const textfileDir = join(dir, 'textfile');
  mkdirSync(textfileDir);
  // Written aside and renamed, so a scrape never reads half a file.
  const writeTextfile = (name: string, text: string) => {
    writeFileSync(join(dir, `${name}.prom.tmp`), text);
    renameSync(join(dir, `${name}.prom.tmp`), join(textfileDir, `${name}.prom`));
  };
  const log: string[] = [];
  const children: ChildProcess[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(children.map(terminate));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Only the textfile dir is ours; the collectors read /proc and /sys as usual.
    children.push(launch(nodeExporterBin, [`--web.listen-address=127.0.0.1:${exporterPort}`, `--collector.textfile.directory=${textfileDir}`], log));
    children.push(
      launch(
        prometheusBin,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--log.level=warn',
        ],
        log,
      ),
    );
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const dead = children.find((child) => child.exitCode !== null || child.signalCode !== null);
      if (dead) throw new Error(`${dead.spawnfile} exited (${dead.exitCode ?? dead.signalCode}):\n${log.join('')}`);
      const counts = await upSamples(url);
      if (counts && (counts.prometheus ?? 0) >= minSamples && (counts.node ?? 0) >= minSamples) break;
      if (Date.now() > deadline) throw new Error(`Prometheus not ready after ${timeoutMs} ms (up samples: ${JSON.stringify(counts)}):\n${log.join('')}`);
      await sleep(250);
    }
    return { url, nodeExporterUrl: `http://127.0.0.1:${exporterPort}`, port, dir, textfileDir, writeTextfile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
