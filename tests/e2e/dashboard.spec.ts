import { readFileSync } from 'node:fs';
import { openDemo } from './demo';
import { expect, test } from './guard';

/** The tiles' titles in grid order. */
const order = (page: import('@playwright/test').Page) => page.getByTestId('dashboard-tile').locator('.tile-title').allTextContents();

test('dashboard: pin numbers and a chart from the demo notebook → rearrange by keyboard and drag → export one self-contained HTML file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemo(page);

  // Pin the drift cell's dataset drift share, the model's current accuracy and its ROC curve.
  const drift = page.getByTestId('drift-cell').first();
  await drift.getByRole('button', { name: 'Pin', exact: true }).click();
  const driftPanel = drift.getByRole('group', { name: 'Pin to the dashboard' });
  await driftPanel.getByLabel('Number').selectOption({ label: 'Dataset drift share' });
  await page.screenshot({ path: '/tmp/d-pin-menu.png' });
  await driftPanel.getByRole('button', { name: 'Pin number' }).click();
  await expect(drift.getByRole('status').filter({ hasText: 'Pinned' })).toHaveText('Pinned “Dataset drift share” to the dashboard.');

  const model = page.getByTestId('classification-cell').first();
  await model.getByRole('button', { name: 'Pin', exact: true }).click();
  await model.getByLabel('Number').selectOption({ label: 'Model metric — metric=accuracy · dataset=current' });
  await model.getByRole('button', { name: 'Pin number' }).click();
  await model.getByRole('button', { name: 'Pin', exact: true }).click();
  await model
    .getByRole('group', { name: 'Pin to the dashboard' })
    .locator('.pin-row', { hasText: 'ROC curve' })
    .getByRole('button', { name: 'Pin chart' })
    .click();

  // A second run of the model cell, predictions from the score at 0.3 (logged as a run too): the tile's history has two points.
  await model.getByLabel('Prediction', { exact: true }).selectOption('');
  await model.getByLabel('Threshold (score ≥ t is positive)').fill('0.3');
  await model.getByRole('button', { name: 'Apply' }).click();

  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  const tiles = page.getByTestId('dashboard-tile');
  await expect(tiles).toHaveCount(3);
  await expect.poll(() => order(page)).toEqual(['Dataset drift share', 'Model metric: accuracy', 'ROC curve']);
  // Numbers: a share as a percent, the accuracy as a score, each over the cell's logged runs; the chart drawn.
  await expect(tiles.nth(0).getByTestId('tile-value')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(tiles.nth(1).getByTestId('tile-value')).toHaveText(/^0\.\d+$/);
  await expect(tiles.nth(1)).toContainText('over 2 logged runs');
  await expect(tiles.nth(1).locator('.tile-change')).toHaveText(/^[+−]0\.\d+ vs 20\d\d-/);
  await expect(tiles.nth(1).locator('.tile-trend polyline')).toHaveCount(1);
  await expect(tiles.nth(2).locator('svg').first()).toBeVisible();
  // Colour from the default rules: dataset drift share ≥ 0.5 and accuracy < 0.9 are rules, so both tiles are watched.
  for (const i of [0, 1]) await expect(tiles.nth(i).getByTestId('tile-status')).not.toHaveText('no rule');
  await page.screenshot({ path: '/tmp/d-dashboard.png', fullPage: true });

  // Keyboard: Alt+← moves the focused chart tile earlier; the live region says where it went and the focus stays on it.
  const chart = tiles.nth(2);
  await chart.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('dashboard-announcement')).toHaveText('Moved “ROC curve” to position 2 of 3.');
  await expect.poll(() => order(page)).toEqual(['Dataset drift share', 'ROC curve', 'Model metric: accuracy']);
  await expect(tiles.filter({ hasText: 'ROC curve' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('dashboard-announcement')).toHaveText('Moved “ROC curve” to position 1 of 3.');
  // The earlier/later buttons do the same.
  await page.getByRole('button', { name: 'Move Model metric: accuracy earlier' }).click();
  await expect.poll(() => order(page)).toEqual(['ROC curve', 'Model metric: accuracy', 'Dataset drift share']);
  await expect(page.getByTestId('dashboard-announcement')).toHaveText('Moved “Model metric: accuracy” to position 2 of 3.');

  // Drag: the drift share onto the first tile.
  await tiles.filter({ hasText: 'Dataset drift share' }).dragTo(tiles.first());
  await expect.poll(() => order(page)).toEqual(['Dataset drift share', 'ROC curve', 'Model metric: accuracy']);

  // The arrangement is stored: a reload keeps it.
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  await expect.poll(() => order(page)).toEqual(['Dataset drift share', 'ROC curve', 'Model metric: accuracy']);

  // Export: one HTML file, CSP first, no script, no URL but the SVG namespace, the tiles in the same order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.dashboard\.html$/);
  const path = test.info().outputPath('dashboard.html');
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<meta charset'));
  expect(html).toContain("default-src 'none'");
  expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
  expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]/i);
  const titles = [...html.matchAll(/<h2 id="tile-\d+-title"><bdi>([^<]*)<\/bdi><\/h2>/g)].map((m) => m[1]);
  expect(titles).toEqual(['Dataset drift share', 'ROC curve', 'Model metric: accuracy']);

  // The exported file shows without any request (the guard fails the test on one) and looks like the tab.
  const exported = await page.context().newPage();
  await exported.setContent(html);
  await expect(exported.locator('section.tile')).toHaveCount(3);
  await exported.screenshot({ path: '/tmp/d-export.png', fullPage: true });
  await exported.close();
});
