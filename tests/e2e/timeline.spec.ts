import type { Locator, Page } from '@playwright/test';
import { openDemo } from './demo';
import { expect, test } from './guard';

// The demo: reference 2012–2013, current 2015 (daily Seattle weather). Monthly windows of `date`, the
// share of drifted columns: every month but April and October 2015 has at least half of its columns
// drifted (the dataset drift threshold, 0.5); February has 28 rows (< 30: small, never flagged).

async function addCell(page: Page, label: string): Promise<void> {
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
}

/** A stored dataset's id, read off a cell's input picker options by its name. */
async function datasetId(page: Page, name: string): Promise<string> {
  const option = page.locator('.input-pick select option').filter({ hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) });
  return (await option.first().getAttribute('value')) ?? '';
}

const windowRow = (cell: Locator, label: string) =>
  cell
    .getByTestId('timeline-windows')
    .locator('tbody tr')
    .filter({ has: cell.page().getByText(label, { exact: true }) });

test('timeline: monthly drift share of the demo with a flagged window and its band, a window opened as a drift cell', async ({ page }) => {
  await openDemo(page);
  await addCell(page, 'Timeline');
  const cell = page.getByTestId('timeline-cell');
  await expect(cell).toHaveCount(1);
  const form = cell.getByRole('form', { name: 'Timeline settings' });
  await form.getByLabel('Windows', { exact: true }).selectOption('period');
  await form.getByLabel('Period', { exact: true }).selectOption('month');
  await form.getByLabel('Timestamp column').selectOption('date');
  await form.getByLabel('Metric per window').selectOption('dataset_drift_share');
  await form.getByRole('button', { name: 'Apply' }).click();

  await expect(cell.getByTestId('timeline-flagged')).toHaveText('9');
  await expect(cell.locator('.summary-meta')).toContainText('9 of 12 windows flagged');
  await expect(cell).toContainText('monthly windows of date (UTC)');
  await expect(cell).toContainText('24 reference chunks');
  // The chart: the band shaded, the threshold, nine red dots, February grey.
  const chart = cell.getByTestId('timeline-chart');
  await expect(chart.locator('[aria-description="reference band"] path')).toHaveCount(1);
  await expect(chart.locator('[aria-description="threshold"] line')).toHaveCount(1);
  await expect(chart.locator('[aria-description="flagged windows"] circle')).toHaveCount(9);
  await expect(chart.locator('[aria-description="small windows"] circle')).toHaveCount(1);
  await expect(cell.getByTestId('timeline-heatmap')).toBeVisible();

  await cell.locator('summary', { hasText: 'Windows (12)' }).click();
  const june = windowRow(cell, '2015-06');
  await expect(june).toHaveAttribute('data-status', 'flagged');
  await expect(june).toContainText('past the threshold');
  await expect(june.locator('td').nth(3)).toHaveText('1');
  await expect(windowRow(cell, '2015-04')).toHaveAttribute('data-status', 'ok');
  await expect(windowRow(cell, '2015-02')).toHaveAttribute('data-status', 'small');

  // June in detail: every column drifted.
  await june.getByRole('button', { name: '2015-06' }).click();
  const columns = cell.getByTestId('timeline-window-columns');
  await expect(columns).toContainText('Window 2015-06: drift per column (30 rows)');
  await expect(columns.locator('tbody td.flagged')).toHaveCount(await columns.locator('tbody tr').count());

  // June as a drift cell right after the timeline: its segment, the whole reference, computed.
  await june.getByRole('button', { name: 'drift cell' }).click();
  const drift = page.locator('[data-cell-kind="drift"]', { has: page.locator('.cell-title', { hasText: 'Data drift · window 2015-06' }) });
  await expect(drift).toHaveCount(1);
  const kinds = () => page.locator('[data-cell-kind]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell-kind')));
  await expect.poll(async () => (await kinds()).slice(-2)).toEqual(['timeline', 'drift']);
  await expect(drift.getByTestId('cell-segments')).toContainText(`d["date"] >= '2015-06-01' && d["date"] < '2015-07-01'`);
  // The window's 30 rows against the 731 of the reference: every column drifted, as the window's share of 1 said.
  await expect(drift.getByTestId('drift-summary')).toHaveText('Drift detected in 8 of 8 columns');
  await expect(drift).toContainText('(731 rows) · current');
  await expect(drift).toContainText('(30 rows)');

  await cell.screenshot({ path: '/tmp/timeline-cell.png' });
});

test('change detection: DDM over the demo rain days in date order lists its drift and warning runs', async ({ page }) => {
  await openDemo(page);
  await addCell(page, 'Change detection');
  const cell = page.getByTestId('change-cell');
  await expect(cell).toHaveCount(1);
  // A new change-detection cell watches the current data (2015) and takes the reference for CUSUM's targets.
  await expect(cell.locator('.input-pick').first().locator('select')).toHaveValue(await datasetId(page, 'seattle-weather-2015.csv'));
  await expect(cell.locator('.input-pick').nth(1).locator('select')).toHaveValue(await datasetId(page, 'seattle-weather-2012-2013.csv'));
  const form = cell.getByRole('form', { name: 'Change detection settings' });
  await form.getByLabel('Column', { exact: true }).selectOption('rain');
  await form.getByLabel('Detector').selectOption('ddm');
  await form.getByLabel('Order by (timestamp)').selectOption('date');
  await form.getByRole('button', { name: 'Apply' }).click();

  // River's DDM over 2015's rain indicator (checked with `driftbook detect --data seattle-weather-2015.csv --column rain
  // --detector ddm --order-by date`): one drift at position 336 (2015-12-03), 40 warning positions.
  const summary = cell.getByTestId('change-summary');
  await expect(summary).toContainText('1 drift in 365 values');
  await expect(summary).toContainText('warnings at 40 positions');
  const events = cell.getByTestId('change-events');
  const drifts = events.locator('tbody tr').filter({ has: page.locator('td', { hasText: /^drift$/ }) });
  await expect(drifts).toHaveCount(1);
  await expect(drifts.locator('td').nth(1)).toHaveText('336');
  await expect(drifts.locator('td').nth(3)).toContainText('2015-12-03');
  expect(
    await events
      .locator('tbody tr')
      .filter({ has: page.locator('td', { hasText: /^warning/ }) })
      .count(),
  ).toBeGreaterThan(1);
  const chart = cell.getByTestId('change-chart');
  await expect(chart.locator('[aria-description="drifts"] line')).toHaveCount(1);
  expect(await chart.locator('[aria-description="warnings"] rect').count()).toBeGreaterThan(1);

  await cell.screenshot({ path: '/tmp/change-cell.png' });
});

test("change detection: DDM over the demo model's error indicator (rain_predicted ≠ rain) in date order", async ({ page }) => {
  await openDemo(page);
  await addCell(page, 'Change detection');
  const cell = page.getByTestId('change-cell');
  await expect(cell).toHaveCount(1);
  // The stream is the cell's first dataset; the second, optional, is the reference for CUSUM's targets.
  await expect(cell.locator('.input-pick').first()).toContainText('stream');
  await expect(cell.locator('.input-pick').nth(1)).toContainText('reference');
  // Watch 2012–2013 instead (the pickers swap the pair: no dataset in both slots).
  await cell.locator('.input-pick').nth(1).locator('select').selectOption('');
  await cell
    .locator('.input-pick')
    .first()
    .locator('select')
    .selectOption(await datasetId(page, 'seattle-weather-2012-2013.csv'));
  const form = cell.getByRole('form', { name: 'Change detection settings' });
  await form.getByLabel('Source').selectOption('error');
  await form.getByLabel('Target', { exact: true }).selectOption('rain');
  await form.getByLabel('Prediction', { exact: true }).selectOption('rain_predicted');
  await form.getByLabel('Detector').selectOption('ddm');
  await form.getByLabel('Order by (timestamp)').selectOption('date');
  await form.getByRole('button', { name: 'Apply' }).click();

  // River's DDM over 2012–2013's errors of the demo model (184 of 731 days; checked with
  // `driftbook detect --source error --target rain --prediction rain_predicted --detector ddm --order-by date`):
  // drifts at positions 199 (2012-07-18) and 355 (2012-12-21), 282 warning positions.
  const summary = cell.getByTestId('change-summary');
  await expect(summary).toContainText('2 drifts in 731 values in time order');
  await expect(summary).toContainText('warnings at 282 positions');
  await expect(cell.locator('.summary-meta')).toContainText('rain ≠ rain_predicted');
  const drifts = cell
    .getByTestId('change-events')
    .locator('tbody tr')
    .filter({ has: page.locator('td', { hasText: /^drift$/ }) });
  await expect(drifts).toHaveCount(2);
  await expect(drifts.first().locator('td').nth(1)).toHaveText('199');
  await expect(drifts.first().locator('td').nth(3)).toContainText('2012-07-18');
  await expect(drifts.nth(1).locator('td').nth(1)).toHaveText('355');
  const chart = cell.getByTestId('change-chart');
  await expect(chart.locator('[aria-description="drifts"] line')).toHaveCount(2);
  await expect(chart).toContainText('error rate (rain ≠ rain_predicted)');

  await cell.screenshot({ path: '/tmp/change-error.png' });
});
