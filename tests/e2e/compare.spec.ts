import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './guard';

// tests/fixtures/compare-cells (generate_compare_cells.py): three models on the same 2,000 rows (the
// challenger planted ~4 points more accurate) and 6,000 A/B sessions logged 3,200 / 2,800 against a
// planned 50/50 split (a sample-ratio mismatch), with sklearn/statsmodels/scipy reference numbers.
const ROOT = join(__dirname, '..', '..');
const file = (name: string) => join(ROOT, 'tests/fixtures/compare-cells', name);
const expected = JSON.parse(readFileSync(file('expected.json'), 'utf8')) as {
  comparison: { accuracy: Record<string, number>; pairs: { a: string; b: string; mcnemar: { pValue: number } }[]; friedman: { statistic: number } };
  abtest: { variants: { name: string; rate: number }[]; srm: { statistic: number; pValue: number } };
};

/** A displayed number (4 significant digits, "−" minus, thousands commas, a % sign) within display precision of the exact value. */
async function expectShown(cell: Locator, exact: number, what: string): Promise<void> {
  const tolerance = Math.max(Math.abs(exact) * 5e-4, 5e-5);
  const shown = async () => Number((await cell.textContent())!.trim().replace(/−/g, '-').replace(/,/g, '').replace(/%$/, ''));
  await expect.poll(async () => Math.abs((await shown()) - exact), { message: `${what}: exact ${exact}` }).toBeLessThanOrEqual(tolerance);
}

async function upload(page: Page, name: string): Promise<void> {
  await page.getByTestId('reference-input').setInputFiles(file(name));
  await page.getByTestId('current-input').setInputFiles(file(name));
  await expect(page.getByTestId('quality-cell').last().locator('.cell-title')).toHaveText(`${name} → ${name}`);
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

test('model comparison (shadow): three models, verdict with its numbers, McNemar per pair, Friedman over chunks, charts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await upload(page, 'shadow.csv');
  const cell = await addCell(page, 'Model comparison', 'comparison');
  const form = cell.getByRole('form', { name: 'Model comparison settings' });
  await form.getByLabel('Target').selectOption('y');
  await form.getByLabel('Prediction columns (one per model)').selectOption(['pred_champion', 'pred_challenger', 'pred_baseline']);
  await form.getByLabel('Score columns (for DeLong)').selectOption(['score_champion', 'score_challenger', 'score_baseline']);
  await form.getByLabel('Friedman blocks: row chunks').fill('5');
  await form.getByLabel('Bootstrap resamples').fill('300');
  await form.getByRole('button', { name: 'Apply' }).click();

  const models = cell.getByTestId('comparison-models');
  await expect(models.locator('tbody tr')).toHaveCount(3);
  for (const [name, accuracy] of Object.entries(expected.comparison.accuracy)) {
    // Model | Rows | accuracy | …: accuracy is the first metric column.
    await expectShown(models.locator(`tr[data-row="${name}"] td`).nth(1), accuracy, `${name} accuracy`);
  }
  const verdict = cell.getByTestId('comparison-verdict');
  await expect(verdict).toContainText('pred_challenger');
  await expect(verdict).toContainText(/\d/);

  const pairs = cell.getByTestId('comparison-pairs');
  await expect(pairs.locator('tbody tr')).toHaveCount(3);
  for (const p of expected.comparison.pairs) {
    const row = pairs.locator(`tr[data-row="${p.a} vs ${p.b}"]`);
    await expect(row).toHaveCount(1);
    // Pair | agreement | κ | McNemar | McNemar p
    await expectShown(row.locator('td').nth(3), p.mcnemar.pValue, `${p.a}/${p.b} McNemar p`);
  }
  await expect(cell.getByTestId('comparison-deltas').locator('tbody tr').first()).toBeVisible();
  await expect(cell.getByTestId('comparison-friedman-note')).toContainText(`χ²F = ${expected.comparison.friedman.statistic}`);
  await expect(cell.getByTestId('comparison-friedman').locator('tbody tr')).toHaveCount(6);
  for (const id of ['comparison-metric-chart', 'comparison-delta-chart', 'comparison-disagreement', 'comparison-block-chart'])
    await expect(cell.getByTestId(id).locator('svg')).toBeVisible();
  await cell.getByTestId('comparison-verdict').scrollIntoViewIfNeeded();
  await cell.screenshot({ path: '/tmp/L-comparison.png' });
});

test('A/B test: columns guessed, the sample-ratio mismatch flagged, rates with intervals, looks counted across openings', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('drift-cell').first().getByTestId('drift-summary')).toBeVisible();
  await upload(page, 'abtest.csv');
  const cell = await addCell(page, 'A/B test', 'abtest');

  const srm = cell.getByTestId('abtest-srm');
  await expect(srm).toHaveAttribute('data-mismatch', 'true');
  await expect(srm).toContainText('SAMPLE-RATIO MISMATCH');
  await expect(srm).toContainText(`χ² = ${expected.abtest.srm.statistic.toPrecision(4).replace(/\.?0+$/, '')}`);
  const variants = cell.getByTestId('abtest-variants');
  for (const v of expected.abtest.variants)
    await expect(variants.locator(`tr[data-row="${v.name}"] td`).nth(2)).toHaveText(`${Number((v.rate * 100).toFixed(1))}%`);
  await expect(cell.getByTestId('abtest-comparisons').locator('tbody tr')).toHaveCount(1);
  await expect(cell.getByTestId('abtest-rate-chart').locator('svg')).toBeVisible();
  await expect(cell.getByTestId('abtest-window-chart').locator('svg')).toBeVisible();
  await expect(cell.getByTestId('abtest-windows').locator('tbody tr')).toHaveCount(14);
  // Opening the result is the first look: no peeking warning yet.
  await expect(cell.getByTestId('abtest-state')).toContainText('looked at 1 time');
  await expect(cell.getByRole('list', { name: 'Peeking' })).toHaveCount(0);
  await cell.screenshot({ path: '/tmp/L-abtest.png' });

  // Opening the notebook again is another look at the running test: the peeking warning says how many.
  await page.reload();
  const again = page.locator('[data-cell-kind="abtest"]').last();
  await expect(again.getByTestId('abtest-state')).toContainText('looked at 2 times');
  await expect(again.getByRole('list', { name: 'Peeking' })).toContainText('looked at 2 times');
  // A finished test counts no more looks and warns no more.
  await again.getByLabel(/^Test finished/).check();
  await again.getByRole('button', { name: 'Apply' }).click();
  await expect(again.getByTestId('abtest-state')).toContainText('finished (final analysis)');
  await expect(again.getByRole('list', { name: 'Peeking' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-cell-kind="abtest"]').last().getByTestId('abtest-state')).toContainText('finished (final analysis)');
  await page.locator('[data-cell-kind="abtest"]').last().getByTestId('abtest-srm').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/L-abtest-finished.png' });
});
