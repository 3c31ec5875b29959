import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

// tests/fixtures/multivariate (generate_multivariate.py): NannyML's data reconstruction re-implemented with sklearn 1.2.
const ROOT = join(__dirname, '..', '..');
const file = (name: string) => join(ROOT, 'tests/fixtures/multivariate', name);
type Chunk = { value: number; alert: boolean };
const expected = JSON.parse(readFileSync(file('expected.json'), 'utf8')) as { mixed: { current: { chunks: Chunk[] }; classifier: { auc: number } } };

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

test('multivariate drift: PCA reconstruction error per chunk with NannyML’s alerts, then the domain classifier with feature importance', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await page.getByTestId('reference-input').setInputFiles(file('mixed-reference.csv'));
  await page.getByTestId('current-input').setInputFiles(file('mixed-current.csv'));
  await expect(page.getByTestId('quality-cell').last().locator('.cell-title')).toHaveText('mixed-reference.csv → mixed-current.csv');

  const cell = await addCell(page, 'Multivariate drift', 'multivariate');
  const form = cell.getByRole('form', { name: 'Multivariate drift settings' });
  await form.getByLabel('Or chunks of N rows').fill('100');
  await form.getByRole('button', { name: 'Apply' }).click();
  const chunks = expected.mixed.current.chunks;
  const alerts = chunks.filter((c) => c.alert).length;
  await expect(cell.getByTestId('multivariate-verdict')).toContainText(`${alerts} of ${chunks.length} current chunks alert`);
  const rows = cell.getByTestId('multivariate-chunks').locator('tbody tr');
  await expect(rows).toHaveCount(chunks.length);
  for (const [i, c] of chunks.entries()) {
    const shown = Number((await rows.nth(i).locator('td').nth(2).textContent())!.trim());
    expect(Math.abs(shown - c.value), `chunk ${i}`).toBeLessThan(5e-4 * c.value);
  }
  await expect(cell.getByTestId('multivariate-chart').locator('svg')).toBeVisible();
  await cell.scrollIntoViewIfNeeded();
  await cell.screenshot({ path: '/tmp/O-multivariate-pca.png' });

  await form.getByLabel('Method').selectOption('classifier');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(cell.getByTestId('multivariate-verdict')).toContainText(`ROC AUC reference vs current ${Number(expected.mixed.classifier.auc.toPrecision(4))}`);
  await expect(cell.getByTestId('multivariate-importance').locator('tbody tr')).toHaveCount(7);
  await cell.screenshot({ path: '/tmp/O-multivariate-classifier.png' });
});
