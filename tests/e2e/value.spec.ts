import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

// tests/fixtures/value (generate_value.py): two models scored on 600 reference and 403 current rows, with
// NannyML's business_value re-implemented in numpy/sklearn (realized: confusion matrix × value matrix).
const ROOT = join(__dirname, '..', '..');
const file = (name: string) => join(ROOT, 'tests/fixtures/value', name);
type Value = { total: number; perPrediction: number; perPredictionNannyML: number; roi: number; confusion: Record<string, number> };
const expected = JSON.parse(readFileSync(file('expected.json'), 'utf8')) as { models: Record<string, { realized: Value }> };

/** A displayed number ("−" minus, thousands commas, a % sign) within display precision (4 significant digits) of the exact value. */
async function expectShown(cell: Locator, exact: number, what: string): Promise<void> {
  const tolerance = Math.max(Math.abs(exact) * 5e-4, 5e-5);
  const shown = async () => Number((await cell.textContent())!.trim().replace(/−/g, '-').replace(/,/g, '').replace(/ ?%$/, ''));
  await expect.poll(async () => Math.abs((await shown()) - exact), { message: `${what}: exact ${exact}` }).toBeLessThanOrEqual(tolerance);
}

async function addCell(page: Page, label: string, kind: string): Promise<Locator> {
  const before = await page.locator(`[data-cell-kind="${kind}"]`).count();
  await page
    .getByRole('button', { name: /^Add a cell at position/ })
    .last()
    .click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
  const added = page.locator(`[data-cell-kind="${kind}"]`);
  await expect(added).toHaveCount(before + 1);
  return added.last();
}

async function fillMatrix(form: Locator): Promise<void> {
  await form.getByLabel('Value of a TP').fill('5');
  await form.getByLabel('Value of an FP').fill('-1');
  await form.getByLabel('Value of a TN').fill('0');
  await form.getByLabel('Value of an FN').fill('-10');
  await form.getByLabel('Serving cost per prediction').fill('0.001');
}

async function expectRealized(row: Locator, want: Value, what: string): Promise<void> {
  await expectShown(row.locator('td[data-metric="total"]'), want.total, `${what} total`);
  await expectShown(row.locator('td[data-metric="perPrediction"]'), want.perPrediction, `${what} per prediction`);
  await expectShown(row.locator('td[data-metric="perPredictionNannyML"]'), want.perPredictionNannyML, `${what} per prediction (NannyML)`);
  await expectShown(row.locator('td[data-metric="roi"]'), want.roi * 100, `${what} ROI %`);
  await expect(row.locator('td[data-metric="tp"]')).toHaveText(String(want.confusion.tp));
}

test('business value: per model realized (= NannyML re-implementation) and estimated (CBPE), per chunk and segment; the section in a classification cell', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await page.getByTestId('reference-input').setInputFiles(file('reference.csv'));
  await page.getByTestId('current-input').setInputFiles(file('current.csv'));
  await expect(page.getByTestId('quality-cell').last().locator('.cell-title')).toHaveText('reference.csv → current.csv');

  const cell = await addCell(page, 'Business value', 'value');
  const form = cell.getByRole('form', { name: 'Business value settings' });
  await form.getByLabel('Target', { exact: true }).selectOption('y');
  await form.getByLabel('Prediction columns', { exact: true }).selectOption(['pred_a', 'pred_b']);
  await form.getByLabel('Score columns', { exact: true }).selectOption(['score_a', 'score_b']);
  await fillMatrix(form);
  await form.getByLabel('Chunks', { exact: true }).fill('4');
  await form.getByLabel('Segments by').selectOption('region');
  await form.getByRole('button', { name: 'Apply' }).click();

  const table = cell.getByTestId('value-table');
  for (const model of ['pred_a', 'pred_b']) {
    await expectRealized(table.locator(`tr[data-row="${model}/overall/all rows/realized"]`), expected.models[model]!.realized, model);
    await expect(table.locator(`tr[data-row="${model}/overall/all rows/estimated"]`)).toHaveCount(1);
    // 4 chunks of 100 rows + the incomplete one (NannyML's CountBasedChunker), 3 regions; realized and estimated each.
    await expect(table.locator(`tr[data-row^="${model}/window/"]`)).toHaveCount(10);
    await expect(table.locator(`tr[data-row^="${model}/segment/"]`)).toHaveCount(6);
  }
  await expect(cell.getByTestId('value-settings')).toContainText('value of TP 5, FP -1, TN 0, FN -10 per row');
  await cell.getByTestId('value-settings').scrollIntoViewIfNeeded();
  await cell.screenshot({ path: '/tmp/K-value-cell.png' });

  const quality = await addCell(page, 'Classification quality', 'classification');
  const qform = quality.getByRole('form', { name: /Classification/ });
  await qform.getByLabel('Target', { exact: true }).selectOption('y');
  await qform.getByLabel('Prediction', { exact: true }).selectOption('pred_a');
  await qform.getByRole('button', { name: 'Apply' }).click();
  await expect(quality.getByTestId('classification-metrics')).toBeVisible();
  const section = quality.getByTestId('classification-value-section');
  await section.locator('summary').click();
  await fillMatrix(section.getByRole('form', { name: 'Business value settings' }));
  await section.getByRole('button', { name: 'Apply' }).click();
  await expectRealized(
    quality.getByTestId('classification-value').locator('tr[data-row="pred_a/overall/current/realized"]'),
    expected.models.pred_a!.realized,
    'classification cell',
  );
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: '/tmp/K-classification-value.png' });
});
