import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { freePort, startPrometheus, type RunningPrometheus } from '../support/prometheus';
import { openDemo } from './demo';
import { expect, test } from './guard';

const ROOT = join(__dirname, '..', '..');

async function addCell(page: Page, label: string): Promise<void> {
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
}

/** A query_range answer over 2015 (the demo's current year): a request counter and latency buckets, one point a day. */
function queryRange(): string {
  const start = Date.UTC(2015, 0, 1) / 1000;
  const days = Array.from({ length: 365 }, (_, i) => i);
  const values = (f: (i: number) => number) => days.map((i) => [start + i * 86400, String(f(i))]);
  // Cumulative counters (1,000 requests a day, `share` of them at most `le`): they never decrease.
  const bucket = (le: string, share: (i: number) => number) => ({
    metric: { __name__: 'http_request_duration_seconds_bucket', le },
    values: values((i) => days.slice(0, i + 1).reduce((sum, d) => sum + Math.round(1000 * share(d)), 0)),
  });
  // Slower from July: fewer requests under 0.25 s.
  const fast = (i: number) => (i < 181 ? 0.8 : 0.4);
  return JSON.stringify({
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        { metric: { __name__: 'http_requests_total', code: '200' }, values: values((i) => 86400 * i * (i < 181 ? 1 : 2)) },
        bucket('0.25', fast),
        bucket('1', () => 0.97),
        bucket('+Inf', () => 1),
      ],
    },
  });
}

const RULES = {
  schemaVersion: 1,
  rules: [
    {
      id: 'slow-p90',
      name: 'p90 latency above 0.8 s',
      metric: 'series_value',
      labels: {},
      comparator: '>',
      threshold: 0.8,
      for: '0s',
      severity: 'warning',
      summary: '{{ $labels.series }} is {{ $value }}',
    },
  ],
};

test('metrics: a query_range file charted raw and as histogram_quantile beside a monthly timeline, with an alert threshold and firing points', async ({
  page,
}) => {
  await openDemo(page);
  // The default build: the page may connect to its own origin only, and offers no live query.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'self';");
  await page.getByTestId('reference-input').setInputFiles({ name: 'http-2015.json', mimeType: 'application/json', buffer: Buffer.from(queryRange()) });
  await expect(page.getByTestId('reference-dataset')).toContainText('http-2015.json');

  // A rule on the Metrics cell's series (imported in the Alerts tab).
  await page.getByRole('tab', { name: 'Alerts' }).click();
  await page
    .getByRole('tabpanel', { name: 'Alerts' })
    .getByTestId('rules-file')
    .setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(RULES)) });
  await expect(page.getByRole('tabpanel', { name: 'Alerts' }).getByTestId('rule-row')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Notebook' }).click();

  // A monthly timeline of the demo (2015 months), for the shared time axis.
  await addCell(page, 'Timeline');
  const timeline = page.getByTestId('timeline-cell');
  const tform = timeline.getByRole('form', { name: 'Timeline settings' });
  await tform.getByLabel('Windows', { exact: true }).selectOption('period');
  await tform.getByLabel('Period', { exact: true }).selectOption('month');
  await tform.getByLabel('Timestamp column').selectOption('date');
  await tform.getByRole('button', { name: 'Apply' }).click();
  await expect(timeline.getByTestId('timeline-flagged')).toHaveText('9');

  await addCell(page, 'Metrics');
  const cell = page.getByTestId('metrics-cell');
  await expect(cell).toHaveCount(1);
  // It ran on the notebook's dataset first (the demo's weather columns as series); then the imported file.
  await expect(cell.getByTestId('metrics-series')).toBeVisible();
  await cell.getByLabel(/^series dataset of/).selectOption({ label: 'http-2015.json' });
  await cell.getByRole('button', { name: /^Run/ }).click();
  const rows = cell.getByTestId('metrics-series').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('http_requests_total{code="200"}');
  await expect(cell.getByTestId('metrics-chart').locator('[aria-description="series"] path')).toHaveCount(4);

  // p90 of the buckets after rate over a week, beside the timeline.
  const form = cell.getByRole('form', { name: 'Metrics settings' });
  await form.getByLabel('Transform').selectOption('histogram_quantile');
  await form.getByLabel('Rate range first (seconds)').fill(String(7 * 86400));
  await form.getByLabel('Quantile (0–1)').fill('0.9');
  await form
    .getByLabel('Series')
    .selectOption([
      'http_request_duration_seconds_bucket{le="0.25"}',
      'http_request_duration_seconds_bucket{le="1"}',
      'http_request_duration_seconds_bucket{le="+Inf"}',
    ]);
  await form.getByLabel('Beside the timeline').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[1w]))'.replace('[1w]', `[${7 * 24}h]`));
  await expect(cell.getByTestId('metrics-timeline-chart').locator('[aria-description="window values"] circle')).toHaveCount(12);
  // p90 ≈ 0.69 s until July, ≈ 0.91 s once 60 % of requests take over 0.25 s: the rule (> 0.8 s) fires on the later half of the year only.
  await expect(cell.getByTestId('metrics-chart').locator('[aria-description="threshold"] line')).toHaveCount(1);
  const firing = Number(await cell.getByTestId('metrics-firing').innerText());
  expect(firing).toBeGreaterThan(150);
  expect(firing).toBeLessThan(190);
  await expect(cell.getByTestId('metrics-chart').locator('[aria-description="firing points"] circle')).toHaveCount(firing);
  await cell.screenshot({ path: '/tmp/f-metrics-cell.png' });
});

test.describe('live query (a build with DRIFTBOOK_PROMETHEUS_URL)', () => {
  let prom: RunningPrometheus | undefined;
  let server: ChildProcess | undefined;
  let url = '';
  const outDir = 'out-prometheus';

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    prom = await startPrometheus();
    // A second static export, in its own folder (out/ is the default build the other tests serve).
    await promisify(execFile)('npx', ['next', 'build'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DRIFTBOOK_PROMETHEUS_URL: prom.url, DRIFTBOOK_OUT_DIR: outDir },
      maxBuffer: 64 * 1024 * 1024,
    });
    const port = await freePort();
    server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), join(ROOT, outDir)], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
    url = `http://127.0.0.1:${port}/`;
    await expect.poll(async () => (await fetch(url).catch(() => undefined))?.status, { timeout: 30_000 }).toBe(200);
  });

  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await prom?.stop();
    rmSync(join(ROOT, outDir), { recursive: true, force: true });
  });

  test('queries the real Prometheus from the page: its origin in connect-src, the answer becomes the series', async ({ page }) => {
    await page.goto(url);
    await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(`connect-src 'self' ${prom!.url};`);
    await addCell(page, 'Metrics');
    const cell = page.getByTestId('metrics-cell');
    const live = cell.getByRole('form', { name: 'Live Prometheus query' });
    await expect(live).toContainText(prom!.url);
    const end = new Date(Math.floor(Date.now() / 1000) * 1000);
    const start = new Date(end.getTime() - 20_000);
    await live.getByLabel('PromQL query').fill('rate(node_cpu_seconds_total{mode="idle"}[5s])');
    await live.getByLabel('Start (UTC)').fill(start.toISOString().slice(0, 19));
    await live.getByLabel('End (UTC)').fill(end.toISOString().slice(0, 19));
    await live.getByLabel('Step (seconds)').fill('1');
    await live.getByRole('button', { name: 'Run query' }).click();
    const rows = cell.getByTestId('metrics-series').locator('tbody tr');
    await expect(rows.first()).toContainText('{cpu="0", instance=');
    await expect(cell.getByTestId('metrics-note')).toContainText('live query rate(node_cpu_seconds_total{mode="idle"}[5s])');
    const points = Number((await rows.first().locator('td').nth(1).innerText()).replace(/\D/g, ''));
    expect(points).toBeGreaterThan(5);

    await cell.screenshot({ path: '/tmp/f-metrics-live.png' });
  });
});
