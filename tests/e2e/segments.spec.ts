import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as unguarded } from '@playwright/test';
import { importEditedBackup, openDemo } from './demo';
import { expect, test } from './guard';

// Segments are arquero expressions, compiled with Function(): the page's CSP forbids that, so they
// run in the analysis worker, whose policy comes from its own script response (scripts/serve.mjs
// sends none). These flows check that in Chromium, on the served static export.

const ROOT = join(__dirname, '..', '..');
const REFERENCE_FILE = join(ROOT, 'public/demo/seattle-weather-2012-2013.csv');

/** Rows of the demo's reference file a plain loop keeps (expected counts, computed without arquero). */
function countRows(keep: (row: Record<string, string>) => boolean): number {
  const [header, ...lines] = readFileSync(REFERENCE_FILE, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return lines.filter((line) => keep(Object.fromEntries(line.split(',').map((cell, c) => [names[c]!, cell])))).length;
}

/**
 * Whether the page's own scripts may compile code once the app runs: the served page gets one more
 * inline script (allowed by the CSP) that tries Function() after the demo is computed and writes the
 * outcome into the DOM. Nothing may be run through page.evaluate before it: DevTools evaluation
 * relaxes the page's eval policy for the rest of its life (tried: it compiles after any evaluate).
 */
const LATE_PROBE =
  "<script>setTimeout(() => { try { document.documentElement.dataset.probe = String(new Function('return 6 * 7')()); } catch (e) { document.documentElement.dataset.probe = e.name; } }, 2500)</script>";

// Unguarded: the probe is refused by the CSP on purpose, which Chromium logs as a console error.
// That the analysis worker may compile is shown by the flows below: their segments run there.
unguarded("the page's scripts may not compile code (so segments cannot run on the page)", async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route(`${baseURL}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('</body>', `${LATE_PROBE}</body>`) });
  });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-probe', 'EvalError', { timeout: 20_000 });
  // The only console error is the refused probe.
  expect(errors.filter((text) => !/unsafe-eval|Refused to evaluate|EvalError/i.test(text))).toEqual([]);
});

test('a segment typed into a drift cell filters its reference in the worker', async ({ page }) => {
  await openDemo(page);
  const cell = page.getByTestId('drift-cell').first();
  const segment = "d => d.weather === 'rain' && d.precipitation > 1";
  const field = cell.getByLabel('reference segment');
  await field.fill(segment);
  await field.press('Enter');
  await expect(cell.getByTestId('cell-segments')).toContainText(segment);
  const run = cell.getByRole('button', { name: /^Run/ });
  if (await run.isEnabled()) await run.click();
  const rainy = countRows((r) => r.weather === 'rain' && Number(r.precipitation) > 1);
  await expect(cell.getByTestId('drift-summary').locator('..')).toContainText(`(${rainy} rows)`);
  expect(rainy).toBeGreaterThan(0);

  // A refused expression is explained in the field and never reaches the worker.
  await field.fill("d => fetch('https://example.com')");
  await field.press('Enter');
  await expect(cell).toContainText('segment: function call not allowed');
  await expect(cell.getByTestId('cell-segments')).toContainText(segment);
});

test('an imported workspace shows its segments before anything runs; one file split in two compares in the worker', async ({ page }) => {
  await openDemo(page);
  const early = "d => d.date < '2013-01-01'";
  const rest = "d => !(d.date < '2013-01-01')";
  await importEditedBackup(page, { id: 'split-one-file', name: 'Split one file' }, (cells) => {
    const drift = cells.find((c) => c.kind === 'drift')!;
    const inputs = drift.inputs as Record<string, { id: string; sha256: string; segment?: string }>;
    // Both sides read the reference file: the first year against the rest.
    drift.inputs = { reference: { ...inputs.reference!, segment: early }, current: { ...inputs.reference!, segment: rest } };
    drift.status = 'idle';
    delete drift.result;
    delete drift.resultKey;
  });
  const cell = page.getByTestId('drift-cell').first();
  await expect(cell.getByTestId('cell-segments')).toContainText(early);
  await expect(cell.getByTestId('cell-segments')).toContainText(rest);
  await cell.getByRole('button', { name: /^Run/ }).click();
  const summary = cell.getByTestId('drift-summary').locator('..');
  await expect(summary).toContainText(`(${countRows((r) => r.date! < '2013-01-01')} rows)`);
  await expect(summary).toContainText(`(${countRows((r) => !(r.date! < '2013-01-01'))} rows)`);
});

test('split one file in two from the compare section: the segment against the rest, drift and quality computed in the worker', async ({ page }) => {
  await openDemo(page);
  const split = page.getByTestId('split-file');
  await split.locator('summary').click();
  const option = split.locator('select option', { hasText: 'seattle-weather-2012-2013.csv' });
  await split.getByLabel('Dataset').selectOption(await option.getAttribute('value'));
  const field = split.getByTestId('split-segment');
  // Column completion: typing `d.tem` offers the temp_ columns.
  await field.fill('d => d.tem');
  const options = await split.locator('datalist option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  expect(options).toEqual(expect.arrayContaining(['d => d.temp_max', 'd => d.temp_min']));
  await field.fill("d => d.date < '2012-07-01'");
  await split.getByRole('button', { name: 'Compare the segment with the rest' }).click();
  const title = "seattle-weather-2012-2013.csv: d => d.date < '2012-07-01' vs the rest";
  const drift = page.getByTestId('drift-cell').filter({ hasText: title });
  const summary = drift.getByTestId('drift-summary').locator('..');
  await expect(summary).toContainText(`(${countRows((r) => r.date! < '2012-07-01')} rows)`);
  await expect(summary).toContainText(`(${countRows((r) => !(r.date! < '2012-07-01'))} rows)`);
  await expect(page.getByTestId('quality-cell').filter({ hasText: title })).toBeVisible();
});
