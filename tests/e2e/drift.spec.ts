import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

interface ExpectedColumn {
  name: string;
  tested: boolean;
  pValue?: number;
  drifted?: boolean;
  reason?: string;
}
interface ExpectedPair {
  columns: ExpectedColumn[];
  dataset: { columns: number; driftedColumns: number };
}
const ROOT = join(__dirname, '..', '..');
const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/drift/expected.json'), 'utf8')) as {
  pairs: Record<string, ExpectedPair>;
};
const fixture = (name: string) => join(ROOT, 'tests/fixtures/e2e', name);
const XSS_COLUMN = '<img src=x onerror=alert(1)>';

async function expectCellMatches(cell: Locator, pair: ExpectedPair): Promise<void> {
  await expect(cell.getByTestId('drift-summary')).toHaveText(`Drift detected in ${pair.dataset.driftedColumns} of ${pair.dataset.columns} columns`);
  for (const column of pair.columns) {
    const row = cell.locator(`tr[data-column="${column.name.replace(/"/g, '\\"')}"]`);
    await expect(row).toHaveCount(1);
    if (!column.tested) {
      await expect(row).toContainText('not tested');
      continue;
    }
    const score = Number(await row.getAttribute('data-score'));
    const tolerance = 1e-6 * Math.max(column.pValue!, Number.MIN_VALUE);
    expect(Math.abs(score - column.pValue!), `${column.name}: ${score} vs ${column.pValue}`).toBeLessThanOrEqual(tolerance);
    await expect(row).toHaveAttribute('data-drifted', String(column.drifted));
  }
}

/** Opens a <details> by clicking its summary; retried, as a click can land while the page still settles under load. */
async function openDetails(details: Locator): Promise<void> {
  await expect(async () => {
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  }).toPass();
}

async function openDemo(page: Page): Promise<Locator> {
  await page.goto('/');
  await expect(page.getByTestId('workspace-name')).toHaveText('Seattle weather — demo');
  const cell = page.getByTestId('drift-cell').first();
  await expect(cell.getByTestId('drift-summary')).toBeVisible();
  return cell;
}

test('the demo workspace opens already computed, with scipy-exact numbers', async ({ page }) => {
  const started = Date.now();
  const cell = await openDemo(page);
  test.info().annotations.push({ type: 'demo-ready-ms', description: String(Date.now() - started) });
  await expectCellMatches(cell, expected.pairs.demo!);
  await expect(cell.locator('tr[data-column="date"]')).toContainText('datetime');
  // The most drifted column is selected, with its chart drawn.
  await expect(cell.getByTestId('column-detail').locator('svg').first()).toBeVisible();
  // The default preset's data-quality cell: 2015 has no "snow" days any more.
  const quality = page.getByTestId('quality-cell');
  await expect(quality).toHaveCount(1);
  await expect(quality.locator('tr[data-column="weather"] [data-testid="shift"]')).toHaveText('0% new · 1 vanished');
  await expect(quality.locator('tr[data-column="temp_max"] [data-testid="shift"]')).toContainText('out of range');
  await expect(quality.getByText(/Reference: 731 rows × 9 columns · 0 duplicated rows/)).toBeVisible();
});

test('upload two CSVs, see the drift cell, reload, and export an offline report', async ({ page, browser }) => {
  await openDemo(page);
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await expect(page.getByTestId('reference-dataset')).toContainText('reference.csv · 400 rows × 7 columns');
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  const cells = page.getByTestId('drift-cell');
  await expect(cells).toHaveCount(2);
  await expect(page.getByTestId('quality-cell')).toHaveCount(2);
  const cell = cells.nth(1);
  await expectCellMatches(cell, expected.pairs.e2e!);

  // User strings are text, never markup.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(cell.locator(`tr[data-column="${XSS_COLUMN}"] th`)).toHaveText(XSS_COLUMN);
  await expect(cell.getByText('Only in reference: only_ref.')).toBeVisible();

  // Selecting a row shows that column's distribution chart.
  await cell.locator('tr[data-column="segment"] button').click();
  const detail = cell.getByTestId('column-detail');
  await expect(detail.locator('h4')).toHaveText('segment');
  await expect(detail.locator('svg').first()).toBeVisible();
  await cell.locator('tr[data-column="income"] button').click();
  await expect(detail.locator('h4')).toHaveText('income');

  // Everything comes back after a reload, from IndexedDB.
  await page.reload();
  await expect(page.getByTestId('drift-cell')).toHaveCount(2);
  await expectCellMatches(page.getByTestId('drift-cell').nth(1), expected.pairs.e2e!);
  await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(4);

  // Export: one self-contained file that works offline with every request blocked.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('drift-cell').nth(1).getByRole('button', { name: 'Export report' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Seattle-weather-demo.report.html');
  const path = test.info().outputPath('report.html');
  await download.saveAs(path);
  const html = readFileSync(path, 'utf8');
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);

  const offline = await browser.newContext({ offline: true });
  const requests: string[] = [];
  const fileUrl = pathToFileURL(path).href;
  await offline.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort()));
  const reader = await offline.newPage();
  reader.on('request', (request) => {
    if (request.url() !== fileUrl) requests.push(request.url());
  });
  const dialogs: string[] = [];
  const readerErrors: string[] = [];
  reader.on('console', (message) => message.type() === 'error' && readerErrors.push(message.text()));
  reader.on('pageerror', (error) => readerErrors.push(error.message));
  reader.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await reader.goto(fileUrl);
  await expect(reader.getByText('Drift detected in')).toContainText('3');
  await expect(reader.locator('table').first()).toContainText('income');
  await expect(reader.locator('table').first()).toContainText(XSS_COLUMN);
  await expect(reader.locator('img[src="x"]')).toHaveCount(0);
  expect(await reader.locator('svg').count()).toBeGreaterThan(4);
  await expect(reader.getByText('seattle-weather').first()).toHaveCount(0);
  await expect(reader.getByText('reference.csv').first()).toBeVisible();
  // Its one script runs under the CSP (allowed by hash): headers sort, the filter hides rows.
  const scoreHeader = reader.locator('#cell-0 thead th', { hasText: 'Score' });
  await scoreHeader.click();
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'ascending');
  await reader.getByLabel('Filter columns').first().fill('income');
  await expect(reader.locator('#cell-0 tbody tr:visible')).toHaveCount(1);
  expect(requests).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(readerErrors).toEqual([]);
  await offline.close();
});

test('bad files get a clear message, never a blank page', async ({ page }) => {
  await openDemo(page);
  const refInput = page.getByTestId('reference-input');
  await refInput.setInputFiles(fixture('empty.csv'));
  await expect(page.getByTestId('reference-error')).toContainText('empty file: empty.csv is 0 bytes');
  await refInput.setInputFiles(fixture('header-only.csv'));
  await expect(page.getByTestId('reference-error')).toContainText('header only: header-only.csv has a header but no data rows');

  await refInput.setInputFiles(fixture('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('no-common.csv'));
  const failed = page.getByTestId('drift-cell').nth(1);
  await expect(failed.getByTestId('cell-error')).toContainText('no columns in common: reference has age, income');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
});

test('settings re-run the cell with another method, persist, and the detail shows ECDFs and every test', async ({ page }) => {
  const cell = await openDemo(page);
  // The KS detail draws the histogram and the ECDFs with the KS distance marked.
  const detail = cell.getByTestId('column-detail');
  await expect(detail.locator('svg')).toHaveCount(2);
  await expect(detail.getByText(/^D = /)).toBeVisible();
  await expect(detail.getByTestId('why-method')).toContainText("Evidently's default");

  await cell.getByText('Settings').click();
  await cell.getByLabel('Method, all columns').selectOption('psi');
  await cell.getByLabel('Multiple-testing correction').selectOption('bh');
  await cell.getByRole('button', { name: 'Apply and run' }).click();
  await expect(cell.locator('tr[data-column="temp_max"] td').nth(1)).toHaveText('psi');
  await expect(cell.locator('tr[data-column="weather"] td').nth(1)).toHaveText('psi');
  const psi = Number(await cell.locator('tr[data-column="temp_max"]').getAttribute('data-score'));
  expect(psi).toBeGreaterThan(0);

  // Sorting and filtering the table.
  await cell.getByLabel('Filter columns by name').fill('temp');
  await expect(cell.locator('tbody tr[data-column]')).toHaveCount(2);
  await cell.getByLabel('Filter columns by name').fill('');
  await cell.getByRole('button', { name: 'Score', exact: true }).click();
  await expect(cell.locator('th[aria-sort="ascending"]')).toHaveText(/Score/);

  // A per-column override: ks with its own threshold for temp_min only.
  await cell.locator('tr[data-column="temp_min"] button').click();
  await detail.getByLabel('Method for this column').selectOption('ks');
  await detail.getByLabel('Threshold for this column').fill('0.2');
  await detail.getByRole('button', { name: 'Apply to column' }).click();
  await expect(cell.locator('tr[data-column="temp_min"] td').nth(1)).toHaveText('ks');
  await expect(cell.locator('tr[data-column="temp_min"] td').nth(3)).toHaveText('0.2');
  await expect(cell.locator('tr[data-column="temp_max"] td').nth(1)).toHaveText('psi');

  await page.reload();
  const again = page.getByTestId('drift-cell').first();
  await expect(again.locator('tr[data-column="temp_max"] td').nth(1)).toHaveText('psi');
  await expect(again.locator('tr[data-column="temp_min"] td').nth(1)).toHaveText('ks');
  expect(Number(await again.locator('tr[data-column="temp_max"]').getAttribute('data-score'))).toBe(psi);
});

test('the dataset library reuses a stored reference in another workspace, and deletes with confirmation', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Workspace 2');
  await expect(page.getByTestId('drift-cell')).toHaveCount(0);
  await page.getByRole('button', { name: 'Use seattle-weather-2012-2013.csv as reference' }).click();
  await page.getByRole('button', { name: 'Use seattle-weather-2015.csv as current' }).click();
  const cell = page.getByTestId('drift-cell');
  await expect(cell).toHaveCount(1);
  await expectCellMatches(cell, expected.pairs.demo!);
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);

  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  await expect(page.getByTestId('dataset-item')).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete current.csv' }).click();
  await page.getByTestId('dataset-item').filter({ hasText: 'current.csv' }).getByRole('button', { name: 'Keep' }).click();
  await expect(page.getByTestId('dataset-item')).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete current.csv' }).click();
  await page.getByTestId('dataset-item').filter({ hasText: 'current.csv' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('dataset-item')).toHaveCount(2);
});

test('a ragged file can be loaded by skipping malformed rows, a Windows-1252 file by decoding it', async ({ page }) => {
  await openDemo(page);
  const bad = (name: string) => join(ROOT, 'tests/fixtures/bad', name);
  await page.getByTestId('reference-input').setInputFiles(bad('ragged-short.csv'));
  await expect(page.getByTestId('reference-error')).toContainText('ragged row: line 5 of ragged-short.csv');
  await page.getByRole('button', { name: 'Skip malformed rows and load' }).click();
  await expect(page.getByTestId('reference-warnings')).toContainText('skipped 1 malformed row');

  await page.getByTestId('current-input').setInputFiles(bad('windows-1252.csv'));
  await expect(page.getByTestId('current-error')).toContainText('not UTF-8: windows-1252.csv');
  await page.getByRole('button', { name: 'Decode as Windows-1252' }).click();
  await expect(page.getByTestId('current-dataset')).toContainText('windows-1252.csv');
});

test('column roles are editable; a target set by the user still counts in the dataset drift share (as Evidently)', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  const panel = page.getByTestId('drop-reference').getByTestId('role-panel');
  await expect(panel).toContainText('Column roles (all features)');
  await openDetails(panel);
  await panel.getByLabel('Role of plan').selectOption('target');
  await expect(panel.locator('summary')).toContainText('Column roles: plan = target');
  await expect(panel.getByTestId('role-source-plan')).toHaveText('set by you');
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  const cell = page.getByTestId('drift-cell').nth(1);
  // Every tested column counts, the target included (plan did not drift); it only leaves the feature share.
  await expect(cell.getByTestId('drift-summary')).toHaveText('Drift detected in 3 of 5 columns');
  await expect(cell.locator('tr[data-column="plan"] .role-tag')).toHaveText('target');
});

test("a column's type can be changed after loading, on both sides at once", async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('reference-input').setInputFiles(fixture('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(fixture('current.csv'));
  await expect(page.getByTestId('drift-cell')).toHaveCount(2);
  // age is numeric (ks); as categorical it is compared with chi-square.
  const panel = page.getByTestId('drop-reference').getByTestId('role-panel');
  await openDetails(panel);
  await panel.getByLabel('Type of age').selectOption('categorical');
  await expect(page.getByTestId('drop-current').getByTestId('role-panel').getByLabel('Type of age')).toHaveValue('categorical');
  await page.getByRole('button', { name: 'Use reference.csv as reference' }).click();
  await expect(page.getByTestId('drift-cell')).toHaveCount(3);
  const cell = page.getByTestId('drift-cell').nth(2);
  await expect(cell.locator('tr[data-column="age"] td').nth(0)).toHaveText('categorical');
  await expect(cell.locator('tr[data-column="age"] td').nth(1)).toHaveText('chisquare');
});

test('reading options: decimal commas and extra missing tokens apply to the next file', async ({ page }) => {
  await openDemo(page);
  const options = page.getByTestId('reading-options');
  await openDetails(options);
  await options.getByLabel('Decimal separator').selectOption(',');
  await options.getByLabel('Also read as missing (comma-separated)').fill('Lima');
  await page.getByTestId('reference-input').setInputFiles(join(ROOT, 'tests/fixtures/bad/semicolon-decimal-comma.csv'));
  const panel = page.getByTestId('drop-reference').getByTestId('role-panel');
  await expect(page.getByTestId('reference-dataset')).toContainText('semicolon-decimal-comma.csv');
  await expect(panel.getByLabel('Type of price')).toHaveValue('numeric');
});

test('guessed roles are suggestions: a numeric `time` and a `score` feature stay tested until the user sets their roles', async ({ page }) => {
  await openDemo(page);
  // Hour of day named `time` (numeric: no timestamp guess) and a credit `score` (guessed a model score): both drift.
  const rows = (n: number, shift: number) =>
    ['time,score,x', ...Array.from({ length: n }, (_, i) => `${(i % 12) + shift},${600 + ((i * 13) % 200) + shift * 8},${i % 3 === 0 ? 'a' : 'b'}`)].join('\n');
  const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${text}\n`) });
  await page.getByTestId('reference-input').setInputFiles(file('roles-ref.csv', rows(300, 0)));
  const panel = page.getByTestId('drop-reference').getByTestId('role-panel');
  await expect(panel.locator('summary')).toContainText('score = score (guessed)');
  await expect(panel.locator('summary')).not.toContainText('time =');
  await page.getByTestId('current-input').setInputFiles(file('roles-cur.csv', rows(300, 12)));
  const cell = page.getByTestId('drift-cell').nth(1);
  // Every column is tested and counts, the guessed score included.
  await expect(cell.getByTestId('drift-summary')).toHaveText('Drift detected in 2 of 3 columns');
  await expect(cell.locator('tr[data-column="time"]')).not.toContainText('not tested');
  await expect(cell.locator('tr[data-column="score"]')).not.toContainText('not tested');

  // A role the user sets does change the result: `time` as a timestamp is no longer tested.
  await openDetails(panel);
  await panel.getByLabel('Role of time').selectOption('timestamp');
  await expect(panel.getByTestId('role-source-time')).toHaveText('set by you');
  await expect(cell.getByText('stale')).toBeVisible();
  await cell.getByRole('button', { name: 'Run again' }).click();
  await expect(cell.getByTestId('drift-summary')).toHaveText('Drift detected in 1 of 2 columns');
  await expect(cell.locator('tr[data-column="time"]')).toContainText('not tested');
});
