import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { openDemo } from './demo';
import { expect, test } from './guard';

// The demo: reference 2012–2013, current 2015 (daily Seattle weather). A suite suggested from the
// reference (lib/validation/profile.ts) has 40 expectations; on 2015 seven fail — precipitation
// (55.9 mm) and temp_max (35 °C) beyond the reference's range, the spread of precipitation and wind,
// the means of temp_max and temp_min, and the weather categories' KL divergence (2015 is sunnier).

async function addCell(page: Page, label: string): Promise<void> {
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
}

const json = async (download: Download) => JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;

test('validation: suggest a suite from the demo reference, run it on the current data, see failures, edit, export GX JSON', async ({ page }) => {
  await openDemo(page);
  await addCell(page, 'Validation');
  const cell = page.getByTestId('validation-cell');
  await expect(cell).toHaveCount(1);

  // A new cell suggests a suite from the reference and runs it on the current data.
  const summary = cell.getByTestId('validation-summary');
  await expect(summary).toContainText('33 of 40 expectations met (82.5%)');
  await expect(summary).toContainText('Failed');
  await expect(summary).toContainText('seattle-weather-2015.csv');
  await expect(cell).toContainText('suite suggested from seattle-weather-2012-2013.csv (731 rows)');
  const results = cell.getByTestId('validation-results');
  await expect(results.locator('tbody tr')).toHaveCount(40);
  const failed = results.locator('tbody tr[data-success="false"]');
  await expect(failed).toHaveCount(7);
  const precipitation = failed.filter({ hasText: 'expect_column_values_to_be_between' }).filter({ hasText: 'precipitation' });
  await expect(precipitation).toContainText('1 of 365 unexpected');
  await expect(precipitation).toContainText('55.9');
  await cell.getByLabel('Failed expectations only').check();
  await expect(results.locator('tbody tr')).toHaveCount(7);
  // Rows keep their place in the suite: precipitation's range is expectation 7.
  await expect(results.locator('tbody tr').first().locator('td').first()).toHaveText('7');
  await cell.screenshot({ path: '/tmp/h-validation-results.png' });

  // The suite as a table: widen precipitation's range with the form; the cell runs again.
  await cell.getByRole('tab', { name: 'Suite', exact: true }).click();
  const rows = cell.getByTestId('suite-row');
  await expect(rows).toHaveCount(40);
  await expect(rows.nth(6)).toContainText('expect_column_values_to_be_between');
  await expect(rows.nth(6)).toContainText('precipitation');
  await cell.getByRole('button', { name: 'Edit expectation 7' }).click();
  const form = cell.getByRole('form', { name: 'Edit expectation 7' });
  await expect(form.getByLabel('Expectation type')).toHaveValue('expect_column_values_to_be_between');
  await form.getByLabel(/^max_value/).fill('60');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/h-validation-form.png' });
  // An invalid value is refused with the engine's message (mostly above 1).
  await form.getByLabel(/^mostly/).fill('2');
  await expect(form.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expect(form).toContainText('mostly');
  await form.getByLabel(/^mostly/).fill('');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(summary).toContainText('34 of 40 expectations met (85%)');

  // The JSON view shows the edited suite.
  await cell.getByRole('tab', { name: 'Suite JSON' }).click();
  await expect(cell.getByTestId('suite-json')).toHaveValue(/"max_value": 60/);
  await cell.screenshot({ path: '/tmp/h-validation-json.png' });

  // Exports: the suite and the result as GX 1.x JSON.
  const [suiteDownload] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Export suite' }).click()]);
  expect(suiteDownload.suggestedFilename()).toMatch(/\.suite\.json$/);
  const suite = await json(suiteDownload);
  expect(suite.name).toBe('seattle-weather-2012-2013.csv profile');
  expect((suite.expectations as { type: string; kwargs: Record<string, unknown> }[])[6]).toMatchObject({
    type: 'expect_column_values_to_be_between',
    kwargs: { column: 'precipitation', max_value: 60 },
  });
  const [resultDownload] = await Promise.all([page.waitForEvent('download'), cell.getByRole('button', { name: 'Export results' }).click()]);
  const result = await json(resultDownload);
  expect(result).toMatchObject({
    success: false,
    suite_name: 'seattle-weather-2012-2013.csv profile',
    statistics: { evaluated_expectations: 40, successful_expectations: 34 },
  });
  expect((result.results as unknown[]).length).toBe(40);

  // A failed row's column opens its column detail (drift of that column) below the cell.
  await cell.getByRole('tab', { name: 'Results' }).click();
  await cell.getByRole('button', { name: 'Column detail of temp_max' }).first().click();
  await expect(page.getByTestId('column-cell')).toHaveCount(1);
  await expect(page.getByTestId('column-cell')).toContainText('temp_max');
});
