import { readFileSync } from 'node:fs';
import { openDemo } from './demo';
import { expect, test } from './guard';

const TREE = 'tests/fixtures/mlruns/tree';

test('tracking: import an mlruns folder → compare runs with differences only → register a version and move an alias → verify the audit trail → export the experiment report', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openDemo(page);
  await page.getByRole('tab', { name: 'Runs', exact: true }).first().click();
  const runsView = page.getByRole('region', { name: 'Runs' });
  await runsView.getByRole('tab', { name: 'Import from MLflow' }).click();

  // The fixture folder through the directory picker (Playwright uploads the directory's files with their relative paths).
  await page.getByTestId('mlruns-input').setInputFiles(TREE);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Imported tree');
  await expect(result).toContainText('runs 9 added, 0 updated, 0 unchanged');
  await expect(result).toContainText('registered models 2 added');

  // The same folder again duplicates nothing.
  await page.getByTestId('mlruns-input').setInputFiles(TREE);
  await expect(result).toContainText('runs 0 added, 0 updated, 9 unchanged');

  // The table: active runs by default; all runs shows the deleted child under its parent (collapsed).
  await runsView.getByRole('tab', { name: 'Runs', exact: true }).click();
  const table = page.getByTestId('runs-table');
  // The demo's cell runs are logged too: pick the imported experiment (3 active runs, a deleted child).
  await page.getByTestId('experiment-select').selectOption({ label: 'fraud: détection 🚀' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await page.getByTestId('lifecycle-select').selectOption('all');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const parent = table.locator('tbody tr', { hasText: 'from-tag' });
  await expect(parent).toContainText('(1)');
  await parent.getByRole('button', { name: /child runs/ }).click();
  await expect(table.locator('tbody tr', { hasText: 'crashed' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(4);

  // The filter: MLflow's syntax, and a clear error for what is not supported.
  await page.getByTestId('run-filter').fill("params.`model/name` = 'xgb'");
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('run-filter').fill('metrics.auc >> 1');
  await expect(page.getByTestId('run-filter-error')).toBeVisible();
  await page.getByTestId('run-filter').fill('');
  await page.screenshot({ path: '/tmp/runs-table.png', fullPage: false });

  // A hand edit: crashed gets its parent's team tag (the two runs then share one value).
  await table.getByRole('button', { name: 'crashed', exact: true }).click();
  const detail = page.getByTestId('run-detail');
  await detail.getByRole('combobox', { name: 'What to add' }).selectOption('tag');
  await detail.getByRole('textbox', { name: 'Key' }).fill('team/owner');
  await detail.getByRole('textbox', { name: 'Value' }).fill('risk');
  await detail.getByRole('button', { name: 'Add' }).click();
  await expect(detail.locator('dl').nth(1)).toContainText('team/owner');
  await detail.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('checkbox', { name: 'Compare from-tag' }).check();
  await page.getByRole('checkbox', { name: 'Compare crashed' }).check();
  await page.getByTestId('compare-button').click();
  const compare = page.getByTestId('compare-table');
  const rows = compare.locator('tbody tr');
  const all = await rows.count();
  await expect(compare.locator('tr[data-key="params.model/depth"]')).toContainText('6');
  await page.getByRole('checkbox', { name: 'Show differences only' }).check();
  await expect.poll(() => rows.count()).toBeLessThan(all);
  expect(await rows.count()).toBe(await compare.locator('tbody tr.compare-differs').count());
  await expect(compare.locator('tr[data-key="tags.team/owner"]')).toHaveCount(0);
  await expect(compare.locator('tr[data-key="params.model/depth"]')).toBeVisible();
  await expect(page.getByTestId('history-chart').locator('g[aria-description="history"] path')).toHaveCount(2);
  await expect(page.getByTestId('parallel-chart').locator('svg')).toBeVisible();
  await page.screenshot({ path: '/tmp/runs-compare.png', fullPage: true });

  // The experiment report: the compare view frozen, self-contained.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('experiment-report').click()]);
  expect(download.suggestedFilename()).toMatch(/\.experiment\.html$/);
  const report = readFileSync(await download.path(), 'utf8');
  expect(report).toContain('Experiment report');
  expect(report).toContain("default-src 'none'");
  expect(report).toContain('from-tag');
  expect(report).toContain('Differences only');
  expect(report).not.toMatch(/<script|<link|src="http/);

  // Registry: register from-tag as a new version of fraud-model (numbers never reused: 5), move champion to it.
  await runsView.getByRole('tab', { name: 'Registry' }).click();
  await page.getByTestId('register-run').selectOption({ label: 'from-tag' });
  await page.getByTestId('register-model').fill('fraud-model');
  await page.getByRole('button', { name: 'Register version' }).click();
  const model = page.locator('article[data-model="fraud-model"]');
  // Versions 1, 3 and 4 were imported (2 was deleted in MLflow): the new one is 5, never a reused number.
  await expect(model.locator('tbody tr')).toHaveCount(4);
  await expect(model.locator('tr[data-version="5"]')).toContainText('from-tag');
  await expect(model.locator('[data-alias="champion"]')).toContainText('v3');
  await model.getByTestId('alias-name').fill('champion');
  await model.getByTestId('alias-version').selectOption('5');
  await model.getByRole('button', { name: 'Set / move alias' }).click();
  await expect(model.locator('[data-alias="champion"]')).toContainText('v5');
  await model.getByRole('combobox', { name: 'Stage of version 5' }).selectOption('Staging');
  await expect(model.getByRole('combobox', { name: 'Stage of version 5' })).toHaveValue('Staging');
  await page.screenshot({ path: '/tmp/registry.png', fullPage: true });

  // The audit trail holds, with the registry changes in it.
  await runsView.getByRole('tab', { name: 'Audit trail' }).click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verdict')).toContainText('The chain holds');
  await expect(page.getByTestId('audit-view')).toContainText('registry-change');
  await expect(page.getByTestId('audit-view')).toContainText('champion');
  await expect(page.getByTestId('audit-view').locator('td', { hasText: /^import$/ })).toHaveCount(2);
  await page.screenshot({ path: '/tmp/audit.png', fullPage: false });
});

test('registry: a version registered from a run the demo logged links to its workspace’s model card', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'Runs', exact: true }).first().click();
  const runsView = page.getByRole('region', { name: 'Runs' });
  // The demo's cells logged their runs when they computed: register the first as a version.
  await expect(page.getByTestId('runs-table').locator('tbody tr').first()).toBeVisible();
  await runsView.getByRole('tab', { name: 'Registry' }).click();
  await page.getByTestId('register-model').fill('rain-model');
  await page.getByRole('button', { name: 'Register version' }).click();
  const model = page.locator('article[data-model="rain-model"]');
  await expect(model.locator('tr[data-version="1"]')).toBeVisible();
  await model.locator('tr[data-version="1"]').getByTestId('version-card').click();
  await expect(page.getByRole('tab', { name: 'Model card' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Model card' })).toBeVisible();
  // And back: the card lists the registered versions its workspace's runs became.
  await expect(page.getByTestId('card-registry')).toContainText('Registered versions from this workspace’s runs: rain-model v1');
});
